import { css } from 'lit';

export const indicatorTableStyles = css`
  :host {
    margin: var(--space-3) 0 var(--space-4);
  }

  /* The table scrolls inside this box at narrow widths; the page never does. */
  .scroll {
    /* Positioned, so visually hidden text in cells is clipped here instead of widening the page. */
    position: relative;
    max-width: 100%;
    overflow-x: auto;
    border: 1px solid var(--color-border);
    border-radius: var(--radius);
  }

  .scroll:focus-visible {
    outline: 3px solid var(--color-focus);
    outline-offset: 2px;
  }

  table {
    width: 100%;
    min-width: 34rem;
    border-collapse: collapse;
    font-size: 0.9375rem;
  }

  .scroll-hint {
    margin-left: var(--space-2);
    font-size: 0.8125rem;
    font-weight: 400;
    color: var(--color-muted);
  }

  caption {
    padding: var(--space-2) var(--space-3);
    background: var(--color-surface-strong);
    font-weight: 700;
    text-align: left;
  }

  th,
  td {
    padding: var(--space-2) var(--space-3);
    border-top: 1px solid var(--color-border);
    vertical-align: top;
    text-align: left;
  }

  /* The same proportions in every table of the plan, whatever the content. */
  thead th:first-child {
    width: 45%;
  }

  thead th {
    background: var(--color-surface);
    font-size: 0.875rem;
    white-space: nowrap;
  }

  thead .year {
    display: block;
    color: var(--color-muted);
    font-weight: 400;
    font-size: 0.8125rem;
  }

  tbody th {
    font-weight: 400;
    min-width: 13rem;
  }

  @media (max-width: 600px) {
    table {
      min-width: 30rem;
    }
    tbody th {
      min-width: 10rem;
    }
  }

  td {
    white-space: nowrap;
  }

  .cumulative {
    font-weight: 700;
  }

  .note {
    display: block;
    margin-top: var(--space-1);
    color: var(--color-muted);
    font-size: 0.8125rem;
    line-height: 1.6;
  }

  .actual-year {
    display: block;
    color: var(--color-muted);
    font-size: 0.8125rem;
  }

  .none {
    color: var(--color-muted);
  }

  .chart-toggles {
    margin-top: var(--space-2);
  }

  .chart-toggles summary {
    display: flex;
    align-items: center;
    min-height: 44px;
    padding: 0 var(--space-1);
    color: var(--color-link);
    font-size: 0.9375rem;
    cursor: pointer;
  }

  .chart-toggles summary:hover {
    text-decoration: underline;
  }

  .chart-toggles summary:focus-visible {
    outline: 3px solid var(--color-focus);
    outline-offset: 2px;
    border-radius: 2px;
  }

  .chart-toggles details[open] {
    margin-bottom: var(--space-4);
    padding: 0 var(--space-3) var(--space-3);
    border: 1px solid var(--color-border);
    border-radius: var(--radius);
  }
`;
