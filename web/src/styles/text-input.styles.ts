/**
 * Full-width text fields and checkboxes with a 44px hit area, for forms of
 * short fields (sign-in, accounts, comments). Used beside formStyles, which
 * draws the fields themselves.
 */
import { css } from 'lit';

export const textInputStyles = css`
  /* One line of text across the form's width (formStyles draws the box, focus ring and error border). */
  input[type='text'],
  input[type='email'],
  input[type='password'],
  input[type='tel'],
  input[type='search'] {
    width: 100%;
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
