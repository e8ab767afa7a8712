/**
 * 意見を出す (/meetings/:id/comment): anyone, without an account, sends a
 * comment to a public comment (パブリックコメント) while its period is open.
 * The page shows the procedure, its period in 和暦 and whether it is open
 * today; the form takes the comment (required, up to 10,000 characters, with
 * a live count) and, optionally, the sender's name, e-mail and address, which
 * only the secretariat sees. On success the receipt number (受付番号) is shown
 * and focused.
 *
 * A hidden field named `website` catches programs that fill in every field:
 * people never see or reach it (off screen, aria-hidden, out of the tab
 * order), and the API refuses a comment that fills it.
 *
 * Outside the period, or for a committee meeting, the page says why in the
 * API's words; if the period ends while someone is writing, the API's 409 is
 * shown and the text is kept.
 */
import { initialState, Task, TaskStatus } from '@lit/task';
import { html, LitElement, nothing, type TemplateResult } from 'lit';
import { consumeApi, requireApi, type ApiHandle } from '../api/api-context.js';
import type { Meeting } from '../api/types.js';
import { badge } from '../lib/badges.js';
import { clearReceipt, loadReceipt, receiptExcerpt, RECEIPT_EXCERPT_CHARS, storeReceipt, type StoredReceipt } from '../lib/comment-receipt.js';
import { commentClosedMessage, commentPeriodState, type CommentPeriodState } from '../lib/comment-period.js';
import { formErrorView, splitApiError, type SplitError, withoutFixedError } from '../lib/field-errors.js';
import { formatDateRange, formatFiscalYear } from '../lib/format.js';
import { PageReadyController } from '../lib/page-ready-controller.js';
import { ariaBusy, errorView, loadingView } from '../lib/status-views.js';
import { formStyles } from '../styles/form.styles.js';
import { sharedStyles } from '../styles/shared.styles.js';
import { textInputStyles } from '../styles/text-input.styles.js';
import { commentPageStyles } from './iken-comment-page.styles.js';

const TITLE = '意見を出す';

/** The API's limit (api/features/comments/schemas.ts, MAX_COMMENT_CHARS). */
const MAX_COMMENT_CHARS = 10000;
/** From this many characters left, the count is announced. */
const NEAR_LIMIT = 500;
const MAX_NAME = 100;
const MAX_ADDRESS = 300;

type Field = 'text' | 'name' | 'email' | 'address';
const FIELDS: readonly Field[] = ['text', 'name', 'email', 'address'];

/** How the count stands, for announcing only when it changes. */
type Limit = 'ok' | 'near' | 'over';

const PERIOD_BADGES: Record<CommentPeriodState, { tone: 'success' | 'warning' | 'neutral'; text: string }> = {
  open: { tone: 'success', text: '受付中' },
  not_yet: { tone: 'warning', text: '受付前' },
  closed: { tone: 'neutral', text: '受付終了' },
  none: { tone: 'neutral', text: '意見募集なし' },
};

/** Characters as the API counts them: the text without surrounding blanks, in UTF-16 units. */
function countOf(text: string): number {
  return text.trim().length;
}

function limitOf(count: number): Limit {
  if (count > MAX_COMMENT_CHARS) return 'over';
  return MAX_COMMENT_CHARS - count <= NEAR_LIMIT ? 'near' : 'ok';
}

export class IkenCommentPage extends LitElement {
  static override styles = [sharedStyles, formStyles, textInputStyles, commentPageStyles];

  static override properties = {
    meetingId: { type: Number, attribute: 'meeting-id' },
    text: { state: true },
    name: { state: true },
    email: { state: true },
    address: { state: true },
    website: { state: true },
    fieldErrors: { state: true },
    failure: { state: true },
    sending: { state: true },
    receipt: { state: true },
    limitMessage: { state: true },
  };

  /** The public comment (meeting) to comment on. */
  declare meetingId: number;
  declare text: string;
  declare name: string;
  declare email: string;
  declare address: string;
  /** The hidden field; stays empty when a person fills in the form. */
  declare website: string;
  declare fieldErrors: Partial<Record<Field, string>>;
  /** The API's refusal, or null. */
  declare failure: SplitError<Field> | null;
  declare sending: boolean;
  /** The receipt of the comment just sent (kept in sessionStorage, so a reload shows it again). */
  declare receipt: StoredReceipt | null;
  /** Said by the live region when the count nears or passes the limit. */
  declare limitMessage: string;

  readonly #api: ApiHandle;
  readonly #meeting: Task<[unknown, number], Meeting>;
  #limit: Limit = 'ok';

  constructor() {
    super();
    this.meetingId = 0;
    this.text = '';
    this.name = '';
    this.email = '';
    this.address = '';
    this.website = '';
    this.fieldErrors = {};
    this.failure = null;
    this.sending = false;
    this.receipt = null;
    this.limitMessage = '';
    this.#api = consumeApi(this);
    this.#meeting = new Task(this, {
      task: async ([, id], { signal }) => (id ? requireApi(this.#api).getMeeting(id, signal) : initialState),
      args: () => [this.#api.value, this.meetingId],
    });
    new PageReadyController(this, () => {
      if (this.#meeting.status === TaskStatus.COMPLETE) return this.#meeting.value ? `${TITLE}（${this.#meeting.value.title}）` : null;
      return this.#meeting.status === TaskStatus.ERROR ? TITLE : null;
    });
  }

  override willUpdate(changed: Map<PropertyKey, unknown>): void {
    // A receipt kept from before a reload, for this meeting.
    if (changed.has('meetingId') && this.meetingId) this.receipt = loadReceipt(this.meetingId);
  }

  async #focus(selector: string): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }

  #validate(): Partial<Record<Field, string>> {
    const errors: Partial<Record<Field, string>> = {};
    const count = countOf(this.text);
    if (count === 0) errors.text = 'ご意見を入力してください。';
    else if (count > MAX_COMMENT_CHARS)
      errors.text = `${MAX_COMMENT_CHARS.toLocaleString('ja-JP')}文字以内にしてください（いま${count.toLocaleString('ja-JP')}文字です）。`;
    if (this.name.trim().length > MAX_NAME) errors.name = `${MAX_NAME}文字以内で入力してください。`;
    const email = this.email.trim();
    if (email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) errors.email = 'メールアドレスの形式が正しくありません（例：taro@example.jp）。';
    if (this.address.trim().length > MAX_ADDRESS) errors.address = `${MAX_ADDRESS}文字以内で入力してください。`;
    return errors;
  }

  #onInput(field: Field | 'website', event: Event): void {
    const value = (event.target as HTMLInputElement | HTMLTextAreaElement).value;
    this[field] = value;
    if (field === 'website') return;
    if (field === 'text') this.#updateLimit();
    this.fieldErrors = withoutFixedError(this.fieldErrors, field, this.#validate());
  }

  /** Announces the count when it crosses into "near the limit" or "over it", not on every key. */
  #updateLimit(): void {
    const count = countOf(this.text);
    const limit = limitOf(count);
    if (limit === this.#limit) return;
    this.#limit = limit;
    this.limitMessage =
      limit === 'over'
        ? `${MAX_COMMENT_CHARS.toLocaleString('ja-JP')}文字を超えました。送信するには短くしてください。`
        : limit === 'near'
          ? `残り${(MAX_COMMENT_CHARS - count).toLocaleString('ja-JP')}文字です。`
          : '';
  }

  async #onSubmit(meeting: Meeting, event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this.sending) return;
    this.failure = null;
    this.fieldErrors = this.#validate();
    const first = FIELDS.find((f) => this.fieldErrors[f]);
    if (first) {
      void this.#focus(`#${first}`);
      return;
    }
    this.sending = true;
    const optional = (value: string) => (value.trim() ? value.trim() : undefined);
    try {
      const { receiptNumber } = await requireApi(this.#api).submitComment(meeting.id, {
        text: this.text,
        ...(optional(this.name) && { name: optional(this.name) }),
        ...(optional(this.email) && { email: optional(this.email) }),
        ...(optional(this.address) && { address: optional(this.address) }),
        ...(this.website && { website: this.website }),
      });
      this.receipt = { meetingId: meeting.id, receiptNumber, excerpt: receiptExcerpt(this.text) };
      storeReceipt(this.receipt);
      this.text = '';
      this.#limit = 'ok';
      this.limitMessage = '';
      void this.#focus('#receipt-heading');
    } catch (error) {
      const split = splitApiError(error, FIELDS);
      this.failure = split;
      this.fieldErrors = split.fields;
      void this.#focus('#comment-error');
    } finally {
      this.sending = false;
    }
  }

  /** Back to the form for another comment; the sender's details stay filled in. */
  #another(): void {
    this.receipt = null;
    clearReceipt();
    this.failure = null;
    this.fieldErrors = {};
    void this.#focus('#text');
  }

  #header(meeting: Meeting | undefined): TemplateResult {
    const state = meeting ? commentPeriodState(meeting) : null;
    const period = meeting ? formatDateRange(meeting.commentOpensOn, meeting.commentClosesOn) : null;
    return html`
      <div class="page-header">
        <p class="eyebrow">パブリックコメント</p>
        <h1 tabindex="-1">${TITLE}</h1>
        ${meeting
          ? html`<p class="subject">
                <a href="/meetings/${meeting.id}">${meeting.title}</a>
              </p>
              <dl class="facts">
                <div><dt>年度</dt><dd>${formatFiscalYear(meeting.fiscalYear)}</dd></div>
                ${period ? html`<div><dt>意見募集期間</dt><dd data-period>${period}</dd></div>` : nothing}
                <div>
                  <dt>受付</dt>
                  <dd>${badge(PERIOD_BADGES[state!].tone, PERIOD_BADGES[state!].text, 'period')}</dd>
                </div>
              </dl>`
          : nothing}
      </div>
    `;
  }

  #closed(meeting: Meeting, message: string): TemplateResult {
    return html`
      <div class="closed" data-closed>
        <p>${message}</p>
      </div>
      <p class="next"><a href="/meetings/${meeting.id}">${meeting.kind === 'public_comment' ? 'この案件の意見と市の考え方を見る' : 'この会議のページへ'}</a></p>
    `;
  }

  #fieldError(field: Field): TemplateResult | typeof nothing {
    const message = this.fieldErrors[field];
    return message ? html`<p class="field-error" id="${field}-error" role="alert">${message}</p>` : nothing;
  }

  #describedBy(field: Field, ...ids: string[]): string {
    return [...ids, this.fieldErrors[field] ? `${field}-error` : ''].filter(Boolean).join(' ');
  }

  #form(meeting: Meeting): TemplateResult {
    const busy = this.sending;
    const count = countOf(this.text);
    const over = count > MAX_COMMENT_CHARS;
    const invalid = (field: Field) => (this.fieldErrors[field] ? 'true' : 'false');
    return html`
      <form novalidate aria-busy=${busy ? 'true' : 'false'} @submit=${(e: SubmitEvent) => this.#onSubmit(meeting, e)}>
        ${this.failure ? formErrorView(this.failure, 'comment-error') : nothing}
        <div class="field">
          <label for="text">ご意見<span class="required">必須</span></label>
          <p class="hint" id="text-hint">案のどの部分についての意見かがわかるように書いてください。${MAX_COMMENT_CHARS.toLocaleString('ja-JP')}文字まで。</p>
          <textarea
            id="text"
            name="text"
            rows="10"
            .value=${this.text}
            aria-invalid=${invalid('text')}
            aria-describedby=${this.#describedBy('text', 'text-hint', 'text-count')}
            ?disabled=${busy}
            @input=${(e: Event) => this.#onInput('text', e)}
          ></textarea>
          <p class="count ${over ? 'over' : ''}" id="text-count" data-count=${count}>
            ${count.toLocaleString('ja-JP')}文字／${MAX_COMMENT_CHARS.toLocaleString('ja-JP')}文字${over
              ? html`<span class="over-by">（${(count - MAX_COMMENT_CHARS).toLocaleString('ja-JP')}文字多すぎます）</span>`
              : nothing}
          </p>
          <p class="visually-hidden" aria-live="polite" data-limit-message>${this.limitMessage}</p>
          ${this.#fieldError('text')}
        </div>

        <fieldset class="sender" aria-describedby="sender-hint">
          <legend>提出者の情報<span class="optional">任意</span></legend>
          <p class="hint" id="sender-hint">
            書かなくても意見を出せます。書いた場合は、ご意見の内容を確認するときなどに市の事務局だけが使い、公開することはありません。
          </p>
          <div class="field">
            <label for="name">氏名</label>
            <input
              id="name"
              name="name"
              type="text"
              autocomplete="name"
              .value=${this.name}
              aria-invalid=${invalid('name')}
              aria-describedby=${this.#describedBy('name') || nothing}
              ?disabled=${busy}
              @input=${(e: Event) => this.#onInput('name', e)}
            />
            ${this.#fieldError('name')}
          </div>
          <div class="field">
            <label for="email">メールアドレス</label>
            <input
              id="email"
              name="email"
              type="email"
              inputmode="email"
              autocomplete="email"
              spellcheck="false"
              .value=${this.email}
              aria-invalid=${invalid('email')}
              aria-describedby=${this.#describedBy('email') || nothing}
              ?disabled=${busy}
              @input=${(e: Event) => this.#onInput('email', e)}
            />
            ${this.#fieldError('email')}
          </div>
          <div class="field">
            <label for="address">住所</label>
            <input
              id="address"
              name="address"
              type="text"
              autocomplete="street-address"
              .value=${this.address}
              aria-invalid=${invalid('address')}
              aria-describedby=${this.#describedBy('address') || nothing}
              ?disabled=${busy}
              @input=${(e: Event) => this.#onInput('address', e)}
            />
            ${this.#fieldError('address')}
          </div>
        </fieldset>

        <div class="hp" aria-hidden="true">
          <label for="website">ウェブサイト（この欄には何も入力しないでください）</label>
          <input
            id="website"
            name="website"
            type="text"
            tabindex="-1"
            autocomplete="off"
            .value=${this.website}
            @input=${(e: Event) => this.#onInput('website', e)}
          />
        </div>

        <p class="publish-note">ご意見の内容は、市の考え方とあわせて公表することがあります。氏名・メールアドレス・住所は公表しません。</p>
        <div class="actions">
          <button type="submit" ?disabled=${busy}>意見を送信する</button>
        </div>
      </form>
      <p class="busy" role="status" aria-live="polite">${busy ? '送信しています…' : ''}</p>
    `;
  }

  #receiptView(meeting: Meeting, { receiptNumber: receipt, excerpt }: StoredReceipt): TemplateResult {
    return html`
      <section class="receipt" aria-labelledby="receipt-heading">
        <h2 id="receipt-heading" tabindex="-1">
          ご意見を受け付けました<span class="visually-hidden">。受付番号は${receipt}です。</span>
        </h2>
        <p class="receipt-line">
          <span class="receipt-label">受付番号</span>
          <strong class="receipt-number" data-receipt>${receipt}</strong>
        </p>
        <p>お問い合わせの際は、この受付番号をお伝えください。メモをとるか、この画面を印刷して保管してください。</p>
        ${excerpt
          ? html`<p class="receipt-label">受け付けたご意見（冒頭${RECEIPT_EXCERPT_CHARS}文字まで）</p>
              <p class="receipt-excerpt" data-receipt-excerpt>${excerpt}</p>`
          : nothing}
        <div class="actions">
          <button type="button" @click=${this.#another}>別の意見を出す</button>
          <a class="back" href="/meetings/${meeting.id}">案件のページへ戻る</a>
        </div>
      </section>
    `;
  }

  #content(): unknown {
    return this.#meeting.render({
      initial: loadingView,
      pending: loadingView,
      error: (error) => errorView(error, html`<p><a href="/">ホームへ戻る</a></p>`),
      complete: (meeting) => {
        // The receipt first: after a reload it stays readable even once the period has closed.
        if (this.receipt) return this.#receiptView(meeting, this.receipt);
        const closed = commentClosedMessage(meeting);
        if (closed) return this.#closed(meeting, closed);
        return this.#form(meeting);
      },
    });
  }

  override render(): TemplateResult {
    const meeting = this.#meeting.status === TaskStatus.COMPLETE ? this.#meeting.value : undefined;
    return html`<div aria-busy=${ariaBusy(this.#meeting)}>${this.#header(meeting)} ${this.#content()}</div>`;
  }
}

customElements.define('iken-comment-page', IkenCommentPage);

declare global {
  interface HTMLElementTagNameMap {
    'iken-comment-page': IkenCommentPage;
  }
}
