/**
 * The box a page shows instead of its content when it is not for the reader's
 * role (「このページは事務局向けです」), with where to go instead.
 */
import { css } from 'lit';

export const roleMessageStyles = css`
  .message {
    padding: var(--space-4);
    border: 1px solid var(--color-border-strong);
    border-left: 6px solid var(--color-accent);
    border-radius: var(--radius);
    background: var(--color-surface);
  }

  .message p + p {
    margin-top: var(--space-2);
  }

  .message a {
    display: inline-block;
    padding: var(--space-2) 0;
    font-weight: 700;
  }
`;
