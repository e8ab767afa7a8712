import { css } from 'lit';

/** 担当の意見: groups of opinion cards, the 差戻し ones with the secretariat's comment. */
export const inboxPageStyles = css`
  .group-returned > h2 {
    border-left-color: var(--tone-danger-fg);
  }

  .group-due_soon > h2 {
    border-left-color: var(--tone-warning-fg);
  }

  .count {
    font-size: 1rem;
    font-weight: 700;
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

  .item h3 a {
    display: inline-block;
    padding: var(--space-1) 0;
  }

  .meeting {
    font-size: 0.9375rem;
    font-weight: 400;
  }

  .excerpt {
    margin: var(--space-1) 0 var(--space-2);
  }

  .item .facts {
    font-size: 0.9375rem;
  }

  .due-words {
    margin-left: 0.25em;
    font-weight: 700;
  }

  .return-comment {
    margin-top: var(--space-3);
    padding: var(--space-2) var(--space-3);
    border-left: 6px solid var(--tone-danger-fg);
    border-radius: 0 var(--radius) var(--radius) 0;
    background: var(--tone-danger-bg);
  }

  .return-label {
    color: var(--tone-danger-fg);
    font-size: 0.875rem;
    font-weight: 700;
  }

  .return-text {
    white-space: pre-line;
    font-weight: 700;
  }

  .empty {
    color: var(--color-muted);
  }
`;
