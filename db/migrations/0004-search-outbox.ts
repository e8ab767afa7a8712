/**
 * 0004: the search outbox. Every write that changes searchable data adds a
 * row here in the same batch as the change (see `WritePlan.searchChanged`);
 * a worker sends the changed documents to Meilisearch and deletes the rows.
 * While the engine is unreachable the rows wait, with a back-off, so no
 * write is lost.
 *
 * Frozen once shipped; plain SQL so SQLite and D1 run the same statements.
 */
const now = `(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`;

export const statements: readonly string[] = [
  `CREATE TABLE search_outbox (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    entity TEXT NOT NULL CHECK (entity IN ('opinion', 'meeting', 'department', 'node', 'indicator', 'plan')),
    entity_id INTEGER NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL DEFAULT ${now}
  )`,
  `CREATE INDEX search_outbox_due ON search_outbox(next_attempt_at, id)`,
];
