-- 0007-progress-period-index: written from db/migrations/0007-progress-period-index.ts by `npm run migrations:d1`. Do not edit; add a new migration.

CREATE INDEX progress_reports_period_items ON progress_reports(period, opinion_id, node_id, id, status);

DROP INDEX progress_reports_period;
