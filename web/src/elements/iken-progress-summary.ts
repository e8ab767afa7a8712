/**
 * 取組状況の総括 on the plan page: how many items are 済, 概ね順調, 遅れ,
 * 未着手 and 休止 in a period, by the plan's top-level node, as seed 003
 * prints it (GET /api/progress/summary). Says whether the figures are the
 * table the city published or computed from the items' reports, and where
 * the two disagree; offers the table as CSV and Excel.
 *
 * Without a period the API answers the latest one with reports; a period can
 * be asked for as 2021H1, 令和3年度上半期 or 2021.
 */
import { initialState, Task } from '@lit/task';
import { html, LitElement, nothing, type TemplateResult } from 'lit';
import { parsePeriod } from '../../../api/lib/japanese-date.js';
import { consumeApi, requireApi, type ApiHandle } from '../api/api-context.js';
import type { ProgressSummary, SummaryTable } from '../api/types.js';
import { exportLinks, exportLinksStyles } from '../lib/export-links.js';
import { formatPercent, formatPeriod } from '../lib/format.js';
import { PROGRESS_STATUSES, PROGRESS_STATUS_LABELS } from '../lib/labels.js';
import { summaryDifferences } from '../lib/progress-summary.js';
import { ariaBusy, errorView, loadingView } from '../lib/status-views.js';
import { formStyles } from '../styles/form.styles.js';
import { sharedStyles } from '../styles/shared.styles.js';
import { tableStyles } from '../styles/table.styles.js';
import { progressSummaryStyles } from './iken-progress-summary.styles.js';
import './iken-scroll-box.js';

export const SOURCE_LABELS: Record<ProgressSummary['source'], string> = {
  reported: '市が公表した集計表',
  computed: '取組の報告から集計',
};

const PERIOD_ERROR = '期間として読み取れません。2021H1、令和3年度上半期、2021 のように入力してください。';
/** Rows of disagreement listed before the rest are summed up. */
const DIFFERENCES_SHOWN = 6;

export class IkenProgressSummary extends LitElement {
  static override styles = [sharedStyles, formStyles, tableStyles, exportLinksStyles, progressSummaryStyles];

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

  #table(summary: ProgressSummary, caption: string): TemplateResult {
    return html`
      <iken-scroll-box label=${caption}>
        <table class="data-table summary-table">
          <caption>${caption}</caption>
          <thead>
            <tr>
              <th scope="col">${summary.groupLabel}</th>
              ${PROGRESS_STATUSES.map((s) => html`<th scope="col" class="num">${PROGRESS_STATUS_LABELS[s]}</th>`)}
              <th scope="col" class="num">合計</th>
            </tr>
          </thead>
          <tbody>
            ${summary.rows.map(
              (row) => html`<tr>
                <th scope="row">${row.group.title}</th>
                ${PROGRESS_STATUSES.map((s) => html`<td class="num">${row.counts[s]}</td>`)}
                <td class="num">${row.total}</td>
              </tr>`,
            )}
          </tbody>
          <tfoot>
            <tr class="totals">
              <th scope="row">合計</th>
              ${PROGRESS_STATUSES.map((s) => html`<td class="num">${summary.totals[s]}</td>`)}
              <td class="num">${summary.totals.total}</td>
            </tr>
          </tfoot>
        </table>
      </iken-scroll-box>
    `;
  }

  /** Where the published table and the items' reports disagree (only for a published table). */
  #comparison(summary: ProgressSummary, computed: SummaryTable | null): TemplateResult | typeof nothing {
    if (summary.source !== 'reported' || !computed) return nothing;
    const differences = summaryDifferences(summary, computed);
    if (!differences.length)
      return html`<p class="note">取組ごとの報告から集計した件数も、この表と一致しています。</p>`;
    const shown = differences.slice(0, DIFFERENCES_SHOWN);
    return html`
      <div class="note disagreement">
        <p><strong>取組ごとの報告から集計した件数と、次の箇所が一致しません。</strong></p>
        <ul>
          ${shown.map(
            (d) => html`<li>
              <span class="diff-label">${d.label}</span>
              ${d.columns.map((c) => `${c.column}（公表 ${c.reported}件・集計 ${c.computed}件）`).join('、')}
            </li>`,
          )}
        </ul>
        ${differences.length > shown.length ? html`<p>ほか ${differences.length - shown.length} 行が一致しません。</p>` : nothing}
      </div>
    `;
  }

  #content(summary: ProgressSummary): TemplateResult {
    if (summary.period === null)
      return html`<p class="empty">この計画の取組状況はまだ報告されていません。</p>`;
    const period = formatPeriod(summary.period);
    if (summary.source === 'computed' && summary.totals.total === 0)
      return html`<p class="empty">${period}の取組状況は、この計画ではまだ報告されていません。</p>`;
    const source = SOURCE_LABELS[summary.source];
    const api = requireApi(this.#api);
    const query = { planId: summary.planId, period: summary.period };
    return html`
      <dl class="facts summary-facts">
        <div><dt>期間</dt><dd data-period=${summary.period}>${period}</dd></div>
        <div><dt>集計の出典</dt><dd data-source=${summary.source}>${source}</dd></div>
      </dl>
      ${this.#table(summary, `取組状況の総括表（${period}・${source}）`)}
      <p class="rate">
        順調の割合（済と概ね順調の合計 ÷ 合計）：<strong data-rate>${summary.onTrackRate === null ? '—' : formatPercent(summary.onTrackRate)}</strong>
      </p>
      ${summary.source === 'computed'
        ? html`<p class="note">取組ごとに報告された、この期間の最新の状況を数えています。</p>`
        : nothing}
      ${this.#comparison(summary, summary.computed)}
      ${exportLinks('この表をダウンロード', 'summary-exports-label', [
        { href: api.progressSummaryUrl(query, 'csv'), text: 'CSV', download: true, format: 'csv' },
        { href: api.progressSummaryUrl(query, 'xlsx'), text: 'Excel', download: true, format: 'xlsx' },
      ])}
    `;
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
