/**
 * 資料の取り込み (/import): the secretariat gives a document — a file, or text
 * pasted from one — checks what the importer reads from it (POST
 * /api/imports?dryRun=true: the kind, what would be created, warnings with
 * their line numbers, a summary of the content), then imports it (the same
 * document without dryRun) and follows links to the meetings and plans it
 * created.
 *
 * The document checked is the one imported: changing the file, the text or
 * the kind after a check throws the check away, so 取り込む only ever sends
 * what the secretariat has just seen.
 */
import { ContextConsumer } from '@lit/context';
import { initialState, Task, TaskStatus } from '@lit/task';
import { html, LitElement, nothing, type TemplateResult } from 'lit';
import { consumeApi, requireApi, type ApiHandle } from '../api/api-context.js';
import type { ImportSource } from '../api/api-client.js';
import type { ImportCounts, ImportKind, ImportResult } from '../api/types.js';
import { IMPORT_COUNT_LABELS, IMPORT_KIND_LABELS } from '../lib/labels.js';
import { PageReadyController } from '../lib/page-ready-controller.js';
import { errorView, loadingView } from '../lib/status-views.js';
import { ANONYMOUS, sessionContext, type Session } from '../session/session-context.js';
import { formStyles } from '../styles/form.styles.js';
import { sharedStyles } from '../styles/shared.styles.js';
import { importPageStyles } from './iken-import-page.styles.js';
import { roleMessageStyles } from '../styles/role-message.styles.js';
import { secretariatOnlyView } from '../lib/role-message.js';
import './iken-import-document.js';

const TITLE = '資料の取り込み';

/** File types the file input offers (the API also reads Shift_JIS text). */
const ACCEPT = '.txt,.csv,.tsv,.xlsx,.html';
/** The API's limit for a document (DEFAULT_MAX_IMPORT_BYTES). */
const MAX_BYTES = 20 * 1024 * 1024;
/** Warnings listed before the rest are folded away. */
const WARNINGS_SHOWN = 10;

const KINDS = Object.keys(IMPORT_KIND_LABELS) as ImportKind[];
const COUNT_KEYS = Object.keys(IMPORT_COUNT_LABELS) as Array<keyof ImportCounts>;

const MESSAGES = {
  missing: 'ファイルを選ぶか、本文を貼り付けてください。どちらか一方が必要です。',
  both: 'ファイルと貼り付けた本文の両方が入力されています。どちらか一方にしてください（ファイルの選択を解除するか、本文を消してください）。',
  tooLarge: `ファイルが大きすぎます。${MAX_BYTES / 1024 / 1024} MB までのファイルを選んでください。`,
} as const;

/** One document to send, exactly as it was checked. */
interface ImportRequest {
  source: ImportSource;
  /** Undefined: the API detects the kind. */
  kind: ImportKind | undefined;
}

/** A finished import, with the names of what it created (for the links). */
interface ImportOutcome {
  result: ImportResult;
  meetings: Array<{ id: number; title: string }>;
  plans: Array<{ id: number; title: string }>;
}

export class IkenImportPage extends LitElement {
  static override styles = [sharedStyles, formStyles, importPageStyles, roleMessageStyles];

  static override properties = {
    file: { state: true },
    text: { state: true },
    kind: { state: true },
    sourceError: { state: true },
  };

  /** The chosen file, if any. */
  declare file: File | null;
  /** The pasted text. */
  declare text: string;
  /** The chosen kind; '' for 自動判別. */
  declare kind: ImportKind | '';
  /** Why the document cannot be sent yet ('' when it can). */
  declare sourceError: string;

  readonly #api: ApiHandle;
  readonly #session: ContextConsumer<typeof sessionContext, this>;
  /** The dry run: what the importer reads and would create. Null args reset it. */
  readonly #check: Task<[ImportRequest | null], { request: ImportRequest; result: ImportResult }>;
  /** The import itself. Null args reset it. */
  readonly #import: Task<[ImportRequest | null], ImportOutcome>;

  constructor() {
    super();
    this.file = null;
    this.text = '';
    this.kind = '';
    this.sourceError = '';
    this.#api = consumeApi(this);
    this.#check = new Task(this, {
      autoRun: false,
      task: async ([request], { signal }) => {
        if (!request) return initialState;
        const result = await requireApi(this.#api).importDocument(request.source, { kind: request.kind, dryRun: true }, signal);
        return { request, result };
      },
    });
    this.#import = new Task(this, {
      autoRun: false,
      task: async ([request], { signal }) => {
        if (!request) return initialState;
        const api = requireApi(this.#api);
        const result = await api.importDocument(request.source, { kind: request.kind, dryRun: false }, signal);
        return { result, ...(await this.#names(result, signal)) };
      },
    });
    this.#session = new ContextConsumer(this, { context: sessionContext, subscribe: true });
    new PageReadyController(this, () => (this.#sessionValue.loaded ? TITLE : null));
  }

  get #sessionValue(): Session {
    return this.#session.value ?? ANONYMOUS;
  }

  /** The API refuses imports to everyone else; they are told whom the page is for instead of getting the form. */
  #notForYou(session: Session): TemplateResult {
    return secretariatOnlyView(TITLE, session.me, '資料の取り込みは事務局が行います。');
  }

  /**
   * Titles for the created meetings and plans. The import has already
   * succeeded, so a failure here only costs the titles, never the result.
   */
  async #names(result: ImportResult, signal: AbortSignal): Promise<Omit<ImportOutcome, 'result'>> {
    const api = requireApi(this.#api);
    const { meetingIds, planIds } = result.ids;
    const [meetings, plans] = await Promise.all([
      meetingIds.length ? api.listMeetings(signal).catch(() => []) : [],
      planIds.length ? api.listPlans(signal).catch(() => []) : [],
    ]);
    return {
      meetings: meetingIds.map((id) => ({ id, title: meetings.find((m) => m.id === id)?.title ?? `会議（ID: ${id}）` })),
      plans: planIds.map((id) => ({ id, title: plans.find((p) => p.id === id)?.title ?? `計画（ID: ${id}）` })),
    };
  }

  get #busy(): boolean {
    return this.#check.status === TaskStatus.PENDING || this.#import.status === TaskStatus.PENDING;
  }

  /** Throws away a check or result that no longer matches the form. */
  #invalidate(): void {
    if (this.#check.status !== TaskStatus.INITIAL) void this.#check.run([null]);
    if (this.#import.status !== TaskStatus.INITIAL) void this.#import.run([null]);
  }

  #onFile(event: Event): void {
    const input = event.target as HTMLInputElement;
    this.file = input.files?.[0] ?? null;
    if (this.sourceError) this.sourceError = this.#validate() ?? '';
    this.#invalidate();
  }

  #clearFile(): void {
    const input = this.renderRoot.querySelector<HTMLInputElement>('#file');
    if (input) input.value = '';
    this.file = null;
    if (this.sourceError) this.sourceError = this.#validate() ?? '';
    this.#invalidate();
    input?.focus();
  }

  #onText(event: Event): void {
    this.text = (event.target as HTMLTextAreaElement).value;
    if (this.sourceError) this.sourceError = this.#validate() ?? '';
    this.#invalidate();
  }

  #onKind(event: Event): void {
    this.kind = (event.target as HTMLSelectElement).value as ImportKind | '';
    this.#invalidate();
  }

  /** The message for a document that cannot be sent, or null. */
  #validate(): string | null {
    const hasText = this.text.trim() !== '';
    if (!this.file && !hasText) return MESSAGES.missing;
    if (this.file && hasText) return MESSAGES.both;
    if (this.file && this.file.size > MAX_BYTES) return MESSAGES.tooLarge;
    return null;
  }

  async #focus(selector: string): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }

  async #onCheck(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this.#busy) return;
    const problem = this.#validate();
    if (problem) {
      this.sourceError = problem;
      void this.#focus(problem === MESSAGES.both ? '#text' : '#file');
      return;
    }
    this.sourceError = '';
    const request: ImportRequest = {
      source: this.file ? { file: this.file } : { text: this.text },
      kind: this.kind || undefined,
    };
    if (this.#import.status !== TaskStatus.INITIAL) void this.#import.run([null]);
    await this.#check.run([request]);
    await this.#focus('#result-heading');
  }

  async #onImport(): Promise<void> {
    const checked = this.#check.value;
    if (this.#busy || this.#check.status !== TaskStatus.COMPLETE || !checked) return;
    await this.#import.run([checked.request]);
    await this.#focus(this.#import.status === TaskStatus.COMPLETE ? '#result-heading' : '#import-error-heading');
  }

  #startOver(): void {
    this.#clearFile();
    this.text = '';
    this.kind = '';
    this.sourceError = '';
    const select = this.renderRoot.querySelector<HTMLSelectElement>('#kind');
    if (select) select.value = '';
    this.#invalidate();
    void this.#focus('#file');
  }

  // ---------------------------------------------------------------------------

  #counts(created: ImportCounts, done: boolean): TemplateResult {
    const nonZero = COUNT_KEYS.filter((key) => (created[key] ?? 0) > 0);
    if (!nonZero.length)
      return html`<p class="nothing-new">${done ? '新しく作成したものはありません（登録済み）' : '新しく作成されるものはありません（登録済み）'}</p>`;
    return html`<ul class="counts">
      ${nonZero.map((key) => html`<li data-count=${key}>${IMPORT_COUNT_LABELS[key]} <strong>${created[key]}件</strong></li>`)}
    </ul>`;
  }

  #warnings(result: ImportResult): TemplateResult | typeof nothing {
    const warnings = result.warnings ?? [];
    if (!warnings.length) return nothing;
    const item = (w: { line: number; message: string }) =>
      html`<li><span class="line">${w.line}行目</span><span>${w.message}</span></li>`;
    const first = warnings.slice(0, WARNINGS_SHOWN);
    const rest = warnings.slice(WARNINGS_SHOWN);
    return html`
      <h3 id="warnings-heading">注意（${warnings.length}件）</h3>
      <p class="hint">資料の行番号と、読み飛ばしたり推測したりしたことです。</p>
      <ul class="warnings" aria-labelledby="warnings-heading">
        ${first.map(item)}
      </ul>
      ${rest.length
        ? html`<details class="more-warnings">
            <summary>残りの注意 ${rest.length}件を表示</summary>
            <ul class="warnings">
              ${rest.map(item)}
            </ul>
          </details>`
        : nothing}
    `;
  }

  #alreadyImported(result: ImportResult): TemplateResult | typeof nothing {
    return result.alreadyImported
      ? html`<p class="notice" data-notice="already-imported">
          <strong>この資料は取り込み済みです。</strong>同じ資料をもう一度取り込んでも、何も作成されません。
        </p>`
      : nothing;
  }

  #kindFacts(result: ImportResult, request: ImportRequest | undefined): TemplateResult {
    const detected = request ? request.kind === undefined : false;
    return html`
      <dl class="facts">
        <div>
          <dt>資料の種類</dt>
          <dd data-kind=${result.kind}>${IMPORT_KIND_LABELS[result.kind] ?? result.kind}${detected ? '（自動判別）' : ''}</dd>
        </div>
      </dl>
    `;
  }

  #checkView(): unknown {
    return this.#check.render({
      initial: () => nothing,
      pending: () => nothing,
      error: (error) => html`
        <h2 id="result-heading" tabindex="-1">内容を確認できませんでした</h2>
        ${errorView(error, html`<p class="error-next">資料の内容と「資料の種類」を確かめて、もう一度お試しください。</p>`)}
      `,
      complete: ({ request, result }) => html`
        <h2 id="result-heading" tabindex="-1">確認結果<span class="heading-note">（まだ取り込んでいません）</span></h2>
        ${this.#kindFacts(result, request)} ${this.#alreadyImported(result)}
        <h3>取り込むと作成されるもの</h3>
        ${this.#counts(result.created, false)} ${this.#warnings(result)}
        <h3>資料の内容</h3>
        <div class="document"><iken-import-document .preview=${result.preview}></iken-import-document></div>
        ${this.#import.status === TaskStatus.ERROR
          ? html`<div class="import-error">
              <h3 id="import-error-heading" tabindex="-1">取り込めませんでした</h3>
              ${errorView(this.#import.error)}
            </div>`
          : nothing}
        ${result.alreadyImported
          ? nothing
          : html`<div class="actions">
              <button type="button" ?disabled=${this.#busy} aria-describedby="import-hint" @click=${this.#onImport}>取り込む</button>
              <p class="hint" id="import-hint">上の内容で登録します。すべて取り込むか、何も取り込まないかのどちらかです。</p>
            </div>`}
      `,
    });
  }

  #outcomeView(outcome: ImportOutcome): TemplateResult {
    const { result, meetings, plans } = outcome;
    return html`
      <h2 id="result-heading" tabindex="-1">${result.alreadyImported ? '取り込み済みの資料です' : '取り込みました'}</h2>
      ${this.#kindFacts(result, this.#check.value?.request)} ${this.#alreadyImported(result)}
      <h3>作成したもの</h3>
      ${this.#counts(result.created, true)}
      ${meetings.length
        ? html`<h3>会議</h3>
            <ul class="links" data-links="meetings">
              ${meetings.map((m) => html`<li><a href="/meetings/${m.id}">${m.title}</a></li>`)}
            </ul>`
        : nothing}
      ${plans.length
        ? html`<h3>計画</h3>
            <ul class="links" data-links="plans">
              ${plans.map((p) => html`<li><a href="/plans/${p.id}">${p.title}</a></li>`)}
            </ul>`
        : nothing}
      ${this.#warnings(result)}
      <div class="actions">
        <button type="button" class="secondary" @click=${this.#startOver}>別の資料を取り込む</button>
      </div>
    `;
  }

  #resultView(): unknown {
    const outcome = this.#import.status === TaskStatus.COMPLETE ? this.#import.value : undefined;
    return outcome ? this.#outcomeView(outcome) : this.#checkView();
  }

  #busyText(): string {
    if (this.#check.status === TaskStatus.PENDING) return '資料を確認しています…';
    if (this.#import.status === TaskStatus.PENDING) return '取り込んでいます…';
    return '';
  }

  override render(): TemplateResult {
    const session = this.#sessionValue;
    if (!session.loaded) return loadingView();
    if (session.me?.role !== 'secretariat') return this.#notForYou(session);
    const busy = this.#busy;
    const error = this.sourceError;
    const describedBy = (hint: string) => (error ? `${hint} source-error` : hint);
    const fileInvalid = error ? 'true' : 'false';
    const textInvalid = error && error !== MESSAGES.tooLarge ? 'true' : 'false';
    const hasResult = this.#check.status !== TaskStatus.INITIAL || this.#import.status === TaskStatus.COMPLETE;
    return html`
      <div class="page-header">
        <h1 tabindex="-1">${TITLE}</h1>
        <p class="lead">
          実施結果報告書、計画、取組状況、事務事業評価シート、意見の一覧表を取り込みます。まず「内容を確認する」で読み取った内容を確かめてから、「取り込む」を押してください。
        </p>
      </div>

      <form novalidate aria-busy=${busy ? 'true' : 'false'} @submit=${this.#onCheck}>
        <fieldset class="source" aria-describedby="source-hint">
          <legend>資料<span class="required">必須</span></legend>
          <p class="hint legend-hint" id="source-hint">ファイルを選ぶか、本文を貼り付けてください（どちらか一方）。</p>
          <div class="field">
            <label for="file">ファイル</label>
            <p class="hint" id="file-hint">テキスト（.txt）、CSV（.csv・.tsv）、Excel（.xlsx）、HTML（.html）。20 MB まで。</p>
            <input
              id="file"
              type="file"
              accept=${ACCEPT}
              aria-describedby=${describedBy('file-hint')}
              aria-invalid=${fileInvalid}
              ?disabled=${busy}
              @change=${this.#onFile}
            />
            ${this.file
              ? html`<p class="chosen">
                  <span>選んだファイル：${this.file.name}</span>
                  <button type="button" class="secondary small" ?disabled=${busy} @click=${this.#clearFile}>
                    ファイルの選択を解除
                  </button>
                </p>`
              : nothing}
          </div>
          <p class="or" aria-hidden="true">または</p>
          <div class="field">
            <label for="text">本文を貼り付ける</label>
            <p class="hint" id="text-hint">文書からコピーした本文や、表計算ソフトからコピーした表（CSV・タブ区切り）を貼り付けます。</p>
            <textarea
              id="text"
              rows="8"
              spellcheck="false"
              aria-describedby=${describedBy('text-hint')}
              aria-invalid=${textInvalid}
              .value=${this.text}
              ?disabled=${busy}
              @input=${this.#onText}
            ></textarea>
          </div>
          ${error ? html`<p class="field-error" id="source-error" role="alert">${error}</p>` : nothing}
        </fieldset>

        <div class="field kind-field">
          <label for="kind">資料の種類</label>
          <p class="hint" id="kind-hint">「自動判別」では内容から判断します。判別できないときは種類を選んでください。</p>
          <select id="kind" aria-describedby="kind-hint" ?disabled=${busy} @change=${this.#onKind}>
            <option value="" ?selected=${this.kind === ''}>自動判別</option>
            ${KINDS.map((k) => html`<option value=${k} ?selected=${this.kind === k}>${IMPORT_KIND_LABELS[k]}</option>`)}
          </select>
        </div>

        <div class="actions">
          <button type="submit" ?disabled=${busy}>内容を確認する</button>
          <p class="hint">まだ登録はしません。</p>
        </div>
      </form>

      <p class="busy" role="status" aria-live="polite">${this.#busyText()}</p>

      ${hasResult
        ? html`<section class="result" aria-labelledby="result-heading" aria-busy=${busy ? 'true' : 'false'}>
            ${this.#resultView()}
          </section>`
        : nothing}
    `;
  }
}

customElements.define('iken-import-page', IkenImportPage);

declare global {
  interface HTMLElementTagNameMap {
    'iken-import-page': IkenImportPage;
  }
}
