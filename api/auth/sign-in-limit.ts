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
/**
 * Failed attempts allowed for one address from one client in a window. Per
 * client, so that somebody typing a colleague's address from elsewhere
 * cannot lock the colleague out.
 */
export const MAX_FAILURES_PER_EMAIL = 5;
/** Failed attempts allowed for one address from all clients together: guessing spread over many machines. */
export const MAX_FAILURES_PER_EMAIL_EVERYWHERE = 50;
/** Failed attempts allowed per client (network address) in a window, whatever the addresses. */
export const MAX_FAILURES_PER_CLIENT = 20;

const emailKey = (email: string, client: string) => `sign-in:email:${normalizeEmail(email)}:${client}`;
const emailEverywhereKey = (email: string) => `sign-in:email:${normalizeEmail(email)}`;
const clientKey = (client: string) => `sign-in:client:${client}`;

/**
 * Counts a sign-in attempt. Returns the seconds to wait when the address or
 * the client is over its limit (the attempt must then be refused), else null.
 */
export async function countSignInAttempt(db: Kysely<Database>, email: string, client: string): Promise<number | null> {
  const byEmail = await countHit(db, emailKey(email, client), SIGN_IN_WINDOW_MS);
  const byEmailEverywhere = await countHit(db, emailEverywhereKey(email), SIGN_IN_WINDOW_MS);
  const byClient = await countHit(db, clientKey(client), SIGN_IN_WINDOW_MS);
  const over = byEmail > MAX_FAILURES_PER_EMAIL || byEmailEverywhere > MAX_FAILURES_PER_EMAIL_EVERYWHERE || byClient > MAX_FAILURES_PER_CLIENT;
  return over ? secondsLeft(SIGN_IN_WINDOW_MS) : null;
}

/** A successful sign-in: the address starts afresh from this client, and the attempt did not fail. */
export async function recordSignInSuccess(db: Kysely<Database>, email: string, client: string): Promise<void> {
  await clearHits(db, emailKey(email, client));
  await takeBackHit(db, emailEverywhereKey(email));
  await takeBackHit(db, clientKey(client));
}
