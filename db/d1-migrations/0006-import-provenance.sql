-- 0006-import-provenance: written from db/migrations/0006-import-provenance.ts by `npm run migrations:d1`. Do not edit; add a new migration.

ALTER TABLE opinions ADD COLUMN import_id INTEGER REFERENCES import_sources(id);
