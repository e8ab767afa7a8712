-- 0002-imports-and-reported-summaries: written from db/migrations/0002-imports-and-reported-summaries.ts by `npm run migrations:d1`. Do not edit; add a new migration.

ALTER TABLE plan_nodes ADD COLUMN department_id INTEGER REFERENCES departments(id);

CREATE TABLE import_sources (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    title TEXT,
    summary TEXT NOT NULL DEFAULT '{}',
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
    UNIQUE (kind, sha256)
  );

CREATE TABLE reported_summaries (
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
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
    UNIQUE (plan_id, period)
  );

CREATE TABLE reported_summary_rows (
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
  );

CREATE INDEX reported_summary_rows_summary ON reported_summary_rows(summary_id, position);

CREATE TABLE progress_narratives (
    id INTEGER PRIMARY KEY,
    node_id INTEGER NOT NULL REFERENCES plan_nodes(id) ON DELETE CASCADE,
    period TEXT NOT NULL,
    text TEXT NOT NULL,
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
    UNIQUE (node_id, period)
  );
