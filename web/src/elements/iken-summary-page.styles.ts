import { css } from 'lit';

export const summaryPageStyles = css`
  .filters {
    display: flex;
    flex-wrap: wrap;
    gap: var(--space-3) var(--space-5);
    align-items: flex-end;
  }

  /* Side by side here, so the form styles' stacking gap does not apply. */
  .filters .field + .field {
    margin-top: 0;
  }

  .filters select {
    min-width: 16rem;
  }

  .period-entry {
    margin-top: var(--space-3);
  }

  .period-entry summary {
    display: inline-flex;
    align-items: center;
    min-height: 44px;
    color: var(--color-link);
    text-decoration: underline;
    text-underline-offset: 0.2em;
    cursor: pointer;
  }

  .period-entry summary:focus-visible {
    outline: 3px solid var(--color-focus);
    outline-offset: 2px;
  }

  .period-form {
    margin-top: var(--space-2);
  }

  .period-form label {
    font-weight: 700;
  }

  .period-row {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-end;
    gap: var(--space-2) var(--space-3);
  }

  .period-row input {
    width: 14rem;
  }

  .results {
    margin-top: var(--space-6);
    padding-top: var(--space-4);
    border-top: 4px solid var(--color-accent);
  }

  .results > h2 {
    margin-bottom: var(--space-3);
  }

  .summary-facts {
    margin-bottom: var(--space-4);
  }

  .summary-facts dd {
    font-weight: 700;
  }

  /* The figure the committee looks for first: large, with its definition beside it. */
  .rate-box {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: var(--space-1) var(--space-4);
    margin-bottom: var(--space-5);
    padding: var(--space-4) var(--space-5);
    border-radius: var(--radius);
    background: var(--tone-info-bg);
    color: var(--tone-info-fg);
  }

  .rate-label {
    font-size: 1.125rem;
    font-weight: 700;
  }

  .rate-value {
    font-size: 3rem;
    line-height: 1.1;
    font-variant-numeric: tabular-nums;
  }

  .rate-count {
    color: var(--color-text);
  }

  .chart {
    margin: 0 0 var(--space-5);
  }

  .chart figcaption {
    margin-bottom: var(--space-2);
    font-weight: 700;
  }

  .empty {
    color: var(--color-muted);
  }

  @media (max-width: 600px) {
    .filters {
      flex-direction: column;
      align-items: stretch;
    }
    .filters select {
      width: 100%;
      min-width: 0;
    }
    .rate-box {
      padding: var(--space-3) var(--space-4);
    }
    .rate-value {
      font-size: 2.5rem;
    }
  }
`;
