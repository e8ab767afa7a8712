import { css } from 'lit';

export const importPageStyles = css`
  form {
    max-width: 44rem;
  }

  fieldset {
    margin: 0;
    padding: var(--space-4) var(--space-5) var(--space-5);
    border: 1px solid var(--color-border-strong);
    border-radius: var(--radius);
  }

  legend {
    padding: 0 var(--space-2);
    font-size: 1.125rem;
    font-weight: 700;
  }

  .legend-hint {
    margin: 0 0 var(--space-4);
  }

  .or {
    display: flex;
    align-items: center;
    gap: var(--space-3);
    margin: var(--space-4) 0;
    color: var(--color-muted);
    font-weight: 700;
  }

  .or::before,
  .or::after {
    content: '';
    flex: 1;
    border-top: 1px solid var(--color-border);
  }

  .or + .field {
    margin-top: 0;
  }

  .chosen {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--space-2) var(--space-3);
    margin-top: var(--space-2);
  }

  button.small {
    padding: var(--space-1) var(--space-3);
  }

  .kind-field {
    margin-top: var(--space-5);
  }

  .kind-field select {
    width: 100%;
    max-width: 28rem;
  }

  .actions .hint {
    margin-top: 0;
  }

  .busy:empty {
    display: none;
  }

  .busy {
    margin: var(--space-4) 0 0;
    color: var(--color-muted);
    font-weight: 700;
  }

  .result {
    margin-top: var(--space-6);
    padding-top: var(--space-5);
    border-top: 4px solid var(--color-accent);
  }

  .result h2 {
    margin-bottom: var(--space-3);
  }

  .heading-note {
    display: inline-block;
    margin-left: 0.25em;
    color: var(--color-muted);
    font-size: 1rem;
  }

  .result h3 {
    margin: var(--space-5) 0 var(--space-2);
  }

  .counts {
    display: flex;
    flex-wrap: wrap;
    gap: var(--space-2);
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .counts li {
    padding: var(--space-1) var(--space-3);
    border: 1px solid var(--color-border-strong);
    border-radius: var(--radius);
    background: var(--color-surface);
  }

  .nothing-new {
    color: var(--color-muted);
    font-weight: 700;
  }

  .notice {
    margin: var(--space-3) 0;
    padding: var(--space-3) var(--space-4);
    border: 1px solid var(--tone-info-fg);
    border-left-width: 6px;
    border-radius: var(--radius);
    background: var(--tone-info-bg);
    color: var(--tone-info-fg);
  }

  .warnings {
    margin: var(--space-2) 0 0;
    padding: 0;
    list-style: none;
  }

  .warnings li {
    display: grid;
    grid-template-columns: 5.5em 1fr;
    gap: var(--space-3);
    padding: var(--space-2) var(--space-3);
    border-left: 4px solid var(--tone-warning-fg);
    background: var(--tone-warning-bg);
    color: var(--tone-warning-fg);
  }

  .warnings li + li {
    margin-top: 2px;
  }

  .line {
    font-weight: 700;
    white-space: nowrap;
  }

  .more-warnings {
    margin-top: var(--space-2);
  }

  .more-warnings summary {
    display: inline-flex;
    align-items: center;
    min-height: 44px;
    color: var(--color-link);
    font-weight: 700;
    text-decoration: underline;
    cursor: pointer;
  }

  .more-warnings summary:focus-visible {
    outline: 3px solid var(--color-focus);
    outline-offset: 2px;
  }

  .document {
    padding: var(--space-4);
    border: 1px solid var(--color-border);
    border-radius: var(--radius);
  }

  .import-error .error {
    margin-top: var(--space-2);
  }

  .error-next {
    margin-top: var(--space-2);
    font-weight: 400;
  }

  .links {
    margin: 0;
    padding-left: 1.25em;
  }

  .links li {
    padding: var(--space-1) 0;
    line-height: 1.9;
  }

  .links a {
    font-weight: 700;
  }

  @media (max-width: 600px) {
    fieldset {
      padding: var(--space-3) var(--space-3) var(--space-4);
    }
    .warnings li {
      grid-template-columns: 1fr;
      gap: 0;
    }
    .document {
      padding: var(--space-3);
    }
  }
`;
