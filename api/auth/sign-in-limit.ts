/**
 * Failed sign-ins are limited per address and per client, so that nobody can
 * guess passwords at speed. Each attempt is counted *before* the password is
 * checked, in one statement, so that attempts sent at the same moment cannot
 * all slip under the limit; a successful sign-in then takes its attempt back
 * (and clears the address's count). Counts live in the database
 * (`db/rate-limits.ts`), shared by every process.
 */
import type { Kysely } from 'kysely';
import { clearHits, countHit, secondsLeft, takeBackHit } from '../../db/rate-limits.js';
import type { Database } from '../../db/schema.js';
import { normalizeEmail } from '../../db/users.js';

export const SIGN_IN_WINDOW_MS = 15 * 60 * 1000;
/** Failed attempts allowed per e-mail address in a window. */
export const MAX_FAILURES_PER_EMAIL = 5;
/** Failed attempts allowed per client (network address) in a window. */
export const MAX_FAILURES_PER_CLIENT = 20;

const emailKey = (email: string) => `sign-in:email:${normalizeEmail(email)}`;
const clientKey = (client: string) => `sign-in:client:${client}`;

/**
 * Counts a sign-in attempt. Returns the seconds to wait when the address or
 * the client is over its limit (the attempt must then be refused), else null.
 */
export async function countSignInAttempt(db: Kysely<Database>, email: string, client: string): Promise<number | null> {
  const byEmail = await countHit(db, emailKey(email), SIGN_IN_WINDOW_MS);
  const byClient = await countHit(db, clientKey(client), SIGN_IN_WINDOW_MS);
  return byEmail > MAX_FAILURES_PER_EMAIL || byClient > MAX_FAILURES_PER_CLIENT ? secondsLeft(SIGN_IN_WINDOW_MS) : null;
}

/** A successful sign-in: the address starts afresh, and the client's attempt did not fail. */
export async function recordSignInSuccess(db: Kysely<Database>, email: string, client: string): Promise<void> {
  await clearHits(db, emailKey(email));
  await takeBackHit(db, clientKey(client));
}
