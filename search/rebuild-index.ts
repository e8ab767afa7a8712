/**
 * Rebuilds the search index from the database: every opinion, plan node and
 * indicator into a fresh index, which then takes the place of the old one in
 * one swap — searches keep answering from the old index until the new one is
 * complete. Used by `npm run reindex` and by the server when it finds an
 * empty index beside a database that has data (a new engine, or a database
 * from before the outbox).
 */
import { sql } from 'kysely';
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

/** True when the database holds something to search but the index holds nothing. */
export async function indexNeedsRebuild(store: Store, client: Meilisearch, uid = INDEX_UID): Promise<boolean> {
  const stats = await client.index(uid).getStats();
  if (stats.numberOfDocuments > 0) return false;
  for (const { table } of SOURCES) if (await store.db.selectFrom(table).select('id').limit(1).executeTakeFirst()) return true;
  return false;
}

/** Rebuilds the index; returns how many documents it holds. */
export async function rebuildIndex(store: Store, client: Meilisearch, options: RebuildOptions = {}): Promise<number> {
  const db = store.db;
  const uid = options.uid ?? INDEX_UID;
  const batchSize = options.batchSize ?? 500;
  // Changes queued before this point are covered by the rebuild; later ones are sent by the worker as usual.
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
    }
  }
  for (const task of pending) await settle(task);

  await applyIndexSettings(client, { uid });
  const swap = await client.swapIndexes([{ indexes: [uid, staging], rename: false }]).waitTask();
  if (swap.status !== 'succeeded') throw new Error(`索引の入れ替えに失敗しました: ${swap.error?.message ?? swap.status}`);
  await client.deleteIndex(staging).waitTask();
  await db.deleteFrom('search_outbox').where('id', '<=', mark).execute();
  return (await client.index(uid).getStats()).numberOfDocuments;
}
