/**
 * 報告期間 (/periods), for the secretariat: which period departments report
 * on now, the periods opened and closed so far with 締め切る (after a
 * confirmation) and 締切を解除, a form to open a period (受付開始), and the
 * not-reported list per department for a chosen period, so the secretariat
 * can chase the departments that have not reported.
 *
 * A page of its own rather than a part of お知らせ: closing a period freezes
 * every department's reports, which belongs on a deliberate management page
 * with an address of its own, not among one person's to-dos. お知らせ links
 * here from the secretariat's 未報告 notice.
 */
import { ContextConsumer } from '@lit/context';
import { initialState, Task, TaskStatus } from '@lit/task';
import { html, LitElement, nothing, type TemplateResult } from 'lit';
import { consumeApi, requireApi, type ApiHandle } from '../api/api-context.js';
import type { NotReported, NotReportedItem, ReportingPeriod, ReportingPeriodList } from '../api/types.js';
import { badge, progressBadge } from '../lib/badges.js';
import { formErrorView, splitApiError, type SplitError } from '../lib/field-errors.js';
import { formatDateTime, formatDepartment, formatPeriod } from '../lib/format.js';
import { PROGRESS_STATUS_LABELS } from '../lib/labels.js';
import { PageReadyController } from '../lib/page-ready-controller.js';
import { secretariatOnlyView } from '../lib/role-message.js';
import { ariaBusy, errorView, loadingView } from '../lib/status-views.js';
import { ANONYMOUS, sessionContext, type Session } from '../session/session-context.js';
import { formStyles } from '../styles/form.styles.js';
import { roleMessageStyles } from '../styles/role-message.styles.js';
import { sharedStyles } from '../styles/shared.styles.js';
import { textInputStyles } from '../styles/text-input.styles.js';
import { periodsPageStyles } from './iken-periods-page.styles.js';
import { comparePeriods } from '../../../api/lib/japanese-date.js';

const TITLE = '報告期間';

type Busy = '' | 'open' | 'close' | 'reopen';

export class IkenPeriodsPage extends LitElement {
  static override styles = [sharedStyles, formStyles, textInputStyles, roleMessageStyles, periodsPageStyles];

  static override properties = {
    newPeriod: { state: true },
    confirming: { state: true },
    busy: { state: true },
    notice: { state: true },
    actionError: { state: true },
    openError: { state: true },
    chasePeriod: { state: true },
  };

  /** What is typed in 受付を開始する期間. */
  declare newPeriod: string;
  /** The period whose 締め切る is waiting for confirmation. */
  declare confirming: string | null;
  declare busy: Busy;
  /** The last success, announced politely. */
  declare notice: string;
  /** A refused 締め切る or 締切を解除. */
  declare actionError: unknown;
  /** A refused 受付開始, by field. */
  declare openError: SplitError<'period'> | null;
  /** The period the not-reported list is for ('' = the current one). */
  declare chasePeriod: string;

  readonly #api: ApiHandle;
  readonly #session: ContextConsumer<typeof sessionContext, this>;
  readonly #periods: Task<[unknown, boolean], ReportingPeriodList>;
  readonly #notReported: Task<[unknown, boolean, string], NotReported>;

  constructor() {
    super();
    this.newPeriod = '';
    this.confirming = null;
    this.busy = '';
    this.notice = '';
    this.actionError = null;
    this.openError = null;
    this.chasePeriod = '';
    this.#api = consumeApi(this);
    this.#session = new ContextConsumer(this, { context: sessionContext, subscribe: true });
    this.#periods = new Task(this, {
      task: async ([, allowed], { signal }) => (allowed ? requireApi(this.#api).listPeriods(signal) : initialState),
      args: () => [this.#api.value, this.#isSecretariat],
    });
    this.#notReported = new Task(this, {
      task: async ([, allowed, period], { signal }) =>
        allowed ? requireApi(this.#api).getNotReported(period ? { period } : {}, signal) : initialState,
      args: () => [this.#api.value, this.#isSecretariat, this.chasePeriod],
    });
    new PageReadyController(this, () => {
      if (!this.#sessionValue.loaded) return null;
      if (!this.#isSecretariat) return TITLE;
      const status = this.#periods.status;
      return status === TaskStatus.COMPLETE || status === TaskStatus.ERROR ? TITLE : null;
    });
  }

  get #sessionValue(): Session {
    return this.#session.value ?? ANONYMOUS;
  }

  get #isSecretariat(): boolean {
    return this.#sessionValue.me?.role === 'secretariat';
  }

  async #focus(selector: string): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }

  /** Loads the periods and the not-reported list again after a change. */
  async #reload(): Promise<void> {
    await Promise.all([this.#periods.run(), this.#notReported.run()]);
  }

  // --- Actions -----------------------------------------------------------------

  async #onOpen(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this.busy) return;
    this.notice = '';
    const period = this.newPeriod.trim();
    if (!period) {
      this.openError = { fields: { period: '受付を始める期間を入力してください。' }, message: '入力内容を確認してください。', others: [] };
      await this.#focus('#open-error');
      return;
    }
    this.busy = 'open';
    this.openError = null;
    try {
      const opened = await requireApi(this.#api).openPeriod(period);
      this.newPeriod = '';
      await this.#reload();
      this.notice = `${opened.label}の受付を始めました。担当課はこの期間の取組状況を報告できます。`;
    } catch (error) {
      this.openError = splitApiError(error, ['period'] as const);
    } finally {
      this.busy = '';
    }
    await this.#focus(this.openError ? '#open-error' : '#open-period');
  }

  async #askClose(period: string): Promise<void> {
    this.confirming = period;
    this.notice = '';
    this.actionError = null;
    await this.#focus('#close-confirm-heading');
  }

  async #cancelClose(period: string): Promise<void> {
    this.confirming = null;
    await this.#focus(`[data-close="${period}"]`);
  }

  async #change(period: ReportingPeriod, action: 'close' | 'reopen'): Promise<void> {
    if (this.busy) return;
    this.busy = action;
    this.actionError = null;
    this.notice = '';
    try {
      const api = requireApi(this.#api);
      const changed = action === 'close' ? await api.closePeriod(period.period) : await api.reopenPeriod(period.period);
      this.confirming = null;
      this.notice =
        action === 'close'
          ? `${changed.label}を締め切りました。この期間の報告・訂正はできなくなりました。`
          : `${changed.label}の締切を解除しました。担当課は再び報告・訂正ができます。`;
    } catch (error) {
      this.actionError = error;
    }
    // Either way the list shows where the periods stand now.
    await this.#reload();
    this.busy = '';
    await this.#focus(this.actionError ? '#action-error' : '#periods-heading');
  }

  // --- Views -------------------------------------------------------------------

  #periodItem(p: ReportingPeriod): TemplateResult {
    const open = p.state === 'open';
    const busy = this.busy !== '';
    return html`
      <li class="period" data-period=${p.period} data-state=${p.state}>
        <div class="period-head">
          <h3>${p.label}</h3>
          ${open ? badge('success', '受付中', 'period-state') : badge('neutral', '締切済', 'period-state')}
        </div>
        <dl class="facts">
          <div><dt>受付開始</dt><dd>${p.openedAt ? formatDateTime(p.openedAt) : '受付を始めずに締切'}</dd></div>
          ${p.closedAt ? html`<div><dt>締切</dt><dd>${formatDateTime(p.closedAt)}</dd></div>` : nothing}
        </dl>
        ${open
          ? this.confirming === p.period
            ? html`<div class="confirm" role="group" aria-labelledby="close-confirm-heading">
                <h4 id="close-confirm-heading" tabindex="-1">${p.label}を締め切りますか</h4>
                <p>
                  締め切ると、${p.label}${p.period.length === 4 ? '（上半期・下半期を含む）' : ''}の取組状況の報告・訂正はできなくなります。誤りが見つかったときは「締切を解除」で戻せます。
                </p>
                <div class="actions">
                  <button type="button" ?disabled=${busy} @click=${() => void this.#change(p, 'close')}>締め切る</button>
                  <button type="button" class="secondary" ?disabled=${busy} @click=${() => void this.#cancelClose(p.period)}>やめる</button>
                </div>
              </div>`
            : html`<div class="actions">
                <button type="button" class="secondary" data-close=${p.period} ?disabled=${busy} @click=${() => void this.#askClose(p.period)}>
                  締め切る<span class="visually-hidden">（${p.label}）</span>
                </button>
              </div>`
          : html`<div class="actions">
              <button type="button" class="secondary" data-reopen=${p.period} ?disabled=${busy} @click=${() => void this.#change(p, 'reopen')}>
                締切を解除<span class="visually-hidden">（${p.label}）</span>
              </button>
            </div>`}
      </li>
    `;
  }

  #periodsSection(data: ReportingPeriodList): TemplateResult {
    const newestFirst = [...data.items].sort((a, b) => comparePeriods(b.period, a.period));
    return html`
      <section aria-labelledby="periods-heading" class="periods-section">
        <h2 id="periods-heading" tabindex="-1">受付・締切の状況</h2>
        ${this.actionError ? html`<div id="action-error" tabindex="-1">${errorView(this.actionError)}</div>` : nothing}
        ${newestFirst.length
          ? html`<ul class="periods">${newestFirst.map((p) => this.#periodItem(p))}</ul>`
          : html`<p class="muted" data-no-periods>まだ受付を始めた期間はありません。</p>`}
      </section>
    `;
  }

  #openForm(): TemplateResult {
    const error = this.openError;
    const fieldError = error?.fields.period;
    return html`
      <section aria-labelledby="open-heading" class="open-section">
        <h2 id="open-heading">受付を始める</h2>
        <form novalidate @submit=${(e: SubmitEvent) => void this.#onOpen(e)}>
          <div class="field">
            <label for="open-period">受付を始める期間</label>
            <p class="hint" id="open-hint">例：2025H1、令和7年度上半期、2025（年度全体）。受付中の最新の期間が、担当課が報告する「今期」になります。</p>
            <input
              id="open-period"
              type="text"
              autocomplete="off"
              .value=${this.newPeriod}
              aria-describedby=${fieldError ? 'open-hint open-period-error' : 'open-hint'}
              aria-invalid=${fieldError ? 'true' : 'false'}
              @input=${(e: Event) => {
                this.newPeriod = (e.target as HTMLInputElement).value;
              }}
            />
            ${fieldError ? html`<p class="field-error" id="open-period-error">${fieldError}</p>` : nothing}
          </div>
          ${error ? formErrorView(error as SplitError<string>, 'open-error') : nothing}
          <div class="actions">
            <button type="submit" ?disabled=${this.busy !== ''}>受付を開始</button>
          </div>
        </form>
      </section>
    `;
  }

  #chaseItem(item: NotReportedItem): TemplateResult {
    const href = item.kind === 'opinion' ? `/opinions/${item.id}` : `/nodes/${item.id}`;
    return html`
      <li class="chase-item" data-kind=${item.kind} data-id=${item.id}>
        <span class="kind">${item.kind === 'opinion' ? '意見' : '取組'}</span>
        <a href=${href}>${item.title}</a>
        <span class="last">
          ${item.lastStatus && item.lastPeriod
            ? html`前回：${progressBadge(item.lastStatus, `${PROGRESS_STATUS_LABELS[item.lastStatus]}（${formatPeriod(item.lastPeriod)}）`)}`
            : '前回の報告なし'}
        </span>
      </li>
    `;
  }

  #chaseList(data: NotReported): TemplateResult {
    return html`
      <p class="chase-summary" data-chase-summary>
        ${data.label}の未報告は<strong>${data.total}件</strong>です。${data.closed ? 'この期間は締め切られているため、担当課はもう報告できません（報告を受けるには締切を解除してください）。' : ''}
      </p>
      ${data.groups.length
        ? data.groups.map((g, i) => {
            const name = g.department ? formatDepartment(g.department) : '担当課なし';
            return html`
              <section class="department" aria-labelledby="chase-${i}" data-department=${g.department?.id ?? 'none'}>
                <h3 id="chase-${i}">${name}<span class="count">（${g.items.length}件）</span></h3>
                <ul class="chase-items">${g.items.map((item) => this.#chaseItem(item))}</ul>
              </section>
            `;
          })
        : html`<p class="muted" data-no-chase>未報告の意見・取組はありません。</p>`}
    `;
  }

  #chaseSection(periods: ReportingPeriodList): TemplateResult {
    const choices = [...new Set([periods.current.period, ...periods.items.map((p) => p.period)])].sort((a, b) => comparePeriods(b, a));
    const selected = this.chasePeriod || periods.current.period;
    return html`
      <section aria-labelledby="not-reported-heading" id="not-reported" class="chase-section">
        <h2 id="not-reported-heading">未報告の一覧</h2>
        <p class="hint">
          対応方針が承認・公開された意見と、前の期間に報告のある取組のうち、「済」になっておらず、選んだ期間の報告がないものです。担当課ごとに示します。
        </p>
        <div class="field">
          <label for="chase-period">期間</label>
          <select id="chase-period" @change=${(e: Event) => (this.chasePeriod = (e.target as HTMLSelectElement).value)}>
            ${choices.map(
              (p) => html`<option value=${p} ?selected=${p === selected}>${formatPeriod(p)}${p === periods.current.period ? '（今期）' : ''}</option>`,
            )}
          </select>
        </div>
        <div aria-busy=${ariaBusy(this.#notReported)} aria-live="polite" class="chase-result">
          ${this.#notReported.render({
            initial: loadingView,
            pending: () => (this.#notReported.value ? this.#chaseList(this.#notReported.value) : loadingView()),
            error: (error) => errorView(error),
            complete: (data) => this.#chaseList(data),
          })}
        </div>
      </section>
    `;
  }

  #content(data: ReportingPeriodList): TemplateResult {
    return html`
      <div class="page-header">
        <h1 tabindex="-1">${TITLE}</h1>
        <p class="lead">
          担当課が取組状況を報告する期間を管理します。今期は<strong data-current-period>${data.current.label}</strong>です（受付中の最新の期間。受付中の期間がないときは、直近に終わった半期）。
        </p>
      </div>
      <p class="notice" role="status" aria-live="polite" data-notice>${this.busy === 'close' ? '締め切っています…' : this.busy === 'reopen' ? '締切を解除しています…' : this.busy === 'open' ? '受付を開始しています…' : this.notice}</p>
      ${this.#periodsSection(data)} ${this.#openForm()} ${this.#chaseSection(data)}
    `;
  }

  override render(): TemplateResult {
    const session = this.#sessionValue;
    if (!session.loaded) return loadingView();
    if (!this.#isSecretariat) return secretariatOnlyView(TITLE, session.me, '報告期間の受付と締切は事務局が行います。');
    const data = this.#periods.value;
    if (data) return this.#content(data);
    return html`<div aria-busy=${ariaBusy(this.#periods)}>
      ${this.#periods.render({
        initial: loadingView,
        pending: loadingView,
        error: (error) => html`<div class="page-header"><h1 tabindex="-1">${TITLE}</h1></div>
          ${errorView(error, html`<p>時間をおいて、ページを再読み込みしてください。</p>`)}`,
      })}
    </div>`;
  }
}

customElements.define('iken-periods-page', IkenPeriodsPage);

declare global {
  interface HTMLElementTagNameMap {
    'iken-periods-page': IkenPeriodsPage;
  }
}
