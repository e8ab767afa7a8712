/**
 * Failed sign-ins are limited per address and per client, so that nobody can
 * guess passwords at speed. Successful sign-ins clear the address's count.
 * Counts live in the database (`db/rate-limits.ts`), shared by every process.
 */
import type { Kysely } from 'kysely';
import { clearHits, countHit, hitsSoFar, secondsLeft } from '../../db/rate-limits.js';
import type { Database } from '../../db/schema.js';
import { normalizeEmail } from '../../db/users.js';

export const SIGN_IN_WINDOW_MS = 15 * 60 * 1000;
/** Failed attempts allowed per e-mail address in a window. */
export const MAX_FAILURES_PER_EMAIL = 5;
/** Failed attempts allowed per client (network address) in a window. */
export const MAX_FAILURES_PER_CLIENT = 20;

const emailKey = (email: string) => `sign-in:email:${normalizeEmail(email)}`;
const clientKey = (client: string) => `sign-in:client:${client}`;

/** Seconds to wait when the address or the client has failed too often, else null. */
export async function signInBlocked(db: Kysely<Database>, email: string, client: string): Promise<number | null> {
  const [byEmail, byClient] = await Promise.all([
    hitsSoFar(db, emailKey(email), SIGN_IN_WINDOW_MS),
    hitsSoFar(db, clientKey(client), SIGN_IN_WINDOW_MS),
  ]);
  return byEmail >= MAX_FAILURES_PER_EMAIL || byClient >= MAX_FAILURES_PER_CLIENT ? secondsLeft(SIGN_IN_WINDOW_MS) : null;
}

export async function recordSignInFailure(db: Kysely<Database>, email: string, client: string): Promise<void> {
  await countHit(db, emailKey(email), SIGN_IN_WINDOW_MS);
  await countHit(db, clientKey(client), SIGN_IN_WINDOW_MS);
}

export async function recordSignInSuccess(db: Kysely<Database>, email: string): Promise<void> {
  await clearHits(db, emailKey(email));
}
