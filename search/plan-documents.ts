/**
 * Search documents of a plan's nodes (重点戦略, 施策, 主な取組 …) and of its
 * indicators (数値目標・KPI). Everyone may read them.
 */
import type { Kysely } from 'kysely';
import { documentText } from './highlight.js';
import { inChunks } from '../db/chunks.js';
import type { Database } from '../db/schema.js';
import type { Visibility } from '../db/visibility.js';
import { ancestry } from './node-ancestry.js';

interface PlanDocumentBase {
  id: string;
  entityId: number;
  /** The plan the node or indicator belongs to (for links). */
  planId: number;
  title: string;
  text: string;
  /** The node and the nodes above it. */
  nodeIds: number[];
  nodeTitles: string[];
  departmentId: number | null;
  visibleTo: Visibility[];
}

export interface NodeDocument extends PlanDocumentBase {
  type: 'node';
  level: string;
}

export interface IndicatorDocument extends PlanDocumentBase {
  type: 'indicator';
  /** The node the indicator measures. */
  nodeId: number;
  unit: string | null;
}

const EVERYONE: Visibility[] = ['all', 'approved', 'published'];

/** Documents for the nodes `ids` (missing ones are left out). */
export async function nodeDocuments(db: Kysely<Database>, ids: number[]): Promise<NodeDocument[]> {
  const rows = await inChunks(ids, (chunk) => db.selectFrom('plan_nodes').selectAll().where('id', 'in', chunk).execute());
  const above = await ancestry(db, rows.map((r) => r.id));
  return rows.map((n) => {
    const chain = above.get(n.id) ?? [];
    return {
      id: `node-${n.id}`,
      type: 'node',
      entityId: n.id,
      planId: n.plan_id,
      title: documentText([n.code, n.title].filter(Boolean).join(' ')),
      text: documentText(n.description ?? ''),
      level: n.level,
      nodeIds: chain.map((c) => c.id),
      nodeTitles: chain.filter((c) => c.id !== n.id).map((c) => documentText(c.title)),
      departmentId: n.department_id,
      visibleTo: EVERYONE,
    };
  });
}

/** Documents for the indicators `ids` (missing ones are left out). */
export async function indicatorDocuments(db: Kysely<Database>, ids: number[]): Promise<IndicatorDocument[]> {
  const rows = await inChunks(ids, (chunk) =>
    db
      .selectFrom('indicators as i')
      .innerJoin('plan_nodes as n', 'n.id', 'i.node_id')
      .select(['i.id', 'i.node_id', 'i.name', 'i.unit', 'i.notes', 'n.department_id', 'n.plan_id'])
      .where('i.id', 'in', chunk)
      .execute(),
  );
  const above = await ancestry(db, [...new Set(rows.map((r) => r.node_id))]);
  return rows.map((i) => {
    const chain = above.get(i.node_id) ?? [];
    return {
      id: `indicator-${i.id}`,
      type: 'indicator',
      entityId: i.id,
      planId: i.plan_id,
      nodeId: i.node_id,
      title: documentText(i.name),
      text: documentText(i.notes ?? ''),
      unit: i.unit,
      nodeIds: chain.map((c) => c.id),
      nodeTitles: chain.map((c) => documentText(c.title)),
      departmentId: i.department_id,
      visibleTo: EVERYONE,
    };
  });
}
