/**
 * The one error shape of the API (PRODUCT.md):
 * `{"error":{"code":"…","message":"…","details":[{"path":"text","message":"…"}]}}`
 *
 * Every failure — validation, a missing row, a database constraint, a bug —
 * leaves through `toErrorResponse`, so no stack trace ever reaches a client.
 */
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { z, type ZodError } from 'zod';

export const ERROR_STATUS = {
  validation_failed: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  precondition_failed: 412,
  payload_too_large: 413,
  unsupported_media_type: 415,
  precondition_required: 428,
  rate_limited: 429,
  internal: 500,
  search_unavailable: 503,
} as const satisfies Record<string, ContentfulStatusCode>;

export type ErrorCode = keyof typeof ERROR_STATUS;

export interface ErrorDetail {
  path: string;
  message: string;
}

/** An error meant for the client: its code, a Japanese message, and per-field details. */
export class ApiError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: ErrorDetail[] = [],
  ) {
    super(message);
  }

  get status(): ContentfulStatusCode {
    return ERROR_STATUS[this.code];
  }
}

/** 429: too many attempts; the answer says (and its Retry-After header tells programs) how long to wait. */
export class RateLimited extends ApiError {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super('rate_limited', message);
  }
}

/** 404 for a row that does not exist. `what` names it in Japanese: 意見, 会議 … */
export function notFound(what: string, id: number | string): ApiError {
  return new ApiError('not_found', `${what}（ID: ${id}）は見つかりません。`);
}

/**
 * The row read back after a write, or 404 when it vanished in between
 * (another request deleted it).
 */
export function found<T>(value: T | undefined, what: string, id: number): T {
  if (value === undefined) throw notFound(what, id);
  return value;
}

/** 400 for a reference to a row that does not exist. */
export function danglingReference(path: string, what: string, id: number): ApiError {
  const message = `${what}（ID: ${id}）は存在しません。`;
  return new ApiError('validation_failed', '入力内容に誤りがあります。', [{ path, message }]);
}

/** 400 with one field's message. */
export function invalidField(path: string, message: string): ApiError {
  return new ApiError('validation_failed', '入力内容に誤りがあります。', [{ path, message }]);
}

export function errorBody(code: ErrorCode, message: string, details: ErrorDetail[] = []) {
  return { error: { code, message, details } };
}

/** Zod issues as the API's details. */
export function zodDetails(error: ZodError): ErrorDetail[] {
  return error.issues.map((issue) => ({
    path: issue.path.map(String).join('.') || '(body)',
    message: issue.message,
  }));
}

/**
 * The shared validation hook of every route (OpenAPIHono's defaultHook):
 * a failed parse becomes a 400 in the error shape.
 */
export function validationHook(
  result: { success: true } | { success: false; error: ZodError },
  c: Context,
): Response | undefined {
  if (result.success) return undefined;
  return c.json(errorBody('validation_failed', '入力内容に誤りがあります。', zodDetails(result.error)), 400);
}

/** Messages for what Hono itself rejects before our handlers run. */
function fromHttpException(error: HTTPException): ApiError {
  switch (error.status) {
    case 400:
      return new ApiError('validation_failed', 'リクエストの本文を読み取れません。JSONの形式を確認してください。');
    case 413:
      return new ApiError('payload_too_large', 'リクエストが大きすぎます。');
    case 415:
      return new ApiError('unsupported_media_type', 'Content-Type は application/json を指定してください。');
    case 401:
      return new ApiError('unauthorized', 'ログインが必要です。');
    case 403:
      return new ApiError('forbidden', 'この操作を行う権限がありません。');
    case 404:
      return new ApiError('not_found', '指定されたものは見つかりません。');
    default:
      return new ApiError('internal', 'サーバー内部でエラーが発生しました。');
  }
}

/** Database constraint failures that slipped past validation (usually a race). */
function fromDatabaseError(message: string): ApiError | null {
  if (/batch_guard_failed|write conflict/.test(message))
    return new ApiError('conflict', '他の操作と重なったため保存できませんでした。画面を更新して再度お試しください。');
  if (/FOREIGN KEY constraint failed/.test(message))
    return new ApiError('conflict', '参照先のデータが見つからないため保存できませんでした。画面を更新して再度お試しください。');
  if (/UNIQUE constraint failed/.test(message))
    return new ApiError('conflict', '同じ内容のデータが既に登録されています。');
  if (/CHECK constraint failed|NOT NULL constraint failed/.test(message))
    return new ApiError('validation_failed', '入力内容に誤りがあります。');
  if (/SQLITE_BUSY|database is locked/.test(message))
    return new ApiError('conflict', '他の処理と重なったため保存できませんでした。もう一度お試しください。');
  return null;
}

/** Turns anything thrown into the API's error response. */
export function toErrorResponse(error: unknown, c: Context): Response {
  let apiError: ApiError;
  if (error instanceof ApiError) apiError = error;
  else if (error instanceof HTTPException) apiError = fromHttpException(error);
  else if (error instanceof z.ZodError) apiError = new ApiError('validation_failed', '入力内容に誤りがあります。', zodDetails(error));
  else if (error instanceof RangeError && /call stack/i.test(error.message))
    apiError = new ApiError('validation_failed', '入れ子が深すぎるため読み取れません。');
  else {
    const message = error instanceof Error ? error.message : String(error);
    apiError = fromDatabaseError(message) ?? new ApiError('internal', 'サーバー内部でエラーが発生しました。');
    if (apiError.code === 'internal') console.error('[internal error]', c.req.method, c.req.path, error);
  }
  const headers = apiError instanceof RateLimited ? { 'Retry-After': String(apiError.retryAfterSeconds) } : undefined;
  return c.json(errorBody(apiError.code, apiError.message, apiError.details), apiError.status, headers);
}
