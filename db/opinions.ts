/** 意見: what a committee member or a citizen said, linked to plan nodes and assigned to a department. */
import { sql, type Kysely, type RawBuilder } from 'kysely';
import { subtreeSql } from './nodes.js';
import { inChunks } from './chunks.js';
import { ApiError, notFound } from '../api/lib/errors.js';
import { matchKey } from '../api/lib/text.js';
import { contains } from './contains.js';
import type { Commitment, Database, Opinion, ProgressStatus, ResponseState } from './schema.js';
import type { Store } from './store.js';
import { runWrite, type Actor, type WritePlan } from './write-plan.js';
import { toDepartmentView, type DepartmentView } from './departments.js';
import { latestProgressFor, periodSortKey } from './progress.js';
import { currentVersionVisible, opinionVisibleSql, visibleResponseSql, type Visibility } from './visibility.js';
import { STALLED_PERIODS } from './follow-through.js';
import { todayInJapan } from '../api/lib/japanese-date.js';

export interface OpinionNodeRefView {
  id: number;
  planId: number;
  level: string;
  code: string | null;
  title: string;
  /** The node above, e.g. the 重点戦略 of a 施策. */
  parent: { id: number; level: string; code: string | null; title: string } | null;
}

export interface OpinionResponseSummaryView {
  /** The current text (a draft while it is being revised). */
  text: string;
  departmentId: number | null;
  state: ResponseState;
  commitment: Commitment;
  version: number;
  /** The version the public sees; null until one is published. It differs from the above while a revision is under way. */
  published: { version: number; text: string; commitment: Commitment } | null;
}

export interface LatestProgressView {
  period: string;
  status: ProgressStatus;
  note: string | null;
}

export interface OpinionView {
  id: number;
  meetingId: number;
  seq: number;
  text: string;
  nodeIds: number[];
  nodes: OpinionNodeRefView[];
  departmentId: number | null;
  department: DepartmentView | null;
  dueOn: string | null;
  /** Set when this opinion says what another one says (a form letter): that opinion's response answers both. */
  duplicateOfId: number | null;
  /** The response as the reader may see it; for a duplicate, the response of the opinion it duplicates. */
  response: OpinionResponseSummaryView | null;
  latestProgress: LatestProgressView | null;
  createdAt: string;
  updatedAt: string;
}

/** A short form for lists on other pages (a node's opinions). */
export interface OpinionSummaryView {
  id: number;
  meetingId: number;
  meetingTitle: string;
  seq: number;
  text: string;
  responseState: ResponseState | null;
  latestStatus: ProgressStatus | null;
}

/**
 * The response as a reader may see it: the current version when its state is
 * visible to them, else the last published version, else nothing.
 */
export function visibleResponse(response: OpinionResponseSummaryView | null, visibility: Visibility): OpinionResponseSummaryView | null {
  if (!response || currentVersionVisible(visibility, response.state)) return response;
  const published = response.published;
  if (!published) return null;
  return { ...response, text: published.text, commitment: published.commitment, version: published.version, state: 'published' };
}

/**
 * Builds full views for opinion rows, loading their links, responses and
 * progress in a few queries. Responses are shown as `visibility` allows.
 */
export async function toOpinionViews(db: Kysely<Database>, rows: Opinion[], visibility: Visibility = 'all'): Promise<OpinionView[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  // A duplicate shows the response of the opinion it duplicates.
  const responseIds = [...new Set([...ids, ...rows.map((r) => r.duplicate_of).filter((d): d is number => d !== null)])];
  const departmentIds = [...new Set(rows.map((r) => r.department_id).filter((d): d is number => d !== null))];
  const [links, responses, departments, progress] = await Promise.all([
    inChunks(ids, (ids) =>
      db
      .selectFrom('opinion_nodes as l')
      .innerJoin('plan_nodes as n', 'n.id', 'l.node_id')
      .leftJoin('plan_nodes as p', 'p.id', 'n.parent_id')
      .select([
        'l.opinion_id',
        'n.id',
        'n.plan_id',
        'n.level',
        'n.code',
        'n.title',
        'n.position',
        'p.id as parent_id',
        'p.level as parent_level',
        'p.code as parent_code',
        'p.title as parent_title',
      ])
      .where('l.opinion_id', 'in', ids)
      .orderBy('n.plan_id')
      .orderBy('p.position')
      .orderBy('n.position')
      .execute(),
    ),
    inChunks(responseIds, (ids) =>
      db
        .selectFrom('responses')
        .select([
          'responses.opinion_id',
          'responses.text',
          'responses.department_id',
          'responses.state',
          'responses.commitment',
          'responses.version',
          'responses.published_version',
        ])
        .leftJoin('response_versions as v', (join) =>
          join.onRef('v.response_id', '=', 'responses.id').onRef('v.version', '=', 'responses.published_version'),
        )
        .select(['v.text as published_text', 'v.commitment as published_commitment'])
        .where('responses.opinion_id', 'in', ids)
        .execute(),
    ),
    inChunks(departmentIds, (ids) => db.selectFrom('departments').select(['id', 'name', 'bureau']).where('id', 'in', ids).execute()),
    latestProgressFor(db, 'opinion', ids),
  ]);
  const nodesByOpinion = new Map<number, OpinionNodeRefView[]>();
  for (const l of links) {
    const list = nodesByOpinion.get(l.opinion_id) ?? [];
    list.push({
      id: l.id,
      planId: l.plan_id,
      level: l.level,
      code: l.code,
      title: l.title,
      parent:
        l.parent_id === null
          ? null
          : { id: l.parent_id, level: l.parent_level as string, code: l.parent_code, title: l.parent_title as string },
    });
    nodesByOpinion.set(l.opinion_id, list);
  }
  const responseByOpinion = new Map(responses.map((r) => [r.opinion_id, r]));
  const departmentById = new Map(departments.map((d) => [d.id, toDepartmentView(d)]));
  return rows.map((row) => {
    const nodes = nodesByOpinion.get(row.id) ?? [];
    const response = responseByOpinion.get(row.duplicate_of ?? row.id);
    const summary: OpinionResponseSummaryView | null = response
      ? {
          text: response.text,
          departmentId: response.department_id,
          state: response.state,
          commitment: response.commitment,
          version: response.version,
          published:
            response.published_version === null || response.published_text === null
              ? null
              : { version: response.published_version, text: response.published_text, commitment: response.published_commitment! },
        }
      : null;
    return {
      id: row.id,
      meetingId: row.meeting_id,
      seq: row.seq,
      text: row.text,
      nodeIds: nodes.map((n) => n.id),
      nodes,
      departmentId: row.department_id,
      department: row.department_id === null ? null : (departmentById.get(row.department_id) ?? null),
      dueOn: row.due_on,
      duplicateOfId: row.duplicate_of,
      response: visibleResponse(summary, visibility),
      latestProgress: progress.get(row.id) ?? null,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
    };
  });
}

export async function getOpinionRow(db: Kysely<Database>, id: number): Promise<Opinion | undefined> {
  return db.selectFrom('opinions').selectAll().where('id', '=', id).executeTakeFirst();
}

/** An opinion as `visibility` allows; undefined when it does not exist or the reader may not see it. */
export async function getOpinion(db: Kysely<Database>, id: number, visibility: Visibility = 'all'): Promise<OpinionView | undefined> {
  const row = await db.selectFrom('opinions as o').selectAll('o').where('o.id', '=', id).where(opinionVisibleSql(visibility)).executeTakeFirst();
  if (!row) return undefined;
  const [view] = await toOpinionViews(db, [row], visibility);
  return view;
}

export interface OpinionFilter {
  meetingId?: number;
  /** A node and everything below it. */
  nodeId?: number;
  departmentId?: number;
  /** Latest reported progress status. */
  status?: ProgressStatus;
  commitment?: Commitment;
  /** State of the response. */
  state?: ResponseState;
  /** Fiscal year of the meeting. */
  fiscalYear?: number;
  /** Words that must appear in the opinion (matched on NFKC, case-insensitively). */
  q?: string;
  /** Only overdue opinions (true) or only those that are not (false); see `isOverdue` in db/follow-through.ts. */
  overdue?: boolean;
  /** Only stalled 検討 promises (true) or only the others (false); see `isStalled` in db/follow-through.ts. */
  stalled?: boolean;
  /** The date (ISO, Japan time) `overdue` is judged on; today when omitted. */
  today?: string;
  /** Return opinions with ids greater than this. */
  afterId?: number;
  limit: number;
}

export interface OpinionPage {
  items: OpinionView[];
  /** Pass as `cursor` for the next page; null on the last page. */
  nextCursor: string | null;
}

export function encodeCursor(id: number): string {
  return Buffer.from(`o:${id}`).toString('base64url');
}

/** The id a cursor points after, or null when it is not a cursor of ours. */
export function decodeCursor(cursor: string): number | null {
  const m = /^o:(\d{1,15})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  return m ? Number(m[1]) : null;
}

/** The latest reported status of opinion `o`, as a SQL expression. */
export const latestStatusSql = sql<ProgressStatus>`(
  SELECT p.status FROM progress_reports p WHERE p.opinion_id = o.id
  ORDER BY ${periodSortKey(sql.ref('p.period'))} DESC, p.id DESC LIMIT 1)`;

/**
 * SQL condition on opinion `o`: its response as the reader sees it (the
 * answering one for a duplicate) meets every condition, written on `r` and
 * `pv` through `visibleResponseSql`. A revision under way stays hidden.
 */
function visibleResponseMatches(visibility: Visibility, conditions: RawBuilder<boolean>[]): RawBuilder<boolean> {
  return sql<boolean>`EXISTS (SELECT 1 FROM responses r
    LEFT JOIN response_versions pv ON pv.response_id = r.id AND pv.version = r.published_version
    WHERE r.opinion_id = coalesce(o.duplicate_of, o.id) AND ${sql.join(conditions, sql` AND `)})`;
}

/**
 * SQL condition on opinion `o`: overdue on `today`, the rule of `isOverdue`
 * (db/follow-through.ts) — not a duplicate, a due date before today and a
 * latest status that is not 済 (no report counts as not 済). Written in SQL so that the filter
 * runs before the page is cut and cursor pagination stays exact.
 */
export function overdueSql(today: string): RawBuilder<boolean> {
  return sql<boolean>`(o.duplicate_of IS NULL AND o.due_on IS NOT NULL AND o.due_on < ${today} AND coalesce(${latestStatusSql}, '') <> 'done')`;
}

/**
 * SQL condition on opinion `o`: stalled, the rule of `isStalled`
 * (db/follow-through.ts) — the commitment the reader sees is `consider` and
 * the final reports (newest correction) of its last STALLED_PERIODS reported
 * periods are all 未着手 or 遅れ. "The last N periods are all stuck" is the
 * same as "the trailing run of stuck periods is at least N".
 */
export function stalledSql(visibility: Visibility): RawBuilder<boolean> {
  const response = visibleResponseSql(visibility);
  return sql<boolean>`(${visibleResponseMatches(visibility, [sql<boolean>`${response.commitment} = 'consider'`])}
    AND (SELECT count(*) FROM (
      SELECT p.status FROM progress_reports p
      WHERE p.opinion_id = o.id
        AND p.id = (SELECT max(q.id) FROM progress_reports q WHERE q.opinion_id = o.id AND q.period = p.period)
      ORDER BY ${periodSortKey(sql.ref('p.period'))} DESC LIMIT ${STALLED_PERIODS}
    ) recent WHERE recent.status IN ('not_started', 'delayed')) = ${STALLED_PERIODS})`;
}

export async function listOpinions(db: Kysely<Database>, filter: OpinionFilter, visibility: Visibility = 'all'): Promise<OpinionPage> {
  let query = db.selectFrom('opinions as o').selectAll('o').where(opinionVisibleSql(visibility));
  if (filter.meetingId !== undefined) query = query.where('o.meeting_id', '=', filter.meetingId);
  if (filter.departmentId !== undefined) query = query.where('o.department_id', '=', filter.departmentId);
  if (filter.nodeId !== undefined) query = query.where(linkedToSubtree(filter.nodeId));
  if (filter.fiscalYear !== undefined) {
    const year = filter.fiscalYear;
    query = query.where((eb) =>
      eb.exists(eb.selectFrom('meetings as m').select('m.id').whereRef('m.id', '=', 'o.meeting_id').where('m.fiscal_year', '=', year)),
    );
  }
  if (filter.commitment !== undefined || filter.state !== undefined) {
    const response = visibleResponseSql(visibility);
    query = query.where(
      visibleResponseMatches(visibility, [
        ...(filter.commitment ? [sql<boolean>`${response.commitment} = ${filter.commitment}`] : []),
        ...(filter.state ? [sql<boolean>`${response.state} = ${filter.state}`] : []),
      ]),
    );
  }
  if (filter.status !== undefined) query = query.where(sql<boolean>`${latestStatusSql} = ${filter.status}`);
  if (filter.overdue !== undefined) {
    const overdue = overdueSql(filter.today ?? todayInJapan());
    query = query.where(filter.overdue ? overdue : sql<boolean>`NOT ${overdue}`);
  }
  if (filter.stalled !== undefined) {
    const stalled = stalledSql(visibility);
    query = query.where(filter.stalled ? stalled : sql<boolean>`NOT ${stalled}`);
  }
  if (filter.q) {
    for (const word of matchKey(filter.q).split(' ').filter(Boolean).slice(0, 10)) {
      query = query.where(contains(sql.ref('o.text_key'), word));
    }
  }
  if (filter.afterId !== undefined) query = query.where('o.id', '>', filter.afterId);
  const rows = await query.orderBy('o.id').limit(filter.limit + 1).execute();
  const page = rows.slice(0, filter.limit);
  const last = page[page.length - 1];
  return {
    items: await toOpinionViews(db, page, visibility),
    nextCursor: rows.length > filter.limit && last ? encodeCursor(last.id) : null,
  };
}

/** SQL condition on opinion `o`: linked to node `nodeId` or to any node below it. */
export function linkedToSubtree(nodeId: number): RawBuilder<boolean> {
  return sql<boolean>`EXISTS (SELECT 1 FROM opinion_nodes l WHERE l.opinion_id = o.id AND l.node_id IN ${subtreeSql(nodeId)})`;
}

/** Opinions linked to `nodeId` or to a node below it, newest meeting first. */
export async function opinionSummariesForNode(db: Kysely<Database>, nodeId: number, visibility: Visibility = 'all'): Promise<OpinionSummaryView[]> {
  const rows = await db
    .selectFrom('opinions as o')
    .innerJoin('meetings as m', 'm.id', 'o.meeting_id')
    .leftJoin('responses as r', (join) => join.on(sql<boolean>`r.opinion_id = coalesce(o.duplicate_of, o.id)`))
    .select(['o.id', 'o.meeting_id', 'm.title as meeting_title', 'o.seq', 'o.text', 'r.state', 'r.published_version'])
    .select(latestStatusSql.as('latest_status'))
    .where(linkedToSubtree(nodeId))
    .where(opinionVisibleSql(visibility))
    .orderBy('m.fiscal_year', 'desc')
    .orderBy('o.meeting_id', 'desc')
    .orderBy('o.seq')
    .limit(500)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    meetingId: r.meeting_id,
    meetingTitle: r.meeting_title,
    seq: r.seq,
    text: r.text,
    responseState:
      r.state === null || currentVersionVisible(visibility, r.state) ? r.state : r.published_version !== null ? 'published' : null,
    latestStatus: r.latest_status,
  }));
}

export interface NewOpinionInput {
  meetingId: number;
  seq?: number;
  text: string;
  nodeIds?: number[];
  departmentId?: number | null;
  dueOn?: string | null;
}

function linkRows(opinionId: number, nodeIds: number[]) {
  return [...new Set(nodeIds)].map((node_id) => ({ opinion_id: opinionId, node_id }));
}

/** Creates an opinion with its node links. The sequence number defaults to the meeting's next one. */
export async function createOpinion(store: Store, actor: Actor | null, input: NewOpinionInput): Promise<number> {
  return runWrite(store, actor, (w) => planOpinionInsert(w, input));
}

/** Adds the insert of an opinion, its node links and its audit entry to `w`; returns its id. */
export async function planOpinionInsert(w: WritePlan, input: NewOpinionInput): Promise<number> {
  const id = await w.reserveId('opinions');
  w.add(
    w.db.insertInto('opinions').values({
      id,
      meeting_id: input.meetingId,
      // Computed inside the batch so that two opinions added at once get distinct numbers.
      seq: input.seq ?? sql<number>`(SELECT coalesce(max(seq), 0) + 1 FROM opinions WHERE meeting_id = ${input.meetingId})`,
      text: input.text,
      text_key: matchKey(input.text),
      department_id: input.departmentId ?? null,
      due_on: input.dueOn ?? null,
    }),
  );
  w.insertRows('opinion_nodes', linkRows(id, input.nodeIds ?? []));
  w.audit({ entity: 'opinion', entityId: id, opinionId: id, action: 'create', after: input });
  return id;
}

/** An opinion read from a document: its id reserved and its number decided by the importer. */
export interface ImportedOpinionInput {
  id: number;
  meetingId: number;
  seq: number;
  text: string;
  nodeIds: number[];
  departmentId: number | null;
  dueOn: string | null;
}

/**
 * Adds the opinions of one import with their measure links, in bulk (see
 * `WritePlan.insertBulk`). They are not audited one by one: each carries
 * `import_id`, and the import's single audit entry is their first history
 * entry. The caller queues their meetings for search.
 */
export function planImportedOpinions(w: WritePlan, importId: number, inputs: readonly ImportedOpinionInput[]): void {
  w.insertBulk('opinions', ['id', 'meeting_id', 'seq', 'text', 'text_key', 'department_id', 'due_on', 'import_id'], inputs, (o) => [
    o.id,
    o.meetingId,
    o.seq,
    o.text,
    matchKey(o.text),
    o.departmentId,
    o.dueOn,
    importId,
  ]);
  const links = inputs.flatMap((o) => linkRows(o.id, o.nodeIds));
  w.insertBulk('opinion_nodes', ['opinion_id', 'node_id'], links, (l) => [l.opinion_id, l.node_id]);
}

export interface OpinionUpdateInput {
  meetingId?: number;
  seq?: number;
  text?: string;
  nodeIds?: number[];
  departmentId?: number | null;
  dueOn?: string | null;
  duplicateOfId?: number | null;
}

/** Changes the given fields; a request that changes nothing writes nothing. */
export async function updateOpinion(store: Store, actor: Actor | null, before: OpinionView, input: OpinionUpdateInput): Promise<void> {
  if (Object.values(input).every((v) => v === undefined)) return;
  await runWrite(store, actor, async (w) => {
    w.guardExists('opinions', before.id, () => notFound('意見', before.id));
    const changes = {
      ...(input.meetingId !== undefined && { meeting_id: input.meetingId }),
      ...(input.seq !== undefined && { seq: input.seq }),
      ...(input.text !== undefined && { text: input.text, text_key: matchKey(input.text) }),
      ...(input.departmentId !== undefined && { department_id: input.departmentId }),
      ...(input.dueOn !== undefined && { due_on: input.dueOn }),
      ...(input.duplicateOfId !== undefined && { duplicate_of: input.duplicateOfId }),
    };
    w.add(w.db.updateTable('opinions').set({ ...changes, updated_at: new Date().toISOString() }).where('id', '=', before.id));
    // The department that answers an opinion is the one it is assigned to: its response moves with it.
    if (input.departmentId !== undefined)
      w.add(w.db.updateTable('responses').set({ department_id: input.departmentId }).where('opinion_id', '=', before.id));
    if (input.duplicateOfId !== undefined && input.duplicateOfId !== null) planDuplicateGuards(w, before.id, input.duplicateOfId);
    if (input.nodeIds !== undefined) {
      w.add(w.db.deleteFrom('opinion_nodes').where('opinion_id', '=', before.id));
      w.insertRows('opinion_nodes', linkRows(before.id, input.nodeIds));
    }
    const { nodes: _n, department: _d, response: _r, latestProgress: _p, ...plain } = before;
    w.audit({ entity: 'opinion', entityId: before.id, opinionId: before.id, action: 'update', before: plain, after: input });
  });
}

/**
 * What must still hold when a duplicate mark is written (checked before, but
 * another request may have changed it since): this opinion has no response
 * of its own and is no group's first opinion, and the other is not itself a duplicate.
 */
function planDuplicateGuards(w: WritePlan, id: number, duplicateOfId: number): void {
  const changed = () => new ApiError('conflict', '意見の状態が他の操作で変わったため、同趣旨として整理できませんでした。画面を更新してください。');
  w.guard(sql`NOT EXISTS (SELECT 1 FROM responses WHERE opinion_id = ${id})`, changed);
  w.guard(sql`NOT EXISTS (SELECT 1 FROM opinions WHERE duplicate_of = ${id})`, changed);
  w.guard(sql`(SELECT duplicate_of IS NULL FROM opinions WHERE id = ${duplicateOfId})`, changed);
}

/** Deletes an opinion with its links, response (and versions) and progress reports; the audit log keeps it. */
export async function deleteOpinion(store: Store, actor: Actor | null, before: OpinionView): Promise<void> {
  await runWrite(store, actor, async (w) => {
    w.add(w.db.deleteFrom('opinions').where('id', '=', before.id));
    w.audit({ entity: 'opinion', entityId: before.id, opinionId: before.id, action: 'delete', before });
  });
}
