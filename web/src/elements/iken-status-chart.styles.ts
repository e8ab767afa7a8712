import { css } from 'lit';

export const statusChartStyles = css`
  /* Chart.js sizes the canvas to this box: the width of the page, a height by the number of groups. */
  .chart-box {
    position: relative;
    width: 100%;
    min-height: 10rem;
  }

  canvas {
    display: block;
  }

  .chart-failure {
    margin-top: var(--space-2);
    color: var(--color-muted);
  }
`;
