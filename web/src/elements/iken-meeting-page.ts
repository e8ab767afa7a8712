/**
 * A meeting's page (/meetings/:id), laid out like its 実施結果報告書: the
 * meeting (with links to the printable report, CSV and Excel), then its
 * opinions and the city's responses grouped by measure (重点施策名 / 個別施策名).
 */
import { initialState, Task, TaskStatus } from '@lit/task';
import { html, LitElement, nothing, type TemplateResult } from 'lit';
import { consumeApi, requireApi, type ApiHandle } from '../api/api-context.js';
import type { Meeting, Opinion } from '../api/types.js';
import { isCommentOpen } from '../lib/comment-period.js';
import { exportLinks, exportLinksStyles } from '../lib/export-links.js';
import { formatDate, formatDateRange, formatFiscalYear } from '../lib/format.js';
import { groupOpinionsByMeasure, type OpinionSection } from '../lib/group-opinions.js';
import { MEETING_KIND_LABELS } from '../lib/labels.js';
import { PageReadyController } from '../lib/page-ready-controller.js';
import { ariaBusy, errorView, loadingView } from '../lib/status-views.js';
import { actionLinkStyles } from '../styles/action-link.styles.js';
import { sharedStyles } from '../styles/shared.styles.js';
import { meetingPageStyles } from './iken-meeting-page.styles.js';
import './iken-opinion-item.js';

interface MeetingPageData {
  meeting: Meeting;
  sections: OpinionSection[];
  opinionCount: number;
}

const ERROR_TITLE = '会議を表示できません';

export class IkenMeetingPage extends LitElement {
  static override styles = [sharedStyles, exportLinksStyles, actionLinkStyles, meetingPageStyles];

  static override properties = {
    meetingId: { type: Number, attribute: 'meeting-id' },
  };

  /** The meeting to show. */
  declare meetingId: number;

  readonly #api: ApiHandle;
  readonly #data: Task<[unknown, number], MeetingPageData>;

  constructor() {
    super();
    this.meetingId = 0;
    this.#api = consumeApi(this);
    this.#data = new Task(this, {
      task: async ([, id], { signal }) => {
        // No id yet: the app sets it right after creating the element.
        if (!id) return initialState;
        const api = requireApi(this.#api);
        const [meeting, opinions] = await Promise.all([
          api.getMeeting(id, signal),
          api.listAllOpinions({ meetingId: id }, signal),
        ]);
        return { meeting, sections: groupOpinionsByMeasure(opinions), opinionCount: opinions.length };
      },
      args: () => [this.#api.value, this.meetingId],
    });
    new PageReadyController(this, () => {
      if (this.#data.status === TaskStatus.COMPLETE) return this.#data.value?.meeting.title ?? null;
      return this.#data.status === TaskStatus.ERROR ? ERROR_TITLE : null;
    });
  }

  #header(meeting: Meeting, opinionCount: number): TemplateResult {
    const period = formatDateRange(meeting.commentOpensOn, meeting.commentClosesOn);
    return html`
      <div class="page-header">
        <p class="eyebrow">${formatFiscalYear(meeting.fiscalYear)}　${MEETING_KIND_LABELS[meeting.kind]}</p>
        <h1 tabindex="-1">${meeting.title}</h1>
        ${meeting.theme ? html`<p class="theme">【テーマ：${meeting.theme}】</p>` : nothing}
        <dl class="facts">
          ${meeting.body ? html`<div><dt>開催主体</dt><dd>${meeting.body}</dd></div>` : nothing}
          <div><dt>年度</dt><dd>${formatFiscalYear(meeting.fiscalYear)}</dd></div>
          ${meeting.heldOn ? html`<div><dt>開催日</dt><dd>${formatDate(meeting.heldOn)}</dd></div>` : nothing}
          ${meeting.kind === 'public_comment' && period ? html`<div><dt>意見募集期間</dt><dd>${period}</dd></div>` : nothing}
          <div><dt>意見</dt><dd>${opinionCount}件</dd></div>
        </dl>
        ${isCommentOpen(meeting)
          ? html`<p class="action-row"><a class="action-link" href="/meetings/${meeting.id}/comment">意見を出す</a></p>`
          : nothing}
        <p class="follow-up-link">
          <a href="/meetings/${meeting.id}/follow-up" data-follow-up-link>対応状況（フォローアップ）</a>
          <span class="follow-up-hint">意見ごとの取組状況の推移、期限超過・停滞・未報告の一覧</span>
        </p>
        ${this.#exports(meeting.id)}
      </div>
    `;
  }

  /** 出力: the printable report (a new tab), and the opinions as CSV and Excel files. */
  #exports(id: number): TemplateResult {
    const api = requireApi(this.#api);
    return exportLinks('出力', 'exports-label', [
      { href: api.meetingReportUrl(id), text: '印刷用の報告書（HTML）', newTab: true, format: 'html' },
      { href: api.meetingReportUrl(id, 'csv'), text: 'CSV', download: true, format: 'csv' },
      { href: api.meetingReportUrl(id, 'xlsx'), text: 'Excel', download: true, format: 'xlsx' },
    ]);
  }

  #opinions(opinions: Opinion[]): TemplateResult {
    return html`${opinions.map((opinion) => html`<iken-opinion-item .opinion=${opinion}></iken-opinion-item>`)}`;
  }

  #section(section: OpinionSection): TemplateResult {
    const headingId = `section-${section.key}`;
    const node = section.node;
    if (!node) {
      return html`
        <section class="measure" aria-labelledby=${headingId}>
          <h2 id=${headingId}>施策に関連付けられていない意見</h2>
          ${this.#opinions(section.opinions)}
        </section>
      `;
    }
    const code = (value: string | null) => (value ? html`<span class="code">${value}</span>` : nothing);
    return html`
      <section class="measure" aria-labelledby=${headingId}>
        <h2 id=${headingId}>${code(node.code)}${node.title}</h2>
        <p class="kicker">個別施策に対する意見と対応方針</p>
        <dl class="measure-names">
          ${node.parent
            ? html`<div><dt>重点施策名</dt><dd>${code(node.parent.code)}${node.parent.title}</dd></div>`
            : nothing}
          <div><dt>個別施策名</dt><dd>${code(node.code)}${node.title}</dd></div>
        </dl>
        ${this.#opinions(section.opinions)}
      </section>
    `;
  }

  #content(): unknown {
    return this.#data.render({
      initial: loadingView,
      pending: loadingView,
      error: (error) => html`
        <div class="page-header"><h1 tabindex="-1">${ERROR_TITLE}</h1></div>
        ${errorView(error, html`<p><a href="/">ホームへ戻る</a></p>`)}
      `,
      complete: ({ meeting, sections, opinionCount }) => html`
        ${this.#header(meeting, opinionCount)}
        ${sections.length
          ? sections.map((section) => this.#section(section))
          : meeting.kind === 'public_comment'
            ? // Comments stay hidden until the city's answer is published with them.
              html`<p class="empty" data-empty>お寄せいただいた意見は、市の考え方とあわせて公表します。</p>`
            : html`<p class="empty" data-empty>この会議の意見はまだ登録されていません。</p>`}
      `,
    });
  }

  override render(): TemplateResult {
    return html`<div aria-busy=${ariaBusy(this.#data)}>${this.#content()}</div>`;
  }
}

customElements.define('iken-meeting-page', IkenMeetingPage);

declare global {
  interface HTMLElementTagNameMap {
    'iken-meeting-page': IkenMeetingPage;
  }
}
