/**
 * The home page (/): the meetings and public comments, newest first, and the
 * plans.
 */
import { Task } from '@lit/task';
import { html, LitElement, type TemplateResult } from 'lit';
import { consumeApi, requireApi, type ApiHandle } from '../api/api-context.js';
import type { Meeting, Plan } from '../api/types.js';
import { badge } from '../lib/badges.js';
import { formatDate, formatDateRange, formatFiscalYear, formatFiscalYearRange } from '../lib/format.js';
import { MEETING_KIND_LABELS, PLAN_KIND_LABELS } from '../lib/labels.js';
import { PageReadyController } from '../lib/page-ready-controller.js';
import { ariaBusy, errorView, loadingView } from '../lib/status-views.js';
import { sharedStyles } from '../styles/shared.styles.js';
import { homePageStyles } from './iken-home-page.styles.js';
import { actionLinkStyles } from '../styles/action-link.styles.js';
import { isCommentOpen } from '../lib/comment-period.js';

/** Newest first: fiscal year, then date held (undated last), then the later entry. */
function byNewest(a: Meeting, b: Meeting): number {
  return b.fiscalYear - a.fiscalYear || (b.heldOn ?? '').localeCompare(a.heldOn ?? '') || b.id - a.id;
}

export class IkenHomePage extends LitElement {
  static override styles = [sharedStyles, homePageStyles, actionLinkStyles];

  readonly #api: ApiHandle;
  readonly #meetings: Task<[unknown], Meeting[]>;
  readonly #plans: Task<[unknown], Plan[]>;

  constructor() {
    super();
    this.#api = consumeApi(this);
    this.#meetings = new Task(this, {
      task: async (_args, { signal }) => (await requireApi(this.#api).listMeetings(signal)).sort(byNewest),
      args: () => [this.#api.value],
    });
    this.#plans = new Task(this, {
      task: async (_args, { signal }) => requireApi(this.#api).listPlans(signal),
      args: () => [this.#api.value],
    });
    new PageReadyController(this, () => '');
  }

  #meetingItem(meeting: Meeting): TemplateResult {
    const period = formatDateRange(meeting.commentOpensOn, meeting.commentClosesOn);
    // A procedure open today invites comments right from the list.
    const open = isCommentOpen(meeting);
    return html`
      <li class="card">
        <p class="card-meta">
          ${badge('outline', MEETING_KIND_LABELS[meeting.kind], 'kind')}
          ${open ? badge('success', '募集中', 'comment-open') : ''}
          <span>${formatFiscalYear(meeting.fiscalYear)}</span>
        </p>
        <h3><a href="/meetings/${meeting.id}">${meeting.title}</a></h3>
        <dl class="facts">
          ${meeting.kind === 'public_comment' && period
            ? html`<div><dt>意見募集期間</dt><dd>${period}</dd></div>`
            : html`<div><dt>開催日</dt><dd>${meeting.heldOn ? formatDate(meeting.heldOn) : '未定'}</dd></div>`}
          <div><dt>意見</dt><dd>${meeting.opinionCount}件</dd></div>
        </dl>
        ${open
          ? html`<p class="action-row"><a class="action-link" href="/meetings/${meeting.id}/comment" aria-label="${meeting.title}に意見を出す">意見を出す</a></p>`
          : ''}
      </li>
    `;
  }

  #planItem(plan: Plan): TemplateResult {
    return html`
      <li class="card">
        <p class="card-meta">${badge('outline', PLAN_KIND_LABELS[plan.kind], 'kind')}</p>
        <h3><a href="/plans/${plan.id}">${plan.title}</a></h3>
        <dl class="facts">
          <div><dt>自治体</dt><dd>${plan.municipality}</dd></div>
          <div><dt>計画期間</dt><dd>${formatFiscalYearRange(plan.startYear, plan.endYear)}</dd></div>
        </dl>
      </li>
    `;
  }

  #list<T>(task: Task<[unknown], T[]>, item: (value: T) => TemplateResult, empty: string): unknown {
    return task.render({
      initial: loadingView,
      pending: loadingView,
      error: (error) => errorView(error),
      complete: (items) =>
        items.length ? html`<ul class="cards">${items.map(item)}</ul>` : html`<p class="empty">${empty}</p>`,
    });
  }

  override render(): TemplateResult {
    return html`
      <div class="page-header">
        <h1 tabindex="-1">会議・計画の一覧</h1>
        <p class="lead">会議やパブリックコメントで寄せられた意見と市の対応方針、計画の施策と指標を確認できます。</p>
      </div>
      <section aria-labelledby="meetings-heading" aria-busy=${ariaBusy(this.#meetings)}>
        <h2 id="meetings-heading">会議・意見募集</h2>
        ${this.#list(this.#meetings, (m) => this.#meetingItem(m), '登録されている会議はありません。')}
      </section>
      <section aria-labelledby="plans-heading" aria-busy=${ariaBusy(this.#plans)}>
        <h2 id="plans-heading">計画</h2>
        ${this.#list(this.#plans, (p) => this.#planItem(p), '登録されている計画はありません。')}
      </section>
    `;
  }
}

customElements.define('iken-home-page', IkenHomePage);

declare global {
  interface HTMLElementTagNameMap {
    'iken-home-page': IkenHomePage;
  }
}
