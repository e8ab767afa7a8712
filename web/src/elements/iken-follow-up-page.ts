/**
 * 対応状況（フォローアップ） of a meeting (/meetings/:id/follow-up): for the
 * committee, every opinion with the city's response, its commitment (実施,
 * 検討 …), the latest status and a status timeline per period, with counts
 * and filters for what needs a question: 期限超過, 停滞 and 未報告.
 *
 * Readable by everyone; the API decides what each reader sees (the public
 * only published opinions and responses). The filters live in the address
 * (`?filter=overdue,stalled`), so a filtered view can be shared and Back
 * undoes a filter.
 */
import { initialState, Task, TaskStatus } from '@lit/task';
import { html, LitElement, nothing, type TemplateResult } from 'lit';
import { consumeApi, requireApi, type ApiHandle } from '../api/api-context.js';
import type { FollowUpItem, MeetingFollowUp } from '../api/types.js';
import { badge, commitmentBadge, progressBadge } from '../lib/badges.js';
import { excerpt, formatDate } from '../lib/format.js';
import {
  applyFollowUpFilters,
  FOLLOW_UP_FILTER_LABELS,
  FOLLOW_UP_FILTERS,
  followUpFiltersQuery,
  parseFollowUpFilters,
  toggleFollowUpFilter,
  type FollowUpFilter,
} from '../lib/follow-up-filters.js';
import { PROGRESS_STATUS_LABELS, RESPONSE_STATE_LABELS } from '../lib/labels.js';
import { PageReadyController } from '../lib/page-ready-controller.js';
import { PopStateController } from '../lib/pop-state-controller.js';
import { changeView } from '../lib/status-change.js';
import { ariaBusy, errorView, loadingView } from '../lib/status-views.js';
import { formStyles } from '../styles/form.styles.js';
import { sharedStyles } from '../styles/shared.styles.js';
import { toggleButtonStyles } from '../styles/toggle-button.styles.js';
import { followUpPageStyles } from './iken-follow-up-page.styles.js';

const ERROR_TITLE = '対応状況を表示できません';

/** Longest opinion text shown in a card before 「全文を表示」. */
const EXCERPT_CHARS = 120;

export class IkenFollowUpPage extends LitElement {
  static override styles = [sharedStyles, formStyles, toggleButtonStyles, followUpPageStyles];

  static override properties = {
    meetingId: { type: Number, attribute: 'meeting-id' },
    filters: { state: true },
  };

  /** The meeting whose opinions are shown. */
  declare meetingId: number;
  /** The filters switched on (from the address). */
  declare filters: FollowUpFilter[];

  readonly #api: ApiHandle;
  readonly #data: Task<[unknown, number], MeetingFollowUp>;

  constructor() {
    super();
    this.meetingId = 0;
    this.filters = parseFollowUpFilters(location.search);
    this.#api = consumeApi(this);
    this.#data = new Task(this, {
      task: async ([, id], { signal }) => {
        if (!id) return initialState;
        return requireApi(this.#api).getMeetingFollowUp(id, signal);
      },
      args: () => [this.#api.value, this.meetingId],
    });
    new PageReadyController(this, () => {
      if (this.#data.status === TaskStatus.COMPLETE) return this.#title(this.#data.value!);
      return this.#data.status === TaskStatus.ERROR ? ERROR_TITLE : null;
    });
    new PopStateController(this, this.#onPopState);
  }

  #title(data: MeetingFollowUp): string {
    return `対応状況（${data.meeting.title}）`;
  }

  /** Back or Forward between filters of this page: show what the address says. */
  #onPopState = (): void => {
    this.filters = parseFollowUpFilters(location.search);
  };

  /** Switches a filter and records it in the address (a history entry, so Back undoes it). */
  #toggle(filter: FollowUpFilter): void {
    this.filters = toggleFollowUpFilter(this.filters, filter);
    const url = `${location.pathname}${followUpFiltersQuery(this.filters)}`;
    if (url !== location.pathname + location.search) history.pushState(null, '', url);
  }

  #clearFilters(): void {
    this.filters = [];
    if (location.search) history.pushState(null, '', location.pathname);
  }

  #header(data: MeetingFollowUp): TemplateResult {
    return html`
      <div class="page-header">
        <p class="eyebrow"><a href="/meetings/${data.meeting.id}">${data.meeting.title}</a></p>
        <h1 tabindex="-1">対応状況（フォローアップ）</h1>
        <p class="lead">
          この会議の意見ごとに、市の対応方針、対応区分、取組状況の推移を示します。今期は<strong data-current-period>${data.period.label}</strong>です。
        </p>
      </div>
    `;
  }

  /** 全件 / 期限超過 / 停滞 / 未報告 / 済. */
  #counts(data: MeetingFollowUp): TemplateResult {
    const { counts } = data;
    const cells: Array<[string, string, number]> = [
      ['total', '全件', counts.total],
      ['overdue', '期限超過', counts.overdue],
      ['stalled', '停滞', counts.stalled],
      ['notReported', '未報告', counts.notReported],
      ['done', '済', counts.done],
    ];
    return html`
      <section aria-labelledby="counts-heading" class="counts-section">
        <h2 id="counts-heading" class="visually-hidden">件数</h2>
        <dl class="counts">
          ${cells.map(([key, label, n]) => html`<div class="count-${key}" data-count=${key}><dt>${label}</dt><dd>${n}<span class="unit">件</span></dd></div>`)}
        </dl>
      </section>
    `;
  }

  #filterBar(shown: number, total: number): TemplateResult {
    return html`
      <section class="filters" aria-labelledby="filters-heading">
        <h2 id="filters-heading">絞り込み</h2>
        <p class="hint" id="filters-hint">押すと切り替わります。複数選ぶと、いずれかに当てはまる意見を表示します。</p>
        <div role="group" aria-labelledby="filters-heading" aria-describedby="filters-hint">
          <ul class="toggles">
            ${FOLLOW_UP_FILTERS.map(
              (f) => html`<li>
                <button type="button" class="toggle" aria-pressed=${this.filters.includes(f) ? 'true' : 'false'} data-filter=${f} @click=${() => this.#toggle(f)}>
                  ${FOLLOW_UP_FILTER_LABELS[f].label}
                </button>
              </li>`,
            )}
          </ul>
        </div>
        <dl class="filter-meanings">
          ${FOLLOW_UP_FILTERS.map((f) => html`<div><dt>${FOLLOW_UP_FILTER_LABELS[f].label}</dt><dd>${FOLLOW_UP_FILTER_LABELS[f].description}</dd></div>`)}
        </dl>
        <div class="shown-row">
          <p class="shown" role="status" aria-live="polite" data-shown>
            ${this.filters.length ? `${total}件中 ${shown}件を表示しています。` : `全${total}件を表示しています。`}
          </p>
          ${this.filters.length ? html`<button type="button" class="link-button" @click=${() => this.#clearFilters()}>絞り込みを解除</button>` : nothing}
        </div>
      </section>
    `;
  }

  /** The marks that put an opinion in a filter, in words. */
  #flags(item: FollowUpItem): TemplateResult | typeof nothing {
    if (!item.overdue && !item.stalled && !item.notReported) return nothing;
    return html`<p class="flags">
      ${item.overdue ? badge('danger', '期限超過', 'overdue') : nothing} ${item.stalled ? badge('warning', '停滞', 'stalled') : nothing}
      ${item.notReported ? badge('neutral', '今期未報告', 'not-reported') : nothing}
    </p>`;
  }

  #text(item: FollowUpItem): TemplateResult {
    const short = excerpt(item.text, EXCERPT_CHARS);
    if (short === item.text.replace(/\s+/g, ' ').trim()) return html`<p class="opinion-text" data-text>${item.text}</p>`;
    return html`
      <p class="opinion-text" data-text>${short}</p>
      <details class="full-text">
        <summary>意見の全文を読む</summary>
        <p class="opinion-text">${item.text}</p>
      </details>
    `;
  }

  #response(item: FollowUpItem): TemplateResult {
    const response = item.response;
    if (!response) return html`<p class="muted" data-no-response>対応方針はまだ公開されていません。</p>`;
    return html`
      <div class="response" data-response>
        <h4 class="label">${response.state === 'published' ? '市の対応方針' : `対応方針（未公開・${RESPONSE_STATE_LABELS[response.state]}）`}</h4>
        <p class="response-text">${response.text}</p>
      </div>
    `;
  }

  /** The status of each reported period, oldest first, with the change from the one before in words. */
  #timeline(item: FollowUpItem): TemplateResult {
    if (!item.timeline.length) return html`<p class="muted" data-no-timeline>取組状況の報告はまだありません。</p>`;
    return html`
      <ol class="timeline" aria-label="意見 ${item.seq} の取組状況の推移">
        ${item.timeline.map(
          (step) => html`<li class="step" data-period=${step.period}>
            <span class="step-period">${step.label}</span>
            ${progressBadge(step.status, PROGRESS_STATUS_LABELS[step.status])}
            ${step.change === 'first' ? nothing : changeView(step.change)}
          </li>`,
        )}
      </ol>
    `;
  }

  #card(item: FollowUpItem): TemplateResult {
    const headingId = `opinion-${item.opinionId}`;
    return html`
      <li class="card" data-opinion-id=${item.opinionId}>
        <article aria-labelledby=${headingId}>
          <div class="card-head">
            <h3 id=${headingId}><a href="/opinions/${item.opinionId}">意見 ${item.seq}</a></h3>
            ${this.#flags(item)}
          </div>
          ${this.#text(item)}
          <dl class="facts">
            <div><dt>担当課</dt><dd>${item.department ?? '未設定'}</dd></div>
            <div><dt>対応期限</dt><dd data-due>${item.dueOn ? formatDate(item.dueOn) : '未設定'}</dd></div>
            <div><dt>対応区分</dt><dd>${item.response ? commitmentBadge(item.response.commitment) : '—'}</dd></div>
            <div>
              <dt>最新の取組状況</dt>
              <dd data-latest>
                ${item.latestStatus && item.latestPeriod
                  ? progressBadge(item.latestStatus, `${PROGRESS_STATUS_LABELS[item.latestStatus]}（${this.#periodLabel(item, item.latestPeriod)}）`)
                  : '報告なし'}
              </dd>
            </div>
          </dl>
          ${this.#response(item)}
          <h4 class="label">取組状況の推移</h4>
          ${this.#timeline(item)}
        </article>
      </li>
    `;
  }

  /** The label of a period the item reported on (the timeline carries them, formatted by the API). */
  #periodLabel(item: FollowUpItem, period: string): string {
    return item.timeline.find((s) => s.period === period)?.label ?? period;
  }

  #list(data: MeetingFollowUp): TemplateResult {
    const items = applyFollowUpFilters(data.items, this.filters);
    return html`
      ${this.#filterBar(items.length, data.items.length)}
      <section aria-labelledby="list-heading" class="list-section">
        <h2 id="list-heading">意見と取組状況</h2>
        ${items.length
          ? html`<ol class="cards">${items.map((item) => this.#card(item))}</ol>`
          : html`<p class="empty" data-empty>
              ${data.items.length ? '選んだ条件に当てはまる意見はありません。' : 'この会議には、表示できる意見がまだありません。'}
            </p>`}
      </section>
    `;
  }

  #content(): unknown {
    return this.#data.render({
      initial: loadingView,
      pending: () => (this.#data.value ? this.#page(this.#data.value) : loadingView()),
      error: (error) => html`
        <div class="page-header"><h1 tabindex="-1">${ERROR_TITLE}</h1></div>
        ${errorView(error, html`<p><a href="/">ホームへ戻る</a></p>`)}
      `,
      complete: (data) => this.#page(data),
    });
  }

  #page(data: MeetingFollowUp): TemplateResult {
    return html`${this.#header(data)} ${this.#counts(data)} ${this.#list(data)}`;
  }

  override render(): TemplateResult {
    return html`<div aria-busy=${ariaBusy(this.#data)}>${this.#content()}</div>`;
  }
}

customElements.define('iken-follow-up-page', IkenFollowUpPage);

declare global {
  interface HTMLElementTagNameMap {
    'iken-follow-up-page': IkenFollowUpPage;
  }
}
