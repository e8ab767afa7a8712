-- 0004-search-outbox: written from db/migrations/0004-search-outbox.ts by `npm run migrations:d1`. Do not edit; add a new migration.

CREATE TABLE search_outbox (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    entity TEXT NOT NULL CHECK (entity IN ('opinion', 'meeting', 'department', 'node', 'indicator', 'plan')),
    entity_id INTEGER NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now'))
  );

CREATE INDEX search_outbox_due ON search_outbox(next_attempt_at, id);
