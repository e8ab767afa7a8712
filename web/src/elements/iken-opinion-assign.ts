/**
 * 担当課・対応期限 (the secretariat's form on an opinion's page): picks the
 * department that answers the opinion and the date it is due, and saves them
 * with PATCH /api/opinions/{id}. The API's refusals are shown by their field.
 * Once saved, it sends `iken-opinion-updated` with the opinion as it is now.
 */
import { Task } from '@lit/task';
import { html, LitElement, nothing, type TemplateResult } from 'lit';
import { consumeApi, requireApi, type ApiHandle } from '../api/api-context.js';
import type { Department, Opinion } from '../api/types.js';
import { opinionUpdatedEvent } from '../events.js';
import { formatDepartment } from '../lib/format.js';
import { formErrorView, splitApiError, type SplitError } from '../lib/field-errors.js';
import { formStyles } from '../styles/form.styles.js';
import { sharedStyles } from '../styles/shared.styles.js';
import { opinionAssignStyles } from './iken-opinion-assign.styles.js';

const FIELDS = ['departmentId', 'dueOn'] as const;
type Field = (typeof FIELDS)[number];

export class IkenOpinionAssign extends LitElement {
  static override styles = [sharedStyles, formStyles, opinionAssignStyles];

  static override properties = {
    opinion: { attribute: false },
    departmentValue: { state: true },
    dueValue: { state: true },
    busy: { state: true },
    notice: { state: true },
    failure: { state: true },
  };

  /** The opinion whose assignment is edited. */
  declare opinion: Opinion | null;
  /** The select's value: a department id, or '' for 未設定. */
  declare departmentValue: string;
  /** The date input's value (ISO, or '' for none). */
  declare dueValue: string;
  declare busy: boolean;
  declare notice: string;
  /** The last refusal, split by field. */
  declare failure: SplitError<Field> | null;

  readonly #api: ApiHandle;
  readonly #departments: Task<[unknown], Department[]>;
  /** The opinion the inputs were last filled from. */
  #filledFrom: Opinion | null = null;

  constructor() {
    super();
    this.opinion = null;
    this.departmentValue = '';
    this.dueValue = '';
    this.busy = false;
    this.notice = '';
    this.failure = null;
    this.#api = consumeApi(this);
    this.#departments = new Task(this, {
      task: async (_args, { signal }) => requireApi(this.#api).listDepartments(signal),
      args: () => [this.#api.value],
    });
  }

  override willUpdate(): void {
    // A new opinion (first load, or reloaded after a save) fills the inputs afresh.
    if (this.opinion && this.opinion !== this.#filledFrom) {
      this.#filledFrom = this.opinion;
      this.departmentValue = this.opinion.departmentId === null ? '' : String(this.opinion.departmentId);
      this.dueValue = this.opinion.dueOn ?? '';
    }
  }

  async #onSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const opinion = this.opinion;
    if (!opinion || this.busy) return;
    this.busy = true;
    this.notice = '';
    this.failure = null;
    try {
      const updated = await requireApi(this.#api).updateOpinion(opinion.id, {
        departmentId: this.departmentValue ? Number(this.departmentValue) : null,
        dueOn: this.dueValue || null,
      });
      this.notice = '担当課と対応期限を保存しました。';
      this.dispatchEvent(opinionUpdatedEvent(updated));
    } catch (error) {
      this.failure = splitApiError(error, FIELDS);
    } finally {
      this.busy = false;
    }
    await this.updateComplete;
    const field = this.failure ? FIELDS.find((f) => this.failure?.fields[f]) : undefined;
    const target = field ? `#assign-${field}` : this.failure ? '#assign-error' : '#assign-save';
    this.renderRoot.querySelector<HTMLElement>(target)?.focus();
  }

  #fieldError(field: Field): TemplateResult | typeof nothing {
    const message = this.failure?.fields[field];
    return message ? html`<p class="field-error" id="assign-${field}-error">${message}</p>` : nothing;
  }

  #describedBy(field: Field, hint?: string): string {
    return [hint, this.failure?.fields[field] ? `assign-${field}-error` : ''].filter(Boolean).join(' ');
  }

  override render(): TemplateResult {
    const departments = this.#departments.value ?? [];
    const invalid = (field: Field) => (this.failure?.fields[field] ? 'true' : 'false');
    return html`
      ${this.failure ? formErrorView(this.failure, 'assign-error') : nothing}
      <form novalidate aria-busy=${this.busy ? 'true' : 'false'} @submit=${(e: SubmitEvent) => void this.#onSubmit(e)}>
        <div class="row">
          <div class="field">
            <label for="assign-departmentId">担当課</label>
            <select
              id="assign-departmentId"
              .value=${this.departmentValue}
              aria-describedby=${this.#describedBy('departmentId')}
              aria-invalid=${invalid('departmentId')}
              @change=${(e: Event) => (this.departmentValue = (e.target as HTMLSelectElement).value)}
            >
              <option value="" ?selected=${this.departmentValue === ''}>未設定</option>
              ${departments.map(
                (d) => html`<option value=${String(d.id)} ?selected=${this.departmentValue === String(d.id)}>${formatDepartment(d)}</option>`,
              )}
            </select>
            ${this.#fieldError('departmentId')}
          </div>
          <div class="field">
            <label for="assign-dueOn">対応期限</label>
            <p class="hint" id="assign-due-hint">空欄にすると期限なしになります。</p>
            <input
              id="assign-dueOn"
              type="date"
              .value=${this.dueValue}
              aria-describedby=${this.#describedBy('dueOn', 'assign-due-hint')}
              aria-invalid=${invalid('dueOn')}
              @input=${(e: Event) => (this.dueValue = (e.target as HTMLInputElement).value)}
            />
            ${this.#fieldError('dueOn')}
          </div>
        </div>
        <div class="actions">
          <button type="submit" id="assign-save" ?disabled=${this.busy}>担当課と期限を保存</button>
          <p class="notice" role="status" aria-live="polite" data-assign-notice>${this.busy ? '保存しています…' : this.notice}</p>
        </div>
      </form>
    `;
  }
}

customElements.define('iken-opinion-assign', IkenOpinionAssign);

declare global {
  interface HTMLElementTagNameMap {
    'iken-opinion-assign': IkenOpinionAssign;
  }
}
