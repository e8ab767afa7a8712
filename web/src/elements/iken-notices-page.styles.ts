import { css } from 'lit';

/** お知らせ: a row of jump links, then one group per kind of notice, each a list of cards. */
export const noticesPageStyles = css`
  .lead a {
    font-weight: 700;
  }

  .group-overdue > h2,
  .group-returned > h2 {
    border-left-color: var(--tone-danger-fg);
  }

  .group-due_soon > h2,
  .group-not_reported > h2 {
    border-left-color: var(--tone-warning-fg);
  }

  .count {
    font-size: 1rem;
  }

  .group-lead {
    margin-bottom: var(--space-3);
    color: var(--color-muted);
    font-size: 0.9375rem;
  }

  .items {
    display: grid;
    gap: var(--space-3);
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .item {
    padding: var(--space-3) var(--space-4);
    border: 1px solid var(--color-border);
    border-radius: var(--radius);
  }

  .title {
    font-weight: 700;
  }

  .title a {
    display: inline-block;
    padding: var(--space-1) 0;
  }

  .notice-message {
    margin-top: var(--space-1);
  }

  .date {
    margin-top: var(--space-1);
    color: var(--color-muted);
    font-size: 0.875rem;
  }

  .empty {
    color: var(--color-muted);
  }
`;
