/**
 * Count tables (取組状況の総括表 and the tables read from a document): a
 * caption, a column of names, right-aligned numbers and a 合計 row.
 */
import { css } from 'lit';

export const tableStyles = css`
  .data-table {
    width: 100%;
    border-collapse: collapse;
    border: 1px solid var(--color-border);
    font-size: 0.9375rem;
    font-variant-numeric: tabular-nums;
  }

  .data-table caption {
    padding: var(--space-2) var(--space-3);
    border: 1px solid var(--color-border);
    border-bottom: 0;
    background: var(--color-surface-strong);
    font-weight: 700;
    text-align: left;
  }

  .data-table th,
  .data-table td {
    padding: var(--space-2) var(--space-3);
    border-top: 1px solid var(--color-border);
    vertical-align: top;
    text-align: left;
  }

  .data-table thead th {
    background: var(--color-surface);
    font-size: 0.875rem;
    white-space: nowrap;
  }

  .data-table tbody th {
    font-weight: 400;
  }

  .data-table .num {
    text-align: right;
    white-space: nowrap;
  }

  .data-table tfoot th,
  .data-table tfoot td {
    border-top: 2px solid var(--color-border-strong);
    background: var(--color-surface);
    font-weight: 700;
  }

  /* On a phone the seven columns fit without scrolling: tighter cells, headings may wrap (概ね/順調). */
  @media (max-width: 600px) {
    .data-table {
      font-size: 0.875rem;
    }
    .data-table th,
    .data-table td {
      padding: var(--space-2) var(--space-1);
    }
    .data-table th:first-child,
    .data-table td:first-child {
      padding-left: var(--space-2);
    }
    .data-table th:last-child,
    .data-table td:last-child {
      padding-right: var(--space-2);
    }
    .data-table thead th {
      font-size: 0.8125rem;
      white-space: normal;
      word-break: keep-all;
      overflow-wrap: anywhere;
    }
  }
`;
