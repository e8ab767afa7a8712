import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCsv, toCsv } from './csv.js';

describe('csv', () => {
  it('writes a BOM, CRLF and quotes what needs quoting', () => {
    expect(toCsv([['a', 'b,c', 'say "hi"', 'two\nlines', null, 3]])).toBe('\uFEFFa,"b,c","say ""hi""","two\nlines",,3\r\n');
  });

  it('writes a formula-looking cell so that a spreadsheet shows it as text, and reads it back as written', () => {
    expect(toCsv([['=HYPERLINK("x")', '-5', '+81 3']])).toBe('\uFEFF"\'=HYPERLINK(""x"")",-5,\'+81 3\r\n');
    expect(parseCsv(toCsv([['=1+2', '@a', '-b']]))[0]!.cells).toEqual(['=1+2', '@a', '-b']);
  });

  it('reads back what it writes, with the line each row starts on', () => {
    const rows = [['会議', '意見'], ['第1回', '改行を\n含む意見'], ['第2回', '"引用"']];
    const parsed = parseCsv(toCsv(rows));
    expect(parsed.map((r) => r.cells)).toEqual(rows);
    expect(parsed.map((r) => r.line)).toEqual([1, 2, 4]);
  });

  it('round-trips any table of text', () => {
    // Any text at all, leading and trailing spaces, quotes, line breaks and formula-like starts included.
    const cell = fc.oneof(fc.string({ unit: 'grapheme', maxLength: 20 }), fc.constantFrom('=1+2', '+81', '-', '@sum', ' 空白 ', '"', 'a,b', '\n'));
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 2, maxLength: 5 }), { minLength: 1, maxLength: 10 }), (table) => {
        const width = table[0]!.length;
        const rows = table.map((r) => [...r.slice(0, width), ...Array(Math.max(0, width - r.length)).fill('')]).filter((r) => r.some((c) => c.trim() !== ''));
        expect(parseCsv(toCsv(rows)).map((r) => r.cells)).toEqual(rows);
      }),
    );
  });
});
