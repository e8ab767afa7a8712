/**
 * Plan documents write figures as text: "2,831件", "97.0%", "▲120", "129 トンCO2",
 * "集計中", "—". This reads the number such a text states, when it states exactly one.
 */
import { normalizeText } from './text.js';

/**
 * Returns the number written in `display`, or null when there is none or
 * more than one ("小 79.9% 中 66.3%"). ▲ and △ mark negatives, as in Japanese
 * public accounts.
 */
export function parseDisplayNumber(display: string): number | null {
  const text = normalizeText(display).trim();
  // A digit right after a letter belongs to a unit (CO2, m2), not to the figure.
  const matches = text.match(/(?<![A-Za-z\d.,])[▲△-]?\s*\d[\d,]*(?:\.\d+)?/g);
  if (!matches || matches.length !== 1) return null;
  const token = matches[0]!;
  const negative = /^[▲△-]/.test(token);
  const digits = token.replace(/[▲△\-\s,]/g, '');
  const value = Number(digits);
  if (!Number.isFinite(value)) return null;
  return negative ? -value : value;
}
