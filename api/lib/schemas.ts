/**
 * Schema pieces shared by every feature: ids, Japanese dates and fiscal
 * years, periods, text fields, pagination, and the error responses.
 */
import { z } from '@hono/zod-openapi';
import { parseDate, parseFiscalYear, parsePeriod } from './japanese-date.js';
import { codeOf, COMMITMENT_LABELS, PROGRESS_STATUS_LABELS, RESPONSE_STATE_LABELS } from './labels.js';
import { normalizeText } from './text.js';

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
// Control characters other than tab, line feed and carriage return.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/**
 * A text field: not empty, at most `max` characters, no control characters
 * or broken UTF-16. Stored as written apart from white space around it,
 * which is trimmed; never normalised.
 */
export function Text(max: number) {
  return z
    .string()
    .trim()
    .min(1, '入力してください。')
    .max(max, `${max}文字以内で入力してください。`)
    .refine((s) => !CONTROL.test(s), '使用できない制御文字が含まれています。')
    .refine((s) => !LONE_SURROGATE.test(s), '文字化けした文字が含まれています。');
}

/** An optional text that may be cleared with null or an empty (or blank) string. */
export function OptionalText(max: number) {
  return z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? null : v), Text(max).nullable()).optional();
}


/**
 * An integer id in a path or query: decimal digits only (full-width digits
 * allowed), so "0x1", " 1" or "1e3" are refused rather than read as another id.
 */
/** An id as written in a path or query (full-width digits allowed), or null when it is not one. */
export function parseId(text: string): number | null {
  const digits = normalizeText(text);
  const id = /^[1-9]\d{0,15}$/.test(digits) ? Number(digits) : NaN;
  return Number.isSafeInteger(id) ? id : null;
}

export const IdParam = z
  .string()
  .transform((text, ctx) => {
    const id = parseId(text);
    if (id === null) {
      ctx.addIssue({ code: 'custom', message: 'IDは正の整数で指定してください。' });
      return z.NEVER;
    }
    return id;
  })
  .openapi({ param: { in: 'path' }, example: '1', type: 'integer' });

export const IdParams = z.object({ id: IdParam.openapi({ param: { name: 'id', in: 'path' } }) });

/** An integer id in a body. */
export const Id = z
  .number({ error: (issue) => (issue.input === undefined ? '必須項目です。' : '正の整数で指定してください。') })
  .int('正の整数で指定してください。')
  .positive('正の整数で指定してください。')
  .max(Number.MAX_SAFE_INTEGER, 'IDが大きすぎます。')
  .openapi({ type: 'integer', example: 1 });

/** A calendar date in 西暦 or 和暦 on input, ISO "YYYY-MM-DD" in the API's answers. */
export const JpDate = z
  .string({ error: (issue) => (issue.input === undefined ? '必須項目です。' : '日付は文字列で指定してください（例: 2024-04-01、令和6年4月1日）。') })
  .max(40, '日付が長すぎます。')
  .transform((text, ctx) => {
    const date = parseDate(text);
    if (date === null) {
      ctx.addIssue({ code: 'custom', message: `「${text}」は日付として読み取れないか、存在しない日付です（例: 2024-04-01、令和6年4月1日）。` });
      return z.NEVER;
    }
    return date;
  })
  .openapi({
    type: 'string',
    description: '日付。西暦（2024-04-01, 2024/4/1）または和暦（令和6年4月1日, R6.4.1）。応答では ISO 形式。',
    example: '2024-04-01',
  });

/** A fiscal year (年度): 2021, "2021", "令和3年度", "R3". */
export const FiscalYearInput = z
  .union([z.number(), z.string().max(20, '年度が長すぎます。')])
  .transform((value, ctx) => {
    const year = parseFiscalYear(value);
    if (year === null) {
      ctx.addIssue({ code: 'custom', message: '年度として読み取れません（例: 2024、令和6年度）。' });
      return z.NEVER;
    }
    return year;
  })
  .openapi({
    description: '年度（4月始まり）。西暦の数値 2024 または "令和6年度" のような和暦。',
    example: 2024,
  });

/** A reporting period: "2021" (年度), "2021H1" (上半期), "2021H2" (下半期), or 和暦 such as 令和3年度上半期. */
export const PeriodInput = z
  .union([z.number(), z.string().max(30, '期間が長すぎます。')], { error: '期間を指定してください（例: 2021H1、令和3年度上半期、2021）。' })
  .transform((value, ctx) => {
    const period = parsePeriod(value);
    if (period === null) {
      ctx.addIssue({ code: 'custom', message: '期間として読み取れません（例: 2021H1、令和3年度上半期、2021）。' });
      return z.NEVER;
    }
    return period;
  })
  .openapi({ description: '期間。"2021"（年度）、"2021H1"（上半期）、"2021H2"（下半期）、または和暦。', example: '2021H1' });

/**
 * An enum whose values may also be given by their Japanese label (概ね順調 →
 * on_track), as staff read them in documents; answers always use the code.
 */
function labelledEnum<const T extends readonly [string, ...string[]]>(codes: T, labels: Record<T[number], string>) {
  return z.preprocess((v) => {
    if (typeof v !== 'string') return v;
    const text = normalizeText(v).trim();
    return codeOf(labels, text) ?? text;
  }, z.enum(codes));
}

export { COMMITMENT_LABELS, PROGRESS_STATUS_LABELS, RESPONSE_STATE_LABELS };

export const ProgressStatusSchema = labelledEnum(['done', 'on_track', 'delayed', 'not_started', 'suspended'], PROGRESS_STATUS_LABELS)
  .openapi('ProgressStatus', {
    description: '取組状況: done 済, on_track 概ね順調, delayed 遅れ, not_started 未着手, suspended 休止（日本語の表記でも受け付ける）',
    example: 'on_track',
  });

export const CommitmentSchema = labelledEnum(['implement', 'continue', 'consider', 'difficult', 'explain'], COMMITMENT_LABELS)
  .openapi('Commitment', {
    description: '対応方針の約束の種類: implement 実施, continue 継続, consider 検討, difficult 困難, explain 説明（日本語の表記でも受け付ける）',
    example: 'consider',
  });

export const ResponseStateSchema = labelledEnum(['draft', 'submitted', 'returned', 'approved', 'published'], RESPONSE_STATE_LABELS)
  .openapi('ResponseState', {
    description: '対応方針の状態: draft 下書き, submitted 提出済, returned 差戻し, approved 承認済, published 公開（日本語の表記でも受け付ける）',
    example: 'published',
  });

/** `?limit=` for lists. */
export const Limit = z.coerce
  .number({ error: '件数は1から200の整数で指定してください。' })
  .int('件数は1から200の整数で指定してください。')
  .min(1, '件数は1から200の整数で指定してください。')
  .max(200, '件数は1から200の整数で指定してください。')
  .default(50)
  .openapi({ type: 'integer', example: 50, description: '1ページの件数（1〜200、既定50）' });

export const ErrorSchema = z
  .object({
    error: z.object({
      code: z
        .enum([
          'validation_failed',
          'unauthorized',
          'forbidden',
          'not_found',
          'conflict',
          'precondition_failed',
          'payload_too_large',
          'unsupported_media_type',
          'precondition_required',
          'rate_limited',
          'internal',
          'search_unavailable',
        ])
        .openapi({ example: 'validation_failed' }),
      message: z.string().openapi({ example: '入力内容に誤りがあります。' }),
      details: z
        .array(z.object({ path: z.string(), message: z.string() }))
        .openapi({ example: [{ path: 'text', message: '入力してください。' }] }),
    }),
  })
  .openapi('Error', {
    description: 'すべてのエラー応答の形',
    example: { error: { code: 'validation_failed', message: '入力内容に誤りがあります。', details: [{ path: 'text', message: '入力してください。' }] } },
  });

const errorDescriptions = {
  400: ['入力内容の誤り（validation_failed）', 'validation_failed', '入力内容に誤りがあります。', [{ path: 'text', message: '入力してください。' }]],
  401: ['サインインしていない（unauthorized）', 'unauthorized', 'この操作にはサインインが必要です。', []],
  403: ['権限がない（forbidden）', 'forbidden', '対応方針の承認・差戻し・公開は事務局が行います。', []],
  404: ['見つからない（not_found）', 'not_found', '意見（ID: 42）は見つかりません。', []],
  409: ['状態や他のデータと矛盾する（conflict）', 'conflict', 'この会議には既に3番の意見があります。', [{ path: 'seq', message: '番号が重複しています。' }]],
  412: ['If-Match が古い（precondition_failed）', 'precondition_failed', '対応方針は他の人によって更新されています（現在の版: 3）。最新の内容を確認してから保存してください。', []],
  413: ['本文が大きすぎる（payload_too_large）', 'payload_too_large', 'リクエストが大きすぎます（上限 2048 KB）。', []],
  415: ['JSON 以外の本文（unsupported_media_type）', 'unsupported_media_type', 'Content-Type は application/json を指定してください。', []],
  429: ['回数制限（rate_limited）', 'rate_limited', '短時間に多くの送信がありました。しばらくしてからもう一度お試しください。', []],
  428: ['If-Match がない（precondition_required）', 'precondition_required', '対応方針を更新するには If-Match ヘッダーに現在の版（ETag）を指定してください。', []],
} as const;

/** The error responses a route can give, for its OpenAPI description, each with an example of its own. */
export function errorResponses<S extends keyof typeof errorDescriptions>(...statuses: S[]) {
  return Object.fromEntries(
    statuses.map((s) => {
      const [description, code, message, details] = errorDescriptions[s];
      return [s, { description, content: { 'application/json': { schema: ErrorSchema, example: { error: { code, message, details } } } } }];
    }),
  ) as unknown as { [K in S]: { description: string; content: { 'application/json': { schema: typeof ErrorSchema } } } };
}

/** A JSON request body, required. */
export function jsonBody<T extends z.ZodType>(schema: T, description: string) {
  return { required: true, description, content: { 'application/json': { schema } } } as const;
}

/** A JSON answer. */
export function jsonContent<T extends z.ZodType>(schema: T, description: string) {
  return { description, content: { 'application/json': { schema } } } as const;
}

/** A date that may be cleared with null or an empty string. */
export function OptionalDate() {
  return z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? null : v), JpDate.nullable()).optional();
}
