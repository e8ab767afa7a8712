import { css } from 'lit';

/**
 * A toggle button (`button.toggle` with `aria-pressed`), as the search facets
 * and the follow-up filters use it: outlined when off, filled with a check
 * mark when on, so the state is not told by colour alone. The check mark is
 * decoration and is not read aloud. Pages set the size and spacing.
 */
export const toggleButtonStyles = css`
  button.toggle {
    gap: var(--space-2);
    border: 1px solid var(--color-border-strong);
    background: var(--color-page);
    color: var(--color-text);
    font-weight: 400;
  }

  button.toggle:hover {
    border-color: var(--color-accent);
    background: var(--color-surface);
    color: var(--color-text);
  }

  button.toggle[aria-pressed='true'] {
    border: 2px solid var(--color-accent);
    background: var(--color-accent);
    color: #fff;
    font-weight: 700;
  }

  button.toggle[aria-pressed='true']::before {
    content: '✓' / '';
  }

  button.toggle[aria-pressed='true']:hover {
    background: var(--color-link-hover);
  }
`;
