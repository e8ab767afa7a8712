/**
 * Parser for plan documents (計画): a 総合計画 such as 「基本計画 第2章 重点戦略」,
 * a 行財政改革計画 such as 「平塚市行財政改革計画（2024-2027）【素案】（概要版）」,
 * and, as a fallback, any plan laid out with numbered headings
 * (第1章 / 1 / (1) / ①).
 *
 * The text usually comes out of a PDF or a Word file, so the parser reads the
 * structure rather than exact bytes:
 *
 * - Headings. A numbered keyword heading (重点戦略1, 重点戦略Ⅰ, 重点戦略１,
 *   〔目標1〕, （改革テーマ1）, 基本目標2 …) opens a node whose level is the
 *   keyword; keyword kinds nest in the order they first appear (目標 before
 *   改革テーマ → テーマ under 目標). When the keyword stands alone on its line
 *   the next line is the title. Bulleted keyword lines ("- 重点戦略1 …") are a
 *   table of contents: their titles are kept as a fallback, no node is made.
 *   "(1) title" under a keyword node is a 施策 ("1-(1)"). In a document with
 *   keyword headings, plain "1 …" / "第2章 …" headings are sections of the
 *   document, not nodes: they close the open nodes.
 *   Without keyword headings (fallback) 部/編 > 章 > 節 > "1" > "(1)" > "①"
 *   nest in that order; levels are 部/編/章/節 as printed, else 項目 / 小項目 / 細目.
 * - ◆ / ■ sections under the deepest open node: 基本的な方向性 → description;
 *   主な取組 (and the like) → one child per non-empty line, its level named by
 *   the section (主な取組, code "1-(1)-1"); 数値目標 / KPI → indicator table.
 *   Sections about SDGs / 関連 / 体系 only repeat the headings with boilerplate
 *   text: their headings make no nodes (unless no real heading follows) and
 *   their text is ignored. Paragraphs straight under a heading become its
 *   description when it has no 基本的な方向性 (a paragraph repeated under
 *   several headings is boilerplate and is dropped).
 * - Indicator tables (tab-separated: 指標名, 策定時実績値, 目標値 (2027), …):
 *   see {@link parseIndicatorTable}. 「：…」 and 「1：…」 lines after a table are
 *   the rows' notes; see {@link assignNote}.
 * - A 事業名 / 取組の概要 table makes one node per row (level named after the
 *   document's own word, e.g. 実施計画事業; codes "P1", "P2", …). When the table
 *   has no テーマ column the rows become top-level nodes, with one warning.
 *   In a 行財政改革計画 the 改革テーマ keep their own (document-wide) number under
 *   their 目標: 〔目標2〕（改革テーマ3） → "2-3".
 * - Plan period: from the title ("（2024-2027）", "令和6年度～令和9年度") or a
 *   計画期間 line; otherwise inferred from the target columns (end = the last
 *   target year, start = the first target year − 3, i.e. the first target
 *   closes a four-year first term), with a warning. 策定時実績値 are dated
 *   start − 1 unless their column names a year.
 *
 * Matching is done on the NFKC form (full-width digits, Ⅰ → I); titles, names,
 * descriptions and cell displays are returned as written (trimmed). The parser
 * is pure and never throws; the value is null when the text holds no node.
 */
import { parseFiscalYear } from '../../api/lib/japanese-date.js';
import { parseDisplayNumber } from '../../api/lib/numeric-display.js';
import { normalizeText } from '../../api/lib/text.js';
import type { ImportWarning, ParseResult, ParsedIndicator, ParsedIndicatorValue, ParsedNode, ParsedPlan } from './types.js';

type PlanKind = ParsedPlan['kind'];
type Direction = ParsedIndicator['direction'];
type ValueKind = ParsedIndicatorValue['kind'];

const INTERNAL_ERROR = '計画文書の読み取り中に予期しないエラーが発生しました';

// ---------------------------------------------------------------------------
// Lines and normalisation

/** Superscript digits (footnote marks) and circled numbers survive matching as written; NFKC would turn them into plain digits. */
const PROTECTED_CHAR = /[\u00B2\u00B3\u00B9\u2070\u2074-\u2079\u2460-\u2473]/;
const PROTECTED_SPLIT = /([\u00B2\u00B3\u00B9\u2070\u2074-\u2079\u2460-\u2473])/;
const SUPERSCRIPT_DIGITS: Readonly<Record<string, string>> = {
  '\u2070': '0', '\u00B9': '1', '\u00B2': '2', '\u00B3': '3', '\u2074': '4',
  '\u2075': '5', '\u2076': '6', '\u2077': '7', '\u2078': '8', '\u2079': '9',
};

interface Line {
  /** 1-based line number in the document. */
  no: number;
  /** The line as written, trimmed. */
  raw: string;
  /** NFKC form (protected characters kept), trimmed: what patterns match. */
  key: string;
}

/** NFKC (via normalizeText) except for footnote marks and circled numbers. */
function keyOf(raw: string): string {
  let out = '';
  for (const part of raw.split(PROTECTED_SPLIT)) {
    out += PROTECTED_CHAR.test(part) && part.length === 1 ? part : normalizeText(part);
  }
  return out.trim();
}

function normChar(ch: string): string {
  return PROTECTED_CHAR.test(ch) ? ch : normalizeText(ch);
}

/**
 * The part of `raw` (as written) after the first `keyPrefixLength` characters
 * of its key: cuts a matched prefix off the original text.
 */
function rawSuffix(raw: string, keyPrefixLength: number): string {
  const text = raw.trim();
  if (keyPrefixLength <= 0) return text;
  let acc = 0;
  let i = 0;
  for (const ch of text) {
    if (acc >= keyPrefixLength) break;
    acc += normChar(ch).length;
    i += ch.length;
  }
  return text.slice(i).replace(/^[\s\u3000.．:：、,，]+/, '').trim();
}

function splitLines(text: string): Line[] {
  const out: Line[] = [];
  const parts = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  for (let i = 0; i < parts.length; i++) {
    const raw = (parts[i] ?? '').trim();
    out.push({ no: i + 1, raw, key: keyOf(raw) });
  }
  return out;
}

// ---------------------------------------------------------------------------
// Headings

/** Keywords that, followed by a number, head a plan node (longest first). */
const KEYWORDS = [
  '重点プロジェクト', '取組の視点', '改革テーマ', '重点戦略', '基本目標', '基本方針', '基本政策', '基本施策', '政策目標', '重点施策',
  'プロジェクト', 'テーマ', '政策', '施策', '目標', '戦略', '視点',
];
const KEYWORD_HEADING = new RegExp(
  `^([-・•*●]\\s*)?([〔\\[【(]?)\\s*(${KEYWORDS.join('|')})\\s*(\\d{1,2}|[IVX]{1,5})\\s*([〕\\]】)]?)(.*)$`,
);

type Heading =
  | { type: 'K'; kw: string; num: number; rest: string; bullet: boolean }
  | { type: 'C'; unit: string; num: number; rest: string }
  | { type: 'D'; num: number; rest: string }
  | { type: 'P'; num: number; rest: string }
  | { type: 'R'; num: number; rest: string };

const ROMAN: Readonly<Record<string, number>> = { I: 1, V: 5, X: 10 };
const KANJI_DIGIT: Readonly<Record<string, number>> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** "12" → 12, "IV" → 4, "十二" → 12, "③" → 3; NaN when unreadable. */
function readNumber(text: string): number {
  if (/^\d+$/.test(text)) return Number(text);
  if (/^[IVX]+$/.test(text)) {
    let total = 0;
    for (let i = 0; i < text.length; i++) {
      const v = ROMAN[text[i]!] ?? 0;
      const next = ROMAN[text[i + 1] ?? ''] ?? 0;
      total += v < next ? -v : v;
    }
    return total;
  }
  if (/^[一二三四五六七八九十]+$/.test(text)) {
    const [tens, ones] = text.includes('十') ? text.split('十') : ['', text];
    return (text.includes('十') ? (tens ? KANJI_DIGIT[tens] ?? NaN : 1) * 10 : 0) + (ones ? KANJI_DIGIT[ones] ?? NaN : 0);
  }
  const cp = text.codePointAt(0) ?? 0;
  if (text.length === 1 && cp >= 0x2460 && cp <= 0x2473) return cp - 0x2460 + 1;
  return NaN;
}

/** A heading's title must look like a title: short, no sentence end. */
function titleLike(rest: string, max: number): boolean {
  return rest.length <= max && !/。$/.test(rest) && !rest.includes('\t');
}

/** Classifies a (normalised) line as a heading, or null. */
function classifyHeading(key: string): Heading | null {
  if (!key || key.includes('\t')) return null;
  let m = KEYWORD_HEADING.exec(key);
  if (m) {
    const open = m[2] ?? '';
    const close = m[5] ?? '';
    const rest = (m[6] ?? '').replace(/^[\s.:、]+/, '').trim();
    const num = readNumber(m[4] ?? '');
    const bracketsOk = open ? close !== '' : close === '';
    if (bracketsOk && num >= 1 && num <= 40 && !/^[\dA-Za-z]/.test(m[6] ?? '') && titleLike(rest, 80)) {
      return { type: 'K', kw: m[3] ?? '', num, rest, bullet: Boolean(m[1]) };
    }
  }
  m = /^第\s*(\d{1,3}|[一二三四五六七八九十]{1,3})\s*(部|編|章|節)\s*(.*)$/.exec(key);
  if (m) {
    const rest = (m[3] ?? '').replace(/^[\s.:、]+/, '').trim();
    const num = readNumber(m[1] ?? '');
    if (num >= 1 && titleLike(rest, 60)) return { type: 'C', unit: m[2] ?? '章', num, rest };
  }
  m = /^\((\d{1,2})\)\s*(.+)$/.exec(key);
  if (m) {
    const rest = (m[2] ?? '').trim();
    if (rest && titleLike(rest, 80) && !/^[\d\s,.%]+$/.test(rest)) return { type: 'P', num: Number(m[1]), rest };
  }
  m = /^(\d{1,2})(?:[.、]\s*|\s+)(.+)$/.exec(key);
  if (m) {
    const rest = (m[2] ?? '').trim();
    if (rest && !/^[\d.,%▲△-]/.test(rest) && titleLike(rest, 60) && !/^[\d\s,.%()]+$/.test(rest)) {
      return { type: 'D', num: Number(m[1]), rest };
    }
  }
  m = /^([\u2460-\u2473])\s*(.+)$/.exec(key);
  if (m) {
    const rest = (m[2] ?? '').trim();
    if (rest && titleLike(rest, 80)) return { type: 'R', num: readNumber(m[1] ?? ''), rest };
  }
  return null;
}

/** ◆ / ■ / ◇ / □ section markers. */
function markerTitle(key: string): string | null {
  const m = /^[◆■◇□]\s*(.+)$/.exec(key);
  return m ? (m[1] ?? '').trim() : null;
}

type SectionType = 'direction' | 'list' | 'table' | 'echo' | 'other';

function sectionType(title: string): SectionType {
  if (/SDGs|関連|体系|目次|一覧/i.test(title)) return 'echo';
  if (/主な取組|主要な取組|具体的な取組|取組内容|主な事業|主要事業|主な施策/.test(title)) return 'list';
  if (/数値目標|KPI|指標|成果目標/i.test(title)) return 'table';
  if (/方向性|基本方針|目指す姿|ねらい|概要/.test(title)) return 'direction';
  return 'other';
}

// ---------------------------------------------------------------------------
// Working tree

interface WorkValue {
  fiscalYear: number | null;
  kind: ValueKind;
  value: number | null;
  display: string;
}

interface WorkIndicator {
  name: string;
  unit: string | null;
  cumulative: boolean;
  direction: Direction;
  notes: string[];
  values: WorkValue[];
  line: number;
  /** Footnote marks on the name (¹ → "1"). */
  marks: string[];
}

interface WorkNode {
  level: string;
  code: string | null;
  /** What kind of heading made it (for matching a repeated heading). */
  kindKey: string;
  num: number | null;
  title: string;
  directionParas: string[];
  directParas: string[];
  indicators: WorkIndicator[];
  children: WorkNode[];
  line: number;
  rank: number;
  /** Headings listed in an SDGs-like section, used only when no real heading follows. */
  echo: Array<{ num: number; title: string; line: number }>;
  /** Count of list children per list level. */
  listCount: Map<string, number>;
}

function newNode(init: { level: string; code: string | null; kindKey: string; num: number | null; title: string; line: number; rank: number }): WorkNode {
  return { ...init, directionParas: [], directParas: [], indicators: [], children: [], echo: [], listCount: new Map() };
}

function hasContent(n: WorkNode): boolean {
  return n.directionParas.length > 0 || n.directParas.length > 0 || n.indicators.length > 0 || n.children.length > 0;
}

// ---------------------------------------------------------------------------
// Indicator tables

interface Column {
  kind: 'name' | 'baseline' | 'target' | 'actual' | 'unit' | 'ignore';
  year: number | null;
}

/** A year named in a header cell: "目標値 (2027)", "目標値（令和9年度）", "2027年度". */
function yearInCell(key: string): number | null {
  const western = /(?<![\d,.])((?:19|20|21)\d{2})(?![\d,.])/.exec(key);
  if (western) return parseFiscalYear(Number(western[1]));
  const era = /(令和|平成|昭和|[RH])\s*(元|\d{1,2})\s*年度?/.exec(key);
  if (era) return parseFiscalYear(`${era[1]}${era[2]}年度`);
  return null;
}

/** Reads an indicator table's header, or null when the line is not one. */
function indicatorHeader(key: string): Column[] | null {
  if (!key.includes('\t')) return null;
  const cells = key.split('\t').map((c) => c.trim());
  if (!/指標|KPI|項目/i.test(cells[0] ?? '')) return null;
  const cols: Column[] = cells.map((c, i) => {
    if (i === 0) return { kind: 'name', year: null };
    const year = yearInCell(c);
    if (/目標/.test(c)) return { kind: 'target', year };
    if (/策定時|基準|現状|当初/.test(c)) return { kind: 'baseline', year };
    if (/実績/.test(c)) return year === null ? { kind: 'baseline', year } : { kind: 'actual', year };
    if (/単位/.test(c)) return { kind: 'unit', year: null };
    if (year !== null && /^\(?\d{4}\s*年?度?\)?$/.test(c.replace(/\s+/g, ''))) return { kind: 'target', year };
    return { kind: 'ignore', year: null };
  });
  return cols.some((c) => c.kind === 'target' || c.kind === 'baseline' || c.kind === 'actual') ? cols : null;
}

/** A 事業名 / 取組の概要 table header: the columns holding name, summary and theme. */
function projectHeader(key: string): { name: number; summary: number; theme: number | null } | null {
  if (!key.includes('\t')) return null;
  const cells = key.split('\t').map((c) => c.trim());
  const name = cells.findIndex((c) => /^(事業名|取組名|事業|取組)$/.test(c.replace(/\s+/g, '')));
  const summary = cells.findIndex((c) => /概要|内容/.test(c));
  if (name < 0 || summary < 0 || name === summary) return null;
  const theme = cells.findIndex((c) => /テーマ|視点/.test(c));
  return { name, summary, theme: theme >= 0 ? theme : null };
}

/** "(橋)", "（件）": a unit written in a value column. */
function bracketUnit(key: string): string | null {
  const m = /^[(]\s*([^\d\s()]{1,6})\s*[)]$/.exec(key);
  return m ? (m[1] ?? null) : null;
}

/** The display of a cell: as written, trimmed, subscript digits folded ("CO ₂" → "CO2"). */
function cellDisplay(raw: string): string {
  return raw
    .trim()
    .replace(/\s*([\u2080-\u2089])/g, (_m, d: string) => String(d.charCodeAt(0) - 0x2080))
    .trim();
}

const NOT_A_UNIT = /^(以上|以下|未満|程度|超|前後|増|減|から|まで|~|〜)$/;

/** The unit written after the first figure of a value: "39 件" → 件, "129 トンCO2" → トンCO2, "小 79.9% 中 66.3%" → %. */
function unitOfDisplay(display: string): string | null {
  const text = normalizeText(display).trim();
  const m = /(?<![A-Za-z\d.,])[▲△-]?\d[\d,]*(?:\.\d+)?/.exec(text);
  if (!m) return null;
  const after = text.slice(m.index + m[0].length).replace(/^\s+/, '');
  const run = /^(?:[A-Za-z]+\d*|[^\s\dA-Za-z()[\]{}、,.:;]+)+/.exec(after);
  if (!run) return null;
  const unit = (run[0] ?? '').replace(/(以上|以下|未満|程度|前後)$/, '');
  if (!unit || unit.length > 8 || NOT_A_UNIT.test(unit)) return null;
  return unit;
}

/** Units implied by how a name ends (used only when no value or unit column states one). */
const UNIT_BY_NAME: ReadonlyArray<readonly [RegExp, string]> = [
  [/(割合|率)$/, '%'],
  [/(人数|者数|人口|員数)$/, '人'],
  [/回数$/, '回'],
  [/件数$/, '件'],
  [/路線数$/, '路線'],
  [/(箇所数|か所数|カ所数)$/, '箇所'],
  [/店舗数$/, '店舗'],
  [/団体数$/, '団体'],
  [/施設数$/, '施設'],
  [/世帯数$/, '世帯'],
];

function unitOfName(name: string): string | null {
  const stem = normalizeText(name).replace(/\s*\([^()]*\)\s*$/, '').trim();
  for (const [re, unit] of UNIT_BY_NAME) if (re.test(stem)) return unit;
  return null;
}

/**
 * Indicators where fewer is better. Kept deliberately small; a name that
 * also says 防止 / 削減 / 減少 / 抑制 (a count of prevention work, a reduction
 * achieved) stays 'increase'.
 */
const DECREASE_WORDS = /待機児童|事故|死傷|死者|犯罪|不登校|被害|火災|出火|滞納|未収|空き家|空き店舗|待ち時間|時間外勤務|超過勤務|離職|虐待|排出量|ごみ量|ごみの量|欠員|苦情/;
const DECREASE_EXCEPT = /防止|削減|減少|抑制|相談|研修|講座/;

function directionOf(name: string): Direction {
  const key = normalizeText(name);
  return DECREASE_WORDS.test(key) && !DECREASE_EXCEPT.test(key) ? 'decrease' : 'increase';
}

/**
 * Cleans a name cell: footnote marks (¹, ※1) taken off and returned, 【累計】
 * taken off, and the spaces a PDF leaves inside Japanese text removed
 * ("夫婦同じくらい 分担している" → "夫婦同じくらい分担している"); a space
 * between two Latin letters or digits stays.
 */
function cleanName(raw: string): { name: string; cumulative: boolean; marks: string[] } {
  const marks: string[] = [];
  let s = raw.replace(/[\u00B2\u00B3\u00B9\u2070\u2074-\u2079]+/g, (m) => {
    marks.push([...m].map((c) => SUPERSCRIPT_DIGITS[c] ?? '').join(''));
    return ' ';
  });
  s = s.replace(/[※＊*]\s*([0-9０-９]{1,2})\s*$/, (_m, d: string) => {
    marks.push(normalizeText(d));
    return '';
  });
  let cumulative = false;
  s = s.replace(/【\s*累計\s*】|[(（]\s*累計\s*[)）]/g, () => {
    cumulative = true;
    return ' ';
  });
  const chars = [...s.trim()];
  let out = '';
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]!;
    if (/\s/.test(ch)) {
      let j = i;
      while (j < chars.length && /\s/.test(chars[j]!)) j++;
      const prev = out[out.length - 1] ?? '';
      const next = chars[j] ?? '';
      if (/[A-Za-z0-9]/.test(prev) && /[A-Za-z0-9]/.test(next)) out += ' ';
      i = j - 1;
      continue;
    }
    out += ch;
  }
  return { name: out, cumulative, marks };
}

// --- notes ------------------------------------------------------------------

const PUNCT = /[\s、。，．,.「」『』・()（）【】［］[\]:：;；!?！？"'“”‘’…\-—–~〜]/g;

function bigrams(text: string): Set<string> {
  const chars = [...normalizeText(text).replace(PUNCT, '')];
  const out = new Set<string>();
  for (let i = 0; i + 1 < chars.length; i++) out.add(chars[i]! + chars[i + 1]!);
  return out;
}

/** Σ over shared bigrams of 1 / (how many candidates share it): words every row has tell nothing. */
function overlapScores(note: Set<string>, contexts: Array<Set<string>>): number[] {
  const df = new Map<string, number>();
  for (const ctx of contexts) for (const b of ctx) if (note.has(b)) df.set(b, (df.get(b) ?? 0) + 1);
  return contexts.map((ctx) => {
    let s = 0;
    for (const b of ctx) if (note.has(b)) s += 1 / (df.get(b) ?? 1);
    return s;
  });
}

/**
 * Attaches an unnumbered 「：…」 note to the row it explains. The candidates are
 * the rows with no note yet (all rows when every row has one). Each is scored
 * by the character bigrams it shares with the note, weighted by how rare they
 * are among the candidates; when the table has exactly as many rows as the
 * node has 主な取組, the rows are read as parallel to them and the matching
 * 取組 counts at half weight (a note often paraphrases the 取組 its KPI
 * measures: 「自分らしい人生の締めくくり…」 → 終活講座の実施回数). The best
 * score wins, the later row on a tie; with no evidence, or a tie, the note
 * goes to the last candidate and a warning says so.
 */
function assignNote(rows: WorkIndicator[], note: string, line: number, initiatives: string[], warnings: ImportWarning[]): void {
  if (rows.length === 0) return;
  const free = rows.filter((r) => r.notes.length === 0);
  const candidates = free.length > 0 ? free : rows;
  if (candidates.length > MAX_NOTE_CANDIDATES) {
    const last = candidates[candidates.length - 1]!;
    last.notes.push(note);
    warnings.push({ line, message: `注記「${truncate(note, 30)}」がどの指標の注記か判断できないため、指標「${truncate(last.name, 30)}」の注記としました。` });
    return;
  }
  const noteGrams = bigrams(note);
  const byName = overlapScores(noteGrams, candidates.map((r) => bigrams(r.name)));
  const parallel = initiatives.length === rows.length;
  const byInitiative = parallel
    ? overlapScores(noteGrams, candidates.map((r) => bigrams(initiatives[rows.indexOf(r)] ?? '')))
    : candidates.map(() => 0);
  const scores = candidates.map((_r, i) => (byName[i] ?? 0) + 0.5 * (byInitiative[i] ?? 0));
  const best = scores.reduce((a, b) => Math.max(a, b), 0);
  const tied = scores.filter((s) => Math.abs(s - best) < 1e-9).length;
  let index = candidates.length - 1;
  if (best > 0) {
    for (let i = scores.length - 1; i >= 0; i--) if (Math.abs((scores[i] ?? 0) - best) < 1e-9) { index = i; break; }
  }
  const target = candidates[index]!;
  target.notes.push(note);
  if (best <= 0 || tied > 1) {
    warnings.push({ line, message: `注記「${truncate(note, 30)}」がどの指標の注記か判断できないため、指標「${truncate(target.name, 30)}」の注記としました。` });
  }
}

/** Beyond this many rows a table is not a KPI table a person wrote; notes then go to the last row. */
const MAX_NOTE_CANDIDATES = 100;

function truncate(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max).join('')}…`;
}

/** A note line after a table: 「：…」, 「1：…」, 「※1 …」, 「¹ …」. */
function noteLine(line: Line): { mark: string | null; text: string } | null {
  const key = line.key;
  let m = /^(\d{1,2})?\s*:\s*(\S.*)$/.exec(key);
  if (m) return { mark: m[1] ?? null, text: rawSuffix(line.raw, key.length - (m[2] ?? '').length) };
  m = /^[※*]\s*(\d{1,2})?\s*:?\s*(\S.*)$/.exec(key);
  if (m) return { mark: m[1] ?? null, text: rawSuffix(line.raw, key.length - (m[2] ?? '').length) };
  m = /^([\u00B2\u00B3\u00B9\u2070\u2074-\u2079]+)\s*:?\s*(\S.*)$/.exec(key);
  if (m) {
    const mark = [...(m[1] ?? '')].map((c) => SUPERSCRIPT_DIGITS[c] ?? '').join('');
    return { mark, text: rawSuffix(line.raw, key.length - (m[2] ?? '').length) };
  }
  return null;
}

/**
 * Reads an indicator table starting at its header line `start`: the rows
 * (tab-separated lines; blank lines between rows are skipped) and the note
 * lines that follow. Returns the indicators and the index after the table.
 *
 * - Columns: 指標名, then baseline (策定時 / 基準 / 現状 / 実績 without a year),
 *   targets (目標 …, with the year in the header), actuals (実績 with a year), 単位.
 * - A cell "(橋)" in a value column is the row's unit, not a value.
 * - Unit: the unit written after a figure in any value cell, else the
 *   bracketed unit cell, else one implied by the name (…割合 → %, …者数 → 人,
 *   …回数 → 回, …路線数 → 路線 …), else null. A bracketed unit that disagrees
 *   with the values is reported.
 */
function parseIndicatorTable(lines: Line[], start: number, columns: Column[], initiatives: string[], warnings: ImportWarning[]): { indicators: WorkIndicator[]; next: number } {
  const rows: WorkIndicator[] = [];
  let i = start + 1;
  for (; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.key === '') {
      let j = i + 1;
      while (j < lines.length && lines[j]!.key === '') j++;
      const next = lines[j];
      if (next && next.key.includes('\t') && !indicatorHeader(next.key) && !projectHeader(next.key)) { i = j - 1; continue; }
      break;
    }
    if (!line.key.includes('\t') || indicatorHeader(line.key) || projectHeader(line.key)) break;
    const row = parseIndicatorRow(line, columns, warnings);
    if (row) rows.push(row);
  }
  // Notes: consecutive note lines after the table (blank lines between allowed).
  for (; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.key === '') continue;
    const note = noteLine(line);
    if (!note || !note.text) break;
    if (note.mark !== null) {
      const marked = rows.find((r) => r.marks.includes(note.mark!));
      const byIndex = rows[Number(note.mark) - 1];
      if (marked) marked.notes.push(note.text);
      else if (byIndex) {
        byIndex.notes.push(note.text);
        warnings.push({ line: line.no, message: `注${note.mark}に対応する記号が表にないため、${note.mark}行目の指標「${truncate(byIndex.name, 30)}」の注記としました。` });
      } else assignNote(rows, note.text, line.no, initiatives, warnings);
    } else {
      assignNote(rows, note.text, line.no, initiatives, warnings);
    }
  }
  return { indicators: rows, next: i };
}

function parseIndicatorRow(line: Line, columns: Column[], warnings: ImportWarning[]): WorkIndicator | null {
  const rawCells = line.raw.split('\t');
  const nameIndex = Math.max(0, columns.findIndex((c) => c.kind === 'name'));
  const { name, cumulative, marks } = cleanName(rawCells[nameIndex] ?? '');
  const values: WorkValue[] = [];
  let valueUnit: string | null = null;
  let bracket: string | null = null;
  for (let c = 0; c < rawCells.length; c++) {
    if (c === nameIndex) continue;
    const raw = rawCells[c] ?? '';
    const display = cellDisplay(raw);
    if (!display) continue;
    const key = keyOf(display);
    const col = columns[c];
    const asUnit = bracketUnit(key);
    if (asUnit) { bracket ??= asUnit; continue; }
    if (!col || col.kind === 'ignore' || col.kind === 'name') {
      warnings.push({ line: line.no, message: `指標「${truncate(name, 30)}」の見出しのない列の値「${truncate(display, 20)}」を読み飛ばしました。` });
      continue;
    }
    if (col.kind === 'unit') { bracket ??= key.replace(/[()]/g, '').trim() || null; continue; }
    valueUnit ??= unitOfDisplay(display);
    values.push({ fiscalYear: col.year, kind: col.kind, value: finiteOrNull(parseDisplayNumber(display)), display });
  }
  if (!name) {
    if (values.length > 0) warnings.push({ line: line.no, message: '指標名のない行を読み飛ばしました。' });
    return null;
  }
  if (valueUnit && bracket && valueUnit !== bracket) {
    warnings.push({ line: line.no, message: `指標「${truncate(name, 30)}」の単位が値（${valueUnit}）と単位欄（${bracket}）で食い違うため、値の単位を採りました。` });
  }
  return {
    name,
    unit: valueUnit ?? bracket ?? unitOfName(name),
    cumulative,
    direction: directionOf(name),
    notes: [],
    values,
    line: line.no,
    marks,
  };
}

function finiteOrNull(n: number | null): number | null {
  return n !== null && Number.isFinite(n) ? n : null;
}

// ---------------------------------------------------------------------------
// Title, municipality, kind, period

interface TitleInfo {
  title: string | null;
  /** Line indexes that make up the title. */
  lines: Set<number>;
  /** 素案, 概要版 …: said in the description. */
  status: string[];
}

const STATUS_MARK = /【\s*(素案|原案|案|改定案|骨子案|概要版)\s*】|[(（]\s*(素案|原案|案|概要版)\s*[)）]/g;

function detectTitle(lines: Line[]): TitleInfo {
  const firstLines = lines.map((l, i) => ({ l, i })).filter((x) => x.l.key !== '').slice(0, 15);
  // 「…計画…」 as the document's own name.
  for (const { l, i } of firstLines) {
    // Only a line that is the name (plus a short remark such as （概要版）), not a sentence quoting it.
    const m = /^「([^」]*(?:計画|プラン|戦略|ビジョン)[^」]*)」(.{0,15})$/.exec(l.raw);
    if (m) {
      const status: string[] = [];
      const inner = (m[1] ?? '').replace(STATUS_MARK, (_s, a?: string, b?: string) => { status.push(a ?? b ?? ''); return ''; }).trim();
      (m[2] ?? '').replace(STATUS_MARK, (_s, a?: string, b?: string) => { status.push(a ?? b ?? ''); return ''; });
      if (inner) return { title: inner, lines: new Set([i]), status: status.filter(Boolean) };
    }
  }
  // Otherwise the leading short lines.
  const taken = new Set<number>();
  const parts: string[] = [];
  const status: string[] = [];
  for (const { l, i } of firstLines) {
    if (/^資料\s*[\d\-‐－]+$/.test(l.key)) { taken.add(i); continue; }
    if (classifyHeading(l.key) !== null || /計画期間|期間\s*:/.test(l.key) || l.key.includes('\t') || markerTitle(l.key) !== null || [...l.key].length > 40 || /。/.test(l.key) || /^[-・•*●○]/.test(l.key)) break;
    taken.add(i);
    parts.push(l.raw.replace(STATUS_MARK, (_s, a?: string, b?: string) => { status.push(a ?? b ?? ''); return ''; }).trim());
    if (parts.length >= 3) break;
  }
  const title = parts.filter(Boolean).join(' ').trim();
  return { title: title || null, lines: taken, status: status.filter(Boolean) };
}

const NOT_MUNICIPALITY = new Set(['都市', '市町村', '市区町村', '区市町村', '町村', '市区', '市町', '本市', '各市', '全市', '他市', '当市', '本町', '本村', '各区', '地区', '学区', '校区', '全区']);

/** "平塚市行財政改革計画" → 平塚市; null when no municipality is named. */
function findMunicipality(title: string | null, lines: Line[]): string | null {
  const texts = [title ?? '', ...lines.slice(0, 12).map((l) => l.raw).filter((t) => [...t].length <= 30)];
  for (const text of texts) {
    const re = /(?:^|[「『\s]|第\d+次)([一-龥々ぁ-んァ-ヶー]{1,6}?[都道府県市区町村])(?=[一-龥々ぁ-んァ-ヶー「（(]|$)/g;
    for (const m of normalizeText(text).matchAll(re)) {
      const name = m[1] ?? '';
      if (name.length >= 2 && !NOT_MUNICIPALITY.has(name)) return name;
    }
  }
  return null;
}

function planKind(title: string, lines: Line[]): PlanKind {
  const t = normalizeText(title);
  if (/行財政改革|行政改革|行革/.test(t)) return 'reform';
  if (/総合計画|基本計画|重点戦略/.test(t)) return 'comprehensive';
  const body = lines.map((l) => l.key).join('\n');
  const reform = (body.match(/行財政改革|行政改革|行革/g) ?? []).length;
  const comprehensive = (body.match(/総合計画|基本計画|重点戦略/g) ?? []).length;
  if (reform === 0 && comprehensive === 0) return 'other';
  return reform > comprehensive ? 'reform' : 'comprehensive';
}

/** Years written in a line: 西暦 (2024, 2024年度) and 和暦 (令和6年度, 令和6（2024）年度). */
function yearsIn(key: string): number[] {
  const out: number[] = [];
  const re = /(令和|平成|[RH])\s*(元|\d{1,2})\s*(?:\(\s*(\d{4})\s*\))?\s*年度?|(?<![\d,.])((?:19|20|21)\d{2})(?![\d,.])/g;
  for (const m of key.matchAll(re)) {
    const y = m[3] ? Number(m[3]) : m[4] ? Number(m[4]) : parseFiscalYear(`${m[1]}${m[2]}年度`);
    if (y !== null && Number.isFinite(y) && (out.length === 0 || out[out.length - 1] !== y)) out.push(y);
  }
  return out;
}

function plausiblePeriod(a: number | undefined, b: number | undefined): { start: number; end: number } | null {
  if (a === undefined || b === undefined) return null;
  return b >= a && b - a <= 30 ? { start: a, end: b } : null;
}

/** The plan period the document states: in its title, else on a 計画期間 line. */
function statedPeriod(title: string | null, lines: Line[]): { start: number; end: number; line: number } | null {
  if (title) {
    const key = keyOf(title);
    const m = /(\d{4})\s*(?:年度?)?\s*[-~〜‐–―]\s*(\d{4})/.exec(key);
    const p = m ? plausiblePeriod(Number(m[1]), Number(m[2])) : null;
    if (p) return { ...p, line: 1 };
    const ys = yearsIn(key);
    const q = ys.length >= 2 ? plausiblePeriod(ys[0], ys[1]) : null;
    if (q) return { ...q, line: 1 };
  }
  for (const line of lines) {
    // 計画期間 as a label (計画期間：…, 計画期間は…), not 「…の計画期間に合わせて」.
    if (!/計画期間\s*(?::|は|\s|$)/.test(line.key)) continue;
    const ys = yearsIn(line.key);
    const p = plausiblePeriod(ys[0], ys[1]);
    if (p) return { ...p, line: line.no };
  }
  return null;
}

// ---------------------------------------------------------------------------
// Structure

interface Section {
  type: SectionType | 'none';
  owner: WorkNode | null;
  level: string;
  echoSeen: Set<number>;
}

interface Structure {
  roots: WorkNode[];
  intro: string[];
}

const FALLBACK_RANK: Readonly<Record<string, number>> = { 部: 0, 編: 0, 章: 1, 節: 2, D: 3, P: 4, R: 5 };
const FALLBACK_LEVEL: Readonly<Record<string, string>> = { D: '項目', P: '小項目', R: '細目' };

function childCode(parent: WorkNode | null, own: string): string {
  return parent?.code ? `${parent.code}-${own}` : own;
}

/** Walks the lines once, building the node tree. */
function readStructure(lines: Line[], titleInfo: TitleInfo, warnings: ImportWarning[]): Structure {
  const roots: WorkNode[] = [];
  const intro: string[] = [];
  const toc = new Map<string, string>();
  const kindRank = new Map<string, number>();
  const keywordMode = lines.some((l) => {
    const h = classifyHeading(l.key);
    return h?.type === 'K' && !h.bullet;
  });
  const wholeText = lines.map((l) => l.key).join('\n');
  let stack: WorkNode[] = [];
  let section: Section = { type: 'none', owner: null, level: '', echoSeen: new Set() };
  let pendingTitle: { node: WorkNode; fallback: string } | null = null;
  let projectCount = 0;
  let projectWarned = false;

  const top = (): WorkNode | null => stack[stack.length - 1] ?? null;
  const resetSection = (): void => { section = { type: 'none', owner: null, level: '', echoSeen: new Set() }; };

  /** Opens (or reopens, for a repeated heading) a node at `rank`. */
  const open = (rank: number, kindKey: string, num: number, level: string, own: string, title: string, line: Line): WorkNode => {
    while (stack.length > 0 && top()!.rank >= rank) stack.pop();
    const parent = top();
    const siblings = parent ? parent.children : roots;
    let node = siblings.find((n) => n.kindKey === kindKey && n.num === num);
    if (node) {
      if (hasContent(node)) warnings.push({ line: line.no, message: `見出し「${truncate(line.raw, 30)}」が重複しているため、先に出てきた同じ番号の節にまとめました。` });
      else if (title) { node.title = title; node.line = line.no; }
    } else {
      node = newNode({ level, code: childCode(parent, own), kindKey, num, title, line: line.no, rank });
      siblings.push(node);
    }
    stack.push(node);
    resetSection();
    return node;
  };

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const key = line.key;
    if (key === '') continue;
    const heading = classifyHeading(key);
    const marker = markerTitle(key);

    if (pendingTitle) {
      const plainTitle = heading === null && marker === null && !key.includes('\t') && [...key].length <= 80 && !/。$/.test(key);
      const p = pendingTitle;
      pendingTitle = null;
      if (plainTitle && !titleInfo.lines.has(i)) { p.node.title = line.raw; continue; }
      p.node.title = p.fallback;
    }
    if (titleInfo.lines.has(i)) continue;

    // Tables.
    if (key.includes('\t')) {
      const columns = indicatorHeader(key);
      if (columns) {
        const owner = top();
        const initiatives = owner ? owner.children.filter((c) => c.kindKey.startsWith('list:')).map((c) => c.title) : [];
        const { indicators, next } = parseIndicatorTable(lines, i, columns, initiatives, warnings);
        if (owner) owner.indicators.push(...indicators);
        else if (indicators.length > 0) warnings.push({ line: line.no, message: `指標の表がどの節にも属していないため、${indicators.length}件の指標を読み飛ばしました。` });
        section = { type: 'other', owner, level: '', echoSeen: new Set() };
        i = next - 1;
        continue;
      }
      const project = projectHeader(key);
      if (project) {
        const level = projectLevel(lines, i, wholeText);
        let j = i + 1;
        let placedTop = 0;
        for (; j < lines.length; j++) {
          const row = lines[j]!;
          if (row.key === '') {
            let k = j + 1;
            while (k < lines.length && lines[k]!.key === '') k++;
            if (lines[k]?.key.includes('\t')) { j = k - 1; continue; }
            break;
          }
          if (!row.key.includes('\t')) break;
          const cells = row.raw.split('\t').map((c) => c.trim());
          const name = cells[project.name] ?? '';
          if (!name) { warnings.push({ line: row.no, message: '事業名のない行を読み飛ばしました。' }); continue; }
          projectCount++;
          const node = newNode({ level, code: `P${projectCount}`, kindKey: 'project', num: projectCount, title: name, line: row.no, rank: 99 });
          const summary = cells[project.summary] ?? '';
          if (summary) node.directParas.push(summary);
          const themeCell = project.theme !== null ? keyOf(cells[project.theme] ?? '') : '';
          const themeNum = /(\d{1,2})/.exec(themeCell)?.[1];
          const theme = themeNum ? findByKindAndNum(roots, /テーマ|視点/, Number(themeNum)) : null;
          if (theme) theme.children.push(node);
          else { roots.push(node); placedTop++; }
        }
        if (placedTop > 0 && !projectWarned) {
          projectWarned = true;
          warnings.push({ line: line.no, message: `${level}がどの${themeWord(roots)}に属するかが文書に書かれていないため、${placedTop}件の${level}を最上位の項目として取り込みました。` });
        }
        stack = [];
        resetSection();
        i = j - 1;
        continue;
      }
      continue; // Other tab-separated lines carry nothing the plan needs.
    }

    if (heading) {
      if (heading.type === 'K' && heading.bullet) {
        const title = rawSuffix(line.raw, key.length - heading.rest.length);
        if (title) toc.set(`${heading.kw}:${heading.num}`, title);
        continue;
      }
      // Inside an SDGs-like section the headings only repeat the real ones.
      if (section.type === 'echo' && (heading.type === 'P' || heading.type === 'R') && section.owner && !section.echoSeen.has(heading.num)) {
        section.echoSeen.add(heading.num);
        section.owner.echo.push({ num: heading.num, title: rawSuffix(line.raw, key.length - heading.rest.length), line: line.no });
        continue;
      }
      const title = rawSuffix(line.raw, key.length - heading.rest.length);
      if (keywordMode) {
        if (heading.type === 'K') {
          if (!kindRank.has(heading.kw)) kindRank.set(heading.kw, kindRank.size);
          const rank = kindRank.get(heading.kw)!;
          const node = open(rank, `K:${heading.kw}`, heading.num, heading.kw, String(heading.num), title, line);
          if (!node.title) pendingTitle = { node, fallback: toc.get(`${heading.kw}:${heading.num}`) ?? `${heading.kw}${heading.num}` };
          continue;
        }
        if (heading.type === 'P' || heading.type === 'R') {
          if (stack.length === 0) { paragraph(line); continue; }
          const rank = heading.type === 'P' ? 50 : 60;
          while (stack.length > 0 && top()!.rank >= rank) stack.pop();
          const parentLevel = top()?.level ?? '';
          const level = heading.type === 'P' ? (parentLevel === '施策' ? '取組' : '施策') : '取組';
          const own = heading.type === 'P' ? `(${heading.num})` : String(heading.num);
          const node = open(rank, heading.type, heading.num, level, own, title, line);
          if (!node.title) pendingTitle = { node, fallback: `${level}${heading.num}` };
          continue;
        }
        // 第N章 / "1 …": sections of the document, not plan nodes.
        stack = [];
        resetSection();
        continue;
      }
      // Fallback outline.
      const kindKey = heading.type === 'C' ? `C:${heading.unit}` : heading.type;
      if (heading.type === 'K') { paragraph(line); continue; }
      const rank = FALLBACK_RANK[heading.type === 'C' ? heading.unit : heading.type] ?? 3;
      const level = heading.type === 'C' ? heading.unit : FALLBACK_LEVEL[heading.type] ?? '項目';
      const own = heading.type === 'P' ? `(${heading.num})` : String(heading.num);
      const node = open(rank, kindKey, heading.num, level, own, title, line);
      if (!node.title) pendingTitle = { node, fallback: `${level}${heading.num}` };
      continue;
    }

    if (marker !== null) {
      const type = sectionType(marker);
      const owner = top();
      const level = marker.replace(/[(][^()]*[)]\s*$/, '').replace(/[（(].*$/, '').trim() || marker;
      section = { type, owner, level, echoSeen: new Set() };
      if (!owner && type !== 'other') warnings.push({ line: line.no, message: `「${truncate(marker, 20)}」がどの節にも属していないため、読み飛ばしました。` });
      continue;
    }

    paragraph(line);
  }
  if (pendingTitle) pendingTitle.node.title = pendingTitle.fallback;

  function paragraph(line: Line): void {
    const owner = section.owner ?? top();
    switch (section.type) {
      case 'direction':
        if (owner) owner.directionParas.push(line.raw);
        return;
      case 'list': {
        if (!owner) return;
        const item = line.raw.replace(/^[・\-•*●○◦]\s*/, '').replace(/^[\u2460-\u2473]\s*/, '').trim();
        if (!item) return;
        const count = (owner.listCount.get(section.level) ?? 0) + 1;
        owner.listCount.set(section.level, count);
        owner.children.push(newNode({ level: section.level, code: childCode(owner, String(count)), kindKey: `list:${section.level}`, num: count, title: item, line: line.no, rank: 98 }));
        return;
      }
      case 'echo':
      case 'table':
      case 'other':
        return;
      case 'none': {
        const node = top();
        // A sentence; a short line without one is an unnumbered heading, not text.
        if (node) { if (/。/.test(line.key) || [...line.key].length > 30) node.directParas.push(line.raw); }
        else if (roots.length === 0 && !/^[-・•*●]/.test(line.key)) intro.push(line.raw);
      }
    }
  }

  return { roots, intro };
}

function findByKindAndNum(nodes: WorkNode[], level: RegExp, num: number): WorkNode | null {
  for (const n of nodes) {
    if (level.test(n.level) && n.num === num) return n;
    const inner = findByKindAndNum(n.children, level, num);
    if (inner) return inner;
  }
  return null;
}

function themeWord(roots: WorkNode[]): string {
  const theme = findAny(roots, (n) => /テーマ|視点/.test(n.level));
  return theme ? theme.level : '上位の項目';
}

function findAny(nodes: WorkNode[], pred: (n: WorkNode) => boolean): WorkNode | null {
  for (const n of nodes) {
    if (pred(n)) return n;
    const inner = findAny(n.children, pred);
    if (inner) return inner;
  }
  return null;
}

/** The document's own word for the rows of a 事業名 table: 「実施計画事業」, else 事業. */
function projectLevel(lines: Line[], headerIndex: number, wholeText: string): string {
  for (let k = headerIndex - 1; k >= Math.max(0, headerIndex - 12); k--) {
    const m = /([一-龥々ァ-ヶー]{1,10}事業)(?:の概要|一覧)/.exec(lines[k]!.key);
    if (m) return m[1] ?? '事業';
  }
  const quoted = /「([一-龥々ァ-ヶー]{1,10}事業)」/.exec(wholeText);
  return quoted?.[1] ?? '事業';
}

// ---------------------------------------------------------------------------
// Finishing

function collectYears(nodes: WorkNode[], out: { targets: number[]; all: number[] }): void {
  for (const n of nodes) {
    for (const ind of n.indicators) {
      for (const v of ind.values) {
        if (v.fiscalYear === null) continue;
        out.all.push(v.fiscalYear);
        if (v.kind === 'target') out.targets.push(v.fiscalYear);
      }
    }
    collectYears(n.children, out);
  }
}

function countParas(nodes: WorkNode[], counts: Map<string, number>): void {
  for (const n of nodes) {
    if (n.directionParas.length === 0 && n.directParas.length > 0) {
      const text = n.directParas.join('\n');
      counts.set(text, (counts.get(text) ?? 0) + 1);
    }
    countParas(n.children, counts);
  }
}

interface FinishContext {
  startYear: number | null;
  endYear: number | null;
  boilerplate: Map<string, number>;
  codes: Set<string>;
  warnings: ImportWarning[];
  droppedValues: number;
}

function finishNode(n: WorkNode, ctx: FinishContext): ParsedNode {
  // Echoed headings become nodes only when no real heading of theirs followed.
  if (n.echo.length > 0 && !n.children.some((c) => c.kindKey === 'P' || c.kindKey === 'R')) {
    const echoNodes = n.echo.map((e) => newNode({ level: '施策', code: childCode(n, `(${e.num})`), kindKey: 'P', num: e.num, title: e.title, line: e.line, rank: 50 }));
    n.children.unshift(...echoNodes);
    ctx.warnings.push({ line: n.echo[0]!.line, message: `「${truncate(n.title, 20)}」の施策を関連目標の欄の見出しから取り込みました（本文の見出しが見つかりません）。` });
  }
  let description: string | null = null;
  if (n.directionParas.length > 0) description = n.directionParas.join('\n');
  else if (n.directParas.length > 0) {
    const text = n.directParas.join('\n');
    if ((ctx.boilerplate.get(text) ?? 0) < 2 || n.kindKey === 'project') description = text;
  }
  let code = n.code;
  if (code !== null) {
    if (ctx.codes.has(code)) {
      let k = 2;
      while (ctx.codes.has(`${code}#${k}`)) k++;
      ctx.warnings.push({ line: n.line, message: `番号「${code}」が重複しているため「${code}#${k}」としました。` });
      code = `${code}#${k}`;
    }
    ctx.codes.add(code);
  }
  const title = n.title.trim() || `${n.level}${n.num ?? ''}` || '（無題）';
  return {
    level: n.level,
    code,
    title,
    description,
    indicators: n.indicators.map((ind) => finishIndicator(ind, ctx)),
    children: n.children.map((c) => finishNode(c, ctx)),
    line: n.line,
  };
}

function finishIndicator(ind: WorkIndicator, ctx: FinishContext): ParsedIndicator {
  const values: ParsedIndicatorValue[] = [];
  for (const v of ind.values) {
    let year = v.fiscalYear;
    if (year === null) year = v.kind === 'baseline' ? (ctx.startYear !== null ? ctx.startYear - 1 : null) : ctx.endYear;
    if (year === null) { ctx.droppedValues++; continue; }
    values.push({ fiscalYear: year, kind: v.kind, value: v.value, display: v.display });
  }
  return {
    name: ind.name,
    unit: ind.unit,
    cumulative: ind.cumulative,
    direction: ind.direction,
    notes: ind.notes.length > 0 ? ind.notes.join('\n') : null,
    values,
    line: ind.line,
  };
}

// ---------------------------------------------------------------------------
// Entry points

/**
 * Parses a plan document (総合計画 / 行財政改革計画 / any numbered plan) into
 * its title, municipality, kind, period and node tree with indicators.
 * Pure; never throws. `value` is null, with a warning, when the text holds no
 * plan node at all.
 */
export function parsePlan(text: string): ParseResult<ParsedPlan> {
  const warnings: ImportWarning[] = [];
  try {
    return parsePlanUnsafe(typeof text === 'string' ? text : String(text ?? ''), warnings);
  } catch {
    warnings.push({ line: 1, message: INTERNAL_ERROR });
    return { value: null, warnings };
  }
}

function parsePlanUnsafe(text: string, warnings: ImportWarning[]): ParseResult<ParsedPlan> {
  const lines = splitLines(text);
  const titleInfo = detectTitle(lines);
  const { roots, intro } = readStructure(lines, titleInfo, warnings);
  if (roots.length === 0) {
    warnings.push({ line: 1, message: '計画の節（重点戦略・施策・目標・章など）が見つからないため、計画として読み取れませんでした。' });
    return { value: null, warnings };
  }
  const title = titleInfo.title ?? '（題名なし）';
  if (!titleInfo.title) warnings.push({ line: 1, message: '計画の題名が見つかりません。' });

  const municipality = findMunicipality(titleInfo.title, lines);
  if (!municipality) warnings.push({ line: 1, message: '文書に自治体名が書かれていないため、自治体は未設定です。' });

  const years = { targets: [] as number[], all: [] as number[] };
  collectYears(roots, years);
  let startYear: number | null = null;
  let endYear: number | null = null;
  const stated = statedPeriod(titleInfo.title, lines);
  if (stated) {
    startYear = stated.start;
    endYear = stated.end;
  } else if (years.targets.length > 0) {
    endYear = years.targets.reduce((a, b) => Math.max(a, b));
    startYear = years.targets.reduce((a, b) => Math.min(a, b)) - 3;
    warnings.push({ line: 1, message: `計画期間が文書に書かれていないため、目標値の年度から${startYear}年度～${endYear}年度と推定しました（策定時実績値は${startYear - 1}年度としました）。` });
  } else if (years.all.length > 0 || hasIndicators(roots)) {
    warnings.push({ line: 1, message: '計画期間が文書に書かれておらず、目標値の年度からも推定できませんでした。' });
  }

  const boilerplate = new Map<string, number>();
  countParas(roots, boilerplate);
  const ctx: FinishContext = { startYear, endYear, boilerplate, codes: new Set(), warnings, droppedValues: 0 };
  const nodes = roots.map((n) => finishNode(n, ctx));
  if (ctx.droppedValues > 0) {
    warnings.push({ line: 1, message: `年度を決められない値が${ctx.droppedValues}件あったため、取り込みませんでした。` });
  }

  const descriptionParts: string[] = [];
  if (titleInfo.status.length > 0) descriptionParts.push(`${titleInfo.status.join('（')}${titleInfo.status.length > 1 ? '）'.repeat(titleInfo.status.length - 1) : ''}`);
  descriptionParts.push(...intro);
  const description = descriptionParts.length > 0 ? descriptionParts.join('\n') : null;

  return {
    value: { title, municipality, kind: planKind(title, lines), startYear, endYear, description, nodes },
    warnings: warnings.sort((a, b) => a.line - b.line),
  };
}

function hasIndicators(nodes: WorkNode[]): boolean {
  return nodes.some((n) => n.indicators.length > 0 || hasIndicators(n.children));
}

/**
 * How much `text` looks like a plan document, from 0 to 1: numbered keyword
 * headings (重点戦略1, 〔目標1〕), ◆基本的な方向性 / ◆主な取組 / ◆KPI sections,
 * indicator and 事業名/取組の概要 tables, a title naming a 計画 and its period
 * count for it; the marks of a progress report (取組状況, 概ね順調, 未着手),
 * an evaluation sheet (事務事業評価, (Plan), 千円) or a meeting report
 * (対応方針, 実施結果報告書, HTML paragraphs, ○ opinions) count against it.
 * Never throws.
 */
export function planScore(text: string): number {
  try {
    const lines = splitLines(typeof text === 'string' ? text : '');
    const keys = lines.map((l) => l.key);
    const body = keys.join('\n');
    let score = 0;

    const keyword = new Set<string>();
    let outline = 0;
    let markers = 0;
    let indicatorTable = false;
    let projectTable = false;
    for (const key of keys) {
      const h = classifyHeading(key);
      if (h?.type === 'K' && !h.bullet) keyword.add(`${h.kw}${h.num}`);
      else if (h && h.type !== 'K') outline++;
      const m = markerTitle(key);
      if (m !== null && sectionType(m) !== 'other') markers++;
      if (!indicatorTable && indicatorHeader(key)?.some((c) => c.kind === 'target')) indicatorTable = true;
      if (!projectTable && projectHeader(key)) projectTable = true;
    }
    score += Math.min(0.45, 0.15 * keyword.size);
    score += Math.min(0.3, 0.06 * markers);
    if (indicatorTable) score += 0.15;
    if (projectTable) score += 0.2;
    const titleInfo = detectTitle(lines);
    const titleKey = keyOf(titleInfo.title ?? '');
    if (/計画|プラン|戦略|ビジョン/.test(titleKey)) score += 0.25;
    if (statedPeriod(titleInfo.title, lines)) score += 0.1;
    if (outline >= 3) score += 0.15;

    const against: RegExp[] = [
      /取組状況/, /進捗状況/, /概ね順調/, /未着手/, /[上下]半期/,
      /事務事業評価/, /評価シート/, /\((?:Plan|Do|Check|Action)\)/, /千円/, /事業費/,
      /対応方針/, /市の考え方/, /実施結果報告書/, /ミーティング/, /<(?:p|ul|li|br)\b/i,
    ];
    for (const re of against) if (re.test(body)) score -= 0.2;
    if (keys.filter((k) => /^○/.test(k)).length >= 3) score -= 0.2;
    return Math.max(0, Math.min(1, score));
  } catch {
    return 0;
  }
}
