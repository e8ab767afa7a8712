/**
 * The loading and error states every page shows while it talks to the API.
 */
import { TaskStatus } from '@lit/task';
import { html, type TemplateResult } from 'lit';
import { ApiError, type ApiErrorDetail } from '../api/api-client.js';

/** aria-busy for a region filled by a Task: busy until the first answer arrives. */
export function ariaBusy(task: { status: TaskStatus }): 'true' | 'false' {
  return task.status === TaskStatus.INITIAL || task.status === TaskStatus.PENDING ? 'true' : 'false';
}

/** 「読み込み中…」, announced politely by screen readers. */
export function loadingView(): TemplateResult {
  return html`<p class="status" role="status" aria-live="polite">読み込み中…</p>`;
}

/** The Japanese message to show for a failure: the API's own, or a general one. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  if (error instanceof Error && /[\u3040-\u30ff\u4e00-\u9fff]/.test(error.message)) return error.message;
  return '表示に必要なデータを読み込めませんでした。時間をおいて、もう一度お試しください。';
}

/** Field names the pages know a Japanese name for. */
const FIELD_NAMES: Record<string, string> = {
  file: 'ファイル',
  kind: '資料の種類',
  dryRun: '確認のみ',
  period: '期間',
  planId: '計画',
};

/** Where a detail points, in words: "line 19" → 19行目; known fields by name; others as the API gives them. */
export function detailPlace(path: string): string {
  const line = /^line (\d+)$/.exec(path);
  if (line) return `${line[1]}行目`;
  return FIELD_NAMES[path] ?? path;
}

/** The API's details (which field or line, and what is wrong), when it sent any. */
function detailsView(details: readonly ApiErrorDetail[]): TemplateResult | string {
  if (!details.length) return '';
  return html`<ul class="error-details">
    ${details.map(
      (d) => html`<li>${d.path ? html`<span class="error-place">${detailPlace(d.path)}</span>` : ''}${d.message}</li>`,
    )}
  </ul>`;
}

/** An alert with the error message (and the API's details), and an optional way onwards. */
export function errorView(error: unknown, next: TemplateResult | string = ''): TemplateResult {
  const details = error instanceof ApiError ? detailsView(error.details) : '';
  return html`<div class="error" role="alert"><p>${errorMessage(error)}</p>${details}${next}</div>`;
}
