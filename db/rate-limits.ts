/**
 * Fixed-window counters in the database, so that every server process (and
 * every Worker isolate) counts the same events. Each call is one statement,
 * so it is atomic on SQLite and D1 without a transaction.
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from './schema.js';

/** Start of the window `now` falls in. */
function windowOf(now: number, windowMs: number): number {
  return Math.floor(now / windowMs) * windowMs;
}

/** Counts one event for `key` and returns how many there have been in the current window. */
export async function countHit(db: Kysely<Database>, key: string, windowMs: number, now = Date.now()): Promise<number> {
  const start = windowOf(now, windowMs);
  const { rows } = await sql<{ count: number }>`
    INSERT INTO rate_limits (key, window_start, count) VALUES (${key}, ${start}, 1)
    ON CONFLICT (key) DO UPDATE SET
      count = CASE WHEN window_start = excluded.window_start THEN count + 1 ELSE 1 END,
      window_start = excluded.window_start
    RETURNING count`.execute(db);
  return Number(rows[0]?.count ?? 1);
}

/** Events counted for `key` in the current window, without counting one. */
export async function hitsSoFar(db: Kysely<Database>, key: string, windowMs: number, now = Date.now()): Promise<number> {
  const row = await db.selectFrom('rate_limits').select(['window_start', 'count']).where('key', '=', key).executeTakeFirst();
  return row && row.window_start === windowOf(now, windowMs) ? row.count : 0;
}

/** Seconds until the current window ends (for Retry-After). */
export function secondsLeft(windowMs: number, now = Date.now()): number {
  return Math.max(1, Math.ceil((windowOf(now, windowMs) + windowMs - now) / 1000));
}

/** Takes one counted event back (an attempt that turned out not to count), never below zero. */
export async function takeBackHit(db: Kysely<Database>, key: string): Promise<void> {
  await db.updateTable('rate_limits').set({ count: sql`max(count - 1, 0)` }).where('key', '=', key).execute();
}

export async function clearHits(db: Kysely<Database>, key: string): Promise<void> {
  await db.deleteFrom('rate_limits').where('key', '=', key).execute();
}
