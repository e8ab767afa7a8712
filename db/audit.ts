/** Reading the audit log: who changed what, when, with the values before and after. */
import { sql, type Kysely } from 'kysely';
import type { Database } from './schema.js';

export const AUDIT_ENTITIES = ['opinion', 'response', 'progress', 'meeting', 'plan', 'node', 'indicator', 'evaluation', 'department', 'user', 'period', 'import'] as const;
export type AuditEntity = (typeof AUDIT_ENTITIES)[number];

export interface AuditEntryView {
  id: number;
  at: string;
  /** Null for changes made by an import on the command line or the sample data. */
  actor: { id: string; name: string | null; role: string | null } | null;
  entity: string;
  entityId: number;
  opinionId: number | null;
  action: string;
  before: unknown;
  after: unknown;
}

function parse(json: string | null): unknown {
  return json === null ? null : JSON.parse(json);
}

/**
 * Entries about one entity, oldest first. An opinion's entries include those
 * of its response and its progress reports, and the entry of the import that
 * brought it in (one entry for a whole document; see migration 0006).
 */
export async function listAudit(db: Kysely<Database>, entity: AuditEntity, id: number, limit = 500): Promise<AuditEntryView[]> {
  let query = db
    .selectFrom('audit_log as a')
    .leftJoin('users as u', (join) => join.on(sql`CAST(u.id AS TEXT)`, '=', sql.ref('a.actor_id')))
    .select(['a.id', 'a.at', 'a.actor_id', 'a.actor_role', 'u.name as actor_name', 'a.entity', 'a.entity_id', 'a.opinion_id', 'a.action', 'a.before', 'a.after']);
  query =
    entity === 'opinion'
      ? query.where((eb) =>
          eb.or([
            eb('a.opinion_id', '=', id),
            eb.and([eb('a.entity', '=', 'opinion'), eb('a.entity_id', '=', id)]),
            eb.and([eb('a.entity', '=', 'import'), eb('a.entity_id', '=', eb.selectFrom('opinions').select('import_id').where('id', '=', id))]),
          ]),
        )
      : query.where('a.entity', '=', entity).where('a.entity_id', '=', id);
  const rows = await query.orderBy('a.id').limit(limit).execute();
  return rows.map((r) => ({
    id: r.id,
    at: r.at,
    actor: r.actor_id === null ? null : { id: r.actor_id, name: r.actor_name, role: r.actor_role },
    entity: r.entity,
    entityId: r.entity_id,
    opinionId: r.opinion_id,
    action: r.action,
    before: parse(r.before),
    after: parse(r.after),
  }));
}
