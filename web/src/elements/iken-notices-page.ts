/**
 * お知らせ (/notices): what the signed-in staff member should act on, grouped
 * by kind, most urgent first — 期限超過, 差し戻し, 期限が近い, 担当になった意見,
 * 未報告 for a department; 承認待ち and the count of 未報告 for the
 * secretariat. Each notice links to the opinion or plan node it is about (the
 * secretariat's 未報告 count to 報告期間, where the list per department is).
 *
 * Committee members have no notices; the public is asked to sign in.
 */
import { ContextConsumer } from '@lit/context';
import { initialState, Task, TaskStatus } from '@lit/task';
import { html, LitElement, nothing, type TemplateResult } from 'lit';
import { consumeApi, requireApi, type ApiHandle } from '../api/api-context.js';
import type { Notice, Notices } from '../api/types.js';
import { formatDate } from '../lib/format.js';
import { NOTICE_DATE_LABELS, NOTICE_GROUPS, noticeHref } from '../lib/notices.js';
import { PageReadyController } from '../lib/page-ready-controller.js';
import { roleMessageView } from '../lib/role-message.js';
import { ariaBusy, errorView, loadingView } from '../lib/status-views.js';
import { ANONYMOUS, hasRole, sessionContext, type Session } from '../session/session-context.js';
import { roleMessageStyles } from '../styles/role-message.styles.js';
import { sharedStyles } from '../styles/shared.styles.js';
import { groupedListStyles } from '../styles/grouped-list.styles.js';
import { noticesPageStyles } from './iken-notices-page.styles.js';

const TITLE = 'お知らせ';

export class IkenNoticesPage extends LitElement {
  static override styles = [sharedStyles, roleMessageStyles, groupedListStyles, noticesPageStyles];

  readonly #api: ApiHandle;
  readonly #session: ContextConsumer<typeof sessionContext, this>;
  readonly #data: Task<[unknown, boolean], Notices>;

  constructor() {
    super();
    this.#api = consumeApi(this);
    this.#session = new ContextConsumer(this, { context: sessionContext, subscribe: true });
    this.#data = new Task(this, {
      task: async ([, staff], { signal }) => {
        if (!staff) return initialState;
        return requireApi(this.#api).getNotices(signal);
      },
      args: () => [this.#api.value, this.#isStaff],
    });
    new PageReadyController(this, () => {
      if (!this.#sessionValue.loaded) return null;
      if (!this.#isStaff) return TITLE;
      return this.#data.status === TaskStatus.COMPLETE || this.#data.status === TaskStatus.ERROR ? TITLE : null;
    });
  }

  get #sessionValue(): Session {
    return this.#session.value ?? ANONYMOUS;
  }

  /** The secretariat and departments have notices; committee members and the public do not. */
  get #isStaff(): boolean {
    return hasRole(this.#sessionValue, 'secretariat', 'department');
  }

  #notForYou(session: Session): TemplateResult {
    const message = session.me
      ? html`<p>委員の方へのお知らせはありません。会議のページの「対応状況（フォローアップ）」で、意見ごとの取組状況をご覧いただけます。</p>
          <p><a href="/">会議・計画の一覧へ</a></p>`
      : html`<p>お知らせは、担当課・事務局の職員向けです。サインインしてください。</p>
          <p><a href="/sign-in?next=%2Fnotices">サインインする</a></p>`;
    return roleMessageView(TITLE, message);
  }

  #item(notice: Notice): TemplateResult {
    const href = noticeHref(notice);
    return html`
      <li class="item" data-kind=${notice.kind}>
        <p class="title">${href ? html`<a href=${href}>${notice.title}</a>` : notice.title}</p>
        <p class="notice-message">${notice.message}</p>
        ${notice.date ? html`<p class="date">${NOTICE_DATE_LABELS[notice.kind]}：${formatDate(notice.date)}</p>` : nothing}
      </li>
    `;
  }

  #groups(data: Notices): TemplateResult {
    const groups = NOTICE_GROUPS.map((g) => ({ ...g, items: data.items.filter((n) => n.kind === g.kind) })).filter((g) => g.items.length);
    if (!groups.length) return html`<p class="empty" data-empty>いまお知らせはありません。</p>`;
    return html`
      <nav class="summary" aria-label="お知らせの種類へ移動">
        <ul>
          ${groups.map(
            (g) => html`<li><a href="#group-${g.kind}" @click=${(e: Event) => this.#jump(e, `group-${g.kind}`)}>${g.label} ${data.counts[g.kind]}件</a></li>`,
          )}
        </ul>
      </nav>
      ${groups.map(
        (g) => html`
          <section class="group group-${g.kind}" aria-labelledby="group-${g.kind}" data-group=${g.kind}>
            <h2 id="group-${g.kind}" tabindex="-1">${g.label}<span class="count">（${data.counts[g.kind]}件）</span></h2>
            <p class="group-lead">${g.lead}</p>
            <ul class="items">${g.items.map((n) => this.#item(n))}</ul>
          </section>
        `,
      )}
    `;
  }

  /** In-page links: the target lives in this shadow root, out of the browser's reach. */
  #jump(event: Event, id: string): void {
    const target = this.renderRoot.querySelector<HTMLElement>(`#${id}`);
    if (!target) return;
    event.preventDefault();
    target.focus();
    target.scrollIntoView();
  }

  #content(data: Notices): TemplateResult {
    const secretariat = this.#sessionValue.me?.role === 'secretariat';
    return html`
      <div class="page-header">
        <h1 tabindex="-1">${TITLE}</h1>
        <p class="lead" data-lead>
          ${data.items.length ? `対応が必要なお知らせが${data.items.length}件あります。` : '対応が必要なお知らせはありません。'}
          ${secretariat ? html`報告期間の受付・締切と、担当課ごとの未報告の一覧は<a href="/periods">報告期間</a>のページにあります。` : nothing}
        </p>
      </div>
      ${this.#groups(data)}
    `;
  }

  override render(): TemplateResult {
    const session = this.#sessionValue;
    if (!session.loaded) return loadingView();
    if (!this.#isStaff) return this.#notForYou(session);
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
}

customElements.define('iken-notices-page', IkenNoticesPage);

declare global {
  interface HTMLElementTagNameMap {
    'iken-notices-page': IkenNoticesPage;
  }
}
