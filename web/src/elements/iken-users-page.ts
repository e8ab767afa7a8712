/**
 * アカウントの管理 (/users), for the secretariat: every account (name,
 * e-mail, role, department, 利用中 / 利用停止), a form to create one, and per
 * account: change the role and department (or set a new password), suspend
 * it after a confirmation (利用停止: the person can no longer sign in and is
 * signed out everywhere), and reactivate it. Esc closes an open change form
 * or confirmation and gives focus back to its button.
 *
 * Anyone else is told the page is the secretariat's, with a way to sign in.
 * The API decides in every case; its messages (e.g. that the last
 * secretariat account cannot be suspended) are shown as it words them, by
 * the field they concern when it names one.
 */
import { ContextConsumer } from '@lit/context';
import { initialState, Task } from '@lit/task';
import { html, LitElement, nothing, type TemplateResult } from 'lit';
import { consumeApi, requireApi, type ApiHandle } from '../api/api-context.js';
import type { Department, Role, User } from '../api/types.js';
import { badge } from '../lib/badges.js';
import { formErrorView, splitApiError, type SplitError, withoutFixedError } from '../lib/field-errors.js';
import { formatDepartment } from '../lib/format.js';
import { ROLE_LABELS } from '../lib/labels.js';
import { PageReadyController } from '../lib/page-ready-controller.js';
import { ariaBusy, errorView, loadingView } from '../lib/status-views.js';
import { ANONYMOUS, hasRole, sessionContext, type Session } from '../session/session-context.js';
import { formStyles } from '../styles/form.styles.js';
import { sharedStyles } from '../styles/shared.styles.js';
import { textInputStyles } from '../styles/text-input.styles.js';
import { usersPageStyles } from './iken-users-page.styles.js';

const TITLE = 'アカウントの管理';

/** The API's password rule (api/features/users/schemas.ts). */
const MIN_PASSWORD = 10;
const MAX_PASSWORD = 128;
const MAX_NAME = 100;

const ROLES = Object.keys(ROLE_LABELS) as Role[];

type CreateField = 'email' | 'name' | 'role' | 'departmentId' | 'password';
const CREATE_FIELDS: readonly CreateField[] = ['email', 'name', 'role', 'departmentId', 'password'];
type EditField = 'role' | 'departmentId' | 'password';
const EDIT_FIELDS: readonly EditField[] = ['role', 'departmentId', 'password'];

/** The create form as typed. */
interface NewUserDraft {
  email: string;
  name: string;
  role: Role | '';
  departmentId: string;
  password: string;
}

/** The change form of one account as typed. */
interface EditDraft {
  role: Role;
  departmentId: string;
  password: string;
}

const EMPTY_DRAFT: NewUserDraft = { email: '', name: '', role: '', departmentId: '', password: '' };

interface UsersData {
  users: User[];
  departments: Department[];
}

function passwordProblem(password: string): string | null {
  if (password.length < MIN_PASSWORD) return `パスワードは${MIN_PASSWORD}文字以上にしてください。`;
  if (password.length > MAX_PASSWORD) return `パスワードは${MAX_PASSWORD}文字以内にしてください。`;
  return null;
}

export class IkenUsersPage extends LitElement {
  static override styles = [sharedStyles, formStyles, textInputStyles, usersPageStyles];

  static override properties = {
    users: { state: true },
    draft: { state: true },
    createErrors: { state: true },
    createFailure: { state: true },
    creating: { state: true },
    created: { state: true },
    editingId: { state: true },
    editDraft: { state: true },
    editErrors: { state: true },
    editFailure: { state: true },
    confirmingId: { state: true },
    busyId: { state: true },
    rowFailure: { state: true },
    announcement: { state: true },
  };

  /** The accounts as last answered by the API (kept up to date after each change). */
  declare users: User[];
  declare draft: NewUserDraft;
  /** Messages by field of the create form (typed wrong, or refused by the API). */
  declare createErrors: Partial<Record<CreateField, string>>;
  /** The API's refusal of the create form, or null. */
  declare createFailure: SplitError<CreateField> | null;
  declare creating: boolean;
  /** The account just created (for the confirmation). */
  declare created: User | null;
  /** The account whose change form is open. */
  declare editingId: number | null;
  declare editDraft: EditDraft;
  declare editErrors: Partial<Record<EditField, string>>;
  declare editFailure: SplitError<EditField> | null;
  /** The account whose 利用停止 waits for a confirmation. */
  declare confirmingId: number | null;
  /** The account being changed by the API. */
  declare busyId: number | null;
  /** A refused 利用停止 / 利用再開, by account. */
  declare rowFailure: { id: number; error: unknown } | null;
  /** The outcome of the last change, for the live region. */
  declare announcement: string;

  readonly #api: ApiHandle;
  readonly #session: ContextConsumer<typeof sessionContext, this>;
  readonly #data: Task<[unknown, boolean], UsersData>;

  constructor() {
    super();
    this.users = [];
    this.draft = { ...EMPTY_DRAFT };
    this.createErrors = {};
    this.createFailure = null;
    this.creating = false;
    this.created = null;
    this.editingId = null;
    this.editDraft = { role: 'department', departmentId: '', password: '' };
    this.editErrors = {};
    this.editFailure = null;
    this.confirmingId = null;
    this.busyId = null;
    this.rowFailure = null;
    this.announcement = '';
    this.#api = consumeApi(this);
    this.#session = new ContextConsumer(this, { context: sessionContext, subscribe: true });
    this.#data = new Task(this, {
      task: async ([, allowed], { signal }) => {
        if (!allowed) return initialState;
        const api = requireApi(this.#api);
        const [users, departments] = await Promise.all([api.listUsers(signal), api.listDepartments(signal)]);
        return { users, departments };
      },
      args: () => [this.#api.value, hasRole(this.#sessionValue, 'secretariat')],
      onComplete: ({ users }) => {
        this.users = users;
      },
    });
    new PageReadyController(this, () => (this.#sessionValue.loaded ? TITLE : null));
  }

  get #sessionValue(): Session {
    return this.#session.value ?? ANONYMOUS;
  }

  get #departments(): Department[] {
    return this.#data.value?.departments ?? [];
  }

  #departmentName(id: number | null): string {
    if (id === null) return '';
    const department = this.#departments.find((d) => d.id === id);
    return department ? formatDepartment(department) : `担当課（ID: ${id}）`;
  }

  async #focus(selector: string): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }

  #replace(user: User): void {
    this.users = this.users.map((u) => (u.id === user.id ? user : u));
  }

  // --- create ----------------------------------------------------------------

  #validateCreate(draft: NewUserDraft): Partial<Record<CreateField, string>> {
    const errors: Partial<Record<CreateField, string>> = {};
    const email = draft.email.trim();
    if (!email) errors.email = 'メールアドレスを入力してください。';
    else if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) errors.email = 'メールアドレスの形式が正しくありません（例：kikaku@city.example.jp）。';
    const name = draft.name.trim();
    if (!name) errors.name = '氏名を入力してください。';
    else if (name.length > MAX_NAME) errors.name = `${MAX_NAME}文字以内で入力してください。`;
    if (!draft.role) errors.role = '役割を選んでください。';
    if (draft.role === 'department' && !draft.departmentId) errors.departmentId = '担当課を選んでください。';
    const password = passwordProblem(draft.password);
    if (password) errors.password = password;
    return errors;
  }

  #onDraft(field: CreateField, event: Event): void {
    const value = (event.target as HTMLInputElement | HTMLSelectElement).value;
    this.draft = { ...this.draft, [field]: value };
    // A corrected field loses its message once it is right.
    this.createErrors = withoutFixedError(this.createErrors, field, this.#validateCreate(this.draft));
  }

  async #onCreate(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this.creating) return;
    this.created = null;
    this.createFailure = null;
    this.createErrors = this.#validateCreate(this.draft);
    const first = CREATE_FIELDS.find((f) => this.createErrors[f]);
    if (first) {
      void this.#focus(`#new-${first}`);
      return;
    }
    this.creating = true;
    const { email, name, role, departmentId, password } = this.draft;
    try {
      const user = await requireApi(this.#api).createUser({
        email: email.trim(),
        name: name.trim(),
        role: role as Role,
        departmentId: role === 'department' ? Number(departmentId) : null,
        password,
      });
      this.users = [...this.users, user];
      this.created = user;
      this.draft = { ...EMPTY_DRAFT };
      void this.#focus('#created');
    } catch (error) {
      const split = splitApiError(error, CREATE_FIELDS);
      this.createFailure = split;
      this.createErrors = split.fields;
      void this.#focus('#create-error');
    } finally {
      this.creating = false;
    }
  }

  #createForm(): TemplateResult {
    const d = this.draft;
    const e = this.createErrors;
    const busy = this.creating;
    const describedBy = (field: CreateField, hint?: string) => [hint, e[field] ? `new-${field}-error` : ''].filter(Boolean).join(' ') || nothing;
    const invalid = (field: CreateField) => (e[field] ? 'true' : 'false');
    const error = (field: CreateField) =>
      e[field] ? html`<p class="field-error" id="new-${field}-error" role="alert">${e[field]}</p>` : nothing;
    return html`
      <section class="create" aria-labelledby="create-heading">
        <h2 id="create-heading">アカウントを作成</h2>
        ${this.created
          ? html`<p class="done" id="created" tabindex="-1" role="status">
              アカウント「${this.created.name}」（${ROLE_LABELS[this.created.role]}）を作成しました。パスワードは本人に安全な方法でお伝えください。
            </p>`
          : nothing}
        <form novalidate aria-busy=${busy ? 'true' : 'false'} @submit=${this.#onCreate}>
          ${this.createFailure ? formErrorView(this.createFailure, 'create-error') : nothing}
          <div class="field">
            <label for="new-email">メールアドレス<span class="required">必須</span></label>
            <input
              id="new-email"
              type="email"
              autocomplete="off"
              spellcheck="false"
              .value=${d.email}
              aria-invalid=${invalid('email')}
              aria-describedby=${describedBy('email')}
              ?disabled=${busy}
              @input=${(ev: Event) => this.#onDraft('email', ev)}
            />
            ${error('email')}
          </div>
          <div class="field">
            <label for="new-name">氏名<span class="required">必須</span></label>
            <p class="hint" id="new-name-hint">画面の右上や変更履歴に表示されます（例：経営企画課 平塚 太郎）。</p>
            <input
              id="new-name"
              type="text"
              autocomplete="off"
              .value=${d.name}
              aria-invalid=${invalid('name')}
              aria-describedby=${describedBy('name', 'new-name-hint')}
              ?disabled=${busy}
              @input=${(ev: Event) => this.#onDraft('name', ev)}
            />
            ${error('name')}
          </div>
          <div class="field">
            <label for="new-role">役割<span class="required">必須</span></label>
            <p class="hint" id="new-role-hint">事務局：すべての管理。担当課：担当する意見への対応方針と取組状況。委員：閲覧。</p>
            <select
              id="new-role"
              aria-invalid=${invalid('role')}
              aria-describedby=${describedBy('role', 'new-role-hint')}
              ?disabled=${busy}
              @change=${(ev: Event) => this.#onDraft('role', ev)}
            >
              <option value="" ?selected=${d.role === ''}>選んでください</option>
              ${ROLES.map((r) => html`<option value=${r} ?selected=${d.role === r}>${ROLE_LABELS[r]}</option>`)}
            </select>
            ${error('role')}
          </div>
          ${d.role === 'department'
            ? html`<div class="field">
                <label for="new-departmentId">担当課<span class="required">必須</span></label>
                ${this.#departmentSelect('new-departmentId', d.departmentId, e.departmentId, busy, (ev) => this.#onDraft('departmentId', ev))}
                ${error('departmentId')}
              </div>`
            : nothing}
          <div class="field">
            <label for="new-password">初期パスワード<span class="required">必須</span></label>
            <p class="hint" id="new-password-hint">${MIN_PASSWORD}文字以上。記号は不要です。長い言葉の組み合わせが安全です。</p>
            <input
              id="new-password"
              type="password"
              autocomplete="new-password"
              spellcheck="false"
              .value=${d.password}
              aria-invalid=${invalid('password')}
              aria-describedby=${describedBy('password', 'new-password-hint')}
              ?disabled=${busy}
              @input=${(ev: Event) => this.#onDraft('password', ev)}
            />
            ${error('password')}
          </div>
          <div class="actions">
            <button type="submit" ?disabled=${busy}>作成する</button>
            <span class="busy" role="status">${busy ? '作成しています…' : ''}</span>
          </div>
        </form>
      </section>
    `;
  }

  #departmentSelect(id: string, value: string, error: string | undefined, busy: boolean, onChange: (event: Event) => void): TemplateResult {
    return html`<select
      id=${id}
      aria-invalid=${error ? 'true' : 'false'}
      aria-describedby=${error ? `${id}-error` : nothing}
      ?disabled=${busy}
      @change=${onChange}
    >
      <option value="" ?selected=${value === ''}>選んでください</option>
      ${this.#departments.map((d) => html`<option value=${String(d.id)} ?selected=${value === String(d.id)}>${formatDepartment(d)}</option>`)}
    </select>`;
  }

  // --- change ----------------------------------------------------------------

  #openEdit(user: User): void {
    this.editingId = user.id;
    this.confirmingId = null;
    this.rowFailure = null;
    this.editDraft = { role: user.role, departmentId: user.departmentId === null ? '' : String(user.departmentId), password: '' };
    this.editErrors = {};
    this.editFailure = null;
    void this.#focus(`#edit-role-${user.id}`);
  }

  #closeEdit(user: User): void {
    this.editingId = null;
    void this.#focus(`#edit-button-${user.id}`);
  }

  #validateEdit(draft: EditDraft): Partial<Record<EditField, string>> {
    const errors: Partial<Record<EditField, string>> = {};
    if (draft.role === 'department' && !draft.departmentId) errors.departmentId = '担当課を選んでください。';
    if (draft.password) {
      const problem = passwordProblem(draft.password);
      if (problem) errors.password = problem;
    }
    return errors;
  }

  #onEditDraft(field: EditField, event: Event): void {
    const value = (event.target as HTMLInputElement | HTMLSelectElement).value;
    this.editDraft = { ...this.editDraft, [field]: value };
    this.editErrors = withoutFixedError(this.editErrors, field, this.#validateEdit(this.editDraft));
  }

  async #onSaveEdit(user: User, event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this.busyId !== null) return;
    this.editFailure = null;
    this.editErrors = this.#validateEdit(this.editDraft);
    const first = EDIT_FIELDS.find((f) => this.editErrors[f]);
    if (first) {
      void this.#focus(`#edit-${first}-${user.id}`);
      return;
    }
    const { role, departmentId, password } = this.editDraft;
    const input = {
      ...(role !== user.role && { role }),
      ...(role === 'department' && Number(departmentId) !== user.departmentId && { departmentId: Number(departmentId) }),
      ...(password && { password }),
    };
    if (!Object.keys(input).length) {
      this.editingId = null;
      this.announcement = `「${user.name}」は変更していません（変わった項目がありません）。`;
      void this.#focus(`#edit-button-${user.id}`);
      return;
    }
    this.busyId = user.id;
    try {
      const updated = await requireApi(this.#api).updateUser(user.id, input);
      this.#replace(updated);
      this.editingId = null;
      this.announcement = `「${updated.name}」を変更しました（${ROLE_LABELS[updated.role]}${updated.departmentId !== null ? `・${this.#departmentName(updated.departmentId)}` : ''}${password ? '・パスワードを再設定' : ''}）。`;
      void this.#focus(`#edit-button-${user.id}`);
    } catch (error) {
      const split = splitApiError(error, EDIT_FIELDS);
      this.editFailure = split;
      this.editErrors = split.fields;
      void this.#focus(`#edit-error-${user.id}`);
    } finally {
      this.busyId = null;
    }
  }

  #editForm(user: User): TemplateResult {
    const d = this.editDraft;
    const e = this.editErrors;
    const busy = this.busyId === user.id;
    const id = (field: EditField) => `edit-${field}-${user.id}`;
    const error = (field: EditField) => (e[field] ? html`<p class="field-error" id="${id(field)}-error" role="alert">${e[field]}</p>` : nothing);
    return html`
      <form
        class="edit"
        id="edit-${user.id}"
        novalidate
        aria-labelledby="edit-heading-${user.id}"
        aria-busy=${busy ? 'true' : 'false'}
        @submit=${(ev: SubmitEvent) => this.#onSaveEdit(user, ev)}
        @keydown=${(ev: KeyboardEvent) => ev.key === 'Escape' && !busy && this.#closeEdit(user)}
      >
        <h4 id="edit-heading-${user.id}">「${user.name}」の役割・担当課の変更</h4>
        ${this.editFailure ? formErrorView(this.editFailure, `edit-error-${user.id}`) : nothing}
        <div class="field">
          <label for=${id('role')}>役割</label>
          <select
            id=${id('role')}
            aria-invalid=${e.role ? 'true' : 'false'}
            aria-describedby=${e.role ? `${id('role')}-error` : nothing}
            ?disabled=${busy}
            @change=${(ev: Event) => this.#onEditDraft('role', ev)}
          >
            ${ROLES.map((r) => html`<option value=${r} ?selected=${d.role === r}>${ROLE_LABELS[r]}</option>`)}
          </select>
          ${error('role')}
        </div>
        ${d.role === 'department'
          ? html`<div class="field">
              <label for=${id('departmentId')}>担当課<span class="required">必須</span></label>
              ${this.#departmentSelect(id('departmentId'), d.departmentId, e.departmentId, busy, (ev) => this.#onEditDraft('departmentId', ev))}
              ${error('departmentId')}
            </div>`
          : nothing}
        <div class="field">
          <label for=${id('password')}>新しいパスワード（再設定するときだけ）</label>
          <p class="hint" id="${id('password')}-hint">${MIN_PASSWORD}文字以上。再設定すると、この人はすべての画面でサインアウトされます。</p>
          <input
            id=${id('password')}
            type="password"
            autocomplete="new-password"
            spellcheck="false"
            .value=${d.password}
            aria-invalid=${e.password ? 'true' : 'false'}
            aria-describedby=${[`${id('password')}-hint`, e.password ? `${id('password')}-error` : ''].filter(Boolean).join(' ')}
            ?disabled=${busy}
            @input=${(ev: Event) => this.#onEditDraft('password', ev)}
          />
          ${error('password')}
        </div>
        <div class="actions">
          <button type="submit" ?disabled=${busy}>保存する</button>
          <button type="button" class="secondary" ?disabled=${busy} @click=${() => this.#closeEdit(user)}>やめる</button>
        </div>
      </form>
    `;
  }

  // --- suspend and reactivate -------------------------------------------------

  #askDeactivate(user: User): void {
    this.confirmingId = user.id;
    this.editingId = null;
    this.rowFailure = null;
    void this.#focus(`#confirm-text-${user.id}`);
  }

  #cancelDeactivate(user: User): void {
    this.confirmingId = null;
    void this.#focus(`#deactivate-${user.id}`);
  }

  async #setActive(user: User, active: boolean): Promise<void> {
    if (this.busyId !== null) return;
    this.busyId = user.id;
    this.rowFailure = null;
    try {
      const updated = await requireApi(this.#api).updateUser(user.id, { active });
      this.#replace(updated);
      this.confirmingId = null;
      this.announcement = active
        ? `「${updated.name}」の利用を再開しました。このアカウントで再びサインインできます。`
        : `「${updated.name}」を利用停止にしました。このアカウントではサインインできません。`;
      void this.#focus(active ? `#deactivate-${user.id}` : `#reactivate-${user.id}`);
    } catch (error) {
      this.confirmingId = null;
      this.rowFailure = { id: user.id, error };
      void this.#focus(`#row-error-${user.id}`);
    } finally {
      this.busyId = null;
    }
  }

  #confirmPanel(user: User): TemplateResult {
    const busy = this.busyId === user.id;
    return html`
      <div
        class="confirm"
        role="group"
        aria-labelledby="confirm-text-${user.id}"
        @keydown=${(e: KeyboardEvent) => e.key === 'Escape' && !busy && this.#cancelDeactivate(user)}
      >
        <p id="confirm-text-${user.id}" tabindex="-1">
          <strong>「${user.name}」を利用停止にしますか？</strong>
          この人はサインインできなくなり、サインイン中の画面もすぐに使えなくなります。あとで「利用再開」で元に戻せます。
        </p>
        <div class="actions">
          <button type="button" class="danger" ?disabled=${busy} @click=${() => this.#setActive(user, false)}>利用停止にする</button>
          <button type="button" class="secondary" ?disabled=${busy} @click=${() => this.#cancelDeactivate(user)}>やめる</button>
        </div>
      </div>
    `;
  }

  // --- the list ----------------------------------------------------------------

  #userItem(user: User, myId: number | null): TemplateResult {
    const self = user.id === myId;
    const busy = this.busyId === user.id;
    const editing = this.editingId === user.id;
    const name = html`<span class="visually-hidden">（${user.name}）</span>`;
    return html`
      <li class="user ${user.active ? '' : 'inactive'}" data-user-id=${user.id}>
        <div class="user-head">
          <h3 id="user-name-${user.id}">${user.name}${self ? html`<span class="self">（あなた）</span>` : nothing}</h3>
          ${user.active ? badge('success', '利用中', 'active') : badge('neutral', '利用停止', 'active')}
        </div>
        <dl class="facts">
          <div><dt>メールアドレス</dt><dd class="email">${user.email}</dd></div>
          <div><dt>役割</dt><dd data-role=${user.role}>${ROLE_LABELS[user.role]}</dd></div>
          ${user.role === 'department' ? html`<div><dt>担当課</dt><dd>${this.#departmentName(user.departmentId)}</dd></div>` : nothing}
        </dl>
        <div class="actions user-actions">
          <button
            type="button"
            class="secondary"
            id="edit-button-${user.id}"
            aria-expanded=${editing ? 'true' : 'false'}
            aria-controls=${editing ? `edit-${user.id}` : nothing}
            ?disabled=${busy}
            @click=${() => (editing ? this.#closeEdit(user) : this.#openEdit(user))}
          >
            役割・担当課を変更${name}
          </button>
          ${user.active
            ? self
              ? html`<span class="hint">自分のアカウントは利用停止にできません。</span>`
              : html`<button
                  type="button"
                  class="secondary danger"
                  id="deactivate-${user.id}"
                  ?disabled=${busy || this.confirmingId === user.id}
                  @click=${() => this.#askDeactivate(user)}
                >
                  利用停止${name}
                </button>`
            : html`<button type="button" class="secondary" id="reactivate-${user.id}" ?disabled=${busy} @click=${() => this.#setActive(user, true)}>
                利用再開${name}
              </button>`}
        </div>
        ${editing ? this.#editForm(user) : nothing}
        ${this.confirmingId === user.id ? this.#confirmPanel(user) : nothing}
        ${this.rowFailure?.id === user.id
          ? html`<div class="row-error" id="row-error-${user.id}" tabindex="-1">${errorView(this.rowFailure.error)}</div>`
          : nothing}
      </li>
    `;
  }

  #list(): unknown {
    const myId = this.#sessionValue.me?.id ?? null;
    return this.#data.render({
      initial: loadingView,
      pending: () => (this.#data.value ? this.#listView(myId) : loadingView()),
      error: (error) => errorView(error),
      complete: () => this.#listView(myId),
    });
  }

  #listView(myId: number | null): TemplateResult {
    const active = this.users.filter((u) => u.active).length;
    return html`
      <p class="summary">${this.users.length}件（利用中 ${active}件・利用停止 ${this.users.length - active}件）</p>
      ${this.users.length
        ? html`<ul class="users">
            ${this.users.map((u) => this.#userItem(u, myId))}
          </ul>`
        : html`<p class="empty">アカウントはまだありません。</p>`}
    `;
  }

  #notAllowed(session: Session): TemplateResult {
    const me = session.me;
    return html`
      <div class="error" role="alert" data-not-allowed>
        <p>アカウントの管理は事務局が行います。${me ? `${me.name}（${ROLE_LABELS[me.role]}）のアカウントでは、このページを使えません。` : 'このページを使うには、事務局のアカウントでサインインしてください。'}</p>
      </div>
      <ul class="next-links">
        ${me
          ? html`<li><a href="/">ホームへ戻る</a></li>`
          : html`<li><a href="/sign-in?next=%2Fusers">事務局のアカウントでサインイン</a></li>
              <li><a href="/">ホームへ戻る</a></li>`}
      </ul>
      ${me ? html`<p class="hint">事務局のアカウントに切り替えるには、画面上部の「サインアウト」を押してから、サインインし直してください。</p>` : nothing}
    `;
  }

  #content(): unknown {
    const session = this.#sessionValue;
    if (!session.loaded) return loadingView();
    if (!hasRole(session, 'secretariat')) return this.#notAllowed(session);
    return html`
      ${this.#createForm()}
      <section class="list" aria-labelledby="list-heading" aria-busy=${ariaBusy(this.#data)}>
        <h2 id="list-heading">アカウントの一覧</h2>
        <p class="announcement" role="status" aria-live="polite">${this.announcement}</p>
        ${this.#list()}
      </section>
    `;
  }

  override render(): TemplateResult {
    return html`
      <div class="page-header">
        <h1 tabindex="-1">${TITLE}</h1>
        <p class="lead">事務局・担当課・委員がサインインするためのアカウントを作成し、役割と担当課を管理します。</p>
      </div>
      ${this.#content()}
    `;
  }
}

customElements.define('iken-users-page', IkenUsersPage);

declare global {
  interface HTMLElementTagNameMap {
    'iken-users-page': IkenUsersPage;
  }
}
