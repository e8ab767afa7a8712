/**
 * Substring matching on the stored match keys (NFKC, lower case), for the
 * searches the database answers itself.
 */
import { sql, type Expression, type RawBuilder } from 'kysely';

/**
 * True where `text` contains `word`. `instr`, not LIKE: D1 refuses a LIKE
 * pattern longer than 50 bytes — 16 Japanese characters, and Japanese
 * queries have no spaces to split on — and `instr` needs no escaping.
 */
export function contains(text: Expression<unknown> | RawBuilder<unknown>, word: string): RawBuilder<boolean> {
  return sql<boolean>`instr(${text}, ${word}) > 0`;
}
