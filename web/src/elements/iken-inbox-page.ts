/**
 * 担当の意見 (/inbox): what the signed-in department has to answer. The
 * opinions assigned to the department, grouped as 差戻し (with the
 * secretariat's comment), 期限が近い (due within 30 days, or overdue, and not
 * yet approved), 未回答・下書き, and 提出済・承認済・公開. Each links to the
 * opinion's page, where the response is written.
 *
 * Other readers get a message saying whom the page is for and where to go.
 */
import { ContextConsumer } from '@lit/context';
import { initialState, Task, TaskStatus } from '@lit/task';
import { html, LitElement, nothing, type TemplateResult } from 'lit';
import { consumeApi, requireApi, type ApiHandle } from '../api/api-context.js';
import type { Department, Opinion } from '../api/types.js';
import { badge, responseStateBadge } from '../lib/badges.js';
import { formatDate, formatDateTime, formatDepartment, todayInJapan } from '../lib/format.js';
import { PageReadyController } from '../lib/page-ready-controller.js';
import {
  dueInWords,
  DUE_SOON_DAYS,
  groupInbox,
  INBOX_GROUP_LABELS,
  pendingReturn,
  type HistoryStep,
  type InboxGroupKey,
} from '../lib/response-workflow.js';
import { ariaBusy, errorView, loadingView } from '../lib/status-views.js';
import { ANONYMOUS, sessionContext, type Session } from '../session/session-context.js';
import { sharedStyles } from '../styles/shared.styles.js';
import { groupedListStyles } from '../styles/grouped-list.styles.js';
import { inboxPageStyles } from './iken-inbox-page.styles.js';
import { roleMessageStyles } from '../styles/role-message.styles.js';
import { roleMessageView } from '../lib/role-message.js';

const TITLE = '担当の意見';

/** Longest opinion excerpt in a list item; the full text is on the opinion's page. */
const EXCERPT_CHARS = 90;

/** The order of the groups on the page, and what each says when empty. */
const GROUPS: ReadonlyArray<{ key: InboxGroupKey; lead: string; empty: string }> = [
  { key: 'returned', lead: '事務局から差し戻された対応方針です。コメントを確認して修正し、もう一度提出してください。', empty: '差し戻された対応方針はありません。' },
  { key: 'due_soon', lead: `対応期限まで${DUE_SOON_DAYS}日以内（または期限を過ぎた）で、まだ承認されていない意見です。`, empty: '期限が近い意見はありません。' },
  { key: 'open', lead: '対応方針がまだないか、下書きのままの意見です。', empty: '未回答・下書きの意見はありません。' },
  { key: 'done', lead: '提出済み・承認済み・公開済みの意見です（今のところ対応は不要です）。', empty: '該当する意見はありません。' },
];

interface InboxData {
  department: Department | null;
  groups: Record<InboxGroupKey, Opinion[]>;
  total: number;
  meetingTitles: Map<number, string>;
  /** The secretariat's 差戻し comment, by opinion id. */
  returns: Map<number, HistoryStep>;
  today: string;
}

function excerpt(text: string): string {
  const chars = [...text];
  return chars.length > EXCERPT_CHARS ? `${chars.slice(0, EXCERPT_CHARS).join('')}…` : text;
}

export class IkenInboxPage extends LitElement {
  static override styles = [sharedStyles, groupedListStyles, inboxPageStyles, roleMessageStyles];

  readonly #api: ApiHandle;
  readonly #session: ContextConsumer<typeof sessionContext, this>;
  readonly #data: Task<[unknown, boolean, number | null], InboxData>;

  constructor() {
    super();
    this.#api = consumeApi(this);
    this.#session = new ContextConsumer(this, { context: sessionContext, subscribe: true });
    this.#data = new Task(this, {
      task: async ([, loaded, departmentId], { signal }) => {
        if (!loaded || departmentId === null) return initialState;
        return this.#load(departmentId, signal);
      },
      args: () => [this.#api.value, this.#sessionValue.loaded, this.#departmentId],
    });
    new PageReadyController(this, () => {
      const session = this.#sessionValue;
      if (!session.loaded) return null;
      if (this.#departmentId === null) return TITLE;
      return this.#data.status === TaskStatus.COMPLETE || this.#data.status === TaskStatus.ERROR ? TITLE : null;
    });
  }

  get #sessionValue(): Session {
    return this.#session.value ?? ANONYMOUS;
  }

  /** The department whose inbox this is; null for anyone but a department user. */
  get #departmentId(): number | null {
    const me = this.#sessionValue.me;
    return me?.role === 'department' ? me.departmentId : null;
  }

  async #load(departmentId: number, signal: AbortSignal): Promise<InboxData> {
    const api = requireApi(this.#api);
    const [opinions, meetings, departments] = await Promise.all([
      api.listAllOpinions({ departmentId }, signal),
      api.listMeetings(signal),
      api.listDepartments(signal),
    ]);
    const today = todayInJapan();
    const groups = groupInbox(opinions, today);
    // The comment of each 差戻し is in the response's history.
    const returns = new Map<number, HistoryStep>();
    await Promise.all(
      groups.returned.map(async (opinion) => {
        const step = pendingReturn(await api.listResponseVersions(opinion.id, signal));
        if (step) returns.set(opinion.id, step);
      }),
    );
    return {
      department: departments.find((d) => d.id === departmentId) ?? null,
      groups,
      total: opinions.length,
      meetingTitles: new Map(meetings.map((m) => [m.id, m.title])),
      returns,
      today,
    };
  }

  #item(opinion: Opinion, data: InboxData, group: InboxGroupKey): TemplateResult {
    const meeting = data.meetingTitles.get(opinion.meetingId) ?? `会議（ID: ${opinion.meetingId}）`;
    const state = opinion.response?.state ?? null;
    const returned = group === 'returned' ? data.returns.get(opinion.id) : undefined;
    return html`
      <li class="item" data-opinion-id=${opinion.id}>
        <h3><a href="/opinions/${opinion.id}">意見 ${opinion.seq}<span class="meeting">（${meeting}）</span></a></h3>
        <p class="excerpt">${excerpt(opinion.text)}</p>
        <dl class="facts">
          <div><dt>状態</dt><dd>${state ? responseStateBadge(state) : badge('neutral', '未回答', 'state')}</dd></div>
          <div>
            <dt>対応期限</dt>
            <dd>
              ${opinion.dueOn
                ? html`${formatDate(opinion.dueOn)}${state !== 'approved' && state !== 'published'
                    ? html`<span class="due-words">（${dueInWords(data.today, opinion.dueOn)}）</span>`
                    : nothing}`
                : '未設定'}
            </dd>
          </div>
          ${opinion.duplicateOfId !== null ? html`<div><dt>整理</dt><dd>${badge('info', '同趣旨', 'duplicate')}</dd></div>` : nothing}
        </dl>
        ${returned
          ? html`<div class="return-comment" data-return-comment>
              <p class="return-label">事務局のコメント（${formatDateTime(returned.event.createdAt)}）</p>
              <p class="return-text">${returned.event.comment ?? '（コメントなし）'}</p>
            </div>`
          : nothing}
      </li>
    `;
  }

  #group(data: InboxData, group: (typeof GROUPS)[number]): TemplateResult {
    const items = data.groups[group.key];
    const headingId = `group-${group.key}`;
    return html`
      <section class="group group-${group.key}" aria-labelledby=${headingId} data-group=${group.key}>
        <h2 id=${headingId}>${INBOX_GROUP_LABELS[group.key]}<span class="count">（${items.length}件）</span></h2>
        <p class="group-lead">${group.lead}</p>
        ${items.length
          ? html`<ul class="items">
              ${items.map((opinion) => this.#item(opinion, data, group.key))}
            </ul>`
          : html`<p class="empty">${group.empty}</p>`}
      </section>
    `;
  }

  #summary(data: InboxData): TemplateResult {
    return html`
      <nav class="summary" aria-label="グループへ移動">
        <ul>
          ${GROUPS.map(
            (g) => html`<li><a href="#group-${g.key}" @click=${(e: Event) => this.#jump(e, `group-${g.key}`)}>${INBOX_GROUP_LABELS[g.key]} ${data.groups[g.key].length}件</a></li>`,
          )}
        </ul>
      </nav>
    `;
  }

  /** In-page links: the target lives in this shadow root, out of the browser's reach. */
  #jump(event: Event, id: string): void {
    const target = this.renderRoot.querySelector<HTMLElement>(`#${id}`);
    if (!target) return;
    event.preventDefault();
    target.setAttribute('tabindex', '-1');
    target.focus();
    target.scrollIntoView();
  }

  #notForYou(session: Session): TemplateResult {
    const me = session.me;
    let message: TemplateResult;
    if (!me)
      message = html`<p>このページは担当課の職員向けです。担当課のアカウントでサインインしてください。</p>
        <p><a href="/sign-in">サインインする</a></p>`;
    else if (me.role === 'secretariat')
      message = html`<p>このページは担当課の職員向けです。事務局の方は「確認待ち」のページで、提出された対応方針を確認できます。</p>
        <p><a href="/review">確認待ちの対応方針へ</a></p>`;
    else if (me.role === 'committee')
      message = html`<p>このページは担当課の職員向けです。委員の方は、会議のページで意見と市の対応方針をご覧いただけます。</p>
        <p><a href="/">会議・計画の一覧へ</a></p>`;
    else
      message = html`<p>あなたのアカウントには担当課が設定されていません。事務局にお問い合わせください。</p>
        <p><a href="/">ホームへ戻る</a></p>`;
    return roleMessageView(TITLE, message);
  }

  override render(): TemplateResult {
    const session = this.#sessionValue;
    if (!session.loaded) return loadingView();
    if (this.#departmentId === null) return this.#notForYou(session);
    return html`
      <div aria-busy=${ariaBusy(this.#data)}>
        ${this.#data.render({
          initial: loadingView,
          pending: () => (this.#data.value ? this.#content(this.#data.value) : loadingView()),
          error: (error) => html`
            <div class="page-header"><h1 tabindex="-1">${TITLE}</h1></div>
            ${errorView(error, html`<p>時間をおいて、ページを再読み込みしてください。</p>`)}
          `,
          complete: (data) => this.#content(data),
        })}
      </div>
    `;
  }

  #content(data: InboxData): TemplateResult {
    return html`
      <div class="page-header">
        <h1 tabindex="-1">${TITLE}</h1>
        <p class="lead">
          ${data.department ? html`${formatDepartment(data.department)}が担当する意見です（${data.total}件）。` : html`担当する意見です（${data.total}件）。`}
          意見を開くと、対応方針の作成・提出ができます。
        </p>
      </div>
      ${data.total ? this.#summary(data) : nothing}
      ${data.total ? GROUPS.map((g) => this.#group(data, g)) : html`<p class="empty">担当する意見はまだありません。</p>`}
    `;
  }
}

customElements.define('iken-inbox-page', IkenInboxPage);

declare global {
  interface HTMLElementTagNameMap {
    'iken-inbox-page': IkenInboxPage;
  }
}
