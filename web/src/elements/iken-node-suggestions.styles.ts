import { css } from 'lit';

/** 結び付ける施策の候補: each candidate on a row, its button (or 結び付け済み) at the end; stacked on a phone. */
export const nodeSuggestionsStyles = css`
  .suggestions {
    margin: var(--space-3) 0 0;
    padding: 0;
    list-style: none;
  }

  .suggestion {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: var(--space-2) var(--space-4);
    padding: var(--space-3) 0;
    border-top: 1px solid var(--color-border);
  }

  .suggestion:last-child {
    border-bottom: 1px solid var(--color-border);
  }

  .what {
    flex: 1 1 20rem;
    min-width: 0;
  }

  .level {
    color: var(--color-muted);
    font-size: 0.875rem;
    font-weight: 700;
  }

  .parent {
    margin-left: 0.75em;
    font-weight: 400;
  }

  .parent::before {
    content: '（';
  }

  .parent::after {
    content: '）';
  }

  .title a {
    display: inline-block;
    padding: var(--space-1) 0;
    font-weight: 700;
  }

  .how {
    flex: none;
  }

  .how button {
    padding-left: var(--space-4);
    padding-right: var(--space-4);
  }

  .muted {
    color: var(--color-muted);
  }

  .small {
    margin-bottom: var(--space-2);
    font-size: 0.875rem;
  }

  .notice {
    margin-top: var(--space-3);
    color: var(--tone-success-fg);
    font-weight: 700;
  }

  .notice:empty {
    margin: 0;
  }
`;
