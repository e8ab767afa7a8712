/**
 * Styles every element shares inside its shadow root: links and focus rings,
 * headings, badges, facts lists, loading and error boxes.
 */
import { css } from 'lit';

export const sharedStyles = css`
  :host {
    display: block;
  }

  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }

  a {
    color: var(--color-link);
    text-decoration: underline;
    text-underline-offset: 0.2em;
  }

  a:hover {
    color: var(--color-link-hover);
    text-decoration-thickness: 2px;
  }

  a:focus-visible,
  [tabindex='0']:focus-visible {
    outline: 3px solid var(--color-focus);
    outline-offset: 2px;
    border-radius: 2px;
  }

  /* Headings receive focus only from the router; a ring there would look like a control. */
  [tabindex='-1']:focus {
    outline: none;
  }

  h1,
  h2,
  h3,
  h4 {
    line-height: 1.45;
    font-weight: 700;
    margin: 0;
    /* Break Japanese headings between phrases where the browser can (Chrome 119+). */
    word-break: auto-phrase;
  }

  h1 {
    font-size: 1.75rem;
  }

  h2 {
    font-size: 1.375rem;
  }

  h3 {
    font-size: 1.125rem;
  }

  h4 {
    font-size: 1rem;
  }

  p {
    margin: 0;
  }

  @media (max-width: 600px) {
    h1 {
      font-size: 1.5rem;
    }
    h2 {
      font-size: 1.25rem;
    }
  }

  .visually-hidden {
    position: absolute !important;
    width: 1px;
    height: 1px;
    padding: 0;
    margin: -1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }

  .eyebrow {
    color: var(--color-muted);
    font-size: 0.9375rem;
    font-weight: 700;
    margin-bottom: var(--space-1);
  }

  .code {
    display: inline-block;
    min-width: 2em;
    margin-right: 0.5em;
    padding: 0 0.4em;
    border: 1px solid var(--color-border-strong);
    border-radius: 4px;
    font-size: 0.875em;
    font-weight: 700;
    line-height: 1.6;
    text-align: center;
    vertical-align: 0.1em;
    white-space: nowrap;
  }

  /* Badges: the text carries the meaning, the colour only helps scanning. */
  .badge {
    display: inline-block;
    padding: 0 0.6em;
    border: 1px solid currentColor;
    border-radius: 999px;
    font-size: 0.875rem;
    font-weight: 700;
    line-height: 1.7;
    white-space: nowrap;
  }

  .tone-success {
    color: var(--tone-success-fg);
    background: var(--tone-success-bg);
  }
  .tone-info {
    color: var(--tone-info-fg);
    background: var(--tone-info-bg);
  }
  .tone-teal {
    color: var(--tone-teal-fg);
    background: var(--tone-teal-bg);
  }
  .tone-warning {
    color: var(--tone-warning-fg);
    background: var(--tone-warning-bg);
  }
  .tone-danger {
    color: var(--tone-danger-fg);
    background: var(--tone-danger-bg);
  }
  .tone-neutral {
    color: var(--tone-neutral-fg);
    background: var(--tone-neutral-bg);
  }
  .tone-outline {
    color: var(--color-text);
    background: var(--color-page);
    border-color: var(--color-border-strong);
  }

  /* Label–value pairs shown inline: 開催日 令和6年11月15日 … */
  .facts {
    display: flex;
    flex-wrap: wrap;
    gap: var(--space-1) var(--space-5);
    margin: 0;
  }

  .facts > div {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0 var(--space-2);
  }

  .facts dt {
    color: var(--color-muted);
    font-weight: 700;
  }

  .facts dd {
    margin: 0;
  }

  .status {
    margin: var(--space-5) 0;
    color: var(--color-muted);
  }

  .error {
    margin: var(--space-5) 0;
    padding: var(--space-4);
    border: 2px solid var(--tone-danger-fg);
    border-left-width: 6px;
    border-radius: var(--radius);
    background: var(--tone-danger-bg);
    color: var(--tone-danger-fg);
    font-weight: 700;
  }

  .error a {
    color: var(--tone-danger-fg);
  }

  .error-details {
    margin: var(--space-2) 0 0;
    padding-left: 1.25em;
    font-weight: 400;
  }

  .error-place {
    margin-right: 0.5em;
    font-weight: 700;
  }

  .page-header {
    margin-bottom: var(--space-6);
    padding-bottom: var(--space-4);
    border-bottom: 1px solid var(--color-border);
  }

  .page-header h1 {
    margin-bottom: var(--space-3);
  }

  .lead {
    color: var(--color-muted);
    margin-top: var(--space-2);
  }
`;
