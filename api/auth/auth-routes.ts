/**
 * /api/auth/*: better-auth's own endpoints (sign-in, sign-out, session),
 * wrapped so that failed sign-ins are rate limited and every error leaves in
 * the API's error shape with a Japanese message.
 */
import { createRoute, z } from '@hono/zod-openapi';
import type { Context, Hono } from 'hono';
import { errorResponses, jsonBody, jsonContent } from '../lib/schemas.js';
import type { AppEnv } from '../lib/app-env.js';
import { ERROR_STATUS, errorBody, RateLimited, type ErrorCode } from '../lib/errors.js';
import type { Auth } from './auth.js';
import { countSignInAttempt, recordSignInSuccess } from './sign-in-limit.js';

/** better-auth's error codes, in the words a city's staff would read. */
const MESSAGES: Record<string, { code: ErrorCode; message: string }> = {
  INVALID_EMAIL_OR_PASSWORD: { code: 'unauthorized', message: 'メールアドレスまたはパスワードが正しくありません。' },
  FAILED_TO_CREATE_SESSION: { code: 'forbidden', message: 'このアカウントは利用停止中です。事務局にお問い合わせください。' },
  INVALID_EMAIL: { code: 'validation_failed', message: 'メールアドレスの形式が正しくありません。' },
  PASSWORD_TOO_SHORT: { code: 'validation_failed', message: 'パスワードが短すぎます。' },
  PASSWORD_TOO_LONG: { code: 'validation_failed', message: 'パスワードが長すぎます。' },
  EMAIL_PASSWORD_SIGN_UP_DISABLED: { code: 'forbidden', message: 'アカウントは事務局が作成します。' },
  INVALID_ORIGIN: { code: 'forbidden', message: '別のサイトからのサインインは受け付けていません。' },
  MISSING_OR_NULL_ORIGIN: { code: 'forbidden', message: 'このサービスの画面からサインインしてください。' },
};

const STATUS_CODES: Record<number, ErrorCode> = {
  400: 'validation_failed',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  429: 'rate_limited',
};

/** Rewrites one of better-auth's error answers into ours, keeping its headers (cookies). */
async function inOurShape(res: Response): Promise<Response> {
  if (res.status < 400) return res;
  let upstream: { code?: string; message?: string } = {};
  try {
    upstream = (await res.clone().json()) as typeof upstream;
  } catch {
    // Not JSON: the status says enough.
  }
  const known = upstream.code ? MESSAGES[upstream.code] : undefined;
  const code = known?.code ?? STATUS_CODES[res.status] ?? 'internal';
  const message = known?.message ?? (res.status === 404 ? 'この認証APIはありません。' : '認証の処理でエラーが発生しました。入力内容を確認してください。');
  const headers = new Headers(res.headers);
  headers.set('content-type', 'application/json; charset=utf-8');
  headers.delete('content-length');
  // A known code brings its own status (a deactivated account is 403, not better-auth's 401).
  return new Response(JSON.stringify(errorBody(code, message)), { status: known ? ERROR_STATUS[code] : res.status, headers });
}

async function signInEmail(c: Context<AppEnv>, auth: Auth, client: string): Promise<Response> {
  // JSON only: the address counted below must be the one better-auth checks (it would also read a form).
  if (!/^application\/json\s*(;|$)/i.test(c.req.header('content-type') ?? ''))
    return c.json(errorBody('unsupported_media_type', 'Content-Type は application/json を指定してください。'), 415);
  let email = '';
  try {
    const body = (await c.req.raw.clone().json()) as { email?: unknown };
    if (typeof body.email === 'string') email = body.email.slice(0, 320);
  } catch {
    // better-auth answers a malformed body itself (the attempt still counts).
  }
  const db = c.var.store.db;
  const wait = await countSignInAttempt(db, email, client);
  if (wait !== null)
    throw new RateLimited(`サインインの失敗が続いたため、しばらく受け付けません。約${Math.ceil(wait / 60)}分後にもう一度お試しください。`, wait);
  const res = await auth.handler(c.req.raw);
  if (res.ok) await recordSignInSuccess(db, email, client);
  return inOurShape(res);
}

/**
 * The better-auth endpoints this service uses. The others (changing one's
 * e-mail or name, password resets by mail, deleting oneself …) would bypass
 * the secretariat's account management and the audit log, so they are not
 * reachable.
 */
const OPEN_ENDPOINTS = new Set(['POST /api/auth/sign-in/email', 'POST /api/auth/sign-out', 'GET /api/auth/get-session']);

/** Mounts better-auth on `app`. `clientOf` names the caller's network address (for the limit). */
export function mountAuth(app: Hono<AppEnv>, auth: Auth, clientOf: (c: Context<AppEnv>) => string): void {
  app.on(['GET', 'POST'], '/api/auth/*', async (c) => {
    const endpoint = `${c.req.method} ${c.req.path}`;
    if (!OPEN_ENDPOINTS.has(endpoint)) return c.json(errorBody('not_found', `${endpoint} というAPIはありません。`), 404);
    if (endpoint === 'POST /api/auth/sign-in/email') return signInEmail(c, auth, clientOf(c));
    return inOurShape(await auth.handler(c.req.raw));
  });
}

const SignInSchema = z
  .object({
    email: z.string().openapi({ example: 'jimukyoku@city.example.jp' }),
    password: z.string().openapi({ example: 'correct-horse-battery' }),
  })
  .openapi('SignIn', { description: 'サインイン（メールアドレスとパスワード）' });

const SignedInSchema = z
  .object({
    token: z.string(),
    user: z.object({ id: z.string(), email: z.string(), name: z.string(), role: z.string(), departmentId: z.number().int().nullable() }).passthrough(),
  })
  .openapi('SignedIn', {
    description: 'サインインした人。セッションは Set-Cookie（HttpOnly）で渡される',
    example: { token: '（セッションの識別子）', user: { id: '2', email: 'kikaku@city.example.jp', name: '経営企画課 担当', role: 'department', departmentId: 1 } },
  });

/** For the OpenAPI document: the two better-auth endpoints a client needs (the rest are better-auth's own). */
export const signInRoute = createRoute({
  method: 'post',
  path: '/api/auth/sign-in/email',
  tags: ['users'],
  summary: 'サインインする（セッション Cookie を受け取る）',
  description: '失敗が続くと、メールアドレスごと・接続元ごとに一定時間 429 を返します。利用停止中のアカウントは 403。',
  request: { body: jsonBody(SignInSchema, 'メールアドレスとパスワード') },
  responses: {
    200: jsonContent(SignedInSchema, 'サインインした人'),
    ...errorResponses(400, 401, 403, 429),
  },
});

export const signOutRoute = createRoute({
  method: 'post',
  path: '/api/auth/sign-out',
  tags: ['users'],
  summary: 'サインアウトする',
  responses: { 200: jsonContent(z.object({ success: z.boolean() }).openapi('SignedOut', { description: 'サインアウトした', example: { success: true } }), 'サインアウトした') },
});
