/**
 * A plan's 取組状況の総括 page (/plans/:id/summary?period=&groupBy=&level=):
 * for a period, how many items are 済, 概ね順調, 遅れ, 未着手 and 休止, grouped
 * by the plan's top-level nodes, a level of the plan, 担当課 or 会議. Shows
 * the on-track rate in large type, a chart of the counts per group, the
 * status table (seed 003's layout, the chart's text equivalent) and its CSV
 * and Excel downloads.
 *
 * The period and grouping live in the address, so a reload or a shared
 * link shows the same table; Back and Forward step through the choices.
 */
import { initialState, Task, TaskStatus } from '@lit/task';
import { html, LitElement, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { parsePeriod } from '../../../api/lib/japanese-date.js';
import { consumeApi, requireApi, type ApiHandle } from '../api/api-context.js';
import type { PlanDetail, ProgressSummary, ReportingPeriodList } from '../api/types.js';
import { breadcrumbs, breadcrumbStyles } from '../lib/breadcrumbs.js';
import { exportLinksStyles } from '../lib/export-links.js';
import { formatPeriod } from '../lib/format.js';
import { PageReadyController } from '../lib/page-ready-controller.js';
import { PopStateController } from '../lib/pop-state-controller.js';
import { ariaBusy, errorView, loadingView } from '../lib/status-views.js';
import { parseSummaryState, periodChoices, planLevels, summaryStateQuery, type SummaryState } from '../lib/summary-query.js';
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
import { summaryPageStyles } from './iken-summary-page.styles.js';
import './iken-status-chart.js';

const ERROR_TITLE = '取組状況の総括を表示できません';
const PAGE_TITLE = '取組状況の総括';
const PERIOD_ERROR = '期間として読み取れません。2021H1、令和3年度上半期、2021 のように入力してください。';

interface PlanContext {
  plan: PlanDetail;
  /** Level names below the top, each a grouping. */
  levels: string[];
  periods: ReportingPeriodList;
}

/** The grouping select's value: node, department, meeting, or level:<name>. */
function groupingValue(state: Pick<SummaryState, 'groupBy' | 'level'>): string {
  return state.groupBy === 'level' ? `level:${state.level ?? ''}` : state.groupBy;
}

export class IkenSummaryPage extends LitElement {
  static override styles = [sharedStyles, formStyles, tableStyles, exportLinksStyles, summaryViewStyles, breadcrumbStyles, summaryPageStyles];

  static override properties = {
    planId: { type: Number, attribute: 'plan-id' },
    state: { state: true },
    periodError: { state: true },
  };

  /** The plan whose items are counted. */
  declare planId: number;
  /** Period and grouping, as the address says. */
  declare state: SummaryState;
  /** Why the period typed cannot be used ('' when it can). */
  declare periodError: string;

  readonly #api: ApiHandle;
  readonly #context: Task<[unknown, number], PlanContext>;
  readonly #summary: Task<[unknown, number, string | undefined, SummaryState['groupBy'], string | undefined], ProgressSummary>;

  constructor() {
    super();
    this.planId = 0;
    this.state = parseSummaryState(location.search);
    this.periodError = '';
    this.#api = consumeApi(this);
    this.#context = new Task(this, {
      task: async ([, id], { signal }) => {
        if (!id) return initialState;
        const api = requireApi(this.#api);
        const [plan, periods] = await Promise.all([api.getPlan(id, signal), api.listPeriods(signal)]);
        return { plan, levels: planLevels(plan.nodes), periods };
      },
      args: () => [this.#api.value, this.planId],
    });
    this.#summary = new Task(this, {
      task: async ([, planId, period, groupBy, level], { signal }) => {
        if (!planId) return initialState;
        return requireApi(this.#api).getProgressSummary({ planId, period, groupBy, level }, signal);
      },
      args: () => [this.#api.value, this.planId, this.state.period, this.state.groupBy, this.state.level],
    });
    new PageReadyController(this, () => {
      if (this.#context.status === TaskStatus.COMPLETE) {
        const plan = this.#context.value?.plan;
        return plan ? `${PAGE_TITLE}（${plan.title}）` : null;
      }
      return this.#context.status === TaskStatus.ERROR ? ERROR_TITLE : null;
    });
    new PopStateController(this, this.#onPopState);
  }

  /** Back or Forward within this page: show what the address now says. */
  #onPopState = (): void => {
    if (!/^\/plans\/[1-9][0-9]*\/summary\/?$/.test(location.pathname)) return;
    this.state = parseSummaryState(location.search);
    this.periodError = '';
  };

  /** Shows `next` and records it in the address (a new history entry). */
  #go(next: Pick<SummaryState, 'period' | 'groupBy' | 'level'>): void {
    const url = `${location.pathname}${summaryStateQuery(next)}`;
    if (url !== location.pathname + location.search) history.pushState(null, '', url);
    this.state = { ...next, unreadablePeriod: undefined };
  }

  #onPeriodChange(event: Event): void {
    const value = (event.target as HTMLSelectElement).value;
    this.periodError = '';
    this.#go({ ...this.state, period: value || undefined });
  }

  #onGroupingChange(event: Event): void {
    const value = (event.target as HTMLSelectElement).value;
    if (value.startsWith('level:')) this.#go({ ...this.state, groupBy: 'level', level: value.slice('level:'.length) });
    else this.#go({ ...this.state, groupBy: value as SummaryState['groupBy'], level: undefined });
  }

  #onPeriodSubmit(event: SubmitEvent): void {
    event.preventDefault();
    const input = this.renderRoot.querySelector<HTMLInputElement>('#period-text');
    const text = input?.value.trim() ?? '';
    const period = text ? parsePeriod(text) : null;
    if (text && period === null) {
      this.periodError = PERIOD_ERROR;
      input?.focus();
      return;
    }
    this.periodError = '';
    this.#go({ ...this.state, period: period ?? undefined });
  }

  #filters(context: PlanContext): TemplateResult {
    const summary = this.#summary.value;
    const choices = periodChoices(context.periods, summary?.period, this.state.period, ...(summary?.periods ?? []));
    const top = context.plan.nodes[0]?.level ?? '最上位の項目';
    const grouping = groupingValue(this.state);
    const error = this.periodError;
    return html`
      <form class="filters" novalidate @submit=${(e: SubmitEvent) => e.preventDefault()}>
        <div class="field">
          <label for="period">期間</label>
          <select id="period" .value=${live(this.state.period ?? '')} @change=${this.#onPeriodChange}>
            <option value="" ?selected=${!this.state.period}>報告のある最新の期間</option>
            ${choices.map((c) => html`<option value=${c.period} ?selected=${c.period === this.state.period}>${c.label}</option>`)}
          </select>
        </div>
        <div class="field">
          <label for="grouping">集計の単位</label>
          <select id="grouping" .value=${live(grouping)} @change=${this.#onGroupingChange}>
            <option value="node" ?selected=${grouping === 'node'}>${top}ごと</option>
            ${context.levels.map(
              (level) => html`<option value=${`level:${level}`} ?selected=${grouping === `level:${level}`}>${level}ごと</option>`,
            )}
            <option value="department" ?selected=${grouping === 'department'}>担当課ごと</option>
            <option value="meeting" ?selected=${grouping === 'meeting'}>会議ごと</option>
          </select>
        </div>
      </form>
      <details class="period-entry" ?open=${Boolean(error)}>
        <summary>一覧にない期間を入力する</summary>
        <form class="period-form" novalidate @submit=${this.#onPeriodSubmit}>
          <label for="period-text">期間</label>
          <div class="period-row">
            <input
              id="period-text"
              type="text"
              autocomplete="off"
              aria-describedby=${error ? 'period-hint period-error' : 'period-hint'}
              aria-invalid=${error ? 'true' : 'false'}
            />
            <button type="submit" class="secondary">表示する</button>
          </div>
          <p class="hint" id="period-hint">例：2021H1、令和3年度上半期、2021（年度全体）。空欄なら報告のある最新の期間です。</p>
          ${error ? html`<p class="field-error" id="period-error" role="alert">${error}</p>` : nothing}
        </form>
      </details>
    `;
  }

  /** What the figures are for, in words: 令和7年度下半期・重点戦略ごと. */
  #heading(summary: ProgressSummary): string {
    const period = summary.period ? formatPeriod(summary.period) : '報告なし';
    return `${period}・${summary.groupLabel}ごと`;
  }

  #result(summary: ProgressSummary): TemplateResult {
    if (summary.period === null)
      return html`<p class="empty">この計画の取組状況はまだ報告されていません。</p>`;
    const period = formatPeriod(summary.period);
    if (summary.source === 'computed' && summary.totals.total === 0)
      return html`<p class="empty">${period}の取組状況は、この計画ではまだ報告されていません。</p>`;
    const source = SOURCE_LABELS[summary.source];
    const onTrack = summary.totals.done + summary.totals.on_track;
    return html`
      <dl class="facts summary-facts">
        <div><dt>期間</dt><dd data-period=${summary.period}>${period}</dd></div>
        <div><dt>集計の出典</dt><dd data-source=${summary.source}>${source}</dd></div>
      </dl>
      <p class="rate-box">
        <span class="rate-label">順調（済＋概ね順調）</span>
        <strong class="rate-value" data-rate>${onTrackPercent(summary.totals)}</strong>
        <span class="rate-count">合計 ${summary.totals.total}件のうち ${onTrack}件</span>
      </p>
      <figure class="chart">
        <figcaption id="chart-caption">${summary.groupLabel}ごとの状況別の件数</figcaption>
        <iken-status-chart .table=${summary} group-label=${summary.groupLabel}></iken-status-chart>
      </figure>
      ${summaryTableView(summary, `取組状況の総括表（${period}・${summary.groupLabel}ごと・${source}）`)}
      ${summary.source === 'computed'
        ? html`<p class="note">取組ごとに報告された、この期間の最新の状況を数えています。</p>`
        : nothing}
      ${summaryComparisonView(summary, summary.computed)}
      ${summaryExportsView(requireApi(this.#api), summary, this.state.level)}
    `;
  }

  #results(): TemplateResult {
    const summary = this.#summary.value;
    const status = this.#summary.status;
    // Another period or grouping: the figures on screen stay (marked busy) until the new ones
    // arrive, in the same elements, so nothing jumps and the chart redraws in place.
    const busy = status === TaskStatus.INITIAL || status === TaskStatus.PENDING;
    const unreadable = this.state.unreadablePeriod;
    return html`
      <section class="results" aria-labelledby="results-heading" aria-busy=${ariaBusy(this.#summary)}>
        <h2 id="results-heading">${summary ? this.#heading(summary) : '集計'}</h2>
        ${unreadable
          ? html`<p class="note" role="status">アドレスの期間「${unreadable}」は読み取れないため、報告のある最新の期間を表示しています。</p>`
          : nothing}
        ${busy ? loadingView() : nothing}
        ${status === TaskStatus.ERROR ? errorView(this.#summary.error) : summary ? this.#result(summary) : nothing}
      </section>
    `;
  }

  #content(): unknown {
    return this.#context.render({
      initial: loadingView,
      pending: loadingView,
      error: (error) => html`
        <div class="page-header"><h1 tabindex="-1">${ERROR_TITLE}</h1></div>
        ${errorView(error, html`<p><a href="/">ホームへ戻る</a></p>`)}
      `,
      complete: (context) => html`
        ${breadcrumbs([{ text: context.plan.title, href: `/plans/${context.plan.id}` }, { text: PAGE_TITLE }])}
        <div class="page-header">
          <h1 tabindex="-1">${PAGE_TITLE}</h1>
          <p class="lead">${context.plan.title}の各項目について、選んだ期間に報告された最新の状況を数えます。</p>
        </div>
        ${this.#filters(context)} ${this.#results()}
      `,
    });
  }

  override render(): TemplateResult {
    return html`<div aria-busy=${ariaBusy(this.#context)}>${this.#content()}</div>`;
  }
}

customElements.define('iken-summary-page', IkenSummaryPage);

declare global {
  interface HTMLElementTagNameMap {
    'iken-summary-page': IkenSummaryPage;
  }
}
