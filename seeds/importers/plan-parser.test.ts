/**
 * The plan parser against the customer's seed documents (001: 総合計画 重点戦略,
 * 002: 行財政改革計画 素案), our own fixtures (fixtures/plan/), the sample
 * dataset's hand transcription of seed 001 as the oracle, and random input.
 */
import fs from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sampleData } from '../sample/sample-data.js';
import type { SampleIndicator, SampleNode } from '../sample/types.js';
import { parsePlan, planScore } from './plan-parser.js';
import type { ParsedIndicator, ParsedNode, ParsedPlan } from './types.js';

const seed = (name: string): string => fs.readFileSync(new URL(`../../../shared/seeds/${name}`, import.meta.url), 'utf8');
const fixture = (name: string): string => fs.readFileSync(new URL(`./fixtures/plan/${name}`, import.meta.url), 'utf8');

const SEED_000 = seed('000_f455e2d430f9a307.txt');
const SEED_001 = seed('001_4cf7fbf0a1127527.txt');
const SEED_002 = seed('002_2e26385474e890f2.txt');
const SEED_003 = seed('003_40086a4d60b213e0.txt');
const SEED_004 = seed('004_ea7af00e0d4b50ba.txt');

const FIXTURES = [
  'roman-strategies.txt',
  'fullwidth-digits.txt',
  'kpi-values.txt',
  'extra-target-column.txt',
  'fallback-chapters.txt',
  'reform-with-themes.txt',
] as const;

function plan(text: string): ParsedPlan {
  const result = parsePlan(text);
  if (!result.value) throw new Error(`no plan: ${JSON.stringify(result.warnings)}`);
  return result.value;
}

function flatten(nodes: ParsedNode[]): ParsedNode[] {
  return nodes.flatMap((n) => [n, ...flatten(n.children)]);
}

function byLevel(nodes: ParsedNode[], level: string): ParsedNode[] {
  return flatten(nodes).filter((n) => n.level === level);
}

function find(nodes: ParsedNode[], code: string): ParsedNode {
  const node = flatten(nodes).find((n) => n.code === code);
  if (!node) throw new Error(`no node ${code}`);
  return node;
}

function indicator(nodes: ParsedNode[], name: string): ParsedIndicator {
  const found = flatten(nodes).flatMap((n) => n.indicators).find((i) => i.name === name);
  if (!found) throw new Error(`no indicator ${name}`);
  return found;
}

// ---------------------------------------------------------------------------
// The oracle: every difference between the parse and the transcription.

function indicatorDiffs(where: string, got: ParsedIndicator[], want: SampleIndicator[]): string[] {
  const out: string[] = [];
  if (got.length !== want.length) out.push(`${where}: ${got.length} indicators, expected ${want.length} (${got.map((g) => g.name).join(' / ')})`);
  for (let i = 0; i < Math.max(got.length, want.length); i++) {
    const g = got[i];
    const w = want[i];
    if (!g || !w) continue;
    const at = `${where} indicator ${i + 1} (${w.name})`;
    if (g.name !== w.name) out.push(`${at}: name ${JSON.stringify(g.name)}`);
    if (g.unit !== w.unit) out.push(`${at}: unit ${JSON.stringify(g.unit)}, expected ${JSON.stringify(w.unit)}`);
    if (g.cumulative !== w.cumulative) out.push(`${at}: cumulative ${g.cumulative}`);
    if (g.direction !== w.direction) out.push(`${at}: direction ${g.direction}`);
    if (g.notes !== w.notes) out.push(`${at}: notes ${JSON.stringify(g.notes)}, expected ${JSON.stringify(w.notes)}`);
    const gv = JSON.stringify(g.values.map((v) => [v.fiscalYear, v.kind, v.value, v.display]));
    const wv = JSON.stringify(w.values.map((v) => [v.fiscalYear, v.kind, v.value, v.display]));
    if (gv !== wv) out.push(`${at}: values ${gv}, expected ${wv}`);
  }
  return out;
}

function nodeDiffs(got: ParsedNode[], want: SampleNode[], where = 'plan'): string[] {
  const out: string[] = [];
  if (got.length !== want.length) out.push(`${where}: ${got.length} children, expected ${want.length}`);
  for (let i = 0; i < Math.max(got.length, want.length); i++) {
    const g = got[i];
    const w = want[i];
    if (!g || !w) continue;
    const at = `node ${w.code}`;
    if (g.level !== w.level) out.push(`${at}: level ${g.level}, expected ${w.level}`);
    if (g.code !== w.code) out.push(`${at}: code ${g.code}`);
    if (g.title !== w.title) out.push(`${at}: title ${JSON.stringify(g.title)}, expected ${JSON.stringify(w.title)}`);
    if (g.description !== w.description) out.push(`${at}: description ${JSON.stringify(g.description)}, expected ${JSON.stringify(w.description)}`);
    out.push(...indicatorDiffs(at, g.indicators, w.indicators ?? []));
    out.push(...nodeDiffs(g.children, w.children ?? [], at));
  }
  return out;
}

// ---------------------------------------------------------------------------

describe('seed 001: 総合計画 基本計画 第2章 重点戦略', () => {
  const result = parsePlan(SEED_001);
  const value = result.value!;

  it('reads 4 重点戦略, 12 施策, 46 主な取組 and 39 indicators (9 数値目標, 30 KPI)', () => {
    expect(value).not.toBeNull();
    expect(byLevel(value.nodes, '重点戦略').map((n) => n.code)).toEqual(['1', '2', '3', '4']);
    expect(byLevel(value.nodes, '施策')).toHaveLength(12);
    expect(byLevel(value.nodes, '主な取組')).toHaveLength(46);
    const strategyIndicators = value.nodes.flatMap((n) => n.indicators);
    const measureIndicators = byLevel(value.nodes, '施策').flatMap((n) => n.indicators);
    expect(strategyIndicators).toHaveLength(9);
    expect(measureIndicators).toHaveLength(30);
    expect(byLevel(value.nodes, '主な取組').flatMap((n) => n.indicators)).toHaveLength(0);
  });

  it('matches the hand transcription in seeds/sample/sample-data.ts node by node and indicator by indicator', () => {
    const diffs = nodeDiffs(value.nodes, sampleData.plan.nodes);
    expect(diffs, diffs.join('\n')).toEqual([]);
  });

  it('reads the plan header: title, kind, period inferred from the target columns, no municipality', () => {
    expect(value.title).toBe('基本計画 第2章 重点戦略');
    expect(value.kind).toBe('comprehensive');
    expect(value.municipality).toBeNull();
    expect(value.startYear).toBe(2024);
    expect(value.endYear).toBe(2031);
    const messages = result.warnings.map((w) => w.message);
    expect(messages.some((m) => m.includes('自治体名'))).toBe(true);
    expect(messages.some((m) => m.includes('計画期間') && m.includes('推定'))).toBe(true);
  });

  it('takes the 重点戦略Ⅰ title from the line after the heading and makes no node of the table of contents or the SDGs block', () => {
    expect(find(value.nodes, '1').title).toBe('子どもを育む環境づくり');
    expect(find(value.nodes, '1').line).toBe(20);
    for (const measure of byLevel(value.nodes, '施策')) {
      expect(measure.description ?? '').not.toContain('SDGs');
    }
    expect(new Set(flatten(value.nodes).map((n) => n.code)).size).toBe(flatten(value.nodes).length);
  });

  it('reports the unit column that disagrees with the value (魅力化実施店舗数: 70 店舗 / (回))', () => {
    expect(result.warnings.some((w) => w.message.includes('魅力化実施店舗数') && w.message.includes('単位'))).toBe(true);
  });
});

describe('seed 002: 行財政改革計画 (2024-2027) 素案 概要版', () => {
  const result = parsePlan(SEED_002);
  const value = result.value!;

  it('reads the header: title without 【素案】, 平塚市, reform, 2024-2027, the draft status in the description', () => {
    expect(value.title).toBe('平塚市行財政改革計画（2024-2027）');
    expect(value.municipality).toBe('平塚市');
    expect(value.kind).toBe('reform');
    expect(value.startYear).toBe(2024);
    expect(value.endYear).toBe(2027);
    expect(value.description?.startsWith('素案（概要版）')).toBe(true);
  });

  it('reads 2 目標 with 2 改革テーマ each, with their descriptions', () => {
    const goals = value.nodes.filter((n) => n.level === '目標');
    expect(goals.map((g) => [g.code, g.title])).toEqual([
      ['1', '効率的・効果的な行政サービスの推進'],
      ['2', '将来にわたり持続可能な行財政運営の確立'],
    ]);
    expect(goals.map((g) => g.children.map((c) => `${c.level} ${c.code} ${c.title}`))).toEqual([
      ['改革テーマ 1-1 行政サービスの向上', '改革テーマ 1-2 行政サービスの最適化'],
      ['改革テーマ 2-3 健全財政の維持', '改革テーマ 2-4 人・組織の活性化・最適化'],
    ]);
    for (const node of [...goals, ...goals.flatMap((g) => g.children)]) expect(node.description).toMatch(/。$/);
    expect(goals[0]!.description).toContain('行財政改革の面から');
  });

  it('reads 19 実施計画事業 with their 取組の概要, top-level after the 目標, with one warning saying so', () => {
    const projects = value.nodes.filter((n) => n.level === '実施計画事業');
    expect(projects).toHaveLength(19);
    expect(value.nodes.slice(0, 2).every((n) => n.level === '目標')).toBe(true);
    expect(projects.map((p) => p.code)).toEqual(Array.from({ length: 19 }, (_v, i) => `P${i + 1}`));
    expect(projects[0]).toMatchObject({ title: '窓口サービスのDX推進', description: '「書かない」「待たない」窓口を目指し、窓口サービスのデジタル化等を推進します。' });
    expect(projects[18]!.title).toBe('ワーク・ライフ・バランスの推進');
    for (const p of projects) expect((p.description ?? '').length).toBeGreaterThan(10);
    const placement = result.warnings.filter((w) => w.message.includes('改革テーマ'));
    expect(placement).toHaveLength(1);
    expect(placement[0]!.message).toContain('19件');
  });
});

describe('our own plan fixtures', () => {
  it('roman numerals Ⅰ Ⅱ Ⅲ: strategies 1-3, TOC titles not duplicated, a stated 計画期間, a superscript footnote', () => {
    const v = plan(fixture('roman-strategies.txt'));
    expect(v.title).toBe('みなと市総合計画 後期基本計画');
    expect(v.municipality).toBe('みなと市');
    expect([v.startYear, v.endYear]).toEqual([2025, 2029]);
    expect(v.nodes.map((n) => `${n.code} ${n.title}`)).toEqual(['1 海とともに暮らすまち', '2 学びが広がるまち', '3 支え合うまち']);
    expect(byLevel(v.nodes, '施策').map((n) => n.code)).toEqual(['1-(1)', '1-(2)', '2-(1)', '3-(1)']);
    expect(find(v.nodes, '1-(1)').description).toBe('砂浜の清掃と、海に流れ込むごみを減らす呼びかけを進めます。');
    expect(find(v.nodes, '1-(1)').children.map((c) => c.title)).toEqual(['砂浜の定期清掃への支援', '海洋ごみを減らす啓発']);
    expect(indicator(v.nodes, '海洋ごみの回収量')).toMatchObject({ unit: 'トン', direction: 'increase', notes: '市が回収に関わった量に限る' });
    expect(indicator(v.nodes, '漁港周辺の交通事故件数')).toMatchObject({ unit: '件', direction: 'decrease' });
    expect(indicator(v.nodes, '海岸清掃ボランティアの参加者数')).toMatchObject({
      cumulative: true,
      values: [
        { fiscalYear: 2024, kind: 'baseline', value: 1250, display: '1,250人' },
        { fiscalYear: 2029, kind: 'target', value: 3000, display: '3,000人' },
      ],
    });
  });

  it('full-width digits: 重点戦略１, （１）, values and header years', () => {
    const v = plan(fixture('fullwidth-digits.txt'));
    expect(v.nodes.map((n) => n.code)).toEqual(['1', '2']);
    expect(byLevel(v.nodes, '施策').map((n) => `${n.code} ${n.title}`)).toEqual(['1-(1) 運動の習慣をつくる', '2-(1) 職場の環境を整える']);
    expect(byLevel(v.nodes, '主な取組')).toHaveLength(3);
    expect([v.startYear, v.endYear]).toEqual([2025, 2032]);
    expect(indicator(v.nodes, '特定健診の受診率')).toMatchObject({
      unit: '%',
      values: [
        { fiscalYear: 2024, kind: 'baseline', value: 45.6, display: '４５．６％' },
        { fiscalYear: 2028, kind: 'target', value: 50, display: '５０％' },
        { fiscalYear: 2032, kind: 'target', value: 60, display: '６０％' },
      ],
    });
    expect(indicator(v.nodes, 'ウォーキング教室の参加者数').values.at(-1)).toEqual({ fiscalYear: 2032, kind: 'target', value: 1000, display: '１，０００人' });
    expect(indicator(v.nodes, '表彰事業所数')).toMatchObject({ unit: '社', cumulative: true });
  });

  it('KPI values: ▲120, 2,831件, 検討中, 集計中, —, "小 … 中 …", a bracketed unit, an ambiguous note', () => {
    const result = parsePlan(fixture('kpi-values.txt'));
    const v = result.value!;
    const values = (name: string) => indicator(v.nodes, name).values.map((x) => [x.fiscalYear, x.kind, x.value, x.display]);
    expect(values('商店街の空き店舗数の増減')).toEqual([[2023, 'baseline', -120, '▲120'], [2027, 'target', -50, '▲50'], [2031, 'target', 0, '0']]);
    expect(values('中小企業の経営相談件数')).toEqual([[2023, 'baseline', 2831, '2,831件'], [2027, 'target', null, '検討中'], [2031, 'target', 6000, '6,000件']]);
    expect(values('商店街イベントの来場者数')).toEqual([[2023, 'baseline', null, '集計中'], [2027, 'target', null, '—']]);
    expect(values('観光案内所の利用満足度')[0]).toEqual([2023, 'baseline', null, '小 82.0% 中 77.5%']);
    expect(indicator(v.nodes, '観光案内所の利用満足度').unit).toBe('%');
    expect(indicator(v.nodes, 'チャレンジショップの出店数')).toMatchObject({ unit: '店舗', cumulative: true, values: [{ fiscalYear: 2023, kind: 'baseline', value: null, display: '-' }] });
    // 「店舗」 and 「出店」 are shared with two rows equally: the note goes to the last row, with a warning.
    expect(indicator(v.nodes, 'チャレンジショップの出店数').notes).toBe('市が出店料を補助した店舗に限る');
    expect(result.warnings.some((w) => w.line === 25 && w.message.includes('判断できない'))).toBe(true);
  });

  it('an extra 目標値 column year: 2027, 2029 and 2031 targets, empty cells omitted', () => {
    const v = plan(fixture('extra-target-column.txt'));
    expect(indicator(v.nodes, '街路樹の植樹本数').values.map((x) => [x.fiscalYear, x.kind, x.value])).toEqual([
      [2023, 'baseline', 310], [2027, 'target', 600], [2029, 'target', 900], [2031, 'target', 1200],
    ]);
    expect(indicator(v.nodes, '花壇づくり活動団体数').values.map((x) => x.fiscalYear)).toEqual([2023, 2027, 2031]);
    expect([v.startYear, v.endYear]).toEqual([2024, 2031]);
  });

  it('fallback outline: 第1章 / 1 / (1) nest, with levels 章 / 項目 / 小項目 and an indicator table', () => {
    const v = plan(fixture('fallback-chapters.txt'));
    expect(v.title).toBe('さくら町みどりのまちづくりプラン');
    expect(v.municipality).toBe('さくら町');
    expect(v.kind).toBe('other');
    expect([v.startYear, v.endYear]).toEqual([2025, 2030]);
    expect(v.nodes.map((n) => `${n.level} ${n.code} ${n.title}`)).toEqual(['章 1 計画の考え方', '章 2 施策の展開', '章 3 計画の推進']);
    expect(find(v.nodes, '2').children.map((n) => `${n.level} ${n.code} ${n.title}`)).toEqual(['項目 2-1 緑を守る', '項目 2-2 緑を増やす']);
    expect(find(v.nodes, '2-1').children.map((n) => `${n.level} ${n.code}`)).toEqual(['小項目 2-1-(1)', '小項目 2-1-(2)']);
    expect(find(v.nodes, '2-1-(1)').description).toBe('所有者と協力して、手入れの行き届かない山林を減らします。');
    expect(find(v.nodes, '2-1-(2)').indicators.map((i) => [i.name, i.unit, i.values.map((x) => x.fiscalYear)])).toEqual([['保全協定を結んだ山林の面積', 'ha', [2024, 2030]]]);
  });

  it('a 行政改革 plan whose project table names the テーマ: projects go under their テーマ, no placement warning', () => {
    const result = parsePlan(fixture('reform-with-themes.txt'));
    const v = result.value!;
    expect(v).toMatchObject({ title: 'もみじ市行政改革プラン（2025-2028）', municipality: 'もみじ市', kind: 'reform', startYear: 2025, endYear: 2028, description: '案' });
    expect(find(v.nodes, '1-1').children.map((c) => `${c.level} ${c.code} ${c.title}`)).toEqual(['実施計画事業 P1 電子申請の拡充', '実施計画事業 P2 窓口キャッシュレス化']);
    expect(find(v.nodes, '2-2').children.map((c) => c.code)).toEqual(['P3']);
    expect(find(v.nodes, '2-2').description).toBe('利用の少ない施設の役割を見直します。');
    expect(result.warnings).toEqual([]);
  });
});

describe('planScore', () => {
  it('is high for the plan seeds and our fixtures', () => {
    expect(planScore(SEED_001)).toBeGreaterThanOrEqual(0.6);
    expect(planScore(SEED_002)).toBeGreaterThanOrEqual(0.6);
    for (const name of FIXTURES) expect(planScore(fixture(name)), name).toBeGreaterThanOrEqual(0.6);
  });

  it('is low for the meeting report, the progress report and the evaluation sheet', () => {
    expect(planScore(SEED_000)).toBeLessThanOrEqual(0.3);
    expect(planScore(SEED_003)).toBeLessThanOrEqual(0.3);
    expect(planScore(SEED_004)).toBeLessThanOrEqual(0.3);
  });

  it('is 0 for empty or unrelated text', () => {
    expect(planScore('')).toBe(0);
    expect(planScore('こんにちは。今日は晴れです。')).toBe(0);
  });
});

describe('hostile input', () => {
  it('gives null with a warning when there is no node', () => {
    for (const text of ['', '   \n\n', 'ただの文章です。', '指標名\t策定時実績値\t目標値 (2027)\n人数\t5人\t']) {
      const r = parsePlan(text);
      expect(r.value).toBeNull();
      expect(r.warnings.length).toBeGreaterThan(0);
    }
  });

  const seedLines = [SEED_001, SEED_002, SEED_000, SEED_003, SEED_004].flatMap((s) => s.split('\n'));

  function checkInvariants(text: string): void {
    const result = parsePlan(text);
    expect(Array.isArray(result.warnings)).toBe(true);
    for (const w of result.warnings) expect(Number.isInteger(w.line) && w.line >= 1).toBe(true);
    const score = planScore(text);
    expect(score >= 0 && score <= 1).toBe(true);
    if (!result.value) return;
    const nodes = flatten(result.value.nodes);
    expect(nodes.length).toBeGreaterThan(0);
    const codes = nodes.map((n) => n.code).filter((c) => c !== null);
    expect(new Set(codes).size).toBe(codes.length);
    for (const n of nodes) {
      expect(n.title.trim().length).toBeGreaterThan(0);
      for (const ind of n.indicators) {
        expect(ind.name.length).toBeGreaterThan(0);
        for (const v of ind.values) {
          if (v.value !== null) expect(Number.isFinite(v.value)).toBe(true);
          expect(Number.isInteger(v.fiscalYear)).toBe(true);
        }
      }
    }
  }

  it('never throws on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'grapheme', maxLength: 300 }), fc.string({ unit: 'binary', maxLength: 300 })), (text) => checkInvariants(text)),
      { numRuns: 300 },
    );
  });

  it('never throws on shuffled, truncated and mixed seed lines', () => {
    fc.assert(
      fc.property(
        fc.shuffledSubarray(seedLines, { maxLength: 120 }),
        fc.nat(),
        fc.string({ unit: 'grapheme', maxLength: 20 }),
        (lines, cut, noise) => {
          const text = lines.join('\n');
          checkInvariants(text);
          checkInvariants(text.slice(0, cut % (text.length + 1)) + noise);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('never throws on seed 001 cut at any line or with a line dropped', () => {
    const lines = SEED_001.split('\n');
    fc.assert(
      fc.property(fc.nat({ max: lines.length }), fc.nat({ max: lines.length }), (cut, drop) => {
        checkInvariants(lines.slice(0, cut).join('\n'));
        checkInvariants(lines.filter((_l, i) => i !== drop).join('\n'));
      }),
      { numRuns: 60 },
    );
  });
});
