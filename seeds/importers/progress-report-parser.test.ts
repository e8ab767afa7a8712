import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseProgressReport, progressReportScore } from './progress-report-parser.js';
import type { ParsedProgressReport } from './types.js';
import { itNeverThrows } from '../../tests/helpers/parser-fuzz.js';

const seed = (name: string): string => fs.readFileSync(new URL(`../../../shared/seeds/${name}.txt`, import.meta.url), 'utf8');
const fixture = (name: string): string => fs.readFileSync(new URL(`./fixtures/progress-report/${name}`, import.meta.url), 'utf8');

const SEED_003 = seed('003_40086a4d60b213e0');
const OTHER_SEEDS = ['000_f455e2d430f9a307', '001_4cf7fbf0a1127527', '002_2e26385474e890f2', '004_ea7af00e0d4b50ba'];
const FIXTURES = ['fullwidth-table.txt', 'row-mismatch.txt', 'well-ordered.txt', 'second-half-inline-labels.txt'];

function parsed(text: string): { value: ParsedProgressReport; warnings: Array<{ line: number; message: string }> } {
  const result = parseProgressReport(text);
  expect(result.value).not.toBeNull();
  return { value: result.value as ParsedProgressReport, warnings: result.warnings };
}

describe('parseProgressReport on seed 003 (平塚市 令和3年度上半期)', () => {
  const { value, warnings } = parsed(SEED_003);

  it('reads the plan and the period', () => {
    expect(value.planTitle).toBe('平塚市行財政改革計画（2020-2023）');
    expect(value.municipality).toBe('平塚市');
    expect(value.startYear).toBe(2020);
    expect(value.endYear).toBe(2023);
    expect(value.period).toBe('2021H1');
  });

  it('reads the six 取組の視点 and the status table as printed', () => {
    expect(value.perspectives.map((p) => [p.code, p.title])).toEqual([
      ['1', '民間活力の活用'],
      ['2', '施設の総合的管理'],
      ['3', '行政の効率化'],
      ['4', '収入確保策の推進'],
      ['5', '身近で利用しやすい行政サービスの推進'],
      ['6', 'ICTの活用推進'],
    ]);
    const rows = value.reportedRows.map((r) => [r.perspectiveCode, r.counts.done, r.counts.on_track, r.counts.delayed, r.counts.not_started, r.counts.suspended, r.total, r.line]);
    expect(rows).toEqual([
      ['1', 0, 8, 1, 1, 0, 10, 35],
      ['2', 1, 5, 0, 0, 0, 6, 36],
      ['3', 0, 6, 0, 0, 0, 6, 37],
      ['4', 0, 13, 0, 0, 1, 14, 38],
      ['5', 1, 7, 0, 0, 0, 8, 40],
      ['6', 0, 11, 0, 0, 0, 11, 42],
    ]);
    expect(value.reportedTotals).toEqual({ done: 2, on_track: 50, delayed: 1, not_started: 1, suspended: 1, total: 55 });
  });

  it('has no warnings: the rows, the columns and the summary sentences (55 取組, 94%) agree', () => {
    expect(warnings).toEqual([]);
  });

  it('reads the three named items, [同上] taking the previous project', () => {
    expect(value.items.map((i) => [i.name, i.status, i.projectName, i.line])).toEqual([
      ['龍城ケ丘ゾーン公園の設計', 'delayed', '龍城ケ丘ゾーン公園整備事業', 129],
      ['龍城ケ丘ゾーン公園整備工事', 'not_started', '龍城ケ丘ゾーン公園整備事業', 131],
      ['クラウドファンディングに関する取組', 'suspended', '寄附金活用事業', 137],
    ]);
  });

  it('gives the bullets after a run of items to every item of the run, joining wrapped lines', () => {
    const [design, works, crowd] = value.items;
    expect(design?.note).toBe('・設計では、市民意見を踏まえ、事業者と協議を進めた。\n・今後も、整備に向けて引き続き設計を進める。');
    expect(works?.note).toBe(design?.note);
    expect(crowd?.note).toBe(
      '・令和３年度に実施予定のクラウドファンディング（七夕まつり・花火大会）は、新型コロナウイルス感染症の影響により、事業が中止となり、実施を取り止めた。',
    );
  });

  it('assigns each 主な事業 to the 取組の視点 label printed after it', () => {
    expect(value.projects.map((p) => [p.name, p.perspectiveCode, p.priority])).toEqual([
      ['民間活力活用事業', '1', true],
      ['公立幼稚園・保育園再編等事業', '1', true],
      ['公共施設総合的管理事業', '2', true],
      ['職員提案・業務改善推進事業', '3', false],
      ['債権徴収の推進事業', '4', true],
      ['行政手続オンライン化推進事業', '5', true],
      ['マイナンバーカード普及促進事業', '5', true],
      ['ICT活用推進事業', '6', true],
    ]);
  });

  it('keeps the narrative as written, bullets on their own lines and wrapped sentences joined', () => {
    const debt = value.projects.find((p) => p.name === '債権徴収の推進事業');
    expect(debt?.narrative.split('\n')).toEqual([
      '・各債権の令和2年度の取組結果を踏まえ、成果目標等を設定し、収納率の向上に向け、着実に取組を進めた。',
      '・市税、国民健康保険税等で、スマートフォン決済アプリ「FamiPay」を利用したキャッシュレス決済による納付を開始。',
      '・国民健康保険税及び後期高齢者医療保険料で、滞納者の財産調査における事務の効率化を図るため、預貯金照会業務のデジタル化サービス「pipitLINQ」を導入。',
    ]);
    const first = value.projects[0];
    expect(first?.narrative).toContain('今後は、調査結果や他自治体の事例等を参考に');
    expect(first?.line).toBe(55);
  });
});

describe('parseProgressReport on our own variants', () => {
  it('reads a table written in full-width digits and ideographic spaces throughout', () => {
    const { value, warnings } = parsed(fixture('fullwidth-table.txt'));
    expect(warnings).toEqual([]);
    expect(value.period).toBe('2022H1');
    expect(value.startYear).toBe(2022);
    expect(value.endYear).toBe(2025);
    expect(value.municipality).toBe('みどり市');
    expect(value.perspectives.map((p) => p.title)).toEqual(['窓口サービスの向上', '財源の確保', '組織の活性化']);
    expect(value.reportedRows.map((r) => [r.counts.done, r.counts.on_track, r.counts.delayed, r.counts.not_started, r.counts.suspended, r.total])).toEqual([
      [1, 4, 1, 0, 0, 6],
      [0, 5, 0, 1, 0, 6],
      [2, 5, 0, 0, 1, 8],
    ]);
    expect(value.reportedTotals).toEqual({ done: 3, on_track: 14, delayed: 1, not_started: 1, suspended: 1, total: 20 });
    expect(value.items.map((i) => [i.status, i.projectName])).toEqual([
      ['delayed', '窓口デジタル化事業'],
      ['not_started', '広告事業'],
      ['suspended', '職員提案推進事業'],
    ]);
    expect(value.items[0]?.note).toBe('・システム改修の入札が不調となり、再入札の準備を進めている。');
    expect(value.projects.map((p) => [p.name, p.perspectiveCode])).toEqual([
      ['窓口デジタル化事業', '1'],
      ['ふるさと納税推進事業', '2'],
      ['人材育成事業', '3'],
    ]);
  });

  it('warns with the line of a row that does not add up, keeping the figures as printed', () => {
    const { value, warnings } = parsed(fixture('row-mismatch.txt'));
    expect(value.period).toBe('2022H2');
    expect(value.reportedRows[0]).toMatchObject({ perspectiveCode: '1', counts: { done: 1, on_track: 3 }, total: 5, line: 5 });
    expect(value.reportedTotals).toEqual({ done: 1, on_track: 5, delayed: 1, not_started: 0, suspended: 0, total: 8 });
    const rowWarning = warnings.find((w) => w.line === 5);
    expect(rowWarning?.message).toMatch(/一致しません/);
    expect(warnings.some((w) => w.line === 7)).toBe(true);
  });

  it('reads a well-ordered report, labels before their projects', () => {
    const { value, warnings } = parsed(fixture('well-ordered.txt'));
    expect(warnings).toEqual([]);
    expect(value.period).toBe('2024H1');
    expect(value.projects.map((p) => [p.name, p.perspectiveCode, p.priority])).toEqual([
      ['電子申請拡充事業', '1', true],
      ['オープンデータ推進事業', '1', false],
      ['使用料見直し事業', '2', true],
    ]);
    expect(value.items).toHaveLength(1);
    expect(value.items[0]).toMatchObject({ status: 'not_started', projectName: '使用料見直し事業' });
  });

  it('reads a 令和5年度下半期 report whose label shares a line with the next project heading', () => {
    const { value, warnings } = parsed(fixture('second-half-inline-labels.txt'));
    expect(warnings).toEqual([]);
    expect(value.period).toBe('2023H2');
    expect(value.projects.map((p) => [p.name, p.perspectiveCode])).toEqual([
      ['窓口改革事業', '1'],
      ['債権管理適正化事業', '2'],
    ]);
    expect(value.projects[1]?.narrative).toBe('・滞納の初期対応を早め、催告の時期を1か月前倒しした。\n今後は、外部委託の範囲を整理する。');
  });

  it('warns when the summary sentences contradict the table', () => {
    const text = SEED_003.replace('・２9事業で5５の取組を実施。', '・２9事業で5６の取組を実施。').replace('全体の９４％は順調', '全体の９０％は順調');
    const { value, warnings } = parsed(text);
    expect(value.reportedTotals?.total).toBe(55);
    expect(warnings.map((w) => w.line).sort((a, b) => a - b)).toEqual([13, 17]);
  });

  it('answers null with a warning when the period or the plan is missing', () => {
    const noPeriod = parseProgressReport(SEED_003.replace('令和3年度【上半期】取組状況（総括）', '取組状況（総括）'));
    expect(noPeriod.value).toBeNull();
    expect(noPeriod.warnings.some((w) => w.message.includes('対象期間'))).toBe(true);
    const noPlan = parseProgressReport(SEED_003.replace('平塚市行財政改革計画（2020-2023）', ''));
    expect(noPlan.value).toBeNull();
    expect(noPlan.warnings.some((w) => w.message.includes('計画名'))).toBe(true);
  });

  it('answers null with a warning for documents that are not progress reports', () => {
    for (const text of ['', '   \n\n', ...OTHER_SEEDS.map(seed)]) {
      const result = parseProgressReport(text);
      expect(result.value).toBeNull();
      expect(result.warnings.length).toBeGreaterThan(0);
    }
  });
});

describe('progressReportScore', () => {
  it('is high for seed 003 and our fixtures', () => {
    expect(progressReportScore(SEED_003)).toBeGreaterThanOrEqual(0.6);
    for (const f of FIXTURES) expect(progressReportScore(fixture(f)), f).toBeGreaterThanOrEqual(0.6);
  });

  it('is at most 0.3 for the other seeds', () => {
    for (const s of OTHER_SEEDS) {
      const score = progressReportScore(seed(s));
      expect(score, s).toBeLessThanOrEqual(0.3);
      expect(score).toBeGreaterThanOrEqual(0);
    }
  });
});

describe('parseProgressReport on hostile input', () => {
  const INTERNAL = '予期しないエラー';
  const check = (text: string): void => {
    const result = parseProgressReport(text);
    expect(result.warnings.some((w) => w.message.includes(INTERNAL))).toBe(false);
    for (const w of result.warnings) expect(Number.isInteger(w.line) && w.line >= 1).toBe(true);
    const score = progressReportScore(text);
    expect(score >= 0 && score <= 1).toBe(true);
    const v = result.value;
    if (!v) return;
    const counts = [...v.reportedRows.flatMap((r) => [...Object.values(r.counts), r.total]), ...(v.reportedTotals ? Object.values(v.reportedTotals) : [])];
    for (const n of counts) expect(Number.isInteger(n) && n >= 0).toBe(true);
  };
  const lines = SEED_003.split('\n');
  const allLines = [...lines, ...FIXTURES.flatMap((f) => fixture(f).split('\n'))];

  it('stays fast on large pathological lines (no regex backtracking blow-up)', () => {
    const inputs = [
      'a' + '・'.repeat(30000) + '遅れx',
      '1'.repeat(60000) + '事業で',
      '(1)' + ' '.repeat(30000) + 'x',
      '合計5取組\n'.repeat(5000),
      '取組の視点 済 概ね順調 遅れ 未着手 休止 合計\n' + '(1)あ 1 2 3 4 5 15\n'.repeat(3000) + '合計 1 2 3 4 5 15',
    ];
    const started = Date.now();
    for (const text of inputs) check(text);
    expect(Date.now() - started).toBeLessThan(3000);
  });

  itNeverThrows(check, allLines, SEED_003, 2000);
});
