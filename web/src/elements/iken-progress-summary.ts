/**
 * 取組状況の総括 on the plan page: how many items are 済, 概ね順調, 遅れ,
 * 未着手 and 休止 in a period, by the plan's top-level node, as seed 003
 * prints it (GET /api/progress/summary). Says whether the figures are the
 * table the city published or computed from the items' reports, and where
 * the two disagree; offers the table as CSV and Excel.
 *
 * Without a period the API answers the latest one with reports; a period can
 * be asked for as 2021H1, 令和3年度上半期 or 2021. The summary page
 * (/plans/:id/summary) adds the chart and the other groupings.
 */
import { initialState, Task } from '@lit/task';
import { html, LitElement, nothing, type TemplateResult } from 'lit';
import { parsePeriod } from '../../../api/lib/japanese-date.js';
import { consumeApi, requireApi, type ApiHandle } from '../api/api-context.js';
import type { ProgressSummary } from '../api/types.js';
import { exportLinksStyles } from '../lib/export-links.js';
import { formatPeriod } from '../lib/format.js';
import { ariaBusy, errorView, loadingView } from '../lib/status-views.js';
import { onTrackPercent } from '../../../api/lib/status-table.js';
import {
  SOURCE_LABELS,
  summaryComparisonView,
  summaryExportsView,
  summaryTableView,
  summaryViewStyles,
} from '../lib/summary-views.js';
import { formStyles } from '../styles/form.styles.js';
import { sharedStyles } from '../styles/shared.styles.js';
import { tableStyles } from '../styles/table.styles.js';
import { progressSummaryStyles } from './iken-progress-summary.styles.js';

const PERIOD_ERROR = '期間として読み取れません。2021H1、令和3年度上半期、2021 のように入力してください。';

export class IkenProgressSummary extends LitElement {
  static override styles = [sharedStyles, formStyles, tableStyles, exportLinksStyles, summaryViewStyles, progressSummaryStyles];

  static override properties = {
    planId: { type: Number, attribute: 'plan-id' },
    period: { state: true },
    periodError: { state: true },
  };

  /** The plan whose items are counted. */
  declare planId: number;
  /** The period asked for (canonical code), or undefined for the latest. */
  declare period: string | undefined;
  /** Why the period typed cannot be used ('' when it can). */
  declare periodError: string;

  readonly #api: ApiHandle;
  readonly #summary: Task<[unknown, number, string | undefined], ProgressSummary>;

  constructor() {
    super();
    this.planId = 0;
    this.period = undefined;
    this.periodError = '';
    this.#api = consumeApi(this);
    this.#summary = new Task(this, {
      task: async ([, planId, period], { signal }) => {
        if (!planId) return initialState;
        return requireApi(this.#api).getProgressSummary({ planId, period }, signal);
      },
      args: () => [this.#api.value, this.planId, this.period],
    });
  }

  #onSubmit(event: SubmitEvent): void {
    event.preventDefault();
    const input = this.renderRoot.querySelector<HTMLInputElement>('#period');
    const text = input?.value.trim() ?? '';
    if (!text) {
      this.periodError = '';
      this.period = undefined;
      return;
    }
    const code = parsePeriod(text);
    if (code === null) {
      this.periodError = PERIOD_ERROR;
      input?.focus();
      return;
    }
    this.periodError = '';
    this.period = code;
  }

  #content(summary: ProgressSummary): TemplateResult {
    if (summary.period === null)
      return html`<p class="empty">この計画の取組状況はまだ報告されていません。</p>`;
    const period = formatPeriod(summary.period);
    if (summary.source === 'computed' && summary.totals.total === 0)
      return html`<p class="empty">${period}の取組状況は、この計画ではまだ報告されていません。</p>${this.#pageLink(summary.period)}`;
    const source = SOURCE_LABELS[summary.source];
    return html`
      <dl class="facts summary-facts">
        <div><dt>期間</dt><dd data-period=${summary.period}>${period}</dd></div>
        <div><dt>集計の出典</dt><dd data-source=${summary.source}>${source}</dd></div>
      </dl>
      ${summaryTableView(summary, `取組状況の総括表（${period}・${source}）`)}
      <p class="rate">
        順調の割合（済と概ね順調の合計 ÷ 合計）：<strong data-rate>${onTrackPercent(summary.totals)}</strong>
      </p>
      ${summary.source === 'computed'
        ? html`<p class="note">取組ごとに報告された、この期間の最新の状況を数えています。</p>`
        : nothing}
      ${summaryComparisonView(summary, summary.computed)}
      ${summaryExportsView(requireApi(this.#api), summary, undefined)}
      ${this.#pageLink(summary.period)}
    `;
  }

  /** The summary page of the same period: the chart, and other groupings (担当課, 会議, a level of the plan). */
  #pageLink(period: string): TemplateResult {
    return html`<p class="page-link">
      <a href=${`/plans/${this.planId}/summary?period=${encodeURIComponent(period)}`}>グラフと、担当課・会議ごとの集計を見る</a>
    </p>`;
  }

  override render(): TemplateResult {
    const error = this.periodError;
    return html`
      <section class="summary" aria-labelledby="summary-heading" aria-busy=${ariaBusy(this.#summary)}>
        <h2 id="summary-heading">取組状況の総括</h2>
        <form class="period-form" novalidate @submit=${this.#onSubmit}>
          <div class="period-field">
            <label for="period">期間</label>
            <input
              id="period"
              type="text"
              autocomplete="off"
              placeholder="最新の期間"
              aria-describedby=${error ? 'period-hint period-error' : 'period-hint'}
              aria-invalid=${error ? 'true' : 'false'}
            />
          </div>
          <button type="submit" class="secondary">表示する</button>
          <p class="hint" id="period-hint">例：2021H1、令和3年度上半期、2021（年度全体）。空欄なら報告のある最新の期間です。</p>
          ${error ? html`<p class="field-error" id="period-error" role="alert">${error}</p>` : nothing}
        </form>
        ${this.#summary.render({
          initial: loadingView,
          pending: loadingView,
          error: (e) => errorView(e),
          complete: (summary) => this.#content(summary),
        })}
      </section>
    `;
  }
}

customElements.define('iken-progress-summary', IkenProgressSummary);

declare global {
  interface HTMLElementTagNameMap {
    'iken-progress-summary': IkenProgressSummary;
  }
}
