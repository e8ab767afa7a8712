import { css } from 'lit';

export const progressSummaryStyles = css`
  .summary {
    padding: var(--space-4) var(--space-5) var(--space-5);
    border: 1px solid var(--color-border);
    border-top: 4px solid var(--color-accent);
    border-radius: var(--radius);
    background: var(--color-page);
  }

  .summary > h2 {
    margin-bottom: var(--space-3);
  }

  .period-form {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-end;
    gap: var(--space-2) var(--space-3);
    margin-bottom: var(--space-4);
  }

  .period-field {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--space-2) var(--space-3);
  }

  .period-field label {
    font-weight: 700;
  }

  .period-field input {
    width: 14rem;
    max-width: 100%;
    margin-top: 0;
  }

  .period-form .hint,
  .period-form .field-error {
    flex-basis: 100%;
    margin-top: 0;
  }

  .summary-facts {
    margin-bottom: var(--space-3);
  }

  .summary-facts dd {
    font-weight: 700;
  }

  .summary-table thead th:first-child {
    width: 40%;
  }

  .summary-table tbody th {
    min-width: 9rem;
  }

  .rate {
    margin-top: var(--space-3);
  }

  .rate strong {
    font-size: 1.125rem;
  }

  .note {
    margin-top: var(--space-2);
    color: var(--color-muted);
    font-size: 0.9375rem;
  }

  .disagreement {
    padding: var(--space-3) var(--space-4);
    border-left: 4px solid var(--tone-warning-fg);
    background: var(--tone-warning-bg);
    color: var(--tone-warning-fg);
  }

  .disagreement ul {
    margin: var(--space-2) 0 0;
    padding-left: 1.25em;
  }

  .diff-label {
    margin-right: 0.5em;
    font-weight: 700;
  }

  .empty {
    color: var(--color-muted);
  }

  .status {
    margin: var(--space-3) 0;
  }

  @media (max-width: 600px) {
    /* The page's own margins are enough on a phone: the table gets the whole width. */
    .summary {
      padding: var(--space-3) 0 var(--space-4);
      border-right: 0;
      border-left: 0;
      border-bottom: 1px solid var(--color-border);
      border-radius: 0;
    }
    .summary-table tbody th {
      min-width: 5.5rem;
    }
    .period-field input {
      width: 11rem;
    }
  }
`;
