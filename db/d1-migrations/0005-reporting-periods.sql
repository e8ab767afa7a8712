-- 0005-reporting-periods: written from db/migrations/0005-reporting-periods.ts by `npm run migrations:d1`. Do not edit; add a new migration.

CREATE TABLE reporting_periods (
    id INTEGER PRIMARY KEY,
    period TEXT NOT NULL UNIQUE CHECK (period GLOB '[0-9][0-9][0-9][0-9]' OR period GLOB '[0-9][0-9][0-9][0-9]H[12]'),
    state TEXT NOT NULL CHECK (state IN ('open', 'closed')),
    opened_at TEXT,
    closed_at TEXT,
    closed_by TEXT
  );

CREATE INDEX progress_reports_period ON progress_reports(period);
