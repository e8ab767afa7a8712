/**
 * Text fields that form.styles.ts does not cover (e-mail, password,
 * telephone, search) drawn exactly like its text fields, and checkboxes with
 * a 44px hit area. Used beside formStyles.
 */
import { css } from 'lit';

export const textInputStyles = css`
  input[type='email'],
  input[type='password'],
  input[type='tel'],
  input[type='search'] {
    display: block;
    width: 100%;
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

  input[type='text'] {
    width: 100%;
  }

  input[type='email']:focus-visible,
  input[type='password']:focus-visible,
  input[type='tel']:focus-visible,
  input[type='search']:focus-visible,
  input[type='checkbox']:focus-visible {
    outline: 3px solid var(--color-focus);
    outline-offset: 2px;
  }

  input[aria-invalid='true'],
  select[aria-invalid='true'],
  textarea[aria-invalid='true'] {
    border: 2px solid var(--tone-danger-fg);
  }

  /* A checkbox and its label: the whole row is the target, at least 44px tall. */
  .check {
    display: inline-flex;
    align-items: center;
    gap: var(--space-2);
    min-height: 44px;
    font-weight: 400;
    cursor: pointer;
  }

  .check input[type='checkbox'] {
    width: 1.25rem;
    height: 1.25rem;
    margin: 0;
    accent-color: var(--color-accent);
  }
`;
