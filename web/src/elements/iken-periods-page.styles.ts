import { css } from 'lit';

/** 報告期間: the periods as cards with their actions, the 受付開始 form, and the not-reported list per department. */
export const periodsPageStyles = css`
  section {
    margin-top: var(--space-6);
  }

  section > h2 {
    margin-bottom: var(--space-3);
    padding-left: var(--space-3);
    border-left: 6px solid var(--color-accent);
  }

  .notice {
    font-weight: 700;
  }

  .notice:empty {
    display: none;
  }

  .periods {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(17rem, 1fr));
    gap: var(--space-3);
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .period {
    padding: var(--space-3) var(--space-4);
    border: 1px solid var(--color-border);
    border-radius: var(--radius);
  }

  .period[data-state='closed'] {
    background: var(--color-surface);
  }

  .period-head {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--space-1) var(--space-2);
    margin-bottom: var(--space-2);
  }

  .period .facts {
    flex-direction: column;
    font-size: 0.9375rem;
  }

  .period .actions {
    margin-top: var(--space-3);
  }

  .confirm {
    margin-top: var(--space-3);
    padding: var(--space-3);
    border: 2px solid var(--tone-warning-fg);
    border-radius: var(--radius);
    background: var(--tone-warning-bg);
  }

  .confirm p {
    margin-top: var(--space-1);
  }

  .confirm .actions {
    margin-top: var(--space-3);
  }

  .open-section form {
    max-width: 32rem;
  }

  .chase-section select {
    width: 100%;
    max-width: 20rem;
  }

  .chase-result {
    margin-top: var(--space-4);
  }

  .chase-summary {
    margin-bottom: var(--space-3);
  }

  .department {
    margin-top: var(--space-4);
  }

  .department > h3 {
    margin-bottom: var(--space-2);
  }

  .count {
    font-size: 0.9375rem;
  }

  .chase-items {
    margin: 0;
    padding: 0;
    list-style: none;
    border: 1px solid var(--color-border);
    border-radius: var(--radius);
  }

  .chase-item {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--space-1) var(--space-3);
    padding: var(--space-2) var(--space-3);
  }

  .chase-item + .chase-item {
    border-top: 1px solid var(--color-border);
  }

  .chase-item a {
    flex: 1 1 16rem;
    padding: var(--space-1) 0;
    overflow-wrap: anywhere;
  }

  .kind {
    padding: 0 0.5em;
    border: 1px solid var(--color-border-strong);
    border-radius: 4px;
    font-size: 0.8125rem;
    font-weight: 700;
  }

  .last {
    color: var(--color-muted);
    font-size: 0.875rem;
  }

  .muted {
    color: var(--color-muted);
  }

  @media (max-width: 600px) {
    .period {
      padding: var(--space-3);
    }
  }
`;
