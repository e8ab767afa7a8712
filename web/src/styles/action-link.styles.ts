/**
 * A link drawn as the page's main call to action (「意見を出す」): filled,
 * at least 44px tall, underlined on hover, with the usual focus ring.
 */
import { css } from 'lit';

export const actionLinkStyles = css`
  a.action-link {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    min-height: 44px;
    padding: var(--space-2) var(--space-5);
    border: 2px solid var(--color-accent);
    border-radius: var(--radius);
    background: var(--color-accent);
    color: #fff;
    font-weight: 700;
    text-decoration: none;
  }

  a.action-link:hover {
    border-color: var(--color-link-hover);
    background: var(--color-link-hover);
    color: #fff;
    text-decoration: underline;
  }

  /* A paragraph holding the call to action, apart from what surrounds it. */
  .action-row {
    margin: var(--space-4) 0 var(--space-2);
  }

  a.action-link:focus-visible {
    outline: 3px solid var(--color-focus);
    outline-offset: 2px;
  }
`;
