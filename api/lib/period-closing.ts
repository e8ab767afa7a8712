/**
 * When a reporting period is frozen: it, or the whole fiscal year it belongs
 * to, is closed. Pure, so the server (db/periods.ts, which also states it in
 * SQL) and the progress form in the browser apply the same rule.
 */

/** Whether `period` is frozen, given the closed period codes. */
export function isFrozen(period: string, closed: ReadonlySet<string>): boolean {
  return closed.has(period) || closed.has(period.slice(0, 4));
}
