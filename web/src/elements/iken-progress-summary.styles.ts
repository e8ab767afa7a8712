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

  .rate {
    margin-top: var(--space-3);
  }

  .rate strong {
    font-size: 1.125rem;
  }

  .empty {
    color: var(--color-muted);
  }

  .page-link {
    margin-top: var(--space-4);
    font-weight: 700;
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
    .period-field input {
      width: 11rem;
    }
  }
`;
