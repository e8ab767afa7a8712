import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evaluationSheetScore, parseEvaluationSheet } from './evaluation-sheet-parser.js';
import type { ParsedEvaluation } from './types.js';
import { itNeverThrows } from '../../tests/helpers/parser-fuzz.js';

const seed = (name: string): string => fs.readFileSync(new URL(`../../../shared/seeds/${name}.txt`, import.meta.url), 'utf8');
const fixture = (name: string): string => fs.readFileSync(new URL(`./fixtures/evaluation-sheet/${name}`, import.meta.url), 'utf8');

const SEED_004 = seed('004_ea7af00e0d4b50ba');
const OTHER_SEEDS = ['000_f455e2d430f9a307', '001_4cf7fbf0a1127527', '002_2e26385474e890f2', '003_40086a4d60b213e0'];
const FIXTURES = ['c-ratings-not-comparable.txt', 'plain-marks.txt'];

function parsed(text: string): { value: ParsedEvaluation; warnings: Array<{ line: number; message: string }> } {
  const result = parseEvaluationSheet(text);
  expect(result.value).not.toBeNull();
  return { value: result.value as ParsedEvaluation, warnings: result.warnings };
}

const valuesOf = (v: ParsedEvaluation): Array<[string, number, number | null]> =>
  (v.indicator?.values ?? []).map((x) => [x.kind, x.fiscalYear, x.value]);

describe('parseEvaluationSheet on seed 004 (様々な主体との連携推進事業)', () => {
  const { value, warnings } = parsed(SEED_004);

  it('reads without warnings', () => {
    expect(warnings).toEqual([]);
  });

  it('reads the project, its department and the plan', () => {
    expect(value.projectName).toBe('様々な主体との連携推進事業');
    expect(value.projectCode).toBe('40-106');
    expect(value.department).toEqual({ bureau: '企画部', name: '経営企画課' });
    expect(value.planTitle).toBe('第5次総合計画 中期戦略事業プラン');
    expect(value.planPath).toEqual([
      { level: 'まちづくり目標', code: '5', title: 'みんなで考え行動するまち' },
      { level: '基本政策', code: '10', title: '市民と行政がともに力を合わせて歩むまちづくり' },
      { level: '施策展開の方向', code: '18', title: '次代へつながる確かな行財政運営ができるまちをつくる' },
      { level: '施策', code: '40', title: '市民に信頼される市政の推進' },
    ]);
  });

  it('reads the indicator: baseline with its year, targets, and the actuals laid out over several lines', () => {
    expect(value.indicator).toMatchObject({ name: '大学及び企業等との協定団体数', unit: '団体', cumulative: true, direction: 'increase', line: 31 });
    expect(valuesOf(value)).toEqual([
      ['baseline', 2020, 2],
      ['target', 2021, 2],
      ['target', 2022, 3],
      ['actual', 2021, 3],
      ['actual', 2022, 4],
    ]);
    expect(value.indicator?.values[0]?.display).toBe('2団体 (令和2年度)');
  });

  it('reads the costs of both years in 千円', () => {
    expect(value.years.map((y) => y.fiscalYear)).toEqual([2021, 2022]);
    const [r3, r4] = value.years;
    expect(r3?.costs).toMatchObject({
      projectCost: 0,
      nationalPrefecturalFunds: 0,
      localBonds: 0,
      otherSpecificRevenue: 0,
      generalRevenue: 0,
      staffCount: 0.1,
      personnelCost: 818,
      totalCost: 818,
      unitCostYen: 8,
      targetCount: 101381,
    });
    expect(r4?.costs).toMatchObject({ staffCount: 0.1, personnelCost: 857, totalCost: 857, unitCostYen: 8, targetCount: 101119 });
  });

  it('reads the ratings, their reasons, the results and the 総評', () => {
    expect(value.fiscalYear).toBe(2022);
    expect(value.ratings).toEqual({ progress: 'A', level: 'B', effectiveness: 'A', efficiency: 'A' });
    expect(value.reasons.progress).toMatch(/^移住・定住促進に向けた情報交換/);
    expect(value.reasons.level).toMatch(/^市内に拠点を置く大学との協定締結数は/);
    expect(value.reasons.effectiveness).toMatch(/高い有効性を備えています。$/);
    expect(value.reasons.efficiency).toMatch(/^大学、近隣自治体及び企業との連携は/);
    expect(value.results).toBe('地方創生に係る移住・定住促進を目的とし、中栄信用金庫と「地方創生に係る移住・定住促進連携協定」を締結しました。');
    expect(value.summary).toMatch(/^大学や企業等の持つノウハウや知見を活用する/);
  });
});

describe('parseEvaluationSheet on our own sheets', () => {
  it('reads C ratings, and 一律に比較できない (no letter printed) as N', () => {
    const { value, warnings } = parsed(fixture('c-ratings-not-comparable.txt'));
    expect(warnings).toEqual([]);
    expect(value.ratings).toEqual({ progress: 'C', level: 'N', effectiveness: 'C', efficiency: 'B' });
    expect(value.reasons.level).toMatch(/一律には比較できません/);
    expect(value.projectCode).toBe('12-034');
    expect(value.department).toEqual({ bureau: 'こども部', name: 'こども育成課' });
    expect(value.planPath.map((p) => p.code)).toEqual(['2', '4', '12']);
    expect(value.fiscalYear).toBe(2023);
    expect(value.indicator).toMatchObject({ name: '放課後児童クラブの待機児童数', unit: '人', cumulative: false, direction: 'decrease' });
    expect(valuesOf(value)).toEqual([
      ['baseline', 2021, 30],
      ['target', 2022, 20],
      ['target', 2023, 10],
      ['actual', 2022, 28],
      ['actual', 2023, 25],
    ]);
    expect(value.years.map((y) => [y.fiscalYear, y.costs.projectCost, y.costs.nationalPrefecturalFunds, y.costs.generalRevenue, y.costs.staffCount, y.costs.totalCost, y.costs.unitCostYen])).toEqual([
      [2022, 12500, 4000, 6400, 1.5, 24500, 70000],
      [2023, 13200, 4400, 6500, 1.5, 25500, 67105],
    ]);
  });

  it('reads ■/□ marks, a department in one cell and a 総評 continued on the next line', () => {
    const { value, warnings } = parsed(fixture('plain-marks.txt'));
    expect(warnings).toEqual([]);
    expect(value.ratings).toEqual({ progress: 'A', level: 'B', effectiveness: 'A', efficiency: 'A' });
    expect(value.department).toEqual({ bureau: '福祉部', name: '高齢福祉課' });
    expect(value.years).toEqual([{ fiscalYear: 2023, costs: expect.objectContaining({ projectCost: 1850, personnelCost: 4100, totalCost: 5950 }) }]);
    expect(value.summary).toBe('協力事業者は順調に増えています。\n通報後の対応の流れを、事業者と改めて確認します。');
  });

  it('prefers the printed letter and warns when the checked option disagrees', () => {
    const text = SEED_004.replace('計画どおり進捗せず (C)\tA', '計画どおり進捗せず (C)\tC');
    const { value, warnings } = parsed(text);
    expect(value.ratings.progress).toBe('C');
    expect(warnings.map((w) => w.line)).toEqual([74]);
  });

  it('answers null with a warning for documents that are not evaluation sheets', () => {
    for (const text of ['', 'ただの文章です。', ...OTHER_SEEDS.map(seed)]) {
      const result = parseEvaluationSheet(text);
      expect(result.value).toBeNull();
      expect(result.warnings.length).toBeGreaterThan(0);
    }
  });
});

describe('evaluationSheetScore', () => {
  it('is high for seed 004 and our fixtures', () => {
    expect(evaluationSheetScore(SEED_004)).toBeGreaterThanOrEqual(0.6);
    for (const f of FIXTURES) expect(evaluationSheetScore(fixture(f)), f).toBeGreaterThanOrEqual(0.6);
  });

  it('is at most 0.3 for the other seeds', () => {
    for (const s of OTHER_SEEDS) {
      const score = evaluationSheetScore(seed(s));
      expect(score, s).toBeLessThanOrEqual(0.3);
      expect(score).toBeGreaterThanOrEqual(0);
    }
  });
});

describe('parseEvaluationSheet on hostile input', () => {
  const check = (text: string): void => {
    const result = parseEvaluationSheet(text);
    expect(result.warnings.some((w) => w.message.includes('予期しないエラー'))).toBe(false);
    for (const w of result.warnings) expect(Number.isInteger(w.line) && w.line >= 1).toBe(true);
    const score = evaluationSheetScore(text);
    expect(score >= 0 && score <= 1).toBe(true);
    const v = result.value;
    if (!v) return;
    expect(['A', 'B', 'C', 'N']).toEqual(expect.arrayContaining(Object.values(v.ratings)));
    expect(Number.isInteger(v.fiscalYear)).toBe(true);
    for (const y of v.years) {
      for (const c of Object.values(y.costs)) expect(c === null || Number.isFinite(c)).toBe(true);
    }
  };
  const lines = SEED_004.split('\n');
  const allLines = [...lines, ...FIXTURES.flatMap((f) => fixture(f).split('\n'))];

  it('stays fast on large pathological cells (no regex backtracking blow-up)', () => {
    const inputs = [
      '<'.repeat(60000),
      '事業名\t' + '\t'.repeat(30000) + 'x',
      '進捗状況 ' + '進捗状況(A)'.repeat(20000),
      '事業名\tx\n目 標\t【指標名】\n\t\t\t令和3年度\n\t\t名前\t2団体' + ' '.repeat(30000) + '(令和2年度',
      ('実施水準\t' + '<input checked=""'.repeat(2000) + '\n').repeat(5),
    ];
    const started = Date.now();
    for (const text of inputs) check(text);
    expect(Date.now() - started).toBeLessThan(3000);
  });

  itNeverThrows(check, allLines, SEED_004, 9000);
});
