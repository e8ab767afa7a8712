/**
 * 確認待ち (/review), the secretariat's desk: responses the departments
 * submitted (承認, or 差戻し with a comment, right here or on the opinion's
 * page), approved responses by meeting with one button per meeting to publish
 * them all (after a confirmation), and, for public comments, groups of
 * opinions that say the same thing, to be answered by the first one's
 * response (同趣旨).
 *
 * Other readers get a message saying whom the page is for and where to go.
 */
import { ContextConsumer } from '@lit/context';
import { initialState, Task, TaskStatus } from '@lit/task';
import { html, LitElement, nothing, type TemplateResult } from 'lit';
import { consumeApi, requireApi, type ApiHandle } from '../api/api-context.js';
import type { DuplicateGroup, Meeting, Opinion } from '../api/types.js';
import { badge } from '../lib/badges.js';
import { formatDepartment, formatFiscalYear, formatPercent } from '../lib/format.js';
import { PageReadyController } from '../lib/page-ready-controller.js';
import { responseEtag } from '../../../api/lib/response-etag.js';
import { ariaBusy, errorView, loadingView } from '../lib/status-views.js';
import { ANONYMOUS, sessionContext, type Session } from '../session/session-context.js';
import { formStyles } from '../styles/form.styles.js';
import { sharedStyles } from '../styles/shared.styles.js';
import { reviewPageStyles } from './iken-review-page.styles.js';
import { roleMessageStyles } from '../styles/role-message.styles.js';
import { secretariatOnlyView } from '../lib/role-message.js';

const TITLE = '確認待ちの対応方針';

/** Longest opinion excerpt in a list; the full text is on the opinion's page. */
const EXCERPT_CHARS = 120;

/** A public comment's duplicate candidates, with the opinions they name. */
interface DuplicateSection {
  meeting: Meeting;
  groups: DuplicateGroup[];
  opinions: Map<number, Opinion>;
}

/** Approved responses of one meeting. */
interface ApprovedSection {
  meeting: Meeting;
  opinions: Opinion[];
}

/** Opinions of one meeting that no department answers yet. */
interface UnassignedSection {
  meeting: Meeting;
  opinions: Opinion[];
}

interface ReviewData {
  submitted: Opinion[];
  unassigned: UnassignedSection[];
  approved: ApprovedSection[];
  duplicates: DuplicateSection[];
  meetings: Map<number, Meeting>;
}

/** The 差戻し form of one submitted response. */
interface ReturnDraft {
  comment: string;
  error: string;
}

function excerpt(text: string): string {
  const chars = [...text];
  return chars.length > EXCERPT_CHARS ? `${chars.slice(0, EXCERPT_CHARS).join('')}…` : text;
}

export class IkenReviewPage extends LitElement {
  static override styles = [sharedStyles, formStyles, reviewPageStyles, roleMessageStyles];

  static override properties = {
    returning: { state: true },
    confirmMeetingId: { state: true },
    busyKey: { state: true },
    notice: { state: true },
    failure: { state: true },
  };

  /** Open 差戻し forms, by opinion id. */
  declare returning: ReadonlyMap<number, ReturnDraft>;
  /** The meeting whose 公開 confirmation is open. */
  declare confirmMeetingId: number | null;
  /** What is being done, in words (意見3の承認 …); '' when nothing. */
  declare busyKey: string;
  /** The last success, announced politely. */
  declare notice: string;
  /** The last failure: what was being done, and the error. */
  declare failure: { what: string; error: unknown } | null;

  readonly #api: ApiHandle;
  readonly #session: ContextConsumer<typeof sessionContext, this>;
  readonly #data: Task<[unknown, boolean, boolean], ReviewData>;

  constructor() {
    super();
    this.returning = new Map();
    this.confirmMeetingId = null;
    this.busyKey = '';
    this.notice = '';
    this.failure = null;
    this.#api = consumeApi(this);
    this.#session = new ContextConsumer(this, { context: sessionContext, subscribe: true });
    this.#data = new Task(this, {
      task: async ([, loaded, secretariat], { signal }) => {
        if (!loaded || !secretariat) return initialState;
        return this.#load(signal);
      },
      args: () => [this.#api.value, this.#sessionValue.loaded, this.#isSecretariat],
    });
    new PageReadyController(this, () => {
      if (!this.#sessionValue.loaded) return null;
      if (!this.#isSecretariat) return TITLE;
      return this.#data.status === TaskStatus.COMPLETE || this.#data.status === TaskStatus.ERROR ? TITLE : null;
    });
  }

  get #sessionValue(): Session {
    return this.#session.value ?? ANONYMOUS;
  }

  get #isSecretariat(): boolean {
    return this.#sessionValue.me?.role === 'secretariat';
  }

  async #load(signal: AbortSignal): Promise<ReviewData> {
    const api = requireApi(this.#api);
    const [submitted, approved, meetingList, all] = await Promise.all([
      api.listAllOpinions({ state: 'submitted' }, signal),
      api.listAllOpinions({ state: 'approved' }, signal),
      api.listMeetings(signal),
      api.listAllOpinions({}, signal),
    ]);
    const meetings = new Map(meetingList.map((m) => [m.id, m]));
    // Public comments arrive without a department: this is where they get one.
    // A duplicate is answered by its first opinion, so it needs none of its own.
    const unassignedByMeeting = new Map<number, Opinion[]>();
    for (const opinion of all) {
      if (opinion.departmentId !== null || opinion.duplicateOfId !== null) continue;
      unassignedByMeeting.set(opinion.meetingId, [...(unassignedByMeeting.get(opinion.meetingId) ?? []), opinion]);
    }
    const unassigned = meetingList.flatMap((meeting) => {
      const opinions = unassignedByMeeting.get(meeting.id);
      return opinions ? [{ meeting, opinions: opinions.sort((a, b) => a.seq - b.seq) }] : [];
    });
    const byMeeting = new Map<number, Opinion[]>();
    for (const opinion of approved) byMeeting.set(opinion.meetingId, [...(byMeeting.get(opinion.meetingId) ?? []), opinion]);
    const approvedSections = [...byMeeting].flatMap(([id, opinions]) => {
      const meeting = meetings.get(id);
      return meeting ? [{ meeting, opinions: opinions.sort((a, b) => a.seq - b.seq) }] : [];
    });
    const duplicates = (
      await Promise.all(
        meetingList
          .filter((m) => m.kind === 'public_comment')
          .map(async (meeting): Promise<DuplicateSection | null> => {
            const groups = await api.listDuplicateCandidates(meeting.id, signal);
            if (!groups.length) return null;
            const opinions = await api.listAllOpinions({ meetingId: meeting.id }, signal);
            return { meeting, groups, opinions: new Map(opinions.map((o) => [o.id, o])) };
          }),
      )
    ).filter((s): s is DuplicateSection => s !== null);
    return { submitted: submitted.sort((a, b) => a.meetingId - b.meetingId || a.seq - b.seq), unassigned, approved: approvedSections, duplicates, meetings };
  }

  async #focus(selector: string): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }

  /**
   * Runs one action (`what` says it in words): marks it busy, reports success
   * in the status line or the failure as an alert at the top, then loads the
   * lists again (another person may have acted meanwhile).
   */
  async #act(what: string, work: () => Promise<string>): Promise<void> {
    if (this.busyKey) return;
    this.busyKey = what;
    this.failure = null;
    this.notice = '';
    try {
      this.notice = await work();
    } catch (error) {
      this.failure = { what, error };
    } finally {
      this.busyKey = '';
    }
    await this.#data.run();
    await this.#focus(this.failure ? '#failure' : '#notice');
  }

  #name(opinion: Opinion, data: ReviewData): string {
    const meeting = data.meetings.get(opinion.meetingId);
    return `意見${opinion.seq}${meeting ? `（${meeting.title}）` : ''}`;
  }

  #approve(opinion: Opinion, data: ReviewData): void {
    const version = opinion.response?.version ?? 0;
    void this.#act(`${this.#name(opinion, data)}の承認`, async () => {
      await requireApi(this.#api).transitionResponse(opinion.id, 'approve', undefined, responseEtag(version));
      return `${this.#name(opinion, data)}の対応方針（第${version}版）を承認しました。`;
    });
  }

  #setReturn(id: number, draft: ReturnDraft | null): void {
    const next = new Map(this.returning);
    if (draft) next.set(id, draft);
    else next.delete(id);
    this.returning = next;
  }

  async #openReturn(id: number): Promise<void> {
    this.#setReturn(id, this.returning.get(id) ?? { comment: '', error: '' });
    await this.#focus(`#return-${id}`);
  }

  async #closeReturn(id: number): Promise<void> {
    this.#setReturn(id, null);
    await this.#focus(`#open-return-${id}`);
  }

  #sendReturn(event: SubmitEvent, opinion: Opinion, data: ReviewData): void {
    event.preventDefault();
    const draft = this.returning.get(opinion.id);
    if (!draft) return;
    const comment = draft.comment.trim();
    if (!comment) {
      this.#setReturn(opinion.id, { ...draft, error: '差戻しの理由を入力してください。担当課に伝わります。' });
      void this.#focus(`#return-${opinion.id}`);
      return;
    }
    const version = opinion.response?.version ?? 0;
    void this.#act(`${this.#name(opinion, data)}の差戻し`, async () => {
      await requireApi(this.#api).transitionResponse(opinion.id, 'return', comment, responseEtag(version));
      this.#setReturn(opinion.id, null);
      return `${this.#name(opinion, data)}の対応方針を担当課に差し戻しました。`;
    });
  }

  async #askPublish(meetingId: number): Promise<void> {
    this.confirmMeetingId = meetingId;
    await this.#focus(`#confirm-${meetingId}`);
  }

  async #cancelPublish(meetingId: number): Promise<void> {
    this.confirmMeetingId = null;
    await this.#focus(`#publish-${meetingId}`);
  }

  #publish(section: ApprovedSection): void {
    void this.#act(`「${section.meeting.title}」の公開`, async () => {
      const { published } = await requireApi(this.#api).publishMeeting(section.meeting.id);
      this.confirmMeetingId = null;
      return `「${section.meeting.title}」の承認済みの対応方針を${published}件公開しました。`;
    });
  }

  #markDuplicates(section: DuplicateSection, group: DuplicateGroup): void {
    const [first, ...others] = group.opinionIds;
    if (first === undefined) return;
    const seq = section.opinions.get(first)?.seq ?? group.seqs[0];
    void this.#act(`意見${seq}との同趣旨の整理`, async () => {
      const api = requireApi(this.#api);
      // One by one: a failure part-way leaves the rest as candidates to try again.
      for (const id of others) await api.markDuplicate(id, first);
      return `${others.length}件の意見を、意見${seq}と同趣旨として整理しました（意見${seq}の対応方針がこれらへの回答になります）。`;
    });
  }

  #failureView(): TemplateResult | typeof nothing {
    const failure = this.failure;
    if (!failure) return nothing;
    return html`<div id="failure" tabindex="-1" class="failure" data-failure>
      ${errorView(failure.error, html`<p class="failure-what">（${failure.what}ができませんでした。一覧は最新の状態に更新しました）</p>`)}
    </div>`;
  }

  // --- Views -------------------------------------------------------------------

  #submittedItem(opinion: Opinion, data: ReviewData): TemplateResult {
    const response = opinion.response;
    const meeting = data.meetings.get(opinion.meetingId);
    const draft = this.returning.get(opinion.id);
    const busy = this.busyKey !== '';
    const describedBy = draft?.error ? `return-hint-${opinion.id} return-error-${opinion.id}` : `return-hint-${opinion.id}`;
    return html`
      <li class="item" data-opinion-id=${opinion.id}>
        <h3>
          <a href="/opinions/${opinion.id}">意見 ${opinion.seq}</a>
          ${meeting ? html`<span class="meeting">（${meeting.title}）</span>` : nothing}
        </h3>
        <dl class="facts">
          <div><dt>担当課</dt><dd>${opinion.department ? formatDepartment(opinion.department) : '未設定'}</dd></div>
          ${response ? html`<div><dt>版</dt><dd>第${response.version}版</dd></div>` : nothing}
        </dl>
        <p class="label">意見</p>
        <p class="excerpt">${excerpt(opinion.text)}</p>
        <p class="label">提出された対応方針</p>
        <p class="response-text" data-response-text>${response?.text ?? ''}</p>
        ${draft
          ? html`<form class="return-form" novalidate @submit=${(e: SubmitEvent) => this.#sendReturn(e, opinion, data)}>
              <div class="field">
                <label for="return-${opinion.id}">差戻しの理由（意見 ${opinion.seq}）<span class="required">必須</span></label>
                <p class="hint" id="return-hint-${opinion.id}">担当課への修正の依頼を書いてください。履歴に残り、担当課に表示されます。</p>
                <textarea
                  id="return-${opinion.id}"
                  rows="3"
                  .value=${draft.comment}
                  aria-describedby=${describedBy}
                  aria-invalid=${draft.error ? 'true' : 'false'}
                  @input=${(e: Event) => {
                    const comment = (e.target as HTMLTextAreaElement).value;
                    this.#setReturn(opinion.id, { comment, error: comment.trim() ? '' : draft.error });
                  }}
                ></textarea>
                ${draft.error ? html`<p class="field-error" id="return-error-${opinion.id}" role="alert">${draft.error}</p>` : nothing}
              </div>
              <div class="actions">
                <button type="submit" ?disabled=${busy}>差戻し</button>
                <button type="button" class="secondary" ?disabled=${busy} @click=${() => void this.#closeReturn(opinion.id)}>やめる</button>
              </div>
            </form>`
          : html`<div class="actions">
              <button type="button" aria-label="承認（意見 ${opinion.seq}）" ?disabled=${busy} @click=${() => this.#approve(opinion, data)}>承認</button>
              <button type="button" class="secondary" id="open-return-${opinion.id}" ?disabled=${busy} @click=${() => void this.#openReturn(opinion.id)}>
                差し戻す…
              </button>
              <a class="detail-link" href="/opinions/${opinion.id}">意見のページで確認する</a>
            </div>`}
      </li>
    `;
  }

  #submittedSection(data: ReviewData): TemplateResult {
    return html`
      <section aria-labelledby="submitted-heading" data-section="submitted">
        <h2 id="submitted-heading">提出された対応方針<span class="count">（${data.submitted.length}件）</span></h2>
        <p class="section-lead">担当課が提出した対応方針です。承認するか、理由を添えて差し戻してください。</p>
        ${data.submitted.length
          ? html`<ul class="items">
              ${data.submitted.map((o) => this.#submittedItem(o, data))}
            </ul>`
          : html`<p class="empty">確認を待っている対応方針はありません。</p>`}
      </section>
    `;
  }

  #unassignedSection(data: ReviewData): TemplateResult {
    const count = data.unassigned.reduce((n, s) => n + s.opinions.length, 0);
    return html`
      <section aria-labelledby="unassigned-heading" data-section="unassigned">
        <h2 id="unassigned-heading">担当課が決まっていない意見<span class="count">（${count}件）</span></h2>
        <p class="section-lead">
          パブリックコメントで寄せられた意見などは、担当課が決まっていません。意見のページで担当課と対応期限を決めてください。
        </p>
        ${data.unassigned.length
          ? data.unassigned.map(
              ({ meeting, opinions }) => html`<div class="meeting-block" role="group" aria-labelledby="unassigned-meeting-${meeting.id}" data-meeting-id=${meeting.id}>
                <h3 id="unassigned-meeting-${meeting.id}">
                  <a href="/meetings/${meeting.id}">${meeting.title}</a>
                  <span class="count">（${opinions.length}件）</span>
                </h3>
                <ul class="approved-list">
                  ${opinions.map(
                    (o) => html`<li data-opinion-id=${o.id}>
                      <a href="/opinions/${o.id}">意見 ${o.seq}</a>
                      <span class="approved-text">${excerpt(o.text)}</span>
                    </li>`,
                  )}
                </ul>
              </div>`,
            )
          : html`<p class="empty">担当課が決まっていない意見はありません。</p>`}
      </section>
    `;
  }

  #approvedMeeting(section: ApprovedSection): TemplateResult {
    const { meeting, opinions } = section;
    const busy = this.busyKey !== '';
    const headingId = `approved-meeting-${meeting.id}`;
    return html`
      <div class="meeting-block" role="group" aria-labelledby=${headingId} data-meeting-id=${meeting.id}>
        <h3 id=${headingId}>
          <a href="/meetings/${meeting.id}">${meeting.title}</a>
          <span class="count">（承認済み ${opinions.length}件）</span>
        </h3>
        <p class="eyebrow">${formatFiscalYear(meeting.fiscalYear)}</p>
        <ul class="approved-list">
          ${opinions.map(
            (o) => html`<li>
              <a href="/opinions/${o.id}">意見 ${o.seq}</a>
              <span class="approved-text">${excerpt(o.response?.text ?? '')}</span>
            </li>`,
          )}
        </ul>
        ${this.confirmMeetingId === meeting.id
          ? html`<div class="confirm" role="group" aria-labelledby="confirm-${meeting.id}">
              <p id="confirm-${meeting.id}" tabindex="-1" class="confirm-title">公開の確認</p>
              <p>
                「${meeting.title}」の承認済みの対応方針${opinions.length}件を公開します。公開すると、市民を含むすべての人が意見と対応方針を閲覧できるようになります。公開してよろしいですか。
              </p>
              <div class="actions">
                <button type="button" ?disabled=${busy} @click=${() => this.#publish(section)}>${opinions.length}件を公開する</button>
                <button type="button" class="secondary" ?disabled=${busy} @click=${() => void this.#cancelPublish(meeting.id)}>やめる</button>
              </div>
            </div>`
          : html`<div class="actions">
              <button type="button" id="publish-${meeting.id}" ?disabled=${busy} @click=${() => void this.#askPublish(meeting.id)}>
                この会議の承認済みをまとめて公開
              </button>
            </div>`}
      </div>
    `;
  }

  #approvedSection(data: ReviewData): TemplateResult {
    const count = data.approved.reduce((n, s) => n + s.opinions.length, 0);
    return html`
      <section aria-labelledby="approved-heading" data-section="approved">
        <h2 id="approved-heading">承認済み・公開待ち<span class="count">（${count}件）</span></h2>
        <p class="section-lead">会議ごとに、承認済みの対応方針をまとめて公開できます。1件ずつ公開するときは、意見のページから公開してください。</p>
        ${data.approved.length ? data.approved.map((s) => this.#approvedMeeting(s)) : html`<p class="empty">公開を待っている対応方針はありません。</p>`}
      </section>
    `;
  }

  #duplicateGroup(section: DuplicateSection, group: DuplicateGroup): TemplateResult {
    const [first] = group.opinionIds;
    const busy = this.busyKey !== '';
    const firstSeq = (first !== undefined ? section.opinions.get(first)?.seq : undefined) ?? group.seqs[0];
    const kind = group.kind === 'exact' ? '同文' : `ほぼ同文（一致度 ${formatPercent(group.similarity)}）`;
    return html`
      <li class="dup-group" data-first-id=${first ?? ''}>
        <p class="dup-kind">${badge(group.kind === 'exact' ? 'info' : 'outline', kind, 'duplicate-kind')} ${group.opinionIds.length}件</p>
        <ol class="dup-members">
          ${group.opinionIds.map((id, i) => {
            const opinion = section.opinions.get(id);
            return html`<li>
              <a href="/opinions/${id}">意見 ${opinion?.seq ?? group.seqs[i]}</a>${i === 0 ? html`<span class="first-note">（この意見の対応方針で回答）</span>` : nothing}
              <span class="dup-text">${opinion ? excerpt(opinion.text) : ''}</span>
            </li>`;
          })}
        </ol>
        <div class="actions">
          <button type="button" ?disabled=${busy} @click=${() => this.#markDuplicates(section, group)}>
            ほかの${group.opinionIds.length - 1}件を意見 ${firstSeq} と同趣旨にまとめる
          </button>
        </div>
      </li>
    `;
  }

  #duplicatesSection(data: ReviewData): TemplateResult {
    return html`
      <section aria-labelledby="duplicates-heading" data-section="duplicates">
        <h2 id="duplicates-heading">同趣旨の意見の候補（パブリックコメント）</h2>
        <p class="section-lead">
          同じ文面や、ほぼ同じ文面の意見です。まとめると、最初の意見の対応方針がほかの意見への回答になります。
        </p>
        ${data.duplicates.length
          ? data.duplicates.map(
              (s) => html`<div class="meeting-block" role="group" aria-labelledby="dup-meeting-${s.meeting.id}">
                <h3 id="dup-meeting-${s.meeting.id}"><a href="/meetings/${s.meeting.id}">${s.meeting.title}</a></h3>
                <ul class="dup-groups">
                  ${s.groups.map((g) => this.#duplicateGroup(s, g))}
                </ul>
              </div>`,
            )
          : html`<p class="empty">同趣旨の意見の候補はありません。</p>`}
      </section>
    `;
  }

  #notForYou(session: Session): TemplateResult {
    return secretariatOnlyView(TITLE, session.me);
  }

  #content(data: ReviewData): TemplateResult {
    const busyText = this.busyKey ? `${this.busyKey}を処理しています…` : '';
    return html`
      <div class="page-header">
        <h1 tabindex="-1">${TITLE}</h1>
        <p class="lead">担当課から提出された対応方針の確認、承認済みの対応方針の公開、同趣旨の意見の整理を行います。</p>
      </div>
      <p id="notice" class="notice" tabindex="-1" role="status" aria-live="polite" data-notice>${busyText || this.notice}</p>
      ${this.#failureView()}
      ${this.#submittedSection(data)} ${this.#unassignedSection(data)} ${this.#approvedSection(data)} ${this.#duplicatesSection(data)}
    `;
  }

  override render(): TemplateResult {
    const session = this.#sessionValue;
    if (!session.loaded) return loadingView();
    if (!this.#isSecretariat) return this.#notForYou(session);
    const data = this.#data.value;
    let content: unknown;
    // While an action reloads the lists, what is on screen stays.
    if (data) content = this.#content(data);
    else if (this.#data.status === TaskStatus.ERROR)
      content = html`
        <div class="page-header"><h1 tabindex="-1">${TITLE}</h1></div>
        ${errorView(this.#data.error, html`<p>時間をおいて、ページを再読み込みしてください。</p>`)}
      `;
    else content = loadingView();
    return html`<div aria-busy=${data ? 'false' : ariaBusy(this.#data)}>${content}</div>`;
  }
}

customElements.define('iken-review-page', IkenReviewPage);

declare global {
  interface HTMLElementTagNameMap {
    'iken-review-page': IkenReviewPage;
  }
}
