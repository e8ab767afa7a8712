/**
 * 0002: what documents bring in beyond the foundation.
 *
 * - import_sources: every imported document by content hash, so the same
 *   document imported again creates nothing.
 * - reported_summaries / reported_summary_rows: a status table as a city
 *   printed it (seed 003), kept beside the figures computed from item reports.
 * - progress_narratives: the prose a progress report gives per project and period.
 * - plan_nodes.department_id: who is responsible for a node (a project's 担当課).
 *
 * Frozen once shipped; plain SQL so SQLite and D1 run the same statements.
 */
const now = `(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`;

export const statements: readonly string[] = [
  // The department responsible for a node (a project's 担当課 on its evaluation sheet).
  `ALTER TABLE plan_nodes ADD COLUMN department_id INTEGER REFERENCES departments(id)`,
  `CREATE TABLE import_sources (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    title TEXT,
    summary TEXT NOT NULL DEFAULT '{}',
    created_at TEXT NOT NULL DEFAULT ${now},
    UNIQUE (kind, sha256)
  )`,
  `CREATE TABLE reported_summaries (
    id INTEGER PRIMARY KEY,
    plan_id INTEGER NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
    period TEXT NOT NULL,
    source_title TEXT,
    done INTEGER NOT NULL,
    on_track INTEGER NOT NULL,
    delayed INTEGER NOT NULL,
    not_started INTEGER NOT NULL,
    suspended INTEGER NOT NULL,
    total INTEGER NOT NULL,
    created_at TEXT NOT NULL DEFAULT ${now},
    UNIQUE (plan_id, period)
  )`,
  `CREATE TABLE reported_summary_rows (
    id INTEGER PRIMARY KEY,
    summary_id INTEGER NOT NULL REFERENCES reported_summaries(id) ON DELETE CASCADE,
    node_id INTEGER REFERENCES plan_nodes(id) ON DELETE SET NULL,
    label TEXT NOT NULL,
    position INTEGER NOT NULL,
    done INTEGER NOT NULL,
    on_track INTEGER NOT NULL,
    delayed INTEGER NOT NULL,
    not_started INTEGER NOT NULL,
    suspended INTEGER NOT NULL,
    total INTEGER NOT NULL
  )`,
  `CREATE INDEX reported_summary_rows_summary ON reported_summary_rows(summary_id, position)`,
  `CREATE TABLE progress_narratives (
    id INTEGER PRIMARY KEY,
    node_id INTEGER NOT NULL REFERENCES plan_nodes(id) ON DELETE CASCADE,
    period TEXT NOT NULL,
    text TEXT NOT NULL,
    created_at TEXT NOT NULL DEFAULT ${now},
    UNIQUE (node_id, period)
  )`,
];
