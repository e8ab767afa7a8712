/**
 * The worker that drains the search outbox: it reads the queued changes,
 * turns them into the documents they touch, sends those to Meilisearch (and
 * deletes the documents of rows that are gone), waits until the engine has
 * applied them, and only then deletes the outbox rows. When the engine is
 * unreachable the rows stay, with a back-off, and are sent later.
 */
import { sql, type Kysely } from 'kysely';
import type { Meilisearch } from 'meilisearch';
import { inChunks } from '../db/chunks.js';
import { subtreeSql } from '../db/nodes.js';
import type { Database } from '../db/schema.js';
import type { Store } from '../db/store.js';
import { INDEX_UID } from './index-settings.js';
import { opinionDocuments } from './opinion-documents.js';
import { indicatorDocuments, nodeDocuments } from './plan-documents.js';
import { rebuildInProgress } from './rebuild-index.js';

export interface DrainOptions {
  /** Rows per round. */
  batchSize?: number;
  /** The clock, for back-off (epoch ms). */
  now?: number;
  uid?: string;
}

export interface DrainResult {
  /** Outbox rows sent and removed. */
  sent: number;
  /** Rows still waiting (due later, or beyond this round). */
  remaining: number;
}

/** Longest wait between attempts while the engine is down (they start at half a second and double). */
const MAX_BACKOFF_MS = 60_000;

interface Targets {
  opinions: Set<number>;
  nodes: Set<number>;
  indicators: Set<number>;
}

const ids = (rows: { id: number }[]) => rows.map((r) => r.id);

/** Documents built and sent at a time. */
const DOCUMENTS_PER_SLICE = 2_000;

function sliced(list: number[]): number[][] {
  const out: number[][] = [];
  for (let i = 0; i < list.length; i += DOCUMENTS_PER_SLICE) out.push(list.slice(i, i + DOCUMENTS_PER_SLICE));
  return out;
}

/** The documents a batch of outbox rows touches. */
async function targetsOf(db: Kysely<Database>, rows: { entity: string; entity_id: number }[]): Promise<Targets> {
  const t: Targets = { opinions: new Set(), nodes: new Set(), indicators: new Set() };
  const add = (set: Set<number>, list: number[]) => list.forEach((id) => set.add(id));
  for (const row of rows) {
    const id = row.entity_id;
    switch (row.entity) {
      case 'opinion':
        t.opinions.add(id);
        // Duplicates show this opinion's response: their documents change with it.
        add(t.opinions, ids(await db.selectFrom('opinions').select('id').where('duplicate_of', '=', id).execute()));
        break;
      case 'indicator':
        t.indicators.add(id);
        break;
      case 'meeting':
        add(t.opinions, ids(await db.selectFrom('opinions').select('id').where('meeting_id', '=', id).execute()));
        break;
      case 'department':
        add(t.opinions, ids(await db.selectFrom('opinions').select('id').where('department_id', '=', id).execute()));
        break;
      case 'node': {
        // A node's title is in the documents of everything below it.
        const below = ids(await db.selectFrom('plan_nodes').select('id').where(sql<boolean>`id IN ${subtreeSql(id)}`).execute());
        add(t.nodes, [id, ...below]);
        add(t.indicators, ids(await db.selectFrom('indicators').select('id').where(sql<boolean>`node_id IN ${subtreeSql(id)}`).execute()));
        const linked = await db.selectFrom('opinion_nodes').select('opinion_id as id').where(sql<boolean>`node_id IN ${subtreeSql(id)}`).execute();
        add(t.opinions, ids(linked));
        break;
      }
      case 'plan':
        add(t.nodes, ids(await db.selectFrom('plan_nodes').select('id').where('plan_id', '=', id).execute()));
        add(
          t.indicators,
          ids(await db.selectFrom('indicators').select('indicators.id').innerJoin('plan_nodes', 'plan_nodes.id', 'indicators.node_id').where('plan_nodes.plan_id', '=', id).execute()),
        );
        break;
    }
  }
  return t;
}

/** Sends one round of queued changes. Throws (after recording the back-off) when the engine fails. */
export async function drainOnce(store: Store, client: Meilisearch, options: DrainOptions = {}): Promise<DrainResult> {
  const db = store.db;
  const now = options.now ?? Date.now();
  const left = async () => Number((await db.selectFrom('search_outbox').select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow()).n);
  // A rebuild is filling a new index: what is sent now would be lost in its swap; it waits for the new index.
  if (await rebuildInProgress(db)) return { sent: 0, remaining: await left() };
  const rows = await db
    .selectFrom('search_outbox')
    .selectAll()
    .where('next_attempt_at', '<=', now)
    .orderBy('id')
    .limit(options.batchSize ?? 200)
    .execute();
  if (rows.length > 0) {
    const rowIds = rows.map((r) => r.id);
    try {
      const targets = await targetsOf(db, rows);
      const index = client.index(options.uid ?? INDEX_UID);
      const tasks = [];
      // A queued meeting stands for all its opinions (an import queues one row per meeting):
      // documents are built and sent a slice at a time, so a round's memory stays small.
      const slices: Array<{ prefix: string; ids: number[]; documents: (db: Kysely<Database>, ids: number[]) => Promise<Array<{ id: string }>> }> = [
        ...sliced([...targets.opinions]).map((slice) => ({ prefix: 'opinion', ids: slice, documents: opinionDocuments })),
        ...sliced([...targets.nodes]).map((slice) => ({ prefix: 'node', ids: slice, documents: nodeDocuments })),
        ...sliced([...targets.indicators]).map((slice) => ({ prefix: 'indicator', ids: slice, documents: indicatorDocuments })),
      ];
      for (const slice of slices) {
        const documents = await slice.documents(db, slice.ids);
        const present = new Set(documents.map((d) => d.id));
        const gone = slice.ids.map((id) => `${slice.prefix}-${id}`).filter((id) => !present.has(id));
        if (documents.length) tasks.push(await index.addDocuments(documents));
        if (gone.length) tasks.push(await index.deleteDocuments(gone));
      }
      // Generous waits: behind a rebuild's batches the engine may take a while to come to these.
      const done = [];
      for (const task of tasks) done.push(await client.tasks.waitForTask(task.taskUid, { timeout: 60_000 }));
      const failed = done.find((task) => task.status !== 'succeeded');
      if (failed) throw new Error(`search task ${failed.uid} ${failed.status}: ${failed.error?.message ?? ''}`);
      await inChunks(rowIds, (chunk) => db.deleteFrom('search_outbox').where('id', 'in', chunk).execute());
    } catch (error) {
      // Each row waits longer after every failure; nothing is dropped.
      await inChunks(rowIds, (chunk) =>
        db
          .updateTable('search_outbox')
          .set({ attempts: sql`attempts + 1`, next_attempt_at: sql`${now} + min(${MAX_BACKOFF_MS}, 500 * (1 << min(attempts, 7)))` })
          .where('id', 'in', chunk)
          .execute(),
      );
      throw error;
    }
  }
  return { sent: rows.length, remaining: await left() };
}

/** Rounds until nothing due is left (or a round fails). */
export async function drainAll(store: Store, client: Meilisearch, options: DrainOptions = {}): Promise<number> {
  let sent = 0;
  for (;;) {
    const result = await drainOnce(store, client, options);
    sent += result.sent;
    if (result.sent === 0) return sent;
  }
}
