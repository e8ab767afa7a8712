/**
 * 取組状況: an item's status per period (an opinion's response, or a plan
 * node), and — for those who may report (`can-report`: the secretariat, or
 * the department responsible for the item) — the form to report a period or
 * correct one already reported.
 *
 * Each period shows its final report, the change from the period before (in
 * words, not colour alone), the note, the evidence link, and how many times
 * it was corrected, with the earlier reports. A correction never erases: the
 * API keeps every earlier report. A period the secretariat closed is shown as
 * 締切済 and cannot be chosen; should it close while the form is open, the
 * API's refusal (409) is shown as it says it.
 *
 * Place it under a heading (h2) of the host page: its own headings are h3.
 */
import { initialState, Task, TaskStatus } from '@lit/task';
import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { ApiError } from '../api/api-client.js';
import { consumeApi, requireApi, type ApiHandle } from '../api/api-context.js';
import type { OpinionTimeline, ProgressReport, ProgressStatus, ReportingPeriodList, TimelineStep } from '../api/types.js';
import { badge, progressBadge } from '../lib/badges.js';
import { formErrorView, splitApiError, type SplitError } from '../lib/field-errors.js';
import { formatDate, formatDateTime } from '../lib/format.js';
import { PROGRESS_STATUS_LABELS, PROGRESS_STATUSES } from '../lib/labels.js';
import { defaultPeriod, periodChoices, type PeriodChoice } from '../lib/report-periods.js';
import { changeText } from '../lib/status-change.js';
import { errorView, loadingView } from '../lib/status-views.js';
import { formStyles } from '../styles/form.styles.js';
import { sharedStyles } from '../styles/shared.styles.js';
import { progressPanelStyles } from './iken-progress-panel.styles.js';

export type ProgressTarget = 'opinion' | 'node';

interface PanelData {
  steps: TimelineStep[];
  /** For an opinion: its due date, whether it is overdue, whether it takes reports, and its response. */
  opinion: Pick<OpinionTimeline, 'dueOn' | 'overdue' | 'reportable' | 'response'> | null;
  periods: ReportingPeriodList;
  /** Each period's reports, with the earlier ones a correction replaced. */
  reports: Map<string, ProgressReport>;
}

type Field = 'period' | 'status' | 'note' | 'evidenceUrl';
const FIELDS: readonly Field[] = ['period', 'status', 'note', 'evidenceUrl'];

/** What a status means, said beside its radio button. */
const STATUS_HINTS: Record<ProgressStatus, string> = {
  done: '取組が完了した',
  on_track: '計画どおり進んでいる',
  delayed: '始めたが予定より遅れている',
  not_started: 'まだ始めていない',
  suspended: '取組を止めている',
};

export class IkenProgressPanel extends LitElement {
  static override styles = [sharedStyles, formStyles, progressPanelStyles];

  static override properties = {
    target: { type: String },
    itemId: { type: Number, attribute: 'item-id' },
    canReport: { type: Boolean, attribute: 'can-report' },
    period: { state: true },
    status: { state: true },
    note: { state: true },
    evidenceUrl: { state: true },
    dirty: { state: true },
    busy: { state: true },
    notice: { state: true },
    formError: { state: true },
  };

  /** What the timeline is of. */
  declare target: ProgressTarget;
  /** The opinion's or node's id. */
  declare itemId: number;
  /** Show the reporting form (the host knows who answers for the item; the API checks again). */
  declare canReport: boolean;
  declare period: string;
  declare status: ProgressStatus | '';
  declare note: string;
  declare evidenceUrl: string;
  /** True once the form was typed in: choosing another period then keeps what was typed. */
  declare dirty: boolean;
  declare busy: boolean;
  /** The last success, announced politely. */
  declare notice: string;
  /** The last refusal: the API's message, and what it said about each field. */
  declare formError: SplitError<Field> | null;

  readonly #api: ApiHandle;
  readonly #data: Task<[unknown, ProgressTarget, number], PanelData>;

  constructor() {
    super();
    this.target = 'opinion';
    this.itemId = 0;
    this.canReport = false;
    this.period = '';
    this.status = '';
    this.note = '';
    this.evidenceUrl = '';
    this.dirty = false;
    this.busy = false;
    this.notice = '';
    this.formError = null;
    this.#api = consumeApi(this);
    this.#data = new Task(this, {
      task: async ([, target, id], { signal }) => {
        if (!id) return initialState;
        return this.#load(target, id, signal);
      },
      args: () => [this.#api.value, this.target, this.itemId],
    });
  }

  async #load(target: ProgressTarget, id: number, signal: AbortSignal): Promise<PanelData> {
    const api = requireApi(this.#api);
    const [timeline, periods, reports] = await Promise.all([
      target === 'opinion' ? api.getOpinionTimeline(id, signal) : api.getNodeTimeline(id, signal),
      api.listPeriods(signal),
      target === 'opinion' ? api.listOpinionProgress(id, signal) : api.listNodeProgress(id, signal),
    ]);
    return {
      steps: timeline.steps,
      opinion: 'opinionId' in timeline ? { dueOn: timeline.dueOn, overdue: timeline.overdue, reportable: timeline.reportable, response: timeline.response } : null,
      periods,
      reports: new Map(reports.map((r) => [r.period, r])),
    };
  }

  override willUpdate(changed: PropertyValues<this>): void {
    // A new item: start the form afresh.
    if (changed.has('itemId') || changed.has('target')) this.#resetForm('');
    // Once loaded, the form starts on the current period (unless someone already chose one).
    const data = this.#data.value;
    if (data && this.period === '' && !this.dirty) {
      const period = defaultPeriod(periodChoices(data.periods, data.steps));
      if (period) this.#choosePeriod(period, data);
    }
  }

  #resetForm(period: string): void {
    this.period = period;
    this.status = '';
    this.note = '';
    this.evidenceUrl = '';
    this.dirty = false;
    this.formError = null;
  }

  /** Chooses a period; a period already reported fills the form with its report, unless the form was typed in. */
  #choosePeriod(period: string, data: PanelData): void {
    this.period = period;
    const step = data.steps.find((s) => s.period === period);
    if (!this.dirty) {
      this.status = step?.status ?? '';
      this.note = step?.note ?? '';
      this.evidenceUrl = step?.evidenceUrl ?? '';
    }
    this.#clearFieldError('period');
  }

  /** Drops a field's message once the field was changed; the others stay until their own fields change. */
  #clearFieldError(field: Field): void {
    const error = this.formError;
    if (!error?.fields[field]) return;
    const { [field]: _fixed, ...fields } = error.fields;
    this.formError = { ...error, fields };
  }

  /** 「この期間の報告を訂正」: the form on that period, filled with its report. */
  async #correct(step: TimelineStep, data: PanelData): Promise<void> {
    this.dirty = false;
    this.formError = null;
    this.notice = '';
    this.#choosePeriod(step.period, data);
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#report-heading')?.focus();
  }

  #edited(field: Field, value: string): void {
    if (field === 'status') this.status = value as ProgressStatus;
    else if (field === 'note') this.note = value;
    else if (field === 'evidenceUrl') this.evidenceUrl = value;
    this.dirty = true;
    this.#clearFieldError(field);
  }

  /** What is missing before sending, by field. */
  #validate(): Partial<Record<Field, string>> {
    const errors: Partial<Record<Field, string>> = {};
    if (!this.period) errors.period = '報告する期間を選んでください。';
    if (!this.status) errors.status = '取組状況を選んでください。';
    return errors;
  }

  async #onSubmit(event: SubmitEvent, data: PanelData): Promise<void> {
    event.preventDefault();
    if (this.busy) return;
    this.notice = '';
    const missing = this.#validate();
    if (Object.keys(missing).length) {
      this.formError = { fields: missing, message: '入力内容を確認してください。', others: [] };
      await this.#focus('#report-error');
      return;
    }
    const period = this.period;
    const correcting = data.steps.some((s) => s.period === period);
    const label = periodChoices(data.periods, data.steps).find((c) => c.period === period)?.label ?? period;
    this.busy = true;
    this.formError = null;
    let done = false;
    try {
      await requireApi(this.#api).reportProgress(this.target, this.itemId, {
        period,
        status: this.status as ProgressStatus,
        note: this.note.trim() || null,
        evidenceUrl: this.evidenceUrl.trim() || null,
      });
      done = true;
    } catch (error) {
      this.formError = splitApiError(error, FIELDS);
      // A period closed meanwhile: show it as 締切済 now.
      if (error instanceof ApiError && error.status === 409) await this.#data.run();
    } finally {
      this.busy = false;
    }
    if (!done) {
      await this.#focus('#report-error');
      return;
    }
    await this.#data.run();
    const fresh = this.#data.value;
    this.#resetForm('');
    if (fresh) this.#choosePeriod(period, fresh);
    this.notice = correcting
      ? `${label}の報告を訂正しました。訂正前の報告は履歴に残っています。`
      : `${label}の取組状況を報告しました。`;
    await this.#focus('#report-submit');
  }

  async #focus(selector: string): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }

  // --- Views -------------------------------------------------------------------

  #opinionFacts(opinion: NonNullable<PanelData['opinion']>): TemplateResult | typeof nothing {
    if (!opinion.overdue || !opinion.dueOn) return nothing;
    return html`<p class="overdue" data-overdue>${badge('danger', '期限超過', 'overdue')} 対応期限（${formatDate(opinion.dueOn)}）を過ぎていますが、取組状況が「済」になっていません。</p>`;
  }

  /** The earlier reports of a period that corrections replaced, newest first. */
  #history(report: ProgressReport | undefined): TemplateResult | typeof nothing {
    if (!report?.history.length) return nothing;
    return html`
      <details class="history" data-history>
        <summary>訂正前の報告（${report.history.length}件）を表示</summary>
        <ol class="history-list">
          ${report.history.map(
            (h) => html`<li>
              <p>${progressBadge(h.status, PROGRESS_STATUS_LABELS[h.status])} <span class="when">${formatDateTime(h.createdAt)}に報告</span></p>
              ${h.note ? html`<p class="note-text">${h.note}</p>` : nothing}
              ${h.evidenceUrl ? html`<p><a href=${h.evidenceUrl} rel="noopener noreferrer" target="_blank">根拠資料（新しいタブで開きます）</a></p>` : nothing}
            </li>`,
          )}
        </ol>
      </details>
    `;
  }

  #step(step: TimelineStep, data: PanelData): TemplateResult {
    const previous = step.previousStatus ? `（${PROGRESS_STATUS_LABELS[step.previousStatus]} → ${PROGRESS_STATUS_LABELS[step.status]}）` : '';
    return html`
      <li class="step" data-period=${step.period}>
        <div class="step-head">
          <h4>${step.label}</h4>
          ${progressBadge(step.status, PROGRESS_STATUS_LABELS[step.status])}
          ${step.closed ? badge('neutral', '締切済', 'closed') : nothing}
        </div>
        <p class="change-line change-${step.change}" data-change=${step.change}>
          ${step.change === 'first' ? '最初の報告です。' : html`前の期間から <strong>${changeText(step.change)}</strong>${previous}`}
        </p>
        ${step.note ? html`<p class="note-text" data-note>${step.note}</p>` : nothing}
        ${step.evidenceUrl
          ? html`<p><a href=${step.evidenceUrl} rel="noopener noreferrer" target="_blank" data-evidence>根拠資料（新しいタブで開きます）</a></p>`
          : nothing}
        <p class="meta">
          ${formatDateTime(step.reportedAt)}に報告${step.corrections ? html`<span class="corrections" data-corrections>訂正 ${step.corrections} 回</span>` : nothing}
        </p>
        ${this.#history(data.reports.get(step.period))}
        ${this.canReport && !step.closed && this.#mayReport(data)
          ? html`<button type="button" class="secondary small" @click=${() => void this.#correct(step, data)}>
              <span>この期間の報告を訂正</span><span class="visually-hidden">（${step.label}）</span>
            </button>`
          : nothing}
      </li>
    `;
  }

  #timeline(data: PanelData): TemplateResult {
    const newestFirst = [...data.steps].reverse();
    return html`
      <h3>期間ごとの取組状況</h3>
      ${newestFirst.length
        ? html`<ol class="steps" reversed>${newestFirst.map((s) => this.#step(s, data))}</ol>`
        : html`<p class="muted" data-no-reports>取組状況の報告はまだありません。</p>`}
    `;
  }

  /** An opinion is reported on through its response: without one there is nothing to report yet. */
  #mayReport(data: PanelData): boolean {
    return data.opinion === null || data.opinion.reportable;
  }

  #periodOption(choice: PeriodChoice): TemplateResult {
    const notes = [choice.current ? '今期' : '', choice.closed ? '締切済' : '', choice.reported && !choice.closed ? '報告済・訂正になります' : ''].filter(Boolean);
    return html`<option value=${choice.period} ?disabled=${choice.closed} ?selected=${choice.period === this.period}>
      ${choice.label}${notes.length ? `（${notes.join('・')}）` : ''}
    </option>`;
  }

  /** What sending for the chosen period will do. */
  #periodHint(chosen: PeriodChoice | undefined): string {
    if (chosen?.closed) return 'この期間は締め切られているため、報告・訂正はできません。別の期間を選んでください（締切の解除は、事務局が「報告期間」の画面で行います）。';
    if (chosen?.reported) return 'この期間にはすでに報告があります。送ると訂正になります。';
    return '締切済の期間は選べません。';
  }

  #form(data: PanelData): TemplateResult {
    const choices = periodChoices(data.periods, data.steps);
    const chosen = choices.find((c) => c.period === this.period);
    const correcting = chosen?.reported ?? false;
    const errors = this.formError?.fields ?? {};
    const describe = (field: Field, hint: string) => (errors[field] ? `${hint} ${field}-error` : hint);
    const fieldError = (field: Field) =>
      errors[field] ? html`<p class="field-error" id="${field}-error">${errors[field]}</p>` : nothing;
    return html`
      <div class="report">
        <h3 id="report-heading" tabindex="-1">${correcting ? `${chosen!.label}の報告を訂正する` : '取組状況を報告する'}</h3>
        <p class="hint" id="report-hint">
          今期は${data.periods.current.label}です。すでに報告のある期間に送ると訂正になり、訂正前の報告は履歴に残ります。
          締切済の期間は報告・訂正できません（締切の解除は、事務局が「報告期間」の画面で行います）。
        </p>
        <form novalidate aria-describedby="report-hint" aria-busy=${this.busy ? 'true' : 'false'} @submit=${(e: SubmitEvent) => void this.#onSubmit(e, data)}>
          <div class="field">
            <label for="report-period">報告する期間<span class="required">必須</span></label>
            <select
              id="report-period"
              .value=${live(this.period)}
              aria-describedby=${describe('period', 'period-hint')}
              aria-invalid=${errors.period ? 'true' : 'false'}
              @change=${(e: Event) => this.#choosePeriod((e.target as HTMLSelectElement).value, data)}
            >
              <option value="" ?selected=${this.period === ''}>期間を選んでください</option>
              ${choices.map((c) => this.#periodOption(c))}
            </select>
            <p class="hint" id="period-hint">${this.#periodHint(chosen)}</p>
            ${fieldError('period')}
          </div>
          <fieldset
            class="field statuses"
            role="radiogroup"
            aria-labelledby="status-legend"
            aria-required="true"
            aria-describedby=${errors.status ? 'status-error' : nothing}
            aria-invalid=${errors.status ? 'true' : 'false'}
          >
            <legend id="status-legend">取組状況<span class="required">必須</span></legend>
            ${PROGRESS_STATUSES.map(
              (s) => html`<label class="radio">
                <input type="radio" name="status" value=${s} .checked=${this.status === s} @change=${() => this.#edited('status', s)} />
                <span><strong>${PROGRESS_STATUS_LABELS[s]}</strong><span class="radio-hint">${STATUS_HINTS[s]}</span></span>
              </label>`,
            )}
            ${fieldError('status')}
          </fieldset>
          <div class="field">
            <label for="report-note">取組の内容・補足</label>
            <p class="hint" id="note-hint">この期間に行ったこと、遅れている理由などを書いてください（任意）。</p>
            <textarea
              id="report-note"
              rows="4"
              .value=${this.note}
              aria-describedby=${describe('note', 'note-hint')}
              aria-invalid=${errors.note ? 'true' : 'false'}
              @input=${(e: Event) => this.#edited('note', (e.target as HTMLTextAreaElement).value)}
            ></textarea>
            ${fieldError('note')}
          </div>
          <div class="field">
            <label for="report-evidence">根拠資料のURL</label>
            <p class="hint" id="evidence-hint">公表資料などへのリンク（http または https、任意）。</p>
            <input
              id="report-evidence"
              type="url"
              inputmode="url"
              autocomplete="url"
              .value=${this.evidenceUrl}
              aria-describedby=${describe('evidenceUrl', 'evidence-hint')}
              aria-invalid=${errors.evidenceUrl ? 'true' : 'false'}
              @input=${(e: Event) => this.#edited('evidenceUrl', (e.target as HTMLInputElement).value)}
            />
            ${fieldError('evidenceUrl')}
          </div>
          ${this.formError ? formErrorView(this.formError as SplitError<string>, 'report-error') : nothing}
          <div class="actions">
            <button type="submit" id="report-submit" ?disabled=${this.busy}>${correcting ? '訂正する' : '報告する'}</button>
          </div>
        </form>
      </div>
    `;
  }

  /** Why the form is not offered on this opinion, in the words a department needs. */
  #whyNotReportable(data: PanelData): string {
    const response = data.opinion?.response;
    if (!response) return '対応方針がまだないため、取組状況は報告できません。先に対応方針を作成してください。';
    if (data.opinion?.reportable === false && (response.state === 'approved' || response.state === 'published'))
      return '同趣旨の意見として整理されているため、取組状況は元の意見で報告してください。';
    return '対応方針が承認されると、取組状況を報告できます（下書き・提出中の対応方針には報告できません）。';
  }

  #content(data: PanelData): TemplateResult {
    return html`
      ${data.opinion ? this.#opinionFacts(data.opinion) : nothing}
      ${this.#timeline(data)}
      ${this.canReport
        ? this.#mayReport(data)
          ? this.#form(data)
          : html`<p class="muted" data-no-response>${this.#whyNotReportable(data)}</p>`
        : nothing}
      <p class="notice" role="status" aria-live="polite" data-notice>${this.busy ? '送信しています…' : this.notice}</p>
    `;
  }

  override render(): unknown {
    const data = this.#data.value;
    if (data) return this.#content(data);
    return this.#data.render({
      initial: loadingView,
      pending: loadingView,
      error: (error) => errorView(error),
    });
  }
}

customElements.define('iken-progress-panel', IkenProgressPanel);

declare global {
  interface HTMLElementTagNameMap {
    'iken-progress-panel': IkenProgressPanel;
  }
}
