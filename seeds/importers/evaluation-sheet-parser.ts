/**
 * Parser for a 事務事業評価シート: one project's Plan / Do / Check / Action
 * sheet, as exported from a spreadsheet or HTML form to tab-separated text
 * (one table row per line, cells separated by tabs, radio buttons and check
 * boxes left as `<input checked="" type="radio"/>`).
 *
 * What it reads:
 * - the project (事業名, 事業番号), its department (部名, 課名) and the plan
 *   hierarchy above it (総合計画体系: まちづくり目標 5 …, 基本政策 10 …);
 * - the indicator (【指標名】, 【現状値】 with its year, targets per year from
 *   the 目標 block, actuals per year from the 目標の達成状況 block);
 * - costs per fiscal year in 千円 (事業費, its funding, staff, 人件費, トータルコスト)
 *   and the cost per unit in 円;
 * - the four ratings with their reasons, the 実施した取組の内容 and the 総評.
 *
 * Cells are located by their labels and, for yearly figures, by the column of
 * the year heading above them, so cells spread over several lines (the
 * 目標の達成状況 block prints each year on its own pair of lines) are read
 * correctly. Matching is done on the NFKC form; text is returned as written.
 * The parser is pure and never throws.
 */
import type { Rating } from '../../db/schema.js';
import { parseFiscalYear } from '../../api/lib/japanese-date.js';
import { parseDisplayNumber } from '../../api/lib/numeric-display.js';
import { normalizeText } from '../../api/lib/text.js';
import type { ImportWarning, ParseResult, ParsedEvaluation, ParsedIndicator, ParsedIndicatorValue } from './types.js';

type RatingKey = keyof ParsedEvaluation['ratings'];
type YearCosts = ParsedEvaluation['years'][number];

const INTERNAL_ERROR = '事務事業評価シートの読み取り中に予期しないエラーが発生しました';

/** The cost keys always present (null when the sheet leaves them out). */
export const EVALUATION_COST_KEYS = [
  'projectCost',
  'nationalPrefecturalFunds',
  'localBonds',
  'otherSpecificRevenue',
  'generalRevenue',
  'staffCount',
  'otherStaffCount',
  'personnelCost',
  'totalCost',
  'targetCount',
  'unitCostYen',
] as const;

interface Row {
  /** 1-based line number. */
  no: number;
  raw: string;
  /** Cells as written, trimmed. */
  cells: string[];
  /** Cells in NFKC with all white space removed: what labels are matched on. */
  keys: string[];
}

function toRows(text: string): Row[] {
  return text.split(/\r\n|\r|\n/).map((raw, i) => {
    const cells = raw.split('\t').map((c) => c.trim());
    return { no: i + 1, raw, cells, keys: cells.map(labelKey) };
  });
}

function labelKey(text: string): string {
  return normalizeText(text).replace(/\s+/g, '');
}

function isBlank(row: Row): boolean {
  return row.cells.every((c) => c === '');
}

/** Removes HTML tags left over from the form and collapses the spaces they leave. */
function stripTags(text: string): string {
  return text
    .replace(/<[^<>]*>/g, ' ')
    .replace(/[ \t]{2,}/g, ' ')
    .trim();
}

function firstIndex(row: Row, test: (key: string) => boolean, from = 0): number {
  for (let i = from; i < row.keys.length; i++) if (test(row.keys[i] ?? '')) return i;
  return -1;
}

function nextNonEmpty(row: Row, from: number): { index: number; text: string } | null {
  for (let i = from; i < row.cells.length; i++) {
    const text = row.cells[i] ?? '';
    if (text !== '') return { index: i, text };
  }
  return null;
}

/** A fiscal year heading cell: 令和3年度, 2021年度, 令和3年度 実績. */
function yearOfCell(cell: string): number | null {
  const key = labelKey(cell).replace(/(実績|予算|決算|見込み?|計画|目標)$/, '');
  if (!/年度$|^\d{4}$/.test(key)) return null;
  return parseFiscalYear(key);
}

// ---------------------------------------------------------------------------
// Header: title, project, department, plan path.

function readTitle(rows: Row[]): { planTitle: string | null; line: number } | null {
  for (const row of rows) {
    const key = labelKey(row.raw);
    if (!key.includes('事務事業評価')) continue;
    const raw = row.raw.replace(/\t/g, ' ');
    // The kanji of the title are unchanged by NFKC, so the original can be cut directly.
    const at = raw.search(/事\s*務\s*事\s*業\s*評\s*価/);
    const before = at >= 0 ? raw.slice(0, at).trim() : '';
    return { planTitle: before || null, line: row.no };
  }
  return null;
}

function readLabelled(rows: Row[], labels: RegExp): { text: string; line: number } | null {
  for (const row of rows) {
    const i = firstIndex(row, (k) => labels.test(k));
    if (i < 0) continue;
    const next = nextNonEmpty(row, i + 1);
    if (next) return { text: next.text, line: row.no };
  }
  return null;
}

function readDepartment(rows: Row[]): ParsedEvaluation['department'] {
  // A header row (部名 … 課名) with the values in the same columns of the next row.
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    if (!row) continue;
    const bureauCol = firstIndex(row, (k) => /^(部名|担当部|所管部|部局名?)$/.test(k));
    const sectionCol = firstIndex(row, (k) => /^(課名|担当課|所管課|課等名|課・室名)$/.test(k));
    if (sectionCol < 0) continue;
    const sameRow = nextNonEmpty(row, sectionCol + 1);
    const next = rows.slice(r + 1, r + 3).find((x) => !isBlank(x));
    const name = next?.cells[sectionCol] ?? '';
    const bureau = bureauCol >= 0 ? (next?.cells[bureauCol] ?? '') : '';
    if (name && !/課名|課等の長/.test(name)) return { bureau: bureau || null, name };
    // Label and value side by side: 担当課 ⇥ 経営企画課.
    if (sameRow && !/(部長名|課等の長|部名)$/.test(labelKey(sameRow.text))) {
      const b = bureauCol >= 0 ? nextNonEmpty(row, bureauCol + 1) : null;
      return { bureau: b && b.index !== sectionCol ? b.text : null, name: sameRow.text };
    }
  }
  // "企画部 経営企画課" in one cell.
  for (const row of rows) {
    for (const cell of row.cells) {
      const m = /^(\S{1,12}部)\s+(\S{1,16}(?:課|室|係|センター))$/.exec(normalizeText(cell));
      if (m && m[1] && m[2]) {
        const parts = cell.split(/\s+/);
        return { bureau: parts[0] ?? m[1], name: parts.slice(1).join(' ') || m[2] };
      }
    }
  }
  return null;
}

/**
 * The 総合計画体系 block: rows holding "level ⇥ code ⇥ title". A cell in front
 * of the first level that is not itself a level with a code (自治力 on the
 * seed sheet, a grouping printed beside the tree) is dropped: it has no level
 * name or code of its own.
 */
function readPlanPath(rows: Row[]): ParsedEvaluation['planPath'] {
  const start = rows.findIndex((r) => r.keys.some((k) => /^(総合計画体系|施策体系|計画体系|政策体系)$/.test(k)));
  if (start < 0) return [];
  const path: ParsedEvaluation['planPath'] = [];
  for (let r = start; r < rows.length; r++) {
    const row = rows[r];
    if (!row) break;
    if (isBlank(row)) continue;
    let found = false;
    for (let i = 0; i + 2 < row.cells.length; i++) {
      const level = row.cells[i] ?? '';
      const code = labelKey(row.cells[i + 1] ?? '');
      const title = row.cells[i + 2] ?? '';
      if (!level || !title || /体系$/.test(labelKey(level)) || /^[\d-]+$/.test(labelKey(level))) continue;
      if (!/^\d{1,4}(?:-\d{1,4})*$/.test(code)) continue;
      path.push({ level, code, title });
      found = true;
      break;
    }
    if (!found) break;
  }
  return path;
}

// ---------------------------------------------------------------------------
// Indicator.

const PURE_VALUE_RE = /^(?:[▲△-]?\s*\d[\d,]*(?:\.\d+)?\s*[^\s\d]{0,6}|集計中|検討中|[-—―–]|未定)$/;
/** Only tried on cells of at most {@link MAX_VALUE_CELL} characters. */
const MAX_VALUE_CELL = 100;
const BASELINE_YEAR_RE = /^(.*?)\s*[(（]\s*((?:令和|平成|昭和)\s*(?:元|\d{1,2})\s*年度?|\d{4}\s*年度?)\s*[)）]\s*$/;

/** "2団体 (令和2年度)" → ["2団体", "令和2年度"]; null when the cell names no year. */
function baselineYear(cell: string): RegExpExecArray | null {
  return cell.length > MAX_VALUE_CELL ? null : BASELINE_YEAR_RE.exec(normalizeText(cell));
}

interface IndicatorBlock {
  name: { text: string; line: number } | null;
  baseline: { display: string; value: number | null; fiscalYear: number | null; line: number } | null;
  values: Array<{ fiscalYear: number; display: string; line: number }>;
}

/**
 * Reads one indicator block (目標 or 目標の達成状況) starting at its header row.
 * Rows of year headings set the columns; the rows below put values in those
 * columns. The name and 現状値 are the first text cells of a value row.
 */
function readIndicatorBlock(rows: Row[], start: number, warnings: ImportWarning[]): IndicatorBlock {
  const block: IndicatorBlock = { name: null, baseline: null, values: [] };
  let years = new Map<number, number>();
  for (let r = start + 1; r < rows.length; r++) {
    const row = rows[r];
    if (!row) break;
    if (isBlank(row)) continue;
    if (row.cells.length < 2 || (row.cells[0] ?? '') !== '') break;
    // The cost table (年度 ⇥ 令和3年度 実績 …) follows the 目標の達成状況 block.
    if (row.keys.some((k) => /^(事業費合計|内訳)/.test(k) || /年度(実績|予算|決算)$/.test(k))) break;
    const yearCells = new Map<number, number>();
    row.cells.forEach((c, i) => {
      const y = yearOfCell(c);
      if (y !== null) yearCells.set(i, y);
    });
    const others = row.cells.filter((c, i) => c !== '' && !yearCells.has(i));
    if (yearCells.size > 0 && others.length === 0) {
      years = yearCells;
      continue;
    }
    // A value row.
    const nonEmpty = row.cells.map((c, i) => ({ c, i })).filter((x) => x.c !== '');
    let k = 0;
    const firstCell = nonEmpty[0];
    if (firstCell && !years.has(firstCell.i) && !PURE_VALUE_RE.test(labelKey(firstCell.c)) && !baselineYear(firstCell.c)) {
      if (!block.name) block.name = { text: firstCell.c, line: row.no };
      k = 1;
      const base = nonEmpty[1];
      if (base && !years.has(base.i)) {
        const m = baselineYear(base.c);
        const figure = m ? (m[1] ?? '') : normalizeText(base.c);
        if (!block.baseline) {
          block.baseline = { display: base.c, value: parseDisplayNumber(figure), fiscalYear: m ? parseFiscalYear((m[2] ?? '').replace(/\s+/g, '')) : null, line: row.no };
        }
        k = 2;
      }
    }
    const rest = nonEmpty.slice(k);
    if (rest.length === 0) continue;
    const aligned = rest.every((x) => years.has(x.i));
    if (aligned) {
      for (const x of rest) block.values.push({ fiscalYear: years.get(x.i) ?? 0, display: x.c, line: row.no });
    } else {
      const ordered = [...years.entries()].sort((a, b) => a[0] - b[0]).map(([, y]) => y);
      if (rest.length > ordered.length) {
        warnings.push({ line: row.no, message: '指標の値の数が年度の数より多いため、余りを読み飛ばしました' });
      }
      rest.slice(0, ordered.length).forEach((x, i) => block.values.push({ fiscalYear: ordered[i] ?? 0, display: x.c, line: row.no }));
    }
  }
  return block;
}

function findBlockStart(rows: Row[], test: (firstKey: string, row: Row) => boolean): number {
  return rows.findIndex((row) => row.keys.some((k) => /指標名/.test(k)) && test(row.keys[0] ?? '', row));
}

function unitOf(display: string): string | null {
  const m = /^[▲△-]?\s*\d[\d,]*(?:\.\d+)?\s*([^\s\d()（）]{1,6})/.exec(normalizeText(display));
  return m?.[1] ?? null;
}

function readIndicator(rows: Row[], warnings: ImportWarning[]): ParsedIndicator | null {
  const targetStart = findBlockStart(rows, (k) => /^目標$/.test(k) || (/^目標/.test(k) && !/達成/.test(k)));
  const actualStart = findBlockStart(rows, (k) => /達成状況|実績/.test(k));
  const targets = targetStart >= 0 ? readIndicatorBlock(rows, targetStart, warnings) : null;
  const actuals = actualStart >= 0 ? readIndicatorBlock(rows, actualStart, warnings) : null;
  const nameCell = targets?.name ?? actuals?.name ?? null;
  if (!nameCell) return null;

  const nameKey = (s: string): string => labelKey(s).replace(/[(（【]累計[)）】]/g, '');
  if (targets?.name && actuals?.name && nameKey(targets.name.text) !== nameKey(actuals.name.text)) {
    warnings.push({ line: actuals.name.line, message: `目標の達成状況の指標名「${actuals.name.text}」が目標の指標名「${targets.name.text}」と一致しません` });
  }
  const cumulative = /累計/.test(nameCell.text);
  const name = nameCell.text.replace(/\s*[(（【]\s*累計\s*[)）】]\s*/g, '').trim() || nameCell.text;

  const values: ParsedIndicatorValue[] = [];
  const baseline = targets?.baseline ?? actuals?.baseline ?? null;
  if (targets?.baseline && actuals?.baseline && labelKey(targets.baseline.display) !== labelKey(actuals.baseline.display)) {
    warnings.push({ line: actuals.baseline.line, message: `目標の達成状況の現状値「${actuals.baseline.display}」が目標の現状値「${targets.baseline.display}」と一致しません` });
  }
  const targetYears = [...(targets?.values ?? []), ...(actuals?.values ?? [])].map((v) => v.fiscalYear);
  if (baseline) {
    let fy = baseline.fiscalYear;
    if (fy === null && targetYears.length > 0) {
      fy = Math.min(...targetYears) - 1;
      warnings.push({ line: baseline.line, message: `現状値「${baseline.display}」に年度がないため、${fy}年度の値としました` });
    }
    if (fy !== null) values.push({ fiscalYear: fy, kind: 'baseline', value: baseline.value, display: baseline.display });
  }
  const add = (list: IndicatorBlock['values'], kind: 'target' | 'actual'): void => {
    for (const v of list) {
      if (values.some((x) => x.kind === kind && x.fiscalYear === v.fiscalYear)) {
        warnings.push({ line: v.line, message: `${v.fiscalYear}年度の${kind === 'target' ? '目標値' : '実績値'}が重複しているため、最初の値を採用しました` });
        continue;
      }
      const m = baselineYear(v.display);
      values.push({ fiscalYear: v.fiscalYear, kind, value: parseDisplayNumber(m ? (m[1] ?? '') : v.display), display: v.display });
    }
  };
  add(targets?.values ?? [], 'target');
  add(actuals?.values ?? [], 'actual');

  const unit = unitOf(baseline?.display ?? '') ?? values.map((v) => unitOf(v.display)).find((u) => u !== null) ?? null;
  // Decreasing when every target is at or below the baseline and one is below it.
  const base = values.find((v) => v.kind === 'baseline')?.value ?? null;
  const targetValues = values.filter((v) => v.kind === 'target' && v.value !== null).map((v) => v.value as number);
  const direction = base !== null && targetValues.length > 0 && targetValues.every((t) => t <= base) && targetValues.some((t) => t < base) ? 'decrease' : 'increase';
  return { name, unit, cumulative, direction, notes: null, values, line: nameCell.line };
}

// ---------------------------------------------------------------------------
// Costs.

type CostKey = (typeof EVALUATION_COST_KEYS)[number];

/** Row labels (NFKC, no spaces) → cost key and the unit its figures are in. */
const COST_ROWS: ReadonlyArray<{ test: RegExp; key: CostKey; unit: string; staffKey?: CostKey }> = [
  { test: /^事業費合計/, key: 'projectCost', unit: '千円' },
  { test: /^国県支出金(?!の内容)/, key: 'nationalPrefecturalFunds', unit: '千円' },
  { test: /^地方債/, key: 'localBonds', unit: '千円' },
  { test: /^その他特財(?!の内容)/, key: 'otherSpecificRevenue', unit: '千円' },
  { test: /^一般財源/, key: 'generalRevenue', unit: '千円' },
  { test: /^正規職員/, key: 'staffCount', unit: '人' },
  { test: /^その他の職員/, key: 'otherStaffCount', unit: '人' },
  { test: /^人件費合計/, key: 'personnelCost', unit: '千円' },
  { test: /^トータルコスト/, key: 'totalCost', unit: '千円' },
  { test: /^(総事業費\/対象数|単位当たりコスト)$/, key: 'unitCostYen', unit: '円' },
  { test: /^対象数$/, key: 'targetCount', unit: '人' },
];

const NUMBER_CELL_RE = /^[▲△-]?\d[\d,]*(?:\.\d+)?$/;
const UNIT_CELL_RE = /^(千円|百万円|万円|円|人|件|団体)$/;

function readPairs(row: Row, from: number): Array<{ value: number; unit: string | null }> {
  const pairs: Array<{ value: number; unit: string | null }> = [];
  let pending: number | null = null;
  for (let i = from; i < row.keys.length; i++) {
    const key = row.keys[i] ?? '';
    if (key === '') continue;
    if (NUMBER_CELL_RE.test(key)) {
      if (pending !== null) pairs.push({ value: pending, unit: null });
      pending = parseDisplayNumber(key);
      continue;
    }
    if (UNIT_CELL_RE.test(key)) {
      if (pending !== null) pairs.push({ value: pending, unit: key });
      pending = null;
      continue;
    }
    const combined = /^([▲△-]?\d[\d,]*(?:\.\d+)?)(千円|百万円|万円|円|人|件|団体)$/.exec(key);
    if (combined) {
      if (pending !== null) pairs.push({ value: pending, unit: null });
      pending = null;
      const v = parseDisplayNumber(combined[1] ?? '');
      if (v !== null) pairs.push({ value: v, unit: combined[2] ?? null });
    }
  }
  if (pending !== null) pairs.push({ value: pending, unit: null });
  return pairs;
}

/**
 * What the cost per unit is per: the 定義 cell beside 対象数 (「単位当たりコスト 対象数 定義 市民 … 単位 市民」)
 * and the unit the 対象数 figures are printed in (「101,381 人」).
 */
function readUnitCost(rows: Row[]): ParsedEvaluation['unitCost'] {
  let basis: string | null = null;
  let countUnit: string | null = null;
  for (const row of rows) {
    const at = row.keys.findIndex((k) => k === '定義');
    if (basis === null && at >= 0 && row.keys.some((k) => /^(単位当たりコスト|対象数)$/.test(k))) {
      const cell = row.cells.slice(at + 1).find((c) => c !== '');
      if (cell) basis = cell;
    }
    const count = row.keys.findIndex((k) => k === '対象数');
    if (countUnit === null && count >= 0) {
      const unit = readPairs(row, count + 1).find((p) => p.unit !== null)?.unit;
      if (unit) countUnit = unit;
    }
  }
  return { basis, countUnit };
}

function readCosts(rows: Row[], warnings: ImportWarning[]): { years: YearCosts[]; line: number | null } {
  const first = rows.findIndex((r) => r.keys.some((k) => /^事業費合計/.test(k)));
  if (first < 0) return { years: [], line: null };
  // Year headings: the nearest row above the cost table with year cells.
  let fiscalYears: number[] = [];
  for (let r = first - 1; r >= Math.max(0, first - 4); r--) {
    const ys = (rows[r]?.cells ?? []).map(yearOfCell).filter((y): y is number => y !== null);
    if (ys.length > 0) {
      fiscalYears = ys;
      break;
    }
  }
  if (fiscalYears.length === 0) {
    warnings.push({ line: rows[first]?.no ?? 1, message: 'コスト表の年度が見つかりません' });
    return { years: [], line: rows[first]?.no ?? null };
  }
  const years: YearCosts[] = fiscalYears.map((fiscalYear) => ({
    fiscalYear,
    costs: Object.fromEntries(EVALUATION_COST_KEYS.map((k) => [k, null])) as Record<string, number | null>,
  }));
  const n = years.length;
  for (let r = first; r < Math.min(rows.length, first + 30); r++) {
    const row = rows[r];
    if (!row || isBlank(row)) {
      if (r > first + 3) break;
      continue;
    }
    for (let i = 0; i < row.keys.length; i++) {
      const key = row.keys[i] ?? '';
      const spec = COST_ROWS.find((s) => s.test.test(key));
      if (!spec) continue;
      const pairs = readPairs(row, i + 1);
      if (pairs.length === 0) break;
      let values = pairs.filter((p) => p.unit === spec.unit).map((p) => p.value);
      if (values.length === 0) values = pairs.filter((p) => p.unit === null).map((p) => p.value);
      // 正規職員 and その他の職員 rows also carry their cost in 千円 (not a separate key:
      // 人件費合計 has the sum).
      let picked: number[] = [];
      if (values.length === n) picked = values;
      else if (values.length > 0 && values.length % n === 0) {
        // Merged cells printed twice (事業費合計 0 千円 0 千円 per year): take the
        // last figure of each year's group, the column where 千円 figures sit.
        const size = values.length / n;
        for (let y = 0; y < n; y++) {
          const group = values.slice(y * size, (y + 1) * size);
          if (new Set(group).size > 1) {
            warnings.push({ line: row.no, message: `「${row.cells[i]}」の${fiscalYears[y]}年度の欄に異なる数値 (${group.join(', ')}) があります。最後の値を採用しました` });
          }
          picked.push(group[group.length - 1] ?? 0);
        }
      } else if (values.length > 0) {
        warnings.push({ line: row.no, message: `「${row.cells[i]}」の数値が${values.length}個あり、年度の数 (${n}) と合わないため、先頭から順に割り当てました` });
        picked = values.slice(0, n);
      }
      picked.forEach((v, y) => {
        const target = years[y];
        if (target && target.costs[spec.key] === null) target.costs[spec.key] = v;
      });
      break;
    }
    if (row.keys.some((k) => /^総事業費\/対象数$/.test(k))) break;
  }
  return { years, line: rows[first]?.no ?? null };
}

// ---------------------------------------------------------------------------
// Ratings and texts.

const RATING_ROWS: ReadonlyArray<{ key: RatingKey; test: RegExp; name: string }> = [
  { key: 'progress', test: /^進捗状況/, name: '進捗状況' },
  { key: 'level', test: /^実施水準/, name: '実施水準' },
  { key: 'effectiveness', test: /^有効性/, name: '有効性' },
  { key: 'efficiency', test: /^効率性/, name: '効率性' },
];

/** The option checked in a choice list, as a rating. */
function checkedChoice(cell: string): { rating: Rating | null; count: number } {
  const norm = normalizeText(cell);
  const options: Array<{ checked: boolean; label: string }> = [];
  if (/<input/i.test(norm)) {
    const parts = norm.split(/<input\b/i).slice(1);
    for (const part of parts) {
      const end = part.indexOf('>');
      const attrs = end >= 0 ? part.slice(0, end) : part;
      const label = end >= 0 ? part.slice(end + 1) : '';
      options.push({ checked: /\bchecked\b/i.test(attrs), label });
    }
  } else {
    for (const m of norm.matchAll(/([■□☑☐●○◉◯✓✔])\s*([^■□☑☐●○◉◯✓✔]*)/g)) {
      options.push({ checked: /[■☑●◉✓✔]/.test(m[1] ?? ''), label: m[2] ?? '' });
    }
  }
  const checked = options.filter((o) => o.checked);
  const first = checked[0];
  if (!first) return { rating: null, count: 0 };
  const letter = /\(\s*([ABC])\s*\)/.exec(first.label)?.[1];
  const rating: Rating | null = letter ? (letter as Rating) : /一律/.test(first.label) ? 'N' : null;
  return { rating, count: checked.length };
}

function isReasonLabel(key: string): boolean {
  return key.length <= 16 && /(判断理由|理由|事業内容等|内容等)$/.test(key);
}

/** Text cells after a labelled cell, plus the lines that continue it (no tabs, not a heading). */
function textAfter(rows: Row[], r: number, from: number): string | null {
  const row = rows[r];
  if (!row) return null;
  const parts = row.cells.slice(from).filter((c) => c !== '').map(stripTags).filter((c) => c !== '');
  for (let k = r + 1; k < rows.length; k++) {
    const next = rows[k];
    if (!next || isBlank(next) || next.cells.length > 1) break;
    const key = next.keys[0] ?? '';
    if (/\((Plan|Do|D○|Check|Action)\)|へ$|^[計評]画?\s*\(|事務事業評価/.test(key)) break;
    parts.push(stripTags(next.cells[0] ?? ''));
  }
  const text = parts.join('\n').trim();
  return text || null;
}

function readRatings(rows: Row[], warnings: ImportWarning[]): { ratings: ParsedEvaluation['ratings']; reasons: ParsedEvaluation['reasons']; found: number } {
  const ratings: ParsedEvaluation['ratings'] = { progress: 'N', level: 'N', effectiveness: 'N', efficiency: 'N' };
  const reasons: ParsedEvaluation['reasons'] = {};
  let found = 0;
  for (const spec of RATING_ROWS) {
    const r = rows.findIndex((row) => spec.test.test(row.keys[0] ?? '') || (row.keys[0] === '' && spec.test.test(row.keys[1] ?? '')));
    const row = rows[r];
    if (!row) {
      warnings.push({ line: 1, message: `${spec.name}の評価が見つからないため N（一律に比較できない）として扱います` });
      continue;
    }
    const labelCol = spec.test.test(row.keys[0] ?? '') ? 0 : 1;
    let letter: Rating | null = null;
    let letterCol = -1;
    let choice: { rating: Rating | null; count: number } = { rating: null, count: 0 };
    for (let i = labelCol + 1; i < row.cells.length; i++) {
      const key = row.keys[i] ?? '';
      if (/<input|[■□☑☐●○◉]/.test(key) || /\([ABC]\)/.test(key)) {
        if (choice.count === 0) choice = checkedChoice(row.cells[i] ?? '');
        continue;
      }
      if (/^[ABCN]$/.test(key)) {
        letter = key as Rating;
        letterCol = i;
        break;
      }
      if (isReasonLabel(key)) break;
      if (/^一律/.test(key)) {
        letter = 'N';
        letterCol = i;
        break;
      }
    }
    if (choice.count > 1) warnings.push({ line: row.no, message: `${spec.name}で複数の選択肢に印があります` });
    let rating: Rating | null = letter;
    if (letter && choice.rating && letter !== choice.rating) {
      warnings.push({ line: row.no, message: `${spec.name}の評価 ${letter} が選択肢の印 (${choice.rating}) と一致しません。評価欄の ${letter} を採用しました` });
    }
    if (!rating) rating = choice.rating;
    if (!rating) {
      warnings.push({ line: row.no, message: `${spec.name}の評価が読み取れないため N（一律に比較できない）として扱います` });
      rating = 'N';
    } else {
      found++;
    }
    ratings[spec.key] = rating;
    // The reason: after the 左記判断理由 / 他都市の事業内容等 cell, else after the letter.
    const reasonLabel = firstIndex(row, isReasonLabel, Math.max(labelCol + 1, letterCol + 1));
    const from = reasonLabel >= 0 ? reasonLabel + 1 : letterCol >= 0 ? letterCol + 1 : -1;
    if (from >= 0) {
      const text = textAfter(rows, r, from);
      if (text) reasons[spec.key] = text;
    }
  }
  return { ratings, reasons, found };
}

function readText(rows: Row[], test: RegExp): string | null {
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    if (!row) continue;
    const i = firstIndex(row, (k) => test.test(k));
    if (i < 0) continue;
    const text = textAfter(rows, r, i + 1);
    if (text) return text;
  }
  return null;
}

// ---------------------------------------------------------------------------

function parse(text: string): ParseResult<ParsedEvaluation> {
  const warnings: ImportWarning[] = [];
  const rows = toRows(text);
  const title = readTitle(rows);
  const project = readLabelled(rows, /^事業名$/);
  const hasRatings = rows.filter((row) => RATING_ROWS.some((s) => s.test.test(row.keys[0] ?? ''))).length;
  if (!project || (!title && hasRatings < 2)) {
    warnings.push({ line: 1, message: '事業名と評価（進捗状況・実施水準・有効性・効率性）が見つからないため、事務事業評価シートとして読み取れません' });
    return { value: null, warnings };
  }

  const code = readLabelled(rows, /^(事業番号|事業コード|事業No\.?)$/);
  const department = readDepartment(rows);
  if (!department) warnings.push({ line: project.line, message: '担当の部・課が見つかりません' });
  const planPath = readPlanPath(rows);
  if (planPath.length === 0) warnings.push({ line: project.line, message: '総合計画体系が見つかりません' });
  const indicator = readIndicator(rows, warnings);
  const costs = readCosts(rows, warnings);
  if (costs.line === null) warnings.push({ line: project.line, message: 'コスト（事業費合計）の表が見つかりません' });
  const { ratings, reasons } = readRatings(rows, warnings);

  const candidates = [
    ...costs.years.map((y) => y.fiscalYear),
    ...(indicator?.values.filter((v) => v.kind !== 'baseline').map((v) => v.fiscalYear) ?? []),
  ];
  if (candidates.length === 0) {
    warnings.push({ line: project.line, message: '評価の対象年度が読み取れないため、取り込めません' });
    return { value: null, warnings };
  }
  const fiscalYear = Math.max(...candidates);

  const value: ParsedEvaluation = {
    projectName: project.text,
    projectCode: code ? labelKey(code.text) : null,
    department,
    planPath,
    planTitle: title?.planTitle ?? null,
    indicator,
    years: costs.years,
    fiscalYear,
    unitCost: readUnitCost(rows),
    ratings,
    reasons,
    results: readText(rows, /^実施した取組の内容$|^取組の内容$|^実施内容$/),
    summary: readText(rows, /総評$/),
  };
  return { value, warnings };
}

/**
 * Reads a 事務事業評価シート (tab-separated text, one table row per line).
 *
 * `fiscalYear` is the latest year on the sheet (the year the ratings are
 * for); `years` has the costs of every year printed, in 千円 except
 * `staffCount`/`otherStaffCount` (人), `targetCount` (the 対象数) and
 * `unitCostYen` (円); `unitCost` says what that cost is per (定義 市民, counted in 人). A rating is the letter printed after its choice list,
 * else the checked option; 一律に比較できない is `N`, and a rating that cannot
 * be read is `N` with a warning. The 自治力 cell printed before まちづくり目標
 * is dropped from `planPath` (it has no level or code). `value` is null, with
 * a warning, when the text is not an evaluation sheet or names no fiscal
 * year. Never throws.
 */
export function parseEvaluationSheet(text: string): ParseResult<ParsedEvaluation> {
  try {
    return parse(typeof text === 'string' ? text : String(text ?? ''));
  } catch {
    return { value: null, warnings: [{ line: 1, message: INTERNAL_ERROR }] };
  }
}

/**
 * How much `text` looks like a 事務事業評価シート, from 0 to 1: the title, the
 * 事業名 / 事業番号 cells, the four rating rows, the cost rows and the
 * Plan/Do/Check/Action headings all raise it. Used to detect the import kind.
 */
export function evaluationSheetScore(text: string): number {
  try {
    const norm = normalizeText(typeof text === 'string' ? text : String(text ?? ''));
    const compact = norm.replace(/[ \u3000]+/g, '');
    let score = 0;
    if (/事務事業評価/.test(compact)) score += 0.3;
    if (/(^|\t|\n)事業名\t/.test(compact)) score += 0.1;
    if (/事業番号/.test(compact)) score += 0.05;
    const lines = compact.split('\n');
    const ratingRows = RATING_ROWS.filter((s) => lines.some((l) => l.startsWith(s.name) && /\([ABC]\)/.test(l))).length;
    score += 0.05 * ratingRows;
    if (/トータルコスト|人件費合計/.test(compact)) score += 0.1;
    if (/総評/.test(compact)) score += 0.05;
    if (/\((Plan|Do|Check|Action)\)/.test(compact)) score += 0.1;
    if (/千円/.test(compact)) score += 0.05;
    if (/指標名/.test(compact) && /現状値/.test(compact)) score += 0.05;
    return Math.min(1, Math.round(score * 100) / 100);
  } catch {
    return 0;
  }
}
