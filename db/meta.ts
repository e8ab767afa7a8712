/** Small facts about the database itself (key → value), such as whether the sample data finished loading. */
import { sql, type Kysely } from 'kysely';
import type { Database } from './schema.js';

export async function getMeta(db: Kysely<Database>, key: string): Promise<string | undefined> {
  return (await db.selectFrom('meta').select('value').where('key', '=', key).executeTakeFirst())?.value;
}

/** Sets one value (a single statement, so atomic on its own). */
export async function setMeta(db: Kysely<Database>, key: string, value: string): Promise<void> {
  await db
    .insertInto('meta')
    .values({ key, value })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
    .execute();
}

/**
 * A lease: `key` held by one process (or Worker instance) until it expires.
 * Returns the holder's token, or null while someone else holds an unexpired
 * lease. One statement, so two claimants cannot both win.
 */
export async function claimLease(db: Kysely<Database>, key: string, ms: number): Promise<string | null> {
  const now = Date.now();
  // The value starts with the expiry time, which SQLite's CAST reads as a number.
  const token = `${now + ms}:${crypto.getRandomValues(new Uint32Array(1))[0]}`;
  const result = await db
    .insertInto('meta')
    .values({ key, value: token })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: token }).where(sql<boolean>`CAST(meta.value AS INTEGER) < ${now}`))
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) === 1 ? token : null;
}

/** Extends a lease still held with `token`; returns the new token, or null when it was lost (expired and taken). */
export async function renewLease(db: Kysely<Database>, key: string, token: string, ms: number): Promise<string | null> {
  const next = `${Date.now() + ms}:${token.split(':')[1]}`;
  const result = await db.updateTable('meta').set({ value: next }).where('key', '=', key).where('value', '=', token).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1 ? next : null;
}

/** Gives a lease back (only if still held with `token`). */
export async function releaseLease(db: Kysely<Database>, key: string, token: string): Promise<void> {
  await db.deleteFrom('meta').where('key', '=', key).where('value', '=', token).execute();
}
