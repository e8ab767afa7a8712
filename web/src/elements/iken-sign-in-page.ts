/**
 * サインイン (/sign-in): staff (事務局, 担当課) and committee members sign in
 * with their e-mail address and password. A wrong password (401), a
 * suspended account (403) and too many failures (429, with how long to wait)
 * are shown as the API words them. Once signed in, the app goes to the page
 * named by `?next=` (a page of this site only) or to the page the person's
 * role starts from.
 *
 * The public never needs to sign in; the page says so.
 */
import { ContextConsumer } from '@lit/context';
import { withoutFixedError } from '../lib/field-errors.js';
import { html, LitElement, nothing, type TemplateResult } from 'lit';
import { consumeApi, requireApi, type ApiHandle } from '../api/api-context.js';
import { ROLE_LABELS } from '../lib/labels.js';
import { PageReadyController } from '../lib/page-ready-controller.js';
import { afterSignIn, ROLE_HOME } from '../lib/sign-in-next.js';
import { errorView, loadingView } from '../lib/status-views.js';
import { ANONYMOUS, sessionChangedEvent, sessionContext, type Session } from '../session/session-context.js';
import { formStyles } from '../styles/form.styles.js';
import { sharedStyles } from '../styles/shared.styles.js';
import { textInputStyles } from '../styles/text-input.styles.js';
import { signInPageStyles } from './iken-sign-in-page.styles.js';

const TITLE = '職員・委員のサインイン';

/** What each role's start page is called, for the "already signed in" links. */
const ROLE_HOME_LABELS = { department: '担当の意見', secretariat: '確認待ち', committee: 'ホーム' } as const;

type Field = 'email' | 'password';

export class IkenSignInPage extends LitElement {
  static override styles = [sharedStyles, formStyles, textInputStyles, signInPageStyles];

  static override properties = {
    email: { state: true },
    password: { state: true },
    showPassword: { state: true },
    busy: { state: true },
    fieldErrors: { state: true },
    failure: { state: true },
    signedIn: { state: true },
  };

  /** The address typed. */
  declare email: string;
  /** The password typed (cleared after a refused attempt). */
  declare password: string;
  /** Shows the password as text (for people who cannot check what they typed otherwise). */
  declare showPassword: boolean;
  /** True while the API is asked. */
  declare busy: boolean;
  /** What is wrong with each field before sending. */
  declare fieldErrors: Partial<Record<Field, string>>;
  /** Why the API refused (an ApiError), or null. */
  declare failure: unknown;
  /** True once this page has signed someone in (the app is moving on). */
  declare signedIn: boolean;

  readonly #api: ApiHandle;
  readonly #session: ContextConsumer<typeof sessionContext, this>;

  constructor() {
    super();
    this.email = '';
    this.password = '';
    this.showPassword = false;
    this.busy = false;
    this.fieldErrors = {};
    this.failure = null;
    this.signedIn = false;
    this.#api = consumeApi(this);
    this.#session = new ContextConsumer(this, { context: sessionContext, subscribe: true });
    new PageReadyController(this, () => TITLE);
  }

  get #sessionValue(): Session {
    return this.#session.value ?? ANONYMOUS;
  }

  /** The `?next=` of the address, if any (checked before use). */
  #next(): string | null {
    return new URLSearchParams(location.search).get('next');
  }

  #validate(): Partial<Record<Field, string>> {
    const errors: Partial<Record<Field, string>> = {};
    const email = this.email.trim();
    if (!email) errors.email = 'メールアドレスを入力してください。';
    else if (!/^[^\s@]+@[^\s@]+$/.test(email)) errors.email = 'メールアドレスの形式が正しくありません（例：taro@city.example.jp）。';
    if (!this.password) errors.password = 'パスワードを入力してください。';
    return errors;
  }

  async #focus(selector: string): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }

  async #onSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this.busy) return;
    this.fieldErrors = this.#validate();
    const first = (['email', 'password'] as const).find((f) => this.fieldErrors[f]);
    if (first) {
      this.failure = null;
      void this.#focus(`#${first}`);
      return;
    }
    this.busy = true;
    this.failure = null;
    try {
      const me = await requireApi(this.#api).signIn(this.email.trim(), this.password);
      this.signedIn = true;
      this.password = '';
      this.dispatchEvent(sessionChangedEvent(afterSignIn(me.role, this.#next(), location.origin)));
    } catch (error) {
      this.failure = error;
      this.password = '';
      void this.#focus('#sign-in-error');
    } finally {
      this.busy = false;
    }
  }

  #onInput(field: Field, event: Event): void {
    const value = (event.target as HTMLInputElement).value;
    if (field === 'email') this.email = value;
    else this.password = value;
    // A corrected field loses its message as soon as it is no longer wrong.
    this.fieldErrors = withoutFixedError(this.fieldErrors, field, this.#validate());
  }

  #describedBy(field: Field, hint?: string): string {
    const ids = [hint, this.fieldErrors[field] ? `${field}-error` : undefined, this.failure ? 'sign-in-error' : undefined];
    return ids.filter(Boolean).join(' ');
  }

  #fieldError(field: Field): TemplateResult | typeof nothing {
    const message = this.fieldErrors[field];
    return message ? html`<p class="field-error" id="${field}-error" role="alert">${message}</p>` : nothing;
  }

  #publicNote(): TemplateResult {
    return html`
      <section class="public-note" aria-labelledby="public-note-heading">
        <h2 id="public-note-heading">市民の方へ</h2>
        <p>
          サインインの必要はありません。公開されている意見と市の対応方針は<a href="/">ホーム</a>からご覧いただけます。意見を募集中のパブリックコメントには、アカウントなしで意見を出せます。
        </p>
      </section>
    `;
  }

  #form(): TemplateResult {
    const busy = this.busy;
    return html`
      <form novalidate aria-busy=${busy ? 'true' : 'false'} @submit=${this.#onSubmit}>
        ${this.failure
          ? html`<div id="sign-in-error" class="sign-in-error" tabindex="-1">${errorView(this.failure)}</div>`
          : nothing}
        <div class="field">
          <label for="email">メールアドレス</label>
          <input
            id="email"
            name="email"
            type="email"
            inputmode="email"
            autocomplete="username"
            spellcheck="false"
            .value=${this.email}
            aria-invalid=${this.fieldErrors.email ? 'true' : 'false'}
            aria-describedby=${this.#describedBy('email') || nothing}
            ?disabled=${busy}
            @input=${(e: Event) => this.#onInput('email', e)}
          />
          ${this.#fieldError('email')}
        </div>
        <div class="field">
          <label for="password">パスワード</label>
          <input
            id="password"
            name="password"
            type=${this.showPassword ? 'text' : 'password'}
            autocomplete="current-password"
            spellcheck="false"
            .value=${this.password}
            aria-invalid=${this.fieldErrors.password ? 'true' : 'false'}
            aria-describedby=${this.#describedBy('password') || nothing}
            ?disabled=${busy}
            @input=${(e: Event) => this.#onInput('password', e)}
          />
          ${this.#fieldError('password')}
          <label class="check show-password">
            <input
              type="checkbox"
              .checked=${this.showPassword}
              @change=${(e: Event) => (this.showPassword = (e.target as HTMLInputElement).checked)}
            />
            パスワードを表示する
          </label>
        </div>
        <div class="actions">
          <button type="submit" ?disabled=${busy}>サインイン</button>
        </div>
        <p class="hint forgot">パスワードを忘れたときや、アカウントが必要なときは、事務局にお問い合わせください。</p>
      </form>
    `;
  }

  #signedInView(session: Session): TemplateResult {
    const me = session.me!;
    const home = ROLE_HOME[me.role];
    return html`
      <p class="notice" data-signed-in>
        <strong>${me.name}（${ROLE_LABELS[me.role]}）</strong>としてサインインしています。
      </p>
      <ul class="next-links">
        ${home !== '/' ? html`<li><a href=${home}>${ROLE_HOME_LABELS[me.role]}へ</a></li>` : nothing}
        <li><a href="/">ホームへ</a></li>
      </ul>
      <p class="hint">別のアカウントでサインインするときは、画面上部の「サインアウト」を押してから、もう一度このページを開いてください。</p>
    `;
  }

  #content(): unknown {
    const session = this.#sessionValue;
    if (this.signedIn) return html`<p class="status" role="status">サインインしました。移動しています…</p>`;
    if (!session.loaded) return loadingView();
    if (session.me) return this.#signedInView(session);
    return html`${this.#publicNote()} ${this.#form()}
      <p class="busy" role="status" aria-live="polite">${this.busy ? 'サインインしています…' : ''}</p>`;
  }

  override render(): TemplateResult {
    return html`
      <div class="page-header">
        <h1 tabindex="-1">${TITLE}</h1>
        <p class="lead">市の職員（事務局・担当課）と委員の方が、意見への対応を書いたり確かめたりするときに使います。</p>
      </div>
      ${this.#content()}
    `;
  }
}

customElements.define('iken-sign-in-page', IkenSignInPage);

declare global {
  interface HTMLElementTagNameMap {
    'iken-sign-in-page': IkenSignInPage;
  }
}
