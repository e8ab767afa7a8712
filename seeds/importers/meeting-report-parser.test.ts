import fs from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { meetingReportScore, parseMeetingReport } from './meeting-report-parser.js';
import type { ParsedMeeting } from './types.js';

const SEEDS = new URL('../../../shared/seeds/', import.meta.url);
const seed000 = fs.readFileSync(new URL('../../../shared/seeds/000_f455e2d430f9a307.txt', import.meta.url), 'utf8');
const otherSeeds = [
  '001_4cf7fbf0a1127527.txt',
  '002_2e26385474e890f2.txt',
  '003_40086a4d60b213e0.txt',
  '004_ea7af00e0d4b50ba.txt',
].map((name) => ({ name, text: fs.readFileSync(new URL(name, SEEDS), 'utf8') }));

const FIXTURE_NAMES = [
  'plain-maru-2019.txt',
  'kangaekata-arrow.txt',
  'black-circle-fullwidth.html',
  'unmarked-section.txt',
  'public-comment.txt',
] as const;
type FixtureName = (typeof FIXTURE_NAMES)[number];
function fixture(name: FixtureName): string {
  return fs.readFileSync(new URL(`./fixtures/meeting-report/${name}`, import.meta.url), 'utf8');
}

/** Parses and insists on a value, so each test reads as what it checks. */
function meetingOf(text: string): ParsedMeeting {
  const { value } = parseMeetingReport(text);
  if (!value) throw new Error('expected a meeting');
  return value;
}

const HTML_TAG = /<\/?[a-z][^>]*>/i;
const UNMARKED = '意見の記号（○）がない段落を意見として読み込みました';

describe('parseMeetingReport: seed 000 (行革ミーティング 実施結果報告書, broken HTML)', () => {
  const { value, warnings } = parseMeetingReport(seed000);
  const meeting = value as ParsedMeeting;

  it('finds ten opinion/response pairs under two measures, five each', () => {
    expect(meeting.opinions).toHaveLength(10);
    expect(meeting.opinions.map((o) => o.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(meeting.opinions.slice(0, 5).every((o) => o.measure?.measureNumber === '1')).toBe(true);
    expect(meeting.opinions.slice(5).every((o) => o.measure?.measureNumber === '2')).toBe(true);
    expect(meeting.opinions[0]?.measure).toEqual({
      strategyTitle: '強みを活かしたしごとづくり',
      measureTitle: '基幹産業の競争力を強化する',
      measureNumber: '1',
    });
    expect(meeting.opinions[9]?.measure).toEqual({
      strategyTitle: '子どもを産み育てやすい環境づくり',
      measureTitle: '安心して子育てができる環境をつくる',
      measureNumber: '2',
    });
  });

  it('reads the header: title without the year line, fiscal year, theme, body, no day printed', () => {
    expect(meeting.title).toBe('ひらつか行革ミーティング 実施結果報告書案（抜粋）');
    expect(meeting.fiscalYear).toBe(2018);
    expect(meeting.theme).toBe('総合計画の推進');
    expect(meeting.body).toBe('平塚市行政改革推進委員会・平塚市');
    expect(meeting.heldOn).toBeNull(); // 平成31年3月 has no day
    expect(meeting.kind).toBe('committee');
  });

  it('gives every opinion a published, non-empty response free of HTML and of its bullet', () => {
    for (const o of meeting.opinions) {
      expect(o.text).not.toMatch(HTML_TAG);
      expect(o.text).not.toMatch(/^[○\s]/);
      expect(o.response?.state).toBe('published');
      expect(o.response?.text.length).toBeGreaterThan(10);
      expect(o.response?.text).not.toMatch(HTML_TAG);
      expect(o.response?.text).not.toMatch(/^[・\s]|対応方針\)|[\t ]$/);
      expect(o.department).toBeNull();
      expect(o.dueOn).toBeNull();
    }
  });

  it('starts each opinion and response with the right words', () => {
    const starts = meeting.opinions.map((o) => o.text.slice(0, 6));
    expect(starts[0]).toBe('「基幹産業」');
    expect(starts[1]).toBe('政策としての');
    expect(starts[4]).toBe('中小企業経営');
    expect(starts[5]).toBe('子育て支援に');
    expect(starts[7]).toBe('子育て支援は');
    expect(starts[8]).toBe('外国籍市民の');
    expect(meeting.opinions[0]?.response?.text.startsWith('本市の産業')).toBe(true);
    expect(meeting.opinions[4]?.response?.text.endsWith('KPI を検討してまいります。')).toBe(true);
    expect(meeting.opinions[7]?.response?.text.startsWith('子育て支援策を検討する際は')).toBe(true);
  });

  it('keeps the original line numbers (the HTML packs five pairs per line)', () => {
    expect(meeting.opinions.slice(0, 5).map((o) => o.line)).toEqual([17, 17, 17, 17, 17]);
    expect(meeting.opinions.slice(5).map((o) => o.line)).toEqual([25, 25, 25, 25, 25]);
  });

  it('finds the opinion printed without ○ and says so once, on its line', () => {
    expect(meeting.opinions[7]?.text).toMatch(/^子育て支援は、近年/);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]?.line).toBe(25);
    expect(warnings[0]?.message).toContain(UNMARKED);
  });
});

describe('parseMeetingReport: our own variants', () => {
  it('reads plain lines with 〇, （対応方針）, a 西暦 year, 担当課 and 対応期限', () => {
    const { value, warnings } = parseMeetingReport(fixture('plain-maru-2019.txt'));
    const m = value as ParsedMeeting;
    expect(m.fiscalYear).toBe(2019);
    expect(m.title).toBe('第2回 みなと市行財政改革懇話会 意見と対応方針のまとめ');
    expect(m.theme).toBe('公共施設の使い方を見直す');
    expect(m.heldOn).toBe('2019-11-20');
    expect(m.body).toBe('みなと市行財政改革懇話会・みなと市');
    expect(m.opinions).toHaveLength(3);
    // Before any 重点施策名 / 個別施策名: no measure.
    expect(m.opinions[0]?.measure).toBeNull();
    expect(m.opinions[0]?.line).toBe(9);
    expect(m.opinions[1]?.measure).toEqual({
      strategyTitle: '施設を賢く使うまちづくり',
      measureTitle: '公共施設の複合化を進める',
      measureNumber: '1',
    });
    // A response over two bullets: one text, a line each, bullets removed.
    expect(m.opinions[1]?.response?.text).toBe(
      '建て替えの時期が近い施設から、複合化の可能性を調べます。\n調査の結果は、地域の説明会で示してまいります。',
    );
    expect(m.opinions[1]?.department).toBe('企画部 資産経営課');
    expect(m.opinions[1]?.dueOn).toBe('2020-03-31');
    expect(m.opinions[2]?.department).toBe('総務部 情報政策課');
    // 令和2年度中 is not a date: null, with a warning on its line.
    expect(m.opinions[2]?.dueOn).toBeNull();
    expect(warnings).toEqual([{ line: 25, message: expect.stringContaining('令和2年度中') }]);
  });

  it('reads 【市の考え方】 with → and ⇒, 令和元年度, and sections given only by "(n) …" headings', () => {
    const { value, warnings } = parseMeetingReport(fixture('kangaekata-arrow.txt'));
    const m = value as ParsedMeeting;
    expect(warnings).toEqual([]);
    expect(m.fiscalYear).toBe(2019);
    expect(m.theme).toBe('駅前のにぎわいづくり');
    expect(m.heldOn).toBeNull();
    expect(m.opinions.map((o) => o.measure?.measureNumber)).toEqual(['1', '1', '2', '2']);
    expect(m.opinions[2]?.measure).toEqual({ strategyTitle: null, measureTitle: '商店街の空き店舗を減らす', measureNumber: '2' });
    // An opinion wrapped over two lines stays one opinion.
    expect(m.opinions[0]?.text).toBe('休日の駅前広場は閑散としている。キッチンカーや朝市など、\n気軽に立ち寄れる催しを定期的に開くべきだ。');
    expect(m.opinions.map((o) => o.response?.text.slice(0, 3))).toEqual(['出店者', '日よけ', '補助の', '1か月']);
  });

  it('reads HTML with ●, full-width （１）, 令和５年度, entities, table cells and an empty label', () => {
    const { value, warnings } = parseMeetingReport(fixture('black-circle-fullwidth.html'));
    const m = value as ParsedMeeting;
    expect(m.fiscalYear).toBe(2023);
    expect(m.title).toBe('さくら台市 行政改革推進会議 意見と対応方針');
    expect(m.theme).toBe('デジタル化&窓口改革');
    expect(m.heldOn).toBe('2024-03-12');
    expect(m.opinions).toHaveLength(5);
    expect(m.opinions[0]?.measure).toEqual({
      strategyTitle: '手続きが簡単なまちづくり',
      measureTitle: 'オンライン申請を広げる',
      measureNumber: '1',
    });
    expect(m.opinions[3]?.measure?.measureNumber).toBe('2');
    expect(m.opinions[3]?.measure?.measureTitle).toBe('窓口の待ち時間を短くする');
    // Two <li> bullets make one response.
    expect(m.opinions[0]?.response?.text.split('\n')).toHaveLength(2);
    // An unclosed <li> still ends at the next paragraph.
    expect(m.opinions[1]?.response?.text).toBe('画面の案内文を見直し、手順を動画でも紹介します。');
    // 〔対応方針〕 with nothing after it: no response, and a warning on the label's line.
    expect(m.opinions[2]?.response).toBeNull();
    expect(warnings).toEqual([{ line: 19, message: expect.stringContaining('本文がありません') }]);
    for (const o of m.opinions) {
      expect(o.text).not.toMatch(HTML_TAG);
      if (o.response) expect(o.response.text).not.toMatch(HTML_TAG);
    }
  });

  it('reads a section whose opinions carry no marker at all, warning once per opinion', () => {
    const { value, warnings } = parseMeetingReport(fixture('unmarked-section.txt'));
    const m = value as ParsedMeeting;
    expect(m.fiscalYear).toBe(2017);
    expect(m.heldOn).toBe('2018-01-25');
    expect(m.opinions).toHaveLength(4);
    expect(m.opinions.map((o) => o.measure?.measureNumber)).toEqual(['1', '2', '2', '2']);
    expect(m.opinions.slice(1).map((o) => o.text.slice(0, 4))).toEqual(['登録して', '活動に参', '学生が授']);
    expect(m.opinions.map((o) => o.response?.text.slice(0, 3))).toEqual(['夜間や', '市のホ', '他市の', '大学と']);
    expect(warnings.map((w) => w.line)).toEqual([17, 21, 25]);
    expect(warnings.every((w) => w.message.includes(UNMARKED))).toBe(true);
  });

  it('reads a public comment result (意見募集) as public_comment, dated by its publication, not its period', () => {
    const { value, warnings } = parseMeetingReport(fixture('public-comment.txt'));
    const m = value as ParsedMeeting;
    expect(m.kind).toBe('public_comment');
    expect(m.heldOn).toBe('2024-03-22');
    expect([m.commentOpensOn, m.commentClosesOn]).toEqual(['2024-01-10', '2024-02-09']);
    // No 年度 printed: estimated from the date, and said so.
    expect(m.fiscalYear).toBe(2023);
    expect(warnings).toEqual([{ line: 3, message: expect.stringContaining('推定') }]);
    expect(m.opinions).toHaveLength(3);
    expect(m.opinions[2]?.response?.text).toBe('インターネット予約の受付を、令和6年度中に始めます。');
  });

  it('finds an unmarked opinion in plain text with no blank lines, after the sentence that ends the response', () => {
    const text = [
      '令和3年度 ふたば市 事業見直し会議 結果',
      '○公園の草刈りの回数が少ない。',
      '(対応方針)',
      '・委託の内容を見直し、',
      '　回数を増やす方向で調整します。',
      '夏場の水やりを地域の団体に任せてはどうか。',
      '(対応方針)',
      '・協力していただける団体を募ります。',
    ].join('\n');
    const { value, warnings } = parseMeetingReport(text);
    const m = value as ParsedMeeting;
    expect(m.title).toBe('令和3年度 ふたば市 事業見直し会議 結果'); // the year inside the title stays
    expect(m.fiscalYear).toBe(2021);
    expect(m.opinions.map((o) => o.text)).toEqual(['公園の草刈りの回数が少ない。', '夏場の水やりを地域の団体に任せてはどうか。']);
    expect(m.opinions[0]?.response?.text).toBe('委託の内容を見直し、\n回数を増やす方向で調整します。');
    expect(warnings).toEqual([{ line: 6, message: expect.stringContaining(UNMARKED) }]);
  });

  it('takes response text written on the label line, and keeps numbered sub-items inside the response', () => {
    const text = [
      'いずみ町 行革懇談会 報告',
      '重点施策名：財政の健全化',
      '◯使用料の見直しが長く行われていない。（対応方針）は次回に。',
      '(市の考え方)　使用料は4年ごとに見直します。',
      '◯ごみ袋の価格が近隣より高い。',
      '【対応方針】',
      '(1) 近隣の価格を調べます',
      '(2) 結果を審議会に報告します',
    ].join('\n');
    const m = meetingOf(text);
    expect(m.opinions).toHaveLength(2);
    expect(m.opinions[0]?.text).toBe('使用料の見直しが長く行われていない。（対応方針）は次回に。');
    expect(m.opinions[0]?.response?.text).toBe('使用料は4年ごとに見直します。');
    expect(m.opinions[1]?.response?.text).toBe('(1) 近隣の価格を調べます\n(2) 結果を審議会に報告します');
    // A 重点施策名 with no 個別施策名 gives no measure: the measure title is unknown.
    expect(m.opinions[1]?.measure).toBeNull();
  });

  it('lets a 重点施策名 printed after a "(n)" heading complete it', () => {
    const text = ['(3) 災害に強い道をつくる', '重点施策名　安全なまちづくり', '○橋の点検結果を公表してほしい。', '（対応方針）', '・点検結果を毎年公表します。'].join('\n');
    expect(meetingOf(text).opinions[0]?.measure).toEqual({
      strategyTitle: '安全なまちづくり',
      measureTitle: '災害に強い道をつくる',
      measureNumber: '3',
    });
  });

  it('stays a committee when only an opinion mentions パブリックコメント', () => {
    const text = ['令和4年度 もみじ市 行革委員会 結果', '○計画の素案はパブリックコメントにかけるべき。', '（対応方針）', '・意見募集を行います。'].join('\n');
    expect(meetingOf(text).kind).toBe('committee');
  });

  it('reports an opinion without a response and a response without an opinion', () => {
    const text = ['（対応方針）', '・何に対する回答か分からない文。', '', '○回答のない意見です。'].join('\n');
    const { value, warnings } = parseMeetingReport(text);
    expect(value?.opinions.map((o) => [o.text, o.response])).toEqual([['回答のない意見です。', null]]);
    expect(warnings).toEqual([
      { line: 1, message: expect.stringContaining('意見が見当たらない対応方針') },
      { line: 1, message: expect.stringContaining('表題が見つからない') },
      { line: 4, message: expect.stringContaining('対応方針が見つからない意見') },
    ]);
    expect(value?.title).toBe('表題のない会議');
  });

  it('answers null with a reason for documents without any opinion', () => {
    for (const text of ['', '   \n\n', '\u0000\u0001\uFFFD\uD800', otherSeeds[0]?.text ?? '']) {
      const { value, warnings } = parseMeetingReport(text);
      expect(value).toBeNull();
      expect(warnings.length).toBeGreaterThan(0);
      expect(warnings.at(-1)?.message).toMatch(/意見/);
    }
  });

  it('reads 1 MB of random text without throwing', () => {
    const alphabet = ['あ', '意', '見', '○', '(対応方針)', '・', '<p>', '</ul', '&amp;', '&#xFFFFFF;', '\n', '\n\n', ' ', '（１）', '重点施策名\t', 'x', '"', '<'];
    let seedState = 12345;
    const parts: string[] = [];
    let size = 0;
    while (size < 1_000_000) {
      seedState = (seedState * 1103515245 + 12345) % 2147483648;
      const piece = alphabet[seedState % alphabet.length] as string;
      parts.push(piece);
      size += piece.length;
    }
    const text = parts.join('');
    const lineCount = text.split('\n').length;
    const { value } = parseMeetingReport(text);
    for (const o of value?.opinions ?? []) {
      expect(o.text.trim()).not.toBe('');
      expect(o.line).toBeGreaterThan(0);
      expect(o.line).toBeLessThanOrEqual(lineCount);
    }
    expect(meetingReportScore(text)).toBeGreaterThanOrEqual(0);
  });
});

describe('meetingReportScore', () => {
  it('is high for seed 000 and for every meeting fixture', () => {
    expect(meetingReportScore(seed000)).toBeGreaterThanOrEqual(0.6);
    for (const name of FIXTURE_NAMES) expect(meetingReportScore(fixture(name)), name).toBeGreaterThanOrEqual(0.6);
  });

  it('is low for the plan, progress report and evaluation sheet seeds', () => {
    for (const { name, text } of otherSeeds) expect(meetingReportScore(text), name).toBeLessThanOrEqual(0.3);
  });

  it('is 0 for nothing and stays within 0..1', () => {
    expect(meetingReportScore('')).toBe(0);
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (s) => {
        const score = meetingReportScore(s);
        return score >= 0 && score <= 1;
      }),
      { numRuns: 100 },
    );
  });
});

describe('parseMeetingReport: properties', () => {
  const seedLines = seed000.split('\n');
  const fixtureLines = FIXTURE_NAMES.flatMap((n) => fixture(n).split('\n'));
  const markupBits = ['<p>', '</p>', '<ul style="list-style-type: none">', '<li>', '<br>', '&nbsp;', '&#x1F600;', '&#99999999;', '(対応方針)', '【市の考え方】', '○', '〇', '●', '・', '→', '\n', '\n\n', '\t', '重点施策名\t', '個別施策名\t(1) ', '（２）', '<', '>', '"', "'", '<!--', '担当課：', '対応期限：令和2年4月1日'];

  /** The invariants every result keeps, whatever the input. */
  function holds(text: string): boolean {
    const { value, warnings } = parseMeetingReport(text);
    const lineCount = text.split('\n').length;
    for (const w of warnings) {
      if (!(Number.isInteger(w.line) && w.line >= 1 && w.message.length > 0)) return false;
    }
    if (value === null) return warnings.length > 0;
    return value.opinions.every(
      (o, i) =>
        o.seq === i + 1 &&
        o.text.trim() !== '' &&
        Number.isInteger(o.line) &&
        o.line >= 1 &&
        o.line <= lineCount &&
        (o.response === null || (o.response.text.trim() !== '' && o.response.state === 'published')),
    );
  }

  it('never throws on arbitrary text (graphemes)', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), holds), { numRuns: 200 });
  });

  it('never throws on arbitrary text (any code point)', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 300 }), holds), { numRuns: 200 });
  });

  it('never throws on the seed and fixture lines shuffled, truncated and mixed with markup', () => {
    const piece = fc.oneof(
      fc.tuple(fc.constantFrom(...seedLines, ...fixtureLines), fc.nat({ max: 300 }), fc.boolean()).map(([line, cut, whole]) =>
        whole ? line : line.slice(0, cut),
      ),
      fc.constantFrom(...markupBits),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), fc.constantFrom('\n', '', ' '), (pieces, sep) => holds(pieces.join(sep))),
      { numRuns: 300 },
    );
  });

  it('reads the seed the same whatever its line endings', () => {
    const crlf = parseMeetingReport(seed000.replace(/\n/g, '\r\n'));
    expect(crlf.value?.opinions.map((o) => [o.text, o.line])).toEqual(
      meetingOf(seed000).opinions.map((o) => [o.text, o.line]),
    );
  });
});
