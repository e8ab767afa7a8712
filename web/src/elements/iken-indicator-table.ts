/**
 * An indicator table (数値目標 or KPI) as the plan prints it: 指標名,
 * 策定時実績値, one 目標値 column per target year, then the latest actual and
 * achievement when any indicator has one. Values are shown as written
 * (`display`), so 集計中, 検討中 and 小 79.9% 中 66.3% survive.
 *
 * Under the table, each indicator with a figure to draw has a 「グラフを表示」
 * toggle that opens its chart (iken-indicator-chart); Chart.js is loaded
 * only when one is opened. The table's own rows stay as the plan prints them.
 */
import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import type { Indicator } from '../api/types.js';
import { formatFiscalYear, formatPercent } from '../lib/format.js';
import { hasChartData, indicatorTitle } from '../lib/indicator-chart.js';
import { baselineOf, latestActualOf, targetFor } from '../lib/indicators.js';
import { sharedStyles } from '../styles/shared.styles.js';
import { indicatorTableStyles } from './iken-indicator-table.styles.js';
import './iken-indicator-chart.js';

/** An empty cell: blank to the eye (as in the printed plan), named for screen readers. */
const EMPTY = html`<span class="visually-hidden">なし</span>`;

export class IkenIndicatorTable extends LitElement {
  static override styles = [sharedStyles, indicatorTableStyles];

  static override properties = {
    indicators: { attribute: false },
    caption: {},
    targetYears: { attribute: false },
    charts: {},
    scrollable: { state: true },
    opened: { state: true },
  };

  declare indicators: Indicator[];
  /** The table's caption, e.g. 数値目標 or KPI（重要業績評価指標）. */
  declare caption: string;
  /** The fiscal years that get a 目標値 column. */
  declare targetYears: number[];
  /** `toggle`: a 「グラフを表示」 toggle per indicator under the table; `none`: the page draws the charts itself. */
  declare charts: 'toggle' | 'none';
  /**
   * True when the table is wider than its box: the box then becomes a named,
   * focusable region so keyboard users can scroll it (and only then, so wide
   * screens get no extra tab stops or landmarks).
   */
  declare scrollable: boolean;
  /** Indicators whose chart is open (drawn only once opened). */
  declare opened: ReadonlySet<number>;

  #resizeObserver: ResizeObserver | undefined;

  constructor() {
    super();
    this.indicators = [];
    this.caption = '指標';
    this.targetYears = [];
    this.charts = 'toggle';
    this.scrollable = false;
    this.opened = new Set();
  }

  override disconnectedCallback(): void {
    this.#resizeObserver?.disconnect();
    this.#resizeObserver = undefined;
    super.disconnectedCallback();
  }

  protected override firstUpdated(_changed: PropertyValues): void {
    const box = this.renderRoot.querySelector<HTMLElement>('.scroll');
    if (!box) return;
    this.#resizeObserver = new ResizeObserver(() => {
      this.scrollable = box.scrollWidth > box.clientWidth;
    });
    this.#resizeObserver.observe(box);
  }

  #nameCell(indicator: Indicator): TemplateResult {
    return html`
      <th scope="row">
        ${indicator.name}${indicator.cumulative ? html`<span class="cumulative">【累計】</span>` : nothing}
        ${indicator.notes ? html`<small class="note">※${indicator.notes}</small>` : nothing}
      </th>
    `;
  }

  #actualCells(indicator: Indicator): TemplateResult {
    const latest = latestActualOf(indicator);
    if (!latest) return html`<td>${EMPTY}</td><td>${EMPTY}</td>`;
    return html`
      <td>${latest.value.display}<span class="actual-year">${formatFiscalYear(latest.value.fiscalYear)}</span></td>
      <td>${latest.achievement === null ? EMPTY : formatPercent(latest.achievement)}</td>
    `;
  }

  #onToggle(id: number, event: Event): void {
    const open = (event.currentTarget as HTMLDetailsElement).open;
    const next = new Set(this.opened);
    if (open) next.add(id);
    else next.delete(id);
    this.opened = next;
  }

  /** One toggle per indicator that has a number to draw. */
  #chartToggles(): TemplateResult | typeof nothing {
    const chartable = this.charts === 'toggle' ? this.indicators.filter(hasChartData) : [];
    if (!chartable.length) return nothing;
    return html`
      <div class="chart-toggles">
        ${chartable.map((indicator) => {
          const open = this.opened.has(indicator.id);
          return html`<details @toggle=${(e: Event) => this.#onToggle(indicator.id, e)}>
            <summary>${open ? 'グラフを閉じる' : 'グラフを表示'}：${indicatorTitle(indicator)}</summary>
            ${open ? html`<iken-indicator-chart .indicator=${indicator}></iken-indicator-chart>` : nothing}
          </details>`;
        })}
      </div>
    `;
  }

  override render(): TemplateResult {
    const withActuals = this.indicators.some((i) => latestActualOf(i));
    return html`
      <div
        class="scroll"
        role=${this.scrollable ? 'region' : nothing}
        aria-labelledby=${this.scrollable ? 'caption' : nothing}
        tabindex=${this.scrollable ? '0' : nothing}
      >
        <table>
          <caption id="caption">
            ${this.caption}${this.scrollable ? html`<span class="scroll-hint">（表は横にスクロールできます）</span>` : nothing}
          </caption>
          <thead>
            <tr>
              <th scope="col">指標名</th>
              <th scope="col">策定時実績値</th>
              ${this.targetYears.map(
                (year) => html`<th scope="col">目標値 (${year})<span class="year">${formatFiscalYear(year)}</span></th>`,
              )}
              ${withActuals ? html`<th scope="col">最新の実績値</th><th scope="col">達成率</th>` : nothing}
            </tr>
          </thead>
          <tbody>
            ${this.indicators.map(
              (indicator) => html`
                <tr>
                  ${this.#nameCell(indicator)}
                  <td>${baselineOf(indicator)?.display ?? EMPTY}</td>
                  ${this.targetYears.map((year) => html`<td>${targetFor(indicator, year)?.display ?? EMPTY}</td>`)}
                  ${withActuals ? this.#actualCells(indicator) : nothing}
                </tr>
              `,
            )}
          </tbody>
        </table>
      </div>
      ${this.#chartToggles()}
    `;
  }
}

customElements.define('iken-indicator-table', IkenIndicatorTable);

declare global {
  interface HTMLElementTagNameMap {
    'iken-indicator-table': IkenIndicatorTable;
  }
}
