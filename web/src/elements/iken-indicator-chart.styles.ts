import { css } from 'lit';

export const indicatorChartStyles = css`
  /* Chart.js sizes the canvas to this box. */
  .chart-box {
    position: relative;
    width: 100%;
    height: 260px;
  }

  canvas {
    display: block;
  }

  .no-chart {
    margin: var(--space-2) 0;
    color: var(--color-muted);
  }

  .achievement {
    margin: var(--space-2) 0;
  }

  .achievement strong {
    font-size: 1.125rem;
  }

  .formula {
    display: block;
    color: var(--color-muted);
    font-size: 0.875rem;
  }

  .year-table thead th:first-child {
    width: 30%;
  }

  /* Figures stay on one line (2団体, not 2団 / 体); the box scrolls before they break. */
  .year-table td,
  .year-table tbody th {
    white-space: nowrap;
  }

  .year-table .sub {
    display: block;
    color: var(--color-muted);
    font-size: 0.8125rem;
    white-space: normal;
  }

  .year-table .year {
    display: block;
    color: var(--color-muted);
    font-size: 0.8125rem;
  }

  @media (max-width: 600px) {
    .chart-box {
      height: 220px;
    }
  }
`;
