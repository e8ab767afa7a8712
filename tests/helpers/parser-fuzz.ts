/**
 * The two fuzz properties every document parser must hold: `check` (which
 * parses and asserts the parser's invariants) never throws on arbitrary
 * strings, nor on seed lines shuffled, truncated or spliced with noise.
 */
import fc from 'fast-check';
import { it } from 'vitest';

export function itNeverThrows(check: (text: string) => void, lines: string[], seed: string, maxCut: number): void {
  it('never throws on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'grapheme', maxLength: 300 }), fc.string({ unit: 'binary', maxLength: 300 })), check),
      { numRuns: 300 },
    );
  });

  it('never throws on shuffled, truncated or spliced seed lines', () => {
    fc.assert(
      fc.property(
        fc.shuffledSubarray(lines),
        fc.nat({ max: maxCut }),
        fc.string({ unit: 'grapheme', maxLength: 20 }),
        (picked, cut, noise) => {
          const text = picked.join('\n');
          check(text);
          check(text.slice(0, cut));
          check(seed.slice(0, cut) + noise + seed.slice(cut));
        },
      ),
      { numRuns: 150 },
    );
  });
}
