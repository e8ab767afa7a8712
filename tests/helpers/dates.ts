/** Dates relative to today in Japan, for tests that open and close comment periods or set due dates. */
import { todayInJapan } from '../../api/lib/japanese-date.js';

/** The ISO date `days` from today in Japan (negative: in the past). */
export function isoInDays(days: number): string {
  return todayInJapan(Date.now() + days * 86_400_000);
}
