import { css } from 'lit';

export const evaluationSheetStyles = css`
  .sheet {
    border: 1px solid var(--color-border-strong);
    border-radius: var(--radius);
    overflow: hidden;
  }

  .sheet > h3 {
    padding: var(--space-2) var(--space-4);
    background: var(--color-surface-strong);
  }

  .part {
    padding: var(--space-3) var(--space-4) var(--space-4);
    border-top: 1px solid var(--color-border);
  }

  .part > h4 {
    margin-bottom: var(--space-2);
  }

  /* The sheet's Plan-Do-Check-Action band, above each part's heading. */
  .phase {
    display: block;
    color: var(--color-muted);
    font-size: 0.8125rem;
    letter-spacing: 0.05em;
  }

  .prose {
    white-space: pre-line;
  }

  .cost-table {
    margin-top: var(--space-3);
  }

  .cost-table thead th:first-child {
    width: 55%;
  }

  .cost-table tbody th {
    min-width: 9em;
  }

  .cost-table .sub th,
  .cost-table .basis th {
    padding-left: var(--space-5);
  }

  .sub-prefix {
    color: var(--color-muted);
  }

  .cost-table .total th,
  .cost-table .total td {
    border-top: 2px solid var(--color-border-strong);
    font-weight: 700;
  }

  .ratings {
    margin: 0;
  }

  .rating-item {
    display: grid;
    grid-template-columns: 7rem 1fr;
    gap: var(--space-1) var(--space-4);
    padding: var(--space-3) 0;
    border-top: 1px solid var(--color-border);
  }

  .rating-item:first-child {
    border-top: 0;
  }

  .rating-item dt {
    font-weight: 700;
  }

  .rating-item dd {
    margin: 0;
  }

  .grade-line {
    display: flex;
    align-items: center;
    gap: var(--space-2);
    font-weight: 700;
  }

  /* The letter is the rating; the colour only helps scanning. */
  .grade {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    width: 2rem;
    height: 2rem;
    border: 2px solid currentColor;
    border-radius: 50%;
    font-size: 1.125rem;
  }

  .grade-A {
    color: var(--tone-success-fg);
    background: var(--tone-success-bg);
  }

  .grade-B {
    color: var(--tone-info-fg);
    background: var(--tone-info-bg);
  }

  .grade-C {
    color: var(--tone-danger-fg);
    background: var(--tone-danger-bg);
  }

  .grade-N {
    color: var(--tone-neutral-fg);
    background: var(--tone-neutral-bg);
  }

  .reason {
    margin-top: var(--space-1);
    white-space: pre-line;
  }

  .reason-label {
    display: block;
    color: var(--color-muted);
    font-size: 0.8125rem;
    font-weight: 700;
  }

  .summary {
    padding: var(--space-3);
    border-left: 4px solid var(--color-accent);
    background: var(--color-surface);
  }

  @media (max-width: 600px) {
    .rating-item {
      grid-template-columns: 1fr;
    }
    /* The sheet's frame is enough: the cost table takes its whole width. */
    .part {
      padding: var(--space-3) var(--space-2);
    }
    .cost-table .sub th,
    .cost-table .basis th {
      padding-left: var(--space-4);
    }
  }
`;
