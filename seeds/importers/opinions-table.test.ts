import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../api/lib/csv.js';
import { decodeText, parseOpinionsTable } from './opinions-table.js';

describe('parseOpinionsTable', () => {
  it('reads the columns by their names, in any order and with the usual other names', () => {
    const rows = parseCsv('ご意見,No.,会議名,市の考え方,所管課\n歩道を広げてほしい。,3,第2回 交通会議,拡幅を検討します。,都市整備部 道路課\n');
    const { value, warnings } = parseOpinionsTable(rows);
    expect(warnings).toEqual([]);
    expect(value!.meetings[0]).toMatchObject({
      title: '第2回 交通会議',
      opinions: [{ seq: 3, text: '歩道を広げてほしい。', response: { text: '拡幅を検討します。', state: 'draft' }, department: '都市整備部 道路課' }],
    });
  });

  it('warns, with the line, about what it cannot read, and keeps the rest', () => {
    const rows = parseCsv('会議,年度,番号,意見,状態,対応期限\n会議A,令和9年,x,意見一,承認待ち,令和8年2月30日\n');
    const { value, warnings } = parseOpinionsTable(rows);
    expect(value!.meetings[0]!.opinions[0]).toMatchObject({ seq: null, dueOn: null, text: '意見一' });
    expect(warnings.map((w) => w.line)).toEqual([2, 2, 2]);
  });

  it('returns nothing, with a reason, for a table that is not one of opinions', () => {
    const { value, warnings } = parseOpinionsTable(parseCsv('a,b,c\n1,2,3\n'));
    expect(value).toBeNull();
    expect(warnings[0]!.message).toContain('見出し行');
  });

  it('never throws on any table', () => {
    const cell = fc.oneof(fc.string({ unit: 'grapheme', maxLength: 30 }), fc.constantFrom('意見', '会議', '番号', '状態', '対応方針', '施策コード', '年度', '開催日'));
    fc.assert(
      fc.property(fc.array(fc.array(cell, { maxLength: 14 }), { maxLength: 30 }), (table) => {
        const result = parseOpinionsTable(table.map((cells, i) => ({ line: i + 1, cells })));
        for (const m of result.value?.meetings ?? []) for (const o of m.opinions) expect(o.text.length).toBeGreaterThan(0);
      }),
      { numRuns: 300 },
    );
  });

  it('decodes UTF-8 with or without BOM and Shift_JIS, and refuses binary', () => {
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, 0xe6, 0x84, 0x8f]))).toBe('意');
    expect(decodeText(new Uint8Array([0x88, 0xd3]))).toBe('意');
    expect(decodeText(new Uint8Array([0x00, 0x01, 0x02]))).toBeNull();
  });
});
