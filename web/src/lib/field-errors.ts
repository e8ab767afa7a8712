/**
 * Splits a refused form's API error into messages for the form's own fields
 * (shown by each field, tied with aria-describedby) and the rest (shown with
 * the form's alert), so nothing the API said is lost and nothing is said twice.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { ApiError, type ApiErrorDetail } from '../api/api-client.js';
import { detailPlace, errorMessage } from './status-views.js';

export interface SplitError<F extends string> {
  /** The first message the API gave for each of the form's fields. */
  fields: Partial<Record<F, string>>;
  /** The error's own message (Japanese, as the API wrote it). */
  message: string;
  /** Details about anything else. */
  others: ApiErrorDetail[];
}

export function splitApiError<F extends string>(error: unknown, fields: readonly F[]): SplitError<F> {
  const result: SplitError<F> = { fields: {}, message: errorMessage(error), others: [] };
  if (!(error instanceof ApiError)) return result;
  for (const detail of error.details) {
    const field = fields.find((f) => f === detail.path);
    if (field && !result.fields[field]) result.fields[field] = detail.message;
    else if (!field) result.others.push(detail);
  }
  return result;
}

/**
 * The form's alert: the API's message, any details not shown by a field,
 * and a pointer to the fields when some are marked. `id` lets the form move
 * focus here.
 */
export function formErrorView(split: SplitError<string>, id: string): TemplateResult {
  const marked = Object.keys(split.fields).length;
  return html`<div class="error" role="alert" id=${id} tabindex="-1">
    <p>${split.message}</p>
    ${split.others.length
      ? html`<ul class="error-details">
          ${split.others.map((d) => html`<li>${d.path ? html`<span class="error-place">${detailPlace(d.path)}</span>` : nothing}${d.message}</li>`)}
        </ul>`
      : nothing}
    ${marked ? html`<p class="error-next">印のついた項目（${marked}か所）を確認してください。</p>` : nothing}
  </div>`;
}

/**
 * The field messages after `field` was edited: its message goes as soon as
 * the field is no longer wrong (`current` is a fresh validation of the
 * form); the others stay until their own fields change. The same object when
 * nothing changes, so that Lit does not re-render for nothing.
 */
export function withoutFixedError<F extends string>(errors: Partial<Record<F, string>>, field: F, current: Partial<Record<F, string>>): Partial<Record<F, string>> {
  if (!errors[field] || current[field]) return errors;
  const { [field]: _fixed, ...rest } = errors;
  return rest as Partial<Record<F, string>>;
}
