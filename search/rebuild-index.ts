/**
 * Rebuilds the search index from the database: every opinion, plan node and
 * indicator into a fresh index, which then takes the place of the old one in
 * one swap — searches keep answering from the old index until the new one is
 * complete. Used by `npm run reindex` and by the server when it finds an
 * empty index beside a database that has data (a new engine, or a database
 * from before the outbox).
 */
import { sql, type Kysely } from 'kysely';
import { getMeta, setMeta } from '../db/meta.js';
import type { Database } from '../db/schema.js';
import type { EnqueuedTaskPromise, Meilisearch } from 'meilisearch';
import type { Store } from '../db/store.js';
import { applyIndexSettings, INDEX_UID } from './index-settings.js';
import { opinionDocuments } from './opinion-documents.js';
import { indicatorDocuments, nodeDocuments } from './plan-documents.js';

export interface RebuildProgress {
  done: number;
  total: number;
}

export interface RebuildOptions {
  uid?: string;
  /** Documents per request to the engine. */
  batchSize?: number;
  onProgress?: (progress: RebuildProgress) => void;
}

/** Requests the engine may be working on at once: enough to keep it busy, few enough to bound memory. */
const IN_FLIGHT = 4;

type Source = { table: 'opinions' | 'plan_nodes' | 'indicators'; documents: (store: Store, ids: number[]) => Promise<object[]> };

const SOURCES: Source[] = [
  { table: 'opinions', documents: (store, ids) => opinionDocuments(store.db, ids) },
  { table: 'plan_nodes', documents: (store, ids) => nodeDocuments(store.db, ids) },
  { table: 'indicators', documents: (store, ids) => indicatorDocuments(store.db, ids) },
];

/**
 * While a rebuild runs it holds this meta row (the time it last made
 * progress). The worker leaves the outbox alone meanwhile: changes it sent
 * to the old index would be lost in the swap, so they wait and go to the new
 * index after it. A second rebuild (the CLI while the server builds) is
 * refused. A rebuild silent for STALE_MS has died; its row no longer counts.
 */
const REBUILD_KEY = 'search_rebuild';
const STALE_MS = 120_000;

/** Set while the server runs without an engine: the index, wherever it is, misses those changes. */
export const INDEX_STALE_KEY = 'search_index_stale';

export async function rebuildInProgress(db: Kysely<Database>): Promise<boolean> {
  return Date.now() - Number((await getMeta(db, REBUILD_KEY)) ?? 0) < STALE_MS;
}

/** Claims the rebuild in one statement; false when a live rebuild holds it. */
async function claimRebuild(db: Kysely<Database>): Promise<boolean> {
  const now = Date.now();
  const result = await db
    .insertInto('meta')
    .values({ key: REBUILD_KEY, value: String(now) })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: String(now) }).where(sql<boolean>`CAST(meta.value AS INTEGER) < ${now - STALE_MS}`))
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
}

/** True when the database holds something to search but the index holds nothing, or misses changes made without an engine. */
export async function indexNeedsRebuild(store: Store, client: Meilisearch, uid = INDEX_UID): Promise<boolean> {
  if (await getMeta(store.db, INDEX_STALE_KEY)) return true;
  const stats = await client.index(uid).getStats();
  if (stats.numberOfDocuments > 0) return false;
  for (const { table } of SOURCES) if (await store.db.selectFrom(table).select('id').limit(1).executeTakeFirst()) return true;
  return false;
}

/** Rebuilds the index; returns how many documents it holds. Throws when another rebuild is running. */
export async function rebuildIndex(store: Store, client: Meilisearch, options: RebuildOptions = {}): Promise<number> {
  const db = store.db;
  if (!(await claimRebuild(db))) throw new Error('別の索引の作り直しが進行中です。終わってからもう一度実行してください。');
  try {
    return await rebuild(store, client, options);
  } finally {
    await db.deleteFrom('meta').where('key', '=', REBUILD_KEY).execute();
  }
}

async function rebuild(store: Store, client: Meilisearch, options: RebuildOptions): Promise<number> {
  const db = store.db;
  const uid = options.uid ?? INDEX_UID;
  const batchSize = options.batchSize ?? 500;
  // Changes queued before this point are covered by the rebuild; later ones wait (see REBUILD_KEY) and go to the new index.
  const mark = Number((await db.selectFrom('search_outbox').select(sql<number>`coalesce(max(id), 0)`.as('n')).executeTakeFirstOrThrow()).n);

  const staging = `${uid}_rebuild`;
  await client.deleteIndexIfExists(staging);
  await applyIndexSettings(client, { uid: staging });
  let total = 0;
  for (const { table } of SOURCES) total += Number((await db.selectFrom(table).select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow()).n);

  let done = 0;
  options.onProgress?.({ done, total });
  const pending: EnqueuedTaskPromise[] = [];
  const settle = async (task: EnqueuedTaskPromise) => {
    const result = await task.waitTask({ timeout: 600_000 });
    if (result.status !== 'succeeded') throw new Error(`索引の作成に失敗しました（task ${result.uid}: ${result.error?.message ?? result.status}）`);
  };
  for (const source of SOURCES) {
    for (let after = 0; ; ) {
      const ids = (await db.selectFrom(source.table).select('id').where('id', '>', after).orderBy('id').limit(batchSize).execute()).map((r) => r.id);
      if (ids.length === 0) break;
      after = ids[ids.length - 1]!;
      const docs = await source.documents(store, ids);
      pending.push(client.index(staging).addDocuments(docs));
      if (pending.length >= IN_FLIGHT) await settle(pending.shift()!);
      done += ids.length;
      options.onProgress?.({ done, total });
      await setMeta(db, REBUILD_KEY, String(Date.now()));
    }
  }
  for (const task of pending) await settle(task);

  // The swap needs both indexes; a first build has no live one yet.
  await client.createIndex(uid, { primaryKey: 'id' }).waitTask();
  const swap = await client.swapIndexes([{ indexes: [uid, staging], rename: false }]).waitTask();
  if (swap.status !== 'succeeded') throw new Error(`索引の入れ替えに失敗しました: ${swap.error?.message ?? swap.status}`);
  await client.deleteIndex(staging).waitTask();
  await db.deleteFrom('search_outbox').where('id', '<=', mark).execute();
  await db.deleteFrom('meta').where('key', '=', INDEX_STALE_KEY).execute();
  return (await client.index(uid).getStats()).numberOfDocuments;
}
