/**
 * One opinion and its response (/opinions/:id).
 *
 * Everyone sees the opinion, the city's published answer and the history the
 * API lets them see. The department that answers for the opinion (and the
 * secretariat) also get the editor: 下書き保存 and 提出, the secretariat's
 * 差戻し comment, and — when someone else saved first (412) — a conflict
 * panel that shows both texts and never overwrites silently. The secretariat
 * reviews here too (承認, 差戻し with a comment, 公開 after a confirmation),
 * and sees the sender of a public comment and the change history.
 */
import { ContextConsumer } from '@lit/context';
import { initialState, Task, TaskStatus } from '@lit/task';
import { html, LitElement, nothing, type TemplateResult } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import { ApiError } from '../api/api-client.js';
import { consumeApi, requireApi, type ApiHandle } from '../api/api-context.js';
import type { Commenter, Meeting, Opinion, OpinionResponse, ResponseAction, ResponseVersion } from '../api/types.js';
import { commitmentBadge, responseStateBadge } from '../lib/badges.js';
import { codeAndTitle, formatDate, formatDateTime, formatDepartment, formatFiscalYear } from '../lib/format.js';
import { MEETING_KIND_LABELS, RESPONSE_STATE_LABELS } from '../lib/labels.js';
import { PageReadyController } from '../lib/page-ready-controller.js';
import {
  actorLabel,
  canEditResponse,
  historySteps,
  isSecretariat,
  pendingReturn,
  saveHint,
  stepView,
  type HistoryStep,
} from '../lib/response-workflow.js';
import { ariaBusy, errorView, loadingView } from '../lib/status-views.js';
import { BeforeUnloadGuard, registerUnsavedCheck } from '../lib/unsaved-changes.js';
import { ANONYMOUS, hasRole, sessionContext, type Session } from '../session/session-context.js';
import { formStyles } from '../styles/form.styles.js';
import { sharedStyles } from '../styles/shared.styles.js';
import { opinionPageStyles } from './iken-opinion-page.styles.js';
import './iken-audit-log.js';
import './iken-node-suggestions.js';
import './iken-opinion-assign.js';
import './iken-progress-panel.js';
import './iken-related-opinions.js';

/** Everything the page shows, loaded together. */
interface OpinionPageData {
  opinion: Opinion;
  meeting: Meeting;
  /** For a duplicate: the opinion whose response answers it (null when it cannot be read). */
  original: Opinion | null;
  /** The response as this reader may see it; null when there is none (or none they may see). */
  response: OpinionResponse | null;
  /** The version an editor builds on (If-Match); null when there is no response or the reader may not edit. */
  etag: string | null;
  versions: ResponseVersion[];
  /** The sender of a public comment (secretariat only); null when it was not sent through the form. */
  commenter: Commenter | null;
}

/** A save refused because someone else saved first: their version, to show beside ours. */
interface Conflict {
  theirs: OpinionResponse;
  theirEtag: string | null;
  /** Their latest save in the history (who and when), when the history names it. */
  by: HistoryStep | null;
}

type Busy = '' | 'save' | 'submit' | 'overwrite' | 'approve' | 'return' | 'publish';

const NOT_FOUND_TITLE = '意見が見つかりません';
const ERROR_TITLE = '意見を表示できません';

const BUSY_TEXT: Record<Exclude<Busy, ''>, string> = {
  save: '保存しています…',
  submit: '提出しています…',
  overwrite: '上書きして保存しています…',
  approve: '承認しています…',
  return: '差し戻しています…',
  publish: '公開しています…',
};

const DONE_TEXT: Record<ResponseAction, string> = {
  submit: '提出しました。事務局の確認をお待ちください。',
  approve: '承認しました。',
  return: '担当課に差し戻しました。',
  publish: '公開しました。',
};

function isStale(error: unknown): boolean {
  return error instanceof ApiError && (error.code === 'precondition_failed' || error.code === 'precondition_required');
}

export class IkenOpinionPage extends LitElement {
  static override styles = [sharedStyles, formStyles, opinionPageStyles];

  static override properties = {
    opinionId: { type: Number, attribute: 'opinion-id' },
    draft: { state: true },
    dirty: { state: true },
    editorError: { state: true },
    busy: { state: true },
    notice: { state: true },
    actionError: { state: true },
    conflict: { state: true },
    returnComment: { state: true },
    returnError: { state: true },
    confirmingPublish: { state: true },
  };

  /** The opinion to show. */
  declare opinionId: number;
  /** The text in the editor. */
  declare draft: string;
  /** True once the editor's text was typed in (a reload then keeps it). */
  declare dirty: boolean;
  /** Why the editor's text cannot be sent ('' when it can). */
  declare editorError: string;
  /** The action under way, if any. */
  declare busy: Busy;
  /** The last success, announced politely. */
  declare notice: string;
  /** The last failure of an action (shown as an alert). */
  declare actionError: unknown;
  /** Set while a save was refused as stale. */
  declare conflict: Conflict | null;
  /** The 差戻し comment being written. */
  declare returnComment: string;
  declare returnError: string;
  /** True while the 公開 confirmation is open. */
  declare confirmingPublish: boolean;

  readonly #api: ApiHandle;
  readonly #session: ContextConsumer<typeof sessionContext, this>;
  readonly #data: Task<[unknown, number, boolean, string], OpinionPageData>;
  readonly #beforeUnload = new BeforeUnloadGuard();
  #unregisterUnsaved: (() => void) | null = null;

  constructor() {
    super();
    this.opinionId = 0;
    this.draft = '';
    this.dirty = false;
    this.editorError = '';
    this.busy = '';
    this.notice = '';
    this.actionError = null;
    this.conflict = null;
    this.returnComment = '';
    this.returnError = '';
    this.confirmingPublish = false;
    this.#api = consumeApi(this);
    this.#session = new ContextConsumer(this, { context: sessionContext, subscribe: true });
    this.#data = new Task(this, {
      task: async ([, id, loaded], { signal }) => {
        // Wait for the id and for the session: what to load depends on who reads.
        if (!id || !loaded) return initialState;
        const data = await this.#load(id, signal);
        if (!this.dirty) this.draft = data.response?.text ?? '';
        return data;
      },
      args: () => [this.#api.value, this.opinionId, this.#sessionValue.loaded, this.#sessionValue.me?.role ?? ''],
    });
    new PageReadyController(this, () => {
      const status = this.#data.status;
      const data = this.#data.value;
      if (data) return `意見${data.opinion.seq}（${data.meeting.title}）`;
      if (status === TaskStatus.ERROR) return this.#isNotFound(this.#data.error) ? NOT_FOUND_TITLE : ERROR_TITLE;
      return null;
    });
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#unregisterUnsaved = registerUnsavedCheck(() => this.hasUnsavedChanges());
  }

  override disconnectedCallback(): void {
    this.#unregisterUnsaved?.();
    this.#unregisterUnsaved = null;
    this.#beforeUnload.set(false);
    super.disconnectedCallback();
  }

  override updated(): void {
    this.#beforeUnload.set(this.hasUnsavedChanges());
  }

  /** True while the editor's text differs from the version last saved or loaded. */
  hasUnsavedChanges(): boolean {
    const data = this.#data.value;
    if (!this.dirty || !data) return false;
    return this.draft !== (data.response?.text ?? '');
  }

  get #sessionValue(): Session {
    return this.#session.value ?? ANONYMOUS;
  }

  #isNotFound(error: unknown): boolean {
    return error instanceof ApiError && error.status === 404;
  }

  async #load(id: number, signal: AbortSignal): Promise<OpinionPageData> {
    const api = requireApi(this.#api);
    const opinion = await api.getOpinion(id, signal);
    // Alone, so the ETag read with it is its own.
    const current = opinion.response ? await api.getResponse(id, signal) : null;
    const secretariat = isSecretariat(this.#sessionValue);
    const [meeting, original, versions] = await Promise.all([
      api.getMeeting(opinion.meetingId, signal),
      opinion.duplicateOfId !== null ? api.getOpinion(opinion.duplicateOfId, signal).catch(() => null) : null,
      opinion.response ? api.listResponseVersions(id, signal) : [],
    ]);
    // Only a public comment can have a sender; null means it came another way (typed in, imported).
    const commenter = secretariat && meeting.kind === 'public_comment' ? await api.getCommenter(id, signal) : null;
    return {
      opinion,
      meeting,
      original,
      response: current?.response ?? null,
      etag: current?.etag ?? null,
      versions,
      commenter,
    };
  }

  /** Loads everything again (after a change), keeping what is on screen meanwhile. */
  async #reload(): Promise<void> {
    await this.#data.run();
  }

  async #focus(selector: string): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }

  // --- Editing ---------------------------------------------------------------

  #onInput(event: Event): void {
    this.draft = (event.target as HTMLTextAreaElement).value;
    this.dirty = true;
    if (this.editorError && this.draft.trim()) this.editorError = '';
  }

  /** The text is fit to send; otherwise says why and puts focus on the editor. */
  #validateDraft(): boolean {
    if (this.draft.trim()) return true;
    this.editorError = '対応方針を入力してください。';
    void this.#focus('#response-text');
    return false;
  }

  /**
   * Saves the editor's text against `etag`. A stale version (someone saved
   * first) opens the conflict panel and keeps the text; returns whether it saved.
   */
  async #save(data: OpinionPageData, etag: string | null, busy: Busy): Promise<{ response: OpinionResponse; etag: string | null } | null> {
    const api = requireApi(this.#api);
    this.busy = busy;
    this.actionError = null;
    this.notice = '';
    try {
      const saved = await api.saveResponse(data.opinion.id, this.draft, etag);
      this.conflict = null;
      this.dirty = false;
      return saved;
    } catch (error) {
      if (isStale(error)) await this.#openConflict(data.opinion.id);
      else this.actionError = error;
      return null;
    } finally {
      this.busy = '';
    }
  }

  /** Fetches the version someone else saved, to show beside the editor's text. */
  async #openConflict(opinionId: number): Promise<void> {
    const api = requireApi(this.#api);
    try {
      const theirs = await api.getResponse(opinionId);
      const versions = await api.listResponseVersions(opinionId).catch(() => []);
      const edits = historySteps(versions).filter((s) => s.event.action === 'edit' && s.version === theirs.response.version);
      this.conflict = { theirs: theirs.response, theirEtag: theirs.etag, by: edits[edits.length - 1] ?? null };
      await this.#focus('#conflict-heading');
    } catch (error) {
      this.actionError = error;
    }
  }

  async #onSave(event: SubmitEvent, data: OpinionPageData): Promise<void> {
    event.preventDefault();
    if (this.busy || !this.#validateDraft()) return;
    const saved = await this.#save(data, data.etag, 'save');
    if (!saved) {
      if (!this.conflict) await this.#focus(this.actionError ? '#action-error' : '#save-button');
      return;
    }
    const unchanged = data.response !== null && saved.response.version === data.response.version;
    await this.#reload();
    this.notice = unchanged
      ? '内容に変更がないため、保存するものはありませんでした。'
      : `下書きを保存しました（第${saved.response.version}版）。`;
    // The button was disabled while saving, which drops focus to the page: give it back.
    await this.#focus('#save-button');
  }

  /** 提出: saves first when the text changed (or there is no response yet), then submits that version. */
  async #onSubmit(data: OpinionPageData): Promise<void> {
    if (this.busy || !this.#validateDraft()) return;
    let etag = data.etag;
    if (!data.response || this.draft !== data.response.text) {
      const saved = await this.#save(data, etag, 'submit');
      if (!saved) return;
      etag = saved.etag;
    }
    await this.#transition(data, 'submit', etag);
  }

  /** 相手の内容を読み込む: drops the editor's text for the version saved by the other person. */
  async #loadTheirs(): Promise<void> {
    const conflict = this.conflict;
    if (!conflict) return;
    this.draft = conflict.theirs.text;
    this.dirty = false;
    this.conflict = null;
    this.editorError = '';
    await this.#reload();
    this.notice = `相手の内容（第${conflict.theirs.version}版）を読み込みました。あなたの入力は破棄しました。`;
    await this.#focus('#response-text');
  }

  /** 自分の内容で上書きする: saves the editor's text on top of the other person's version (theirs stays in the history). */
  async #overwrite(data: OpinionPageData): Promise<void> {
    const conflict = this.conflict;
    if (!conflict || this.busy || !this.#validateDraft()) return;
    const saved = await this.#save(data, conflict.theirEtag, 'overwrite');
    if (!saved) return;
    await this.#reload();
    this.notice = `あなたの内容で上書きして保存しました（第${saved.response.version}版）。相手の内容は第${conflict.theirs.version}版として履歴に残っています。`;
    await this.#focus('#response-text');
  }

  // --- Workflow steps ----------------------------------------------------------

  async #transition(data: OpinionPageData, action: ResponseAction, etag: string | null, comment?: string): Promise<void> {
    const api = requireApi(this.#api);
    this.busy = action;
    this.actionError = null;
    this.notice = '';
    let done = false;
    try {
      await api.transitionResponse(data.opinion.id, action, comment, etag);
      done = true;
      if (action === 'return') this.returnComment = '';
      this.confirmingPublish = false;
    } catch (error) {
      this.actionError = error;
    }
    // Reloaded either way: after a refusal, the page shows where the response stands now.
    await this.#reload();
    this.busy = '';
    if (done) this.notice = DONE_TEXT[action];
    await this.#focus(this.actionError ? '#action-error' : '#workflow-heading');
  }

  async #onReturn(event: SubmitEvent, data: OpinionPageData): Promise<void> {
    event.preventDefault();
    if (this.busy) return;
    if (!this.returnComment.trim()) {
      this.returnError = '差戻しの理由を入力してください。担当課に伝わります。';
      void this.#focus('#return-comment');
      return;
    }
    this.returnError = '';
    await this.#transition(data, 'return', data.etag, this.returnComment.trim());
  }

  async #openPublishConfirm(): Promise<void> {
    this.confirmingPublish = true;
    await this.#focus('#publish-confirm-heading');
  }

  async #cancelPublish(): Promise<void> {
    this.confirmingPublish = false;
    await this.#focus('#publish-button');
  }

  // --- Views -------------------------------------------------------------------

  #header({ opinion, meeting }: OpinionPageData): TemplateResult {
    const state = opinion.response?.state ?? null;
    return html`
      <div class="page-header">
        <p class="eyebrow">${formatFiscalYear(meeting.fiscalYear)}　${MEETING_KIND_LABELS[meeting.kind]}</p>
        <h1 tabindex="-1">意見 ${opinion.seq}</h1>
        <p class="meeting-link">会議：<a href="/meetings/${meeting.id}">${meeting.title}</a></p>
        <dl class="facts">
          <div><dt>番号</dt><dd>${opinion.seq}</dd></div>
          <div><dt>担当課</dt><dd>${opinion.department ? formatDepartment(opinion.department) : '未設定'}</dd></div>
          <div><dt>対応期限</dt><dd>${opinion.dueOn ? formatDate(opinion.dueOn) : '未設定'}</dd></div>
          ${state ? html`<div><dt>対応方針の状態</dt><dd>${responseStateBadge(state)}</dd></div>` : nothing}
        </dl>
      </div>
    `;
  }

  #opinionSection(data: OpinionPageData): TemplateResult {
    const { opinion, original } = data;
    return html`
      <section aria-labelledby="opinion-heading">
        <h2 id="opinion-heading">意見の内容</h2>
        <p class="opinion-text" data-opinion-text>${opinion.text}</p>
        ${opinion.duplicateOfId !== null ? this.#duplicateNote(opinion.duplicateOfId, original) : nothing}
        <h3 class="sub-heading">関連する施策</h3>
        ${opinion.nodes.length
          ? html`<ul class="measures">
              ${opinion.nodes.map(
                (node) => html`<li>
                  ${node.parent ? html`<span class="parent">${codeAndTitle(node.parent)}</span>` : nothing}
                  <a href="/nodes/${node.id}">${codeAndTitle(node)}</a>
                </li>`,
              )}
            </ul>`
          : html`<p class="muted">施策に関連付けられていません。</p>`}
      </section>
    `;
  }

  /** 結び付ける施策の候補: staff only; the secretariat links, a department only looks. */
  #suggestionsSection({ opinion }: OpinionPageData): TemplateResult | typeof nothing {
    const session = this.#sessionValue;
    if (!hasRole(session, 'secretariat', 'department')) return nothing;
    const secretariat = isSecretariat(session);
    return html`
      <section aria-labelledby="suggestions-heading" data-node-suggestions>
        <h2 id="suggestions-heading">結び付ける施策の候補</h2>
        <p class="hint">
          意見の内容から選んだ、関連しそうな計画の施策です。職員だけに表示されます。${secretariat ? '' : '施策への結び付けは事務局が行います。'}
        </p>
        <iken-node-suggestions .opinion=${opinion} ?can-link=${secretariat} @iken-opinion-updated=${() => void this.#reload()}></iken-node-suggestions>
      </section>
    `;
  }

  /** 他の会議での関連する意見: for everyone. */
  #relatedSection({ opinion }: OpinionPageData): TemplateResult {
    return html`
      <section aria-labelledby="related-heading" data-related>
        <h2 id="related-heading">他の会議での関連する意見</h2>
        <iken-related-opinions .opinionId=${opinion.id}></iken-related-opinions>
      </section>
    `;
  }

  /** The secretariat's form: which department answers, and by when. */
  #assignSection({ opinion }: OpinionPageData): TemplateResult {
    return html`
      <section aria-labelledby="assign-heading" class="assign" data-assign>
        <h2 id="assign-heading">担当課・対応期限</h2>
        <p class="hint">事務局だけに表示されます。担当課を決めると、その課の「担当の意見」に表示されます。</p>
        <iken-opinion-assign .opinion=${opinion} @iken-opinion-updated=${() => void this.#reload()}></iken-opinion-assign>
      </section>
    `;
  }

  #duplicateNote(firstId: number, original: Opinion | null): TemplateResult {
    const name = original ? `意見 ${original.seq}` : '元の意見';
    return html`
      <div class="note" data-duplicate-of=${firstId}>
        <p>
          <strong>同趣旨</strong>：この意見は<a href="/opinions/${firstId}">${name}</a>と同じ趣旨の意見として整理されています。${name}への対応方針が、この意見への回答になります。
        </p>
        ${original && canEditResponse(this.#sessionValue, original, null)
          ? html`<p>対応方針の作成・修正は<a href="/opinions/${firstId}">${name}のページ</a>で行ってください。</p>`
          : nothing}
      </div>
    `;
  }

  /** 市の対応方針: the published text, the city's answer as everyone reads it. */
  #publishedSection({ opinion }: OpinionPageData): TemplateResult {
    const response = opinion.response;
    const published = response?.published ?? null;
    const revising = response !== null && published !== null && response.version !== published.version;
    return html`
      <section aria-labelledby="published-heading">
        <h2 id="published-heading">市の対応方針</h2>
        ${published
          ? html`<div class="answer">
                <p class="answer-text" data-published-text>${published.text}</p>
                <dl class="facts small">
                  <div><dt>対応区分</dt><dd>${commitmentBadge(published.commitment)}</dd></div>
                  <div><dt>公開中の版</dt><dd>第${published.version}版</dd></div>
                </dl>
              </div>
              ${revising ? html`<p class="muted">この対応方針は改訂中です（第${response.version}版を作成中）。新しい版が公開されるまで、上の内容が公開されています。</p>` : nothing}`
          : html`<p class="muted" data-no-published>対応方針はまだ公開されていません。</p>`}
      </section>
    `;
  }

  /** The response as it stands now, for readers who may see it but not write it (committee, other departments). */
  #currentReadOnly({ response, opinion }: OpinionPageData): TemplateResult | typeof nothing {
    if (!response || !this.#sessionValue.me) return nothing;
    const published = opinion.response?.published ?? null;
    if (published && published.version === response.version) return nothing;
    return html`
      <section aria-labelledby="workflow-heading">
        <h2 id="workflow-heading" tabindex="-1">作成中の対応方針</h2>
        <dl class="facts">
          <div><dt>状態</dt><dd>${responseStateBadge(response.state)}</dd></div>
          <div><dt>版</dt><dd>第${response.version}版</dd></div>
        </dl>
        <div class="answer pending"><p class="answer-text" data-current-text>${response.text}</p></div>
      </section>
    `;
  }

  #returnPanel(data: OpinionPageData): TemplateResult | typeof nothing {
    const step = pendingReturn(data.versions);
    if (!step) return nothing;
    const state = data.response?.state;
    return html`
      <div class="returned" data-return-comment>
        <h3>事務局からの差戻しコメント</h3>
        <p class="returned-comment">${step.event.comment ?? '（コメントなし）'}</p>
        <p class="returned-meta">
          第${step.version}版を差戻し ${formatDateTime(step.event.createdAt)}${step.event.actor ? html`　${actorLabel(step.event.actor)}` : nothing}
        </p>
        ${state === 'draft' ? html`<p class="returned-meta">修正中の下書きがあります。書き終えたら「提出」してください。</p>` : nothing}
      </div>
    `;
  }

  #conflictPanel(data: OpinionPageData, conflict: Conflict): TemplateResult {
    const by = conflict.by;
    const who = by?.event.actor ? `${actorLabel(by.event.actor)}が` : '他の人が';
    const when = by ? `（${formatDateTime(by.event.createdAt)}）` : '';
    return html`
      <section class="conflict" aria-labelledby="conflict-heading" data-conflict>
        <h3 id="conflict-heading" tabindex="-1">他の人が先に対応方針を保存しました</h3>
        <p role="alert">
          あなたが編集している間に、${who}対応方針を保存しました${when}。保存されている内容は第${conflict.theirs.version}版（${RESPONSE_STATE_LABELS[conflict.theirs.state]}）です。あなたの内容はまだ保存されていません（入力欄に残っています）。どちらの内容にするか選んでください。
        </p>
        <div class="compare">
          <div class="version theirs">
            <h4>相手の内容（保存済み・第${conflict.theirs.version}版）</h4>
            <p class="compare-text" data-their-text>${conflict.theirs.text}</p>
          </div>
          <div class="version mine">
            <h4>あなたの内容（未保存）</h4>
            <p class="compare-text" data-my-text>${this.draft}</p>
          </div>
        </div>
        <div class="actions">
          <button type="button" class="secondary" ?disabled=${this.busy !== ''} @click=${() => void this.#loadTheirs()}>相手の内容を読み込む</button>
          <button type="button" ?disabled=${this.busy !== ''} @click=${() => void this.#overwrite(data)}>自分の内容で上書きする</button>
        </div>
        <ul class="hint choices">
          <li>「相手の内容を読み込む」：あなたの入力を破棄して、保存されている内容を入力欄に読み込みます。</li>
          <li>「自分の内容で上書きする」：あなたの内容を新しい版として保存します。相手の内容も履歴に残ります。</li>
        </ul>
      </section>
    `;
  }

  #editor(data: OpinionPageData): TemplateResult {
    const response = data.response;
    const state = response?.state ?? null;
    const busy = this.busy !== '';
    const canSubmit = state === null || state === 'draft' || state === 'returned' || (response !== null && this.draft !== response.text);
    const describedBy = this.editorError ? 'response-hint response-error' : 'response-hint';
    return html`
      <section aria-labelledby="workflow-heading" class="workflow">
        <h2 id="workflow-heading" tabindex="-1">対応方針の作成・提出</h2>
        <dl class="facts">
          <div><dt>状態</dt><dd data-state=${state ?? 'none'}>${state ? responseStateBadge(state) : '未作成'}</dd></div>
          ${response ? html`<div><dt>版</dt><dd>第${response.version}版</dd></div>` : nothing}
          ${response ? html`<div><dt>最終更新</dt><dd>${formatDateTime(response.updatedAt)}</dd></div>` : nothing}
        </dl>
        ${this.#returnPanel(data)}
        <form novalidate aria-busy=${busy ? 'true' : 'false'} @submit=${(e: SubmitEvent) => void this.#onSave(e, data)}>
          <div class="field">
            <label for="response-text">対応方針</label>
            <p class="hint" id="response-hint">${saveHint(state)}</p>
            <textarea
              id="response-text"
              rows="8"
              .value=${this.draft}
              aria-describedby=${describedBy}
              aria-invalid=${this.editorError ? 'true' : 'false'}
              ?readonly=${busy}
              @input=${this.#onInput}
            ></textarea>
            ${this.editorError ? html`<p class="field-error" id="response-error" role="alert">${this.editorError}</p>` : nothing}
          </div>
          ${this.conflict
            ? // Until the conflict is settled, its two choices are the only ways to save.
              this.#conflictPanel(data, this.conflict)
            : html`<div class="actions">
                <button type="submit" id="save-button" class="secondary" ?disabled=${busy}>下書き保存</button>
                ${canSubmit
                  ? html`<button type="button" ?disabled=${busy} @click=${() => void this.#onSubmit(data)}>提出</button>`
                  : nothing}
              </div>`}
        </form>
      </section>
    `;
  }

  /** 承認 / 差戻し / 公開: the secretariat's steps for the state the response is in. */
  #review(data: OpinionPageData): TemplateResult | typeof nothing {
    const response = data.response;
    if (!response || !isSecretariat(this.#sessionValue) || data.opinion.duplicateOfId !== null) return nothing;
    if (response.state !== 'submitted' && response.state !== 'approved') return nothing;
    const busy = this.busy !== '';
    const describedBy = this.returnError ? 'return-hint return-error' : 'return-hint';
    return html`
      <section aria-labelledby="review-heading" class="review">
        <h2 id="review-heading">事務局の確認</h2>
        ${response.state === 'submitted'
          ? html`<p>担当課から提出された第${response.version}版です。内容を確認して、承認するか差し戻してください。</p>
              <div class="actions">
                <button type="button" ?disabled=${busy} @click=${() => void this.#transition(data, 'approve', data.etag)}>承認</button>
              </div>`
          : html`<p>第${response.version}版は承認済みです。公開すると、市の対応方針として誰でも閲覧できるようになります。</p>
              ${this.confirmingPublish
                ? html`<div class="confirm" role="group" aria-labelledby="publish-confirm-heading">
                    <h3 id="publish-confirm-heading" tabindex="-1">公開の確認</h3>
                    <p>
                      この対応方針（第${response.version}版）を公開します。公開すると、市民を含むすべての人がこの意見と対応方針を閲覧できるようになります。公開してよろしいですか。
                    </p>
                    <div class="actions">
                      <button type="button" ?disabled=${busy} @click=${() => void this.#transition(data, 'publish', data.etag)}>公開する</button>
                      <button type="button" class="secondary" ?disabled=${busy} @click=${() => void this.#cancelPublish()}>やめる</button>
                    </div>
                  </div>`
                : html`<div class="actions">
                    <button type="button" id="publish-button" ?disabled=${busy} @click=${() => void this.#openPublishConfirm()}>公開</button>
                  </div>`}`}
        <form class="return-form" novalidate @submit=${(e: SubmitEvent) => void this.#onReturn(e, data)}>
          <div class="field">
            <label for="return-comment">差戻しの理由<span class="required">必須</span></label>
            <p class="hint" id="return-hint">担当課への修正の依頼を書いてください。対応方針の履歴に残り、担当課に表示されます。</p>
            <textarea
              id="return-comment"
              rows="3"
              .value=${this.returnComment}
              aria-describedby=${describedBy}
              aria-invalid=${this.returnError ? 'true' : 'false'}
              @input=${(e: Event) => {
                this.returnComment = (e.target as HTMLTextAreaElement).value;
                if (this.returnError && this.returnComment.trim()) this.returnError = '';
              }}
            ></textarea>
            ${this.returnError ? html`<p class="field-error" id="return-error" role="alert">${this.returnError}</p>` : nothing}
          </div>
          <div class="actions">
            <button type="submit" class="secondary" ?disabled=${busy}>差戻し</button>
          </div>
        </form>
      </section>
    `;
  }

  #statusLine(): TemplateResult {
    const busyText = this.busy ? BUSY_TEXT[this.busy] : '';
    return html`
      <p class="notice" role="status" aria-live="polite" data-notice>${busyText || this.notice}</p>
      ${this.actionError
        ? html`<div id="action-error" tabindex="-1" data-action-error>
            ${errorView(this.actionError, this.#changedMeanwhile(this.actionError) ? html`<p>画面を最新の状態に更新しました。内容を確かめてから、もう一度操作してください。</p>` : '')}
          </div>`
        : nothing}
    `;
  }

  /** The response changed under us (409 state moved on, 412 another version): the page was reloaded. */
  #changedMeanwhile(error: unknown): boolean {
    return error instanceof ApiError && (error.status === 409 || error.status === 412);
  }

  #history({ versions }: OpinionPageData): TemplateResult {
    const newestFirst = [...versions].reverse();
    return html`
      <section aria-labelledby="history-heading" class="history">
        <h2 id="history-heading">対応方針の履歴</h2>
        ${newestFirst.length
          ? html`<ol class="versions" reversed>
              ${newestFirst.map(
                (v) => html`<li class="version-item" data-version=${v.version}>
                  <h3>第${v.version}版 <span class="when">${formatDateTime(v.createdAt)}</span></h3>
                  <p class="version-text">${v.text}</p>
                  ${v.events.length
                    ? html`<ol class="steps">
                        ${v.events.map((e) => {
                          const step = stepView(e);
                          return html`<li data-step=${e.action}>
                            <span class="step-label">${step.label}</span>
                            ${step.states ? html`<span class="step-states">${step.states}</span>` : nothing}
                            <span class="step-when">${formatDateTime(e.createdAt)}</span>
                            ${e.actor ? html`<span class="step-who">${actorLabel(e.actor)}</span>` : nothing}
                            ${step.comment ? html`<p class="step-comment">コメント：${step.comment}</p>` : nothing}
                          </li>`;
                        })}
                      </ol>`
                    : nothing}
                </li>`,
              )}
            </ol>`
          : html`<p class="muted">まだ履歴はありません。</p>`}
      </section>
    `;
  }

  /**
   * 取組状況: the status per period and, for whoever may write the response
   * (the responsible department, the secretariat), the form to report it.
   * Made anew when the response changes, since a first response is what makes reporting possible.
   */
  #progressSection(data: OpinionPageData, editable: boolean): TemplateResult {
    return html`
      <section aria-labelledby="progress-heading" class="progress" data-progress>
        <h2 id="progress-heading">取組状況</h2>
        ${keyed(
          data.response?.version ?? 0,
          html`<iken-progress-panel target="opinion" .itemId=${data.opinion.id} ?can-report=${editable}></iken-progress-panel>`,
        )}
      </section>
    `;
  }

  #commenterSection(commenter: Commenter): TemplateResult {
    return html`
      <section aria-labelledby="commenter-heading" class="commenter">
        <h2 id="commenter-heading">提出者（パブリックコメント）</h2>
        <p class="hint">個人情報です。事務局だけに表示されます。</p>
        <dl class="pairs">
          <div><dt>受付番号</dt><dd>${commenter.receiptNumber}</dd></div>
          <div><dt>氏名</dt><dd>${commenter.name ?? '（記入なし）'}</dd></div>
          <div><dt>メールアドレス</dt><dd>${commenter.email ?? '（記入なし）'}</dd></div>
          <div><dt>住所</dt><dd>${commenter.address ?? '（記入なし）'}</dd></div>
          <div><dt>受付日時</dt><dd>${formatDateTime(commenter.submittedAt)}</dd></div>
        </dl>
      </section>
    `;
  }

  #page(data: OpinionPageData): TemplateResult {
    const session = this.#sessionValue;
    const editable = canEditResponse(session, data.opinion, data.response);
    const secretariat = isSecretariat(session);
    return html`
      ${this.#header(data)} ${this.#opinionSection(data)} ${this.#suggestionsSection(data)}
      ${secretariat ? this.#assignSection(data) : nothing} ${this.#publishedSection(data)}
      ${editable ? this.#editor(data) : this.#currentReadOnly(data)} ${this.#review(data)} ${this.#statusLine()}
      ${this.#progressSection(data, editable)} ${this.#history(data)} ${this.#relatedSection(data)} ${secretariat && data.commenter ? this.#commenterSection(data.commenter) : nothing}
      ${secretariat
        ? html`<section aria-labelledby="audit-heading" class="audit">
            <h2 id="audit-heading">変更履歴</h2>
            <iken-audit-log .opinionId=${data.opinion.id} .nodes=${data.opinion.nodes}></iken-audit-log>
          </section>`
        : nothing}
    `;
  }

  #errorPage(error: unknown): TemplateResult {
    if (this.#isNotFound(error))
      return html`
        <div class="page-header">
          <h1 tabindex="-1">${NOT_FOUND_TITLE}</h1>
          <p class="lead" data-not-found>
            この意見は存在しないか、まだ公開されていません。市の対応方針が公開されると、意見と対応方針を閲覧できるようになります。
          </p>
        </div>
        <p><a href="/">ホームへ戻る</a></p>
        ${this.#sessionValue.me ? nothing : html`<p>職員・委員の方は<a href="/sign-in">サインイン</a>すると閲覧できる場合があります。</p>`}
      `;
    return html`
      <div class="page-header"><h1 tabindex="-1">${ERROR_TITLE}</h1></div>
      ${errorView(error, html`<p><a href="/">ホームへ戻る</a></p>`)}
    `;
  }

  override render(): TemplateResult {
    const data = this.#data.value;
    // While a change reloads the page, what is on screen stays (the editor keeps focus and text).
    let content: unknown;
    if (data) content = this.#page(data);
    else if (this.#data.status === TaskStatus.ERROR) content = this.#errorPage(this.#data.error);
    else content = loadingView();
    return html`<div aria-busy=${data ? 'false' : ariaBusy(this.#data)}>${content}</div>`;
  }
}

customElements.define('iken-opinion-page', IkenOpinionPage);

declare global {
  interface HTMLElementTagNameMap {
    'iken-opinion-page': IkenOpinionPage;
  }
}
