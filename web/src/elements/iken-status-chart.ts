/**
 * The 取組状況 chart of a summary: a stacked horizontal bar per group, one
 * segment per status (済, 概ね順調, 遅れ, 未着手, 休止). Chart.js is loaded
 * only when a chart is drawn.
 *
 * The canvas is an image to assistive technology (role="img" with a
 * one-sentence summary); the status table next to it carries every figure.
 */
import type { Chart as ChartType } from 'chart.js';
import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import type { SummaryTable } from '../api/types.js';
import { GRID_COLOR, STATUS_COLORS } from '../lib/chart-colors.js';
import { loadCharts } from '../lib/chart-loader.js';
import { statusChartData, statusChartDescription, wrapLabel } from '../lib/status-chart.js';
import { errorMessage } from '../lib/status-views.js';
import { sharedStyles } from '../styles/shared.styles.js';
import { statusChartStyles } from './iken-status-chart.styles.js';

/** Height of one group's bar (with its gap) and of the legend and axis around the bars, in px. */
const ROW_HEIGHT = 48;
const FRAME_HEIGHT = 96;
/** Below this chart width, group names wrap sooner. */
const NARROW = 520;

export class IkenStatusChart extends LitElement {
  static override styles = [sharedStyles, statusChartStyles];

  static override properties = {
    table: { attribute: false },
    groupLabel: { attribute: 'group-label' },
    failure: { state: true },
  };

  /** The rows (and totals) to draw. */
  declare table: SummaryTable | null;
  /** What the groups are (取組の視点, 担当課 …), for the summary sentence. */
  declare groupLabel: string;
  /** Why the chart could not be drawn ('' while it can). */
  declare failure: string;

  #chart: ChartType | undefined;
  /** Counts draws, so a slow load of Chart.js never draws stale data over newer. */
  #drawn = 0;

  constructor() {
    super();
    this.table = null;
    this.groupLabel = '区分';
    this.failure = '';
  }

  override disconnectedCallback(): void {
    this.#chart?.destroy();
    this.#chart = undefined;
    super.disconnectedCallback();
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('table') || changed.has('groupLabel')) void this.#draw();
  }

  async #draw(): Promise<void> {
    const draw = ++this.#drawn;
    const table = this.table;
    const canvas = this.renderRoot.querySelector('canvas');
    if (!table || !canvas) return;
    let Chart;
    try {
      ({ Chart } = await loadCharts());
    } catch (error) {
      this.failure = `グラフを表示できませんでした（${errorMessage(error)}）。件数は表をご覧ください。`;
      return;
    }
    if (draw !== this.#drawn || !this.isConnected) return;
    this.failure = '';
    this.#chart?.destroy();
    const data = statusChartData(table);
    const narrow = () => canvas.clientWidth < NARROW;
    this.#chart = new Chart(canvas, {
      type: 'bar',
      data: {
        labels: data.groups,
        datasets: data.series.map((s) => ({
          label: s.label,
          data: s.counts,
          backgroundColor: STATUS_COLORS[s.status],
          borderColor: '#ffffff',
          borderWidth: { left: 0, right: 2, top: 0, bottom: 0 },
          borderSkipped: false,
          maxBarThickness: 32,
        })),
      },
      options: {
        indexAxis: 'y',
        responsive: true,
        maintainAspectRatio: false,
        scales: {
          x: {
            stacked: true,
            beginAtZero: true,
            ticks: { precision: 0 },
            grid: { color: GRID_COLOR },
            title: { display: true, text: '件数' },
          },
          y: {
            stacked: true,
            grid: { display: false },
            ticks: {
              autoSkip: false,
              callback: (_value, index) => wrapLabel(data.groups[index] ?? '', narrow() ? 7 : 16),
            },
          },
        },
        plugins: {
          legend: { position: 'top', labels: { boxWidth: 14, boxHeight: 14 } },
          tooltip: {
            // Empty segments have no bar to point at; leave them out of the tooltip too.
            filter: (item) => (item.parsed.x ?? 0) > 0,
            callbacks: { label: (item) => `${item.dataset.label}：${item.parsed.x}件` },
          },
        },
      },
    });
    this.dataset['drawn'] = String(draw);
  }

  override render(): TemplateResult {
    const table = this.table;
    if (!table) return html``;
    const height = table.rows.length * ROW_HEIGHT + FRAME_HEIGHT;
    return html`
      <div class="chart-box" style="height: ${height}px">
        <canvas role="img" aria-label=${statusChartDescription(table, this.groupLabel)}></canvas>
      </div>
      ${this.failure ? html`<p class="chart-failure" role="status">${this.failure}</p>` : nothing}
    `;
  }
}

customElements.define('iken-status-chart', IkenStatusChart);

declare global {
  interface HTMLElementTagNameMap {
    'iken-status-chart': IkenStatusChart;
  }
}
