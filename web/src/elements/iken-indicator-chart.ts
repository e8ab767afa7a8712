/**
 * One indicator's chart: 実績値 as a solid line, 目標値 as a dashed line with
 * diamond points, the 策定時実績値 as a triangle, by fiscal year (和暦), and
 * beneath it the same figures as a table with each year's 達成率 (the
 * chart's text equivalent). Chart.js is loaded when the first chart is drawn.
 */
import type { Chart as ChartType } from 'chart.js';
import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import type { Indicator } from '../api/types.js';
import { GRID_COLOR, INDICATOR_COLORS } from '../lib/chart-colors.js';
import { loadCharts } from '../lib/chart-loader.js';
import { formatFiscalYear, formatPercent } from '../lib/format.js';
import {
  againstTarget,
  indicatorChartDescription,
  indicatorSeries,
  indicatorTitle,
  indicatorYearRows,
  latestAchievement,
  type IndicatorYearRow,
} from '../lib/indicator-chart.js';
import { errorMessage } from '../lib/status-views.js';
import { sharedStyles } from '../styles/shared.styles.js';
import { tableStyles } from '../styles/table.styles.js';
import { indicatorChartStyles } from './iken-indicator-chart.styles.js';
import './iken-scroll-box.js';

/** Below this chart width, years are written without 年度 (令和6) so they fit. */
const NARROW = 480;

/** An empty cell: blank to the eye, named for screen readers. */
const EMPTY = html`<span class="visually-hidden">なし</span>`;

export class IkenIndicatorChart extends LitElement {
  static override styles = [sharedStyles, tableStyles, indicatorChartStyles];

  static override properties = {
    indicator: { attribute: false },
    failure: { state: true },
  };

  declare indicator: Indicator | null;
  /** Why the chart could not be drawn ('' while it can). */
  declare failure: string;

  #chart: ChartType | undefined;
  /** Counts draws, so a slow load of Chart.js never draws stale data over newer. */
  #drawn = 0;

  constructor() {
    super();
    this.indicator = null;
    this.failure = '';
  }

  override disconnectedCallback(): void {
    this.#chart?.destroy();
    this.#chart = undefined;
    super.disconnectedCallback();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Moved in the page (a list re-ordered): the chart was destroyed on leaving, draw it again.
    if (this.hasUpdated && !this.#chart) void this.#draw();
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('indicator')) void this.#draw();
  }

  async #draw(): Promise<void> {
    const draw = ++this.#drawn;
    const indicator = this.indicator;
    const canvas = this.renderRoot.querySelector('canvas');
    const series = indicator ? indicatorSeries(indicator) : null;
    if (!indicator || !canvas || !series) return;
    let Chart;
    try {
      ({ Chart } = await loadCharts());
    } catch (error) {
      this.failure = `グラフを表示できませんでした（${errorMessage(error)}）。数値は表をご覧ください。`;
      return;
    }
    if (draw !== this.#drawn || !this.isConnected) return;
    this.failure = '';
    this.#chart?.destroy();
    const rows = indicatorYearRows(indicator);
    const display = (kind: 'baseline' | 'target' | 'actual', year: number) => rows.find((r) => r.fiscalYear === year)?.[kind] ?? '';
    const unit = indicator.unit;
    this.#chart = new Chart(canvas, {
      type: 'line',
      data: {
        labels: series.years.map((y) => formatFiscalYear(y)),
        datasets: [
          {
            label: '実績値',
            data: series.actual,
            borderColor: INDICATOR_COLORS.actual,
            backgroundColor: INDICATOR_COLORS.actual,
            borderWidth: 3,
            pointStyle: 'circle',
            pointRadius: 5,
            spanGaps: true,
          },
          {
            label: '目標値',
            data: series.target,
            borderColor: INDICATOR_COLORS.target,
            backgroundColor: INDICATOR_COLORS.target,
            borderWidth: 2,
            borderDash: [6, 4],
            pointStyle: 'rectRot',
            pointRadius: 7,
            spanGaps: true,
          },
          {
            label: '策定時実績値',
            data: series.baseline,
            borderColor: INDICATOR_COLORS.baseline,
            backgroundColor: INDICATOR_COLORS.baseline,
            showLine: false,
            pointStyle: 'triangle',
            pointRadius: 7,
          },
        ],
      },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        scales: {
          x: {
            grid: { color: GRID_COLOR },
            ticks: {
              callback: (_value, index) => {
                const year = series.years[index] ?? 0;
                return canvas.clientWidth < NARROW ? formatFiscalYear(year).replace(/年度$/, '') : formatFiscalYear(year);
              },
            },
          },
          y: {
            // Room above and below, so a point on the lowest or highest value is not cut by the frame.
            grace: '10%',
            grid: { color: GRID_COLOR },
            title: { display: Boolean(unit), text: unit ? `単位：${unit}` : '' },
          },
        },
        plugins: {
          legend: { position: 'top', labels: { usePointStyle: true, boxHeight: 10 } },
          tooltip: {
            callbacks: {
              label: (item) => {
                const year = series.years[item.dataIndex] ?? 0;
                const kind = (['actual', 'target', 'baseline'] as const)[item.datasetIndex] ?? 'actual';
                const text = `${item.dataset.label}：${display(kind, year) || item.formattedValue}`;
                const row = rows.find((r) => r.fiscalYear === year);
                return kind === 'actual' && row && row.achievement !== null ? `${text}（達成率 ${formatPercent(row.achievement)}）` : text;
              },
            },
          },
        },
      },
    });
    this.dataset['drawn'] = String(draw);
  }

  /** The year's actual; a year with only the baseline shows it, named as such (one column fewer fits a phone). */
  #actualCell(row: IndicatorYearRow): TemplateResult {
    if (row.actual !== null && row.baseline !== null)
      return html`${row.actual}<span class="sub">策定時実績値 ${row.baseline}</span>`;
    if (row.actual !== null) return html`${row.actual}`;
    if (row.baseline !== null) return html`${row.baseline}<span class="sub">策定時実績値</span>`;
    return EMPTY;
  }

  #table(indicator: Indicator): TemplateResult {
    const caption = `${indicatorTitle(indicator)}の年度ごとの値`;
    return html`
      <iken-scroll-box label=${caption}>
        <table class="data-table year-table">
          <caption>${caption}</caption>
          <thead>
            <tr>
              <th scope="col">年度</th>
              <th scope="col">目標値</th>
              <th scope="col">実績値</th>
              <th scope="col" class="num">達成率</th>
            </tr>
          </thead>
          <tbody>
            ${indicatorYearRows(indicator).map(
              (row) => html`<tr>
                <th scope="row">${formatFiscalYear(row.fiscalYear)}<span class="year">${row.fiscalYear}</span></th>
                <td>${row.target ?? EMPTY}</td>
                <td>
                  ${this.#actualCell(row)}${row.increment !== null
                    ? html`<span class="sub">前年度から ${row.increment >= 0 ? '+' : ''}${row.increment.toLocaleString('ja-JP')}</span>`
                    : nothing}
                </td>
                <td class="num">
                  ${row.achievement === null ? EMPTY : formatPercent(row.achievement)}${againstTarget(row.fiscalYear, row.targetYear)
                    ? html`<span class="sub">${againstTarget(row.fiscalYear, row.targetYear)}</span>`
                    : nothing}
                </td>
              </tr>`,
            )}
          </tbody>
        </table>
      </iken-scroll-box>
    `;
  }

  override render(): TemplateResult {
    const indicator = this.indicator;
    if (!indicator) return html``;
    const series = indicatorSeries(indicator);
    const latest = latestAchievement(indicator);
    return html`
      ${series
        ? html`<div class="chart-box"><canvas role="img" aria-label=${indicatorChartDescription(indicator)}></canvas></div>`
        : html`<p class="no-chart">数値で表された値が2つ以上そろっていないため、グラフはありません。値は下の表のとおりです。</p>`}
      ${this.failure ? html`<p class="no-chart" role="status">${this.failure}</p>` : nothing}
      <p class="achievement">
        ${latest
          ? html`達成率（${formatFiscalYear(latest.fiscalYear)}）：<strong data-achievement>${formatPercent(latest.achievement)}</strong>${againstTarget(
              latest.fiscalYear,
              latest.targetYear,
            )}`
          : '達成率：目標値と実績値がそろった年度はまだありません。'}
        ${indicator.direction === 'decrease' ? html`<span class="formula">減らす指標のため、目標値 ÷ 実績値で計算しています。</span>` : nothing}
      </p>
      ${this.#table(indicator)}
    `;
  }
}

customElements.define('iken-indicator-chart', IkenIndicatorChart);

declare global {
  interface HTMLElementTagNameMap {
    'iken-indicator-chart': IkenIndicatorChart;
  }
}
