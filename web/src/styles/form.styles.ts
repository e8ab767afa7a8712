/**
 * Form controls: labels with hints, text fields, selects, file inputs and
 * buttons. Every control is at least 44px tall, outlined at 4.5:1 and shows a
 * 3px focus ring; errors are marked in text as well as colour.
 */
import { css } from 'lit';

export const formStyles = css`
  .field + .field {
    margin-top: var(--space-4);
  }

  .field > label,
  .label {
    display: block;
    font-weight: 700;
  }

  .hint {
    margin-top: var(--space-1);
    color: var(--color-muted);
    font-size: 0.875rem;
  }

  .required {
    margin-left: var(--space-2);
    padding: 0 0.5em;
    border-radius: 4px;
    background: var(--tone-danger-bg);
    color: var(--tone-danger-fg);
    font-size: 0.8125rem;
    font-weight: 700;
    vertical-align: 0.1em;
  }

  input[type='text'],
  input[type='email'],
  input[type='password'],
  input[type='tel'],
  input[type='search'],
  input[type='date'],
  input[type='file'],
  select,
  textarea {
    display: block;
    max-width: 100%;
    min-height: 44px;
    margin-top: var(--space-2);
    padding: var(--space-2) var(--space-3);
    border: 1px solid var(--color-border-strong);
    border-radius: var(--radius);
    background: var(--color-page);
    color: var(--color-text);
    font: inherit;
    line-height: 1.6;
  }

  input[type='file'] {
    width: 100%;
    padding: var(--space-1) var(--space-2);
  }

  input[type='file']::file-selector-button {
    min-height: 36px;
    margin-right: var(--space-3);
    padding: 0 var(--space-3);
    border: 1px solid var(--color-accent);
    border-radius: var(--radius);
    background: var(--color-page);
    color: var(--color-accent);
    font: inherit;
    font-weight: 700;
    cursor: pointer;
  }

  textarea {
    width: 100%;
    resize: vertical;
    font-family: var(--font-sans);
  }

  input:focus-visible,
  select:focus-visible,
  textarea:focus-visible,
  button:focus-visible {
    outline: 3px solid var(--color-focus);
    outline-offset: 2px;
  }

  [aria-invalid='true'] {
    border: 2px solid var(--tone-danger-fg);
  }

  .field-error {
    margin-top: var(--space-2);
    color: var(--tone-danger-fg);
    font-weight: 700;
  }

  .field-error::before {
    content: '⚠ ';
  }

  button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    min-height: 44px;
    padding: var(--space-2) var(--space-5);
    border: 2px solid var(--color-accent);
    border-radius: var(--radius);
    background: var(--color-accent);
    color: #fff;
    font: inherit;
    font-weight: 700;
    cursor: pointer;
  }

  button:hover {
    border-color: var(--color-link-hover);
    background: var(--color-link-hover);
  }

  button.secondary {
    background: var(--color-page);
    color: var(--color-accent);
  }

  button.secondary:hover {
    background: var(--color-surface);
    color: var(--color-link-hover);
  }

  button:disabled,
  button:disabled:hover {
    border-color: var(--color-border-strong);
    background: var(--color-surface-strong);
    color: var(--color-muted);
    cursor: not-allowed;
  }

  .actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--space-3);
    margin-top: var(--space-5);
  }
`;
