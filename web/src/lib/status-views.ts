/**
 * The loading and error states every page shows while it talks to the API.
 */
import { TaskStatus } from '@lit/task';
import { html, type TemplateResult } from 'lit';
import { ApiError } from '../api/api-client.js';

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

/** An alert with the error message, and an optional way onwards. */
export function errorView(error: unknown, next: TemplateResult | string = ''): TemplateResult {
  return html`<div class="error" role="alert"><p>${errorMessage(error)}</p>${next}</div>`;
}
