/**
 * 0007: progress reports by period, with what the status summary reads of
 * them. The summary picks each item's latest report in a period from this
 * index alone, in item order, without visiting the table: with a million
 * reports it is the difference between a table that answers at once and one
 * that keeps a committee meeting waiting.
 *
 * Frozen once shipped; plain SQL so SQLite and D1 run the same statements.
 */
export const statements: readonly string[] = [
  `CREATE INDEX progress_reports_period_items ON progress_reports(period, opinion_id, node_id, id, status)`,
  // The plain period index is a prefix of the new one.
  `DROP INDEX progress_reports_period`,
];
