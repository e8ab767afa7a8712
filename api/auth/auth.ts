/**
 * better-auth, configured for this service: e-mail and password only, no
 * self sign-up (the secretariat creates accounts), sessions in our own
 * database through the app's Kysely instance, so SQLite and D1 alike.
 *
 * better-auth keeps its own model names; they are mapped here onto our
 * snake_case tables (migration 0003) with integer ids.
 */
import { betterAuth } from 'better-auth';
import type { Store } from '../../db/store.js';

export interface AuthOptions {
  /** Signs session cookies; at least 32 characters. */
  secret: string;
  /** Set the `Secure` flag on cookies (everywhere except local development over plain HTTP). */
  secureCookies: boolean;
  /** How long a session lasts, in seconds. */
  sessionSeconds?: number;
  /** The public address behind a reverse proxy; otherwise taken from each request. */
  baseUrl?: string | undefined;
}

/** Eight working hours and then some: a session left open overnight has expired by morning. */
export const DEFAULT_SESSION_SECONDS = 12 * 60 * 60;

const timestamps = { createdAt: 'created_at', updatedAt: 'updated_at' };

export function createAuth(store: Store, options: AuthOptions) {
  const sessionSeconds = options.sessionSeconds ?? DEFAULT_SESSION_SECONDS;
  return betterAuth({
    basePath: '/api/auth',
    ...(options.baseUrl && { baseURL: options.baseUrl, trustedOrigins: [options.baseUrl] }),
    secret: options.secret,
    // No transactions: D1 has none, and every write better-auth makes is a single row.
    database: { db: store.db as never, type: 'sqlite', transaction: false },
    emailAndPassword: { enabled: true, disableSignUp: true, minPasswordLength: 10, maxPasswordLength: 128 },
    // Sign-in failures are limited by our own limiter (api/auth/sign-in-limit.ts), which answers in our error shape.
    rateLimit: { enabled: false },
    telemetry: { enabled: false },
    session: {
      modelName: 'sessions',
      expiresIn: sessionSeconds,
      // Extend a session in use at most once an hour, so reads do not write on every request.
      updateAge: 60 * 60,
      fields: { userId: 'user_id', expiresAt: 'expires_at', ipAddress: 'ip_address', userAgent: 'user_agent', ...timestamps },
    },
    user: {
      modelName: 'users',
      fields: { emailVerified: 'email_verified', ...timestamps },
      additionalFields: {
        role: { type: 'string', required: true, input: false },
        departmentId: { type: 'number', required: false, input: false, fieldName: 'department_id' },
        active: { type: 'boolean', required: false, input: false, defaultValue: true },
      },
    },
    account: {
      modelName: 'accounts',
      fields: {
        accountId: 'account_id',
        providerId: 'provider_id',
        userId: 'user_id',
        accessToken: 'access_token',
        refreshToken: 'refresh_token',
        idToken: 'id_token',
        accessTokenExpiresAt: 'access_token_expires_at',
        refreshTokenExpiresAt: 'refresh_token_expires_at',
        ...timestamps,
      },
    },
    verification: { modelName: 'verifications', fields: { expiresAt: 'expires_at', ...timestamps } },
    databaseHooks: {
      session: {
        create: {
          // A deactivated account keeps its password but may not start a session.
          async before(session) {
            const user = await store.db
              .selectFrom('users')
              .select('active')
              .where('id', '=', Number(session.userId))
              .executeTakeFirst();
            return user?.active === 1 ? { data: session } : false;
          },
        },
      },
    },
    advanced: {
      // better-auth turns its origin check off when it believes it runs under a test runner; the tests
      // must see what production does (a signed-in change without Origin is refused).
      disableOriginCheck: false,
      database: { generateId: 'serial' },
      useSecureCookies: options.secureCookies,
      cookiePrefix: 'iken',
      defaultCookieAttributes: { httpOnly: true, sameSite: 'lax', secure: options.secureCookies, path: '/' },
    },
    logger: { disabled: true },
  });
}

export type Auth = ReturnType<typeof createAuth>;
