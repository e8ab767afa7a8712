/**
 * 0005: reporting periods. The secretariat opens a period (2021H1, 2021H2 or
 * a whole fiscal year) to collect progress reports for it and closes it when
 * the figures are final; reports of a closed period are frozen. A period with
 * no row here has never been opened or closed: reports to it are accepted.
 * `opened_at` is null for a period closed without ever being opened.
 *
 * Frozen once shipped; plain SQL so SQLite and D1 run the same statements.
 */
export const statements: readonly string[] = [
  `CREATE TABLE reporting_periods (
    id INTEGER PRIMARY KEY,
    period TEXT NOT NULL UNIQUE CHECK (period GLOB '[0-9][0-9][0-9][0-9]' OR period GLOB '[0-9][0-9][0-9][0-9]H[12]'),
    state TEXT NOT NULL CHECK (state IN ('open', 'closed')),
    opened_at TEXT,
    closed_at TEXT,
    closed_by TEXT
  )`,
  `CREATE INDEX progress_reports_period ON progress_reports(period)`,
];
