/**
 * Parser for a 取組状況 (progress) report of a 行財政改革計画, such as
 * 「平塚市行財政改革計画（2020-2023） 令和3年度【上半期】取組状況（総括）」.
 *
 * What it reads:
 * - the plan title, municipality, plan years and the reporting period;
 * - the status table by 取組の視点 (済 / 概ね順調 / 遅れ / 未着手 / 休止 / 合計),
 *   kept exactly as reported and checked (rows against their 合計 column,
 *   columns against the 合計 row, and both against the summary sentences such
 *   as 「29事業で55の取組を実施」「全体の94％は順調」);
 * - the items named with a status (「龍城ケ丘ゾーン公園の設計･･･遅れ [龍城ケ丘ゾーン公園整備事業]」)
 *   with the bullet lines that explain them;
 * - the 主な事業 with their narrative and the 取組の視点 each belongs to.
 *
 * The text usually comes out of a PDF, so the layout is scrambled: in the
 * 主な事業 section the perspective label 「（１）民間活力の活用」 often comes
 * AFTER the projects it covers. The parser decides per document whether the
 * labels trail or lead their projects (see {@link assignPerspectives}).
 *
 * Matching is done on the NFKC form (full-width digits and brackets folded);
 * every name, title and narrative is returned exactly as written (trimmed).
 * The parser is pure and never throws.
 */
import type { ProgressStatus } from '../../db/schema.js';
import { parsePeriod } from '../../api/lib/japanese-date.js';
import { normalizeText } from '../../api/lib/text.js';
import type { ImportWarning, ParseResult, ParsedProgressReport, StatusCounts } from './types.js';

type Perspective = ParsedProgressReport['perspectives'][number];
type ReportedRow = ParsedProgressReport['reportedRows'][number];
type Item = ParsedProgressReport['items'][number];
type Project = ParsedProgressReport['projects'][number];
type Totals = StatusCounts & { total: number };

const STATUSES: readonly ProgressStatus[] = ['done', 'on_track', 'delayed', 'not_started', 'suspended'];

/** Status labels as printed (NFKC), most specific first. */
const STATUS_BY_LABEL: Readonly<Record<string, ProgressStatus>> = {
  済: 'done',
  概ね順調: 'on_track',
  おおむね順調: 'on_track',
  遅れ: 'delayed',
  未着手: 'not_started',
  休止: 'suspended',
};

const STATUS_LABEL: Readonly<Record<ProgressStatus, string>> = {
  done: '済',
  on_track: '概ね順調',
  delayed: '遅れ',
  not_started: '未着手',
  suspended: '休止',
};

const INTERNAL_ERROR = '取組状況の読み取り中に予期しないエラーが発生しました';

// ---------------------------------------------------------------------------
// Lines: the text as written plus its NFKC form, with a map between the two
// so that anything matched on the normalised form can be cut from the original.

interface Line {
  /** 1-based line number in the document. */
  no: number;
  raw: string;
  norm: string;
  /** map[i] = index in raw of the character that produced norm[i]; map[norm.length] = raw.length. */
  map: number[];
}

function toLine(raw: string, no: number): Line {
  let norm = '';
  const map: number[] = [];
  for (let i = 0; i < raw.length; ) {
    const cp = raw.codePointAt(i) ?? 0;
    const ch = String.fromCodePoint(cp);
    // NFKC leaves ASCII unchanged; skip the call for it.
    const n = cp < 0x80 ? ch : normalizeText(ch);
    for (let k = 0; k < n.length; k++) map.push(i);
    norm += n;
    i += ch.length;
  }
  map.push(raw.length);
  return { no, raw, norm, map };
}

function splitLines(text: string): Line[] {
  return text.split(/\r\n|\r|\n/).map((raw, i) => toLine(raw, i + 1));
}

/** The original text behind norm[start, end), trimmed. */
function rawSlice(line: Line, start: number, end: number): string {
  const s = line.map[Math.max(0, Math.min(start, line.norm.length))] ?? line.raw.length;
  const e = line.map[Math.max(0, Math.min(end, line.norm.length))] ?? line.raw.length;
  return line.raw.slice(s, Math.max(s, e)).trim();
}

function isBlank(line: Line): boolean {
  return line.norm.trim() === '';
}

function emptyCounts(): StatusCounts {
  return { done: 0, on_track: 0, delayed: 0, not_started: 0, suspended: 0 };
}

function sumCounts(c: StatusCounts): number {
  return STATUSES.reduce((s, k) => s + c[k], 0);
}

// ---------------------------------------------------------------------------
// Header: plan title, municipality, years, period.

const PLAN_TITLE_RE = /^(.*?計画\s*(?:[(（]\s*\d{4}\s*[-~〜～]\s*\d{4}\s*[)）])?)/d;
const PLAN_YEARS_RE = /(\d{4})\s*(?:年度?)?\s*[-~〜～]\s*(\d{4})/;
const PERIOD_RE = /(?:(令和|平成)\s*(元|\d{1,2})\s*(?:\(\s*\d{4}\s*\))?|(\d{4}))\s*年度\s*[【\[(]?\s*(上半期|下半期|上期|下期)?/;

function findPlanTitle(lines: Line[]): { title: string; line: Line } | null {
  const head = lines.filter((l) => !isBlank(l)).slice(0, 12);
  const candidates = head.filter((l) => l.norm.includes('計画') && l.norm.trim().length <= 80 && !/^\s*[・•●○◦◆◇■□※]/.test(l.norm));
  const best = candidates.find((l) => PLAN_YEARS_RE.test(l.norm)) ?? candidates[0];
  if (!best) return null;
  const lead = best.norm.length - best.norm.trimStart().length;
  const m = PLAN_TITLE_RE.exec(best.norm.slice(lead));
  const span = m?.indices?.[1];
  let title = span ? rawSlice(best, lead + span[0], lead + span[1]) : best.raw.trim();
  title = title.replace(/^[「『"]+|[」』"]+$/g, '').trim();
  return title ? { title, line: best } : null;
}

function findPeriod(lines: Line[]): { period: string; line: number } | null {
  const read = (l: Line): { code: string | null; half: boolean } => {
    const m = PERIOD_RE.exec(l.norm);
    if (!m) return { code: null, half: false };
    const year = m[3] ?? `${m[1] ?? ''}${m[2] ?? ''}`;
    return { code: parsePeriod(`${year}年度${m[4] ?? ''}`), half: Boolean(m[4]) };
  };
  const statusLines = lines.filter((l) => /取組状況|進捗状況|実施状況/.test(l.norm));
  for (const l of statusLines) {
    const r = read(l);
    if (r.code && r.half) return { period: r.code, line: l.no };
  }
  for (const l of statusLines) {
    const r = read(l);
    if (r.code) return { period: r.code, line: l.no };
  }
  for (const l of lines.filter((x) => !isBlank(x)).slice(0, 10)) {
    const r = read(l);
    if (r.code) return { period: r.code, line: l.no };
  }
  return null;
}

// ---------------------------------------------------------------------------
// The status table.

type Column = ProgressStatus | 'total';

/** The columns of a status-table header line, in printed order, or null when the line is not one. */
function headerColumns(norm: string): Column[] | null {
  if (norm.length > 200 || !norm.includes('遅れ')) return null;
  const tokens = norm.trim().split(/\s+/);
  const cols: Column[] = [];
  for (const t of tokens) {
    const status = STATUS_BY_LABEL[t];
    if (status) cols.push(status);
    else if (t === '合計' || t === '計') cols.push('total');
  }
  if (cols.filter((c) => c !== 'total').length >= 4) return dedupe(cols);
  // Run together without spaces: order the labels by position.
  const compact = norm.replace(/\s+/g, '');
  if (!compact.includes('取組の視点')) return null;
  const found: Array<[number, Column]> = [];
  for (const [label, status] of Object.entries(STATUS_BY_LABEL)) {
    const at = compact.indexOf(label);
    if (at >= 0 && !found.some(([, s]) => s === status)) found.push([at, status]);
  }
  const total = compact.lastIndexOf('合計');
  if (total >= 0) found.push([total, 'total']);
  if (found.filter(([, c]) => c !== 'total').length < 4) return null;
  return found.sort((a, b) => a[0] - b[0]).map(([, c]) => c);
}

function dedupe<T>(items: T[]): T[] {
  return items.filter((x, i) => items.indexOf(x) === i);
}

interface TableRow {
  kind: 'row' | 'total';
  code: string | null;
  title: string;
  numbers: number[];
}

const TOTAL_LABELS = new Set(['合計', '計', '総計', '全体']);
const ROW_LABEL_RE = /^[(（]?\s*(\d{1,2})\s*[)）.．、]?\s*(.*)$/d;

/** A table row: a label followed by a run of numbers ("-" read as 0). */
function parseTableRow(line: Line): TableRow | null {
  const tokens = [...line.norm.matchAll(/\S+/g)];
  let k = tokens.length;
  while (k > 0 && /^(?:\d{1,6}|-)$/.test(tokens[k - 1]?.[0] ?? '')) k--;
  if (k === tokens.length || k === 0) return null;
  const first = tokens[0];
  const firstNumber = tokens[k];
  if (!first || !firstNumber) return null;
  const labelStart = first.index ?? 0;
  const lastLabel = tokens[k - 1];
  const labelEnd = (lastLabel?.index ?? 0) + (lastLabel?.[0].length ?? 0);
  const label = line.norm.slice(labelStart, labelEnd);
  const numbers = tokens.slice(k).map((t) => (t[0] === '-' ? 0 : Number(t[0])));
  const compact = label.replace(/\s+/g, '');
  if (TOTAL_LABELS.has(compact)) return { kind: 'total', code: null, title: rawSlice(line, labelStart, labelEnd), numbers };
  // A row label must contain some text, not only figures and brackets.
  if (!/[^\d\s()（）.．、,-]/.test(label)) return null;
  const m = ROW_LABEL_RE.exec(label);
  const titleSpan = m?.indices?.[2];
  if (m && titleSpan && titleSpan[1] > titleSpan[0] && /^[(（]/.test(label)) {
    return { kind: 'row', code: String(Number(m[1])), title: rawSlice(line, labelStart + titleSpan[0], labelStart + titleSpan[1]), numbers };
  }
  if (m && titleSpan && titleSpan[1] > titleSpan[0] && /^\d{1,2}\s*[.．、\s]/.test(label)) {
    return { kind: 'row', code: String(Number(m[1])), title: rawSlice(line, labelStart + titleSpan[0], labelStart + titleSpan[1]), numbers };
  }
  return { kind: 'row', code: null, title: rawSlice(line, labelStart, labelEnd), numbers };
}

/** "(5)身近で利用しやすい行政サービスの" printed alone when a long row label wraps. */
function wrappedLabelHead(line: Line): { code: string; title: string } | null {
  if (line.norm.length > MAX_ITEM_LINE) return null;
  const m = /^\s*[(（]\s*(\d{1,2})\s*[)）]\s*(\S.*?)\s*$/d.exec(line.norm);
  const span = m?.indices?.[2];
  if (!m || !span || /\d\s*$/.test(line.norm)) return null;
  return { code: String(Number(m[1])), title: rawSlice(line, span[0], span[1]) };
}

interface TableResult {
  perspectives: Perspective[];
  rows: ReportedRow[];
  totals: Totals | null;
  totalsLine: number | null;
  consumed: Set<number>;
}

function readTable(lines: Line[], warnings: ImportWarning[]): TableResult | null {
  for (let h = 0; h < lines.length; h++) {
    const header = lines[h];
    if (!header) continue;
    const columns = headerColumns(header.norm);
    if (!columns) continue;
    const result = readTableAt(lines, h, columns);
    if (result) {
      warnings.push(...result.warnings);
      return result.table;
    }
  }
  return null;
}

function readTableAt(lines: Line[], h: number, columns: Column[]): { table: TableResult; warnings: ImportWarning[] } | null {
  const warnings: ImportWarning[] = [];
  const consumed = new Set<number>([h]);
  const parsed: Array<{ row: TableRow; line: Line }> = [];
  let misses = 0;
  for (let j = h + 1; j < lines.length; j++) {
    const line = lines[j];
    if (!line) break;
    if (isBlank(line)) continue;
    let row = parseTableRow(line);
    let rowLine = line;
    if (!row) {
      // A wrapped label: "(5)…の" then "推進 1 7 0 0 0 8".
      const head = wrappedLabelHead(line);
      let n = j + 1;
      while (n < lines.length && lines[n] && isBlank(lines[n] as Line)) n++;
      const next = lines[n];
      const tail = next ? parseTableRow(next) : null;
      if (head && next && tail && tail.kind === 'row' && tail.code === null) {
        row = { kind: 'row', code: head.code, title: head.title + tail.title, numbers: tail.numbers };
        consumed.add(line.no);
        rowLine = line;
        j = n;
      }
    }
    if (!row) {
      if (parsed.length > 0) break;
      if (++misses > 2) return null;
      continue;
    }
    consumed.add(rowLine.no);
    consumed.add(lines[j]?.no ?? rowLine.no);
    parsed.push({ row, line: rowLine });
    if (row.kind === 'total') break;
  }
  if (parsed.length === 0) return null;

  const hasTotal = columns.includes('total');
  const toCounts = (row: TableRow, line: Line): { counts: StatusCounts; total: number } | null => {
    if (row.numbers.length < columns.length) {
      warnings.push({ line: line.no, message: `表の行「${line.raw.trim()}」の数値が${row.numbers.length}個しかなく、見出しの${columns.length}列と合わないため読み飛ばしました` });
      return null;
    }
    const values = row.numbers.slice(row.numbers.length - columns.length);
    const counts = emptyCounts();
    let total: number | null = null;
    columns.forEach((c, i) => {
      const v = values[i] ?? 0;
      if (c === 'total') total = v;
      else counts[c] = v;
    });
    return { counts, total: total ?? sumCounts(counts) };
  };

  const perspectives: Perspective[] = [];
  const rows: ReportedRow[] = [];
  let totals: Totals | null = null;
  let totalsLine: number | null = null;
  let position = 0;
  for (const { row, line } of parsed) {
    const figures = toCounts(row, line);
    if (row.kind === 'total') {
      if (figures) {
        totals = { ...figures.counts, total: figures.total };
        totalsLine = line.no;
      }
      continue;
    }
    position++;
    let code = row.code;
    if (code === null) {
      code = String(position);
      warnings.push({ line: line.no, message: `取組の視点「${row.title}」に番号がないため、表の順番から (${code}) としました` });
    }
    if (perspectives.some((p) => p.code === code)) {
      warnings.push({ line: line.no, message: `取組の視点の番号 (${code}) が表の中で重複しています` });
    } else {
      perspectives.push({ code, title: row.title, line: line.no });
    }
    if (!figures) continue;
    rows.push({ perspectiveCode: code, counts: figures.counts, total: figures.total, line: line.no });
    const sum = sumCounts(figures.counts);
    if (hasTotal && sum !== figures.total) {
      warnings.push({ line: line.no, message: `取組の視点 (${code})${row.title} の内訳の計 ${sum} が合計欄の ${figures.total} と一致しません（表の数値のまま取り込みます）` });
    }
  }

  if (totals && totalsLine !== null && rows.length > 0) {
    for (const s of STATUSES) {
      const sum = rows.reduce((acc, r) => acc + r.counts[s], 0);
      if (sum !== totals[s]) {
        warnings.push({ line: totalsLine, message: `「${STATUS_LABEL[s]}」の列の計 ${sum} が合計行の ${totals[s]} と一致しません（表の数値のまま取り込みます）` });
      }
    }
    const sumTotal = rows.reduce((acc, r) => acc + r.total, 0);
    if (hasTotal && sumTotal !== totals.total) {
      warnings.push({ line: totalsLine, message: `合計列の計 ${sumTotal} が合計行の ${totals.total} と一致しません（表の数値のまま取り込みます）` });
    }
    const rowSum = sumCounts(totals);
    if (hasTotal && rowSum !== totals.total) {
      warnings.push({ line: totalsLine, message: `合計行の内訳の計 ${rowSum} が総合計 ${totals.total} と一致しません（表の数値のまま取り込みます）` });
    }
  } else if (!totals) {
    warnings.push({ line: lines[h]?.no ?? 1, message: '取組状況の表に合計行がありません' });
  }
  return { table: { perspectives, rows, totals, totalsLine, consumed }, warnings };
}

// ---------------------------------------------------------------------------
// Line classification for the body.

const BULLET_RE = /^[・•●○◦◆◇■□※]/;
const ITEM_RE =
  /^(?:[・•●○◦◆◇■□※]\s*)?(\S.*?)\s*(?:[・.]{2,}|…+|:|→|-{2,}|[―—]+)\s*(済|概ね順調|おおむね順調|遅れ|未着手|休止)\s*(?:[\[【<〈《(]\s*([^\]】>〉》)]*?)\s*[\]】>〉》)])?\s*$/d;
const SECTION_RE = /^\s*\d{1,2}(?:\s+|\s*[.．、]\s*)(?=[^\d\s.．、])/;
const BRACKET_HEADING_RE = /^\s*【[^】]*】\s*$/;
const LABEL_RE = /^\s*[(（]\s*(\d{1,2})\s*[)）]\s*(\S.*?)\s*$/d;
const PRIORITY_RE = /\s*[【\[]\s*重点\s*[】\]]\s*$/;

type Classified =
  | { kind: 'blank' | 'table' | 'section' | 'heading' | 'bullet' | 'text'; line: Line }
  | { kind: 'item'; line: Line; name: string; status: ProgressStatus; project: string | null }
  | { kind: 'label'; line: Line; code: string; title: string; project: { name: string; priority: boolean } | null }
  | { kind: 'project'; line: Line; name: string; priority: boolean };

/** Item lines are short; longer lines are not tried (and the regex never sees a huge line). */
const MAX_ITEM_LINE = 200;
const STATUS_WORD_RE = /済|概ね順調|おおむね順調|遅れ|未着手|休止/;

function looksLikeItem(norm: string): boolean {
  return norm.length <= MAX_ITEM_LINE && STATUS_WORD_RE.test(norm) && ITEM_RE.test(norm);
}

function matchItem(line: Line): { name: string; status: ProgressStatus; project: string | null } | null {
  if (line.norm.length > MAX_ITEM_LINE || !STATUS_WORD_RE.test(line.norm)) return null;
  const m = ITEM_RE.exec(line.norm);
  const nameSpan = m?.indices?.[1];
  if (!m || !nameSpan) return null;
  const status = STATUS_BY_LABEL[m[2] ?? ''];
  if (!status) return null;
  const name = rawSlice(line, nameSpan[0], nameSpan[1]);
  const projSpan = m.indices?.[3];
  const project = projSpan && projSpan[1] > projSpan[0] ? rawSlice(line, projSpan[0], projSpan[1]) : null;
  if (!name) return null;
  return { name, status, project };
}

/** "民間活力活用事業【重点】" or "職員提案・業務改善推進事業": a short line naming a project. */
function matchProjectHeading(norm: string): { end: number; priority: boolean } | null {
  const text = norm.trim();
  if (!text || text.length > 50 || BULLET_RE.test(text) || /[。、,]/.test(text)) return null;
  const priority = PRIORITY_RE.exec(text);
  const body = priority ? text.slice(0, priority.index) : text;
  if (!body) return null;
  if (!priority && !/事業$/.test(body)) return null;
  if (/^[(（]\s*\d/.test(body)) return null;
  return { end: body.length, priority: Boolean(priority) };
}

function projectFromNorm(line: Line, start: number): { name: string; priority: boolean } | null {
  const rest = line.norm.slice(start);
  const lead = rest.length - rest.trimStart().length;
  const heading = matchProjectHeading(rest);
  if (!heading) return null;
  const name = rawSlice(line, start + lead, start + lead + heading.end);
  return name ? { name, priority: heading.priority } : null;
}

/**
 * A perspective label such as "（１）民間活力の活用", possibly followed on the
 * same line by the next project's heading ("(2)施設の総合的管理 職員提案・業務改善推進事業").
 */
function matchLabel(line: Line, known: Perspective[]): Extract<Classified, { kind: 'label' }> | null {
  if (line.norm.length > MAX_ITEM_LINE) return null;
  const m = LABEL_RE.exec(line.norm);
  const span = m?.indices?.[2];
  if (!m || !span) return null;
  const content = line.norm.slice(span[0], span[1]);
  if (content.length > 80 || /[。]/.test(content) || /(?:\s+\d+){3,}$/.test(content)) return null;
  const code = String(Number(m[1]));
  // Split off a trailing project heading: by the known title first, then at white space.
  const knownTitle = known.find((p) => p.code === code);
  const candidates: number[] = [];
  if (knownTitle) {
    const key = normalizeText(knownTitle.title).replace(/\s+/g, '');
    let consumed = 0;
    let at = 0;
    while (at < content.length && consumed < key.length) {
      const ch = content[at] ?? '';
      if (!/\s/.test(ch)) {
        if (ch !== key[consumed]) break;
        consumed++;
      }
      at++;
    }
    if (consumed === key.length && at < content.length) candidates.push(at);
  }
  for (const ws of content.matchAll(/\s+/g)) candidates.push((ws.index ?? 0) + ws[0].length);
  for (const cut of candidates) {
    const head = content.slice(0, cut).trim();
    if (!head) continue;
    const project = projectFromNorm(line, span[0] + cut);
    if (project) {
      return { kind: 'label', line, code, title: rawSlice(line, span[0], span[0] + content.slice(0, cut).trimEnd().length), project };
    }
  }
  return { kind: 'label', line, code, title: rawSlice(line, span[0], span[1]), project: null };
}

function classify(lines: Line[], consumed: Set<number>, known: Perspective[]): Classified[] {
  const out: Classified[] = [];
  const hasMainSection = lines.some((l) => SECTION_RE.test(l.norm) && /主な事業|事業の取組状況|主な取組/.test(l.norm));
  let inMain = !hasMainSection;
  for (const line of lines) {
    if (isBlank(line)) {
      out.push({ kind: 'blank', line });
      continue;
    }
    if (consumed.has(line.no) || headerColumns(line.norm)) {
      out.push({ kind: 'table', line });
      continue;
    }
    const item = matchItem(line);
    if (item) {
      out.push({ kind: 'item', line, ...item });
      continue;
    }
    if (SECTION_RE.test(line.norm)) {
      if (hasMainSection) inMain = /主な事業|事業の取組状況|主な取組/.test(line.norm);
      out.push({ kind: 'section', line });
      continue;
    }
    if (BRACKET_HEADING_RE.test(line.norm)) {
      out.push({ kind: 'heading', line });
      continue;
    }
    if (inMain) {
      const label = matchLabel(line, known);
      if (label) {
        out.push(label);
        continue;
      }
      const project = projectFromNorm(line, 0);
      if (project) {
        out.push({ kind: 'project', line, ...project });
        continue;
      }
    }
    out.push({ kind: BULLET_RE.test(line.norm.trim()) ? 'bullet' : 'text', line });
  }
  return out;
}

/** Adds a line to a narrative: a bullet starts a paragraph; other text continues an unfinished sentence. */
function addToNarrative(parts: string[], entry: Classified): void {
  const text = entry.line.raw.trim();
  const last = parts[parts.length - 1];
  if (entry.kind !== 'bullet' && last !== undefined && !/[。．.!！?？」』）)]$/.test(last)) {
    parts[parts.length - 1] = last + text;
  } else {
    parts.push(text);
  }
}

// ---------------------------------------------------------------------------
// Projects and their perspectives.

interface ProjectDraft {
  name: string;
  priority: boolean;
  line: number;
  parts: string[];
  perspectiveCode: string | null;
}

/**
 * Gives each project its 取組の視点.
 *
 * Two layouts occur: labels leading their projects (a well-ordered document)
 * and labels trailing them (PDF extraction moves the label below the
 * projects). The layout is decided from the order of the labels and projects:
 * a project before any label means trailing labels; a label first and a
 * project last means leading labels. In the trailing layout, the projects
 * since the previous label belong to the next label; projects after the last
 * label get no perspective (with a warning).
 */
function assignPerspectives(
  events: Array<{ kind: 'label'; code: string; line: number } | { kind: 'project'; draft: ProjectDraft }>,
  warnings: ImportWarning[],
): void {
  const first = events[0];
  const last = events[events.length - 1];
  if (!first || !events.some((e) => e.kind === 'label') || !events.some((e) => e.kind === 'project')) return;
  let trailing: boolean;
  if (first.kind === 'project') trailing = true;
  else if (last?.kind === 'project') trailing = false;
  else {
    trailing = false;
    warnings.push({ line: first.line, message: '取組の視点の見出しが事業の前後どちらにあるか判断できないため、見出しの後の事業をその視点のものとしました' });
  }
  if (trailing) {
    let pending: ProjectDraft[] = [];
    for (const e of events) {
      if (e.kind === 'project') pending.push(e.draft);
      else {
        for (const p of pending) p.perspectiveCode = e.code;
        pending = [];
      }
    }
    for (const p of pending) {
      warnings.push({ line: p.line, message: `事業「${p.name}」の後に取組の視点の見出しがないため、視点を判断できません` });
    }
  } else {
    let current: string | null = null;
    for (const e of events) {
      if (e.kind === 'label') current = e.code;
      else e.draft.perspectiveCode = current;
    }
  }
}

// ---------------------------------------------------------------------------
// Cross-checks against the summary sentences.

function crossCheck(lines: Line[], consumed: Set<number>, totals: Totals, warnings: ImportWarning[]): void {
  // Join the body (without the table) so sentences broken across lines match;
  // remember where each line starts to report the line of a match.
  let joined = '';
  const starts: Array<{ at: number; no: number }> = [];
  for (const l of lines) {
    if (consumed.has(l.no) || isBlank(l)) continue;
    starts.push({ at: joined.length, no: l.no });
    joined += l.norm.trim();
  }
  const lineAt = (index: number): number => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid]?.at ?? 0) <= index) lo = mid;
      else hi = mid - 1;
    }
    return starts[lo]?.no ?? 1;
  };

  for (const m of joined.matchAll(/(?<!\d)(\d{1,6})\s*事業で\s*(\d{1,6})\s*の?取組/g)) {
    const n = Number(m[2]);
    if (n !== totals.total) warnings.push({ line: lineAt(m.index ?? 0), message: `本文の取組数 ${n} が表の合計 ${totals.total} と一致しません` });
  }
  for (const m of joined.matchAll(/合計\s*(\d{1,6})\s*取組/g)) {
    const n = Number(m[1]);
    if (n !== totals.total) warnings.push({ line: lineAt(m.index ?? 0), message: `本文の取組数（合計${n}取組）が表の合計 ${totals.total} と一致しません` });
  }
  for (const m of joined.matchAll(/全体の\s*(\d{1,3}(?:\.\d{1,3})?)\s*%\s*(?:は|が)?\s*順調/g)) {
    if (totals.total <= 0) break;
    const reported = Number(m[1]);
    const decimals = (m[1] ?? '').split('.')[1]?.length ?? 0;
    const exact = ((totals.done + totals.on_track) / totals.total) * 100;
    // Cities round or truncate (52/55 = 94.5% is printed 94%): accept within one unit of the last digit.
    if (Math.abs(reported - exact) >= 10 ** -decimals) {
      warnings.push({ line: lineAt(m.index ?? 0), message: `本文の順調の割合 ${m[1]}% が表から計算した ${exact.toFixed(1)}%（(済+概ね順調)÷合計）と一致しません` });
    }
  }
  for (const m of joined.matchAll(/((?:「[^」]{1,10}」)+)\s*(?:は|が)\s*(\d{1,6})\s*取組/g)) {
    const labels = [...(m[1] ?? '').matchAll(/「([^」]+)」/g)].map((x) => STATUS_BY_LABEL[x[1] ?? '']);
    if (labels.length === 0 || labels.some((s) => !s)) continue;
    const expected = labels.reduce((acc, s) => acc + (s ? totals[s] : 0), 0);
    const n = Number(m[2]);
    if (n !== expected) warnings.push({ line: lineAt(m.index ?? 0), message: `本文の${m[1]}の取組数 ${n} が表の合計 ${expected} と一致しません` });
  }
  // Pie-chart labels left over from the PDF: "2(済)", "５０(概ね順調)".
  for (const l of lines) {
    const m = l.norm.length > 40 ? null : /^\s*(\d{1,6})\s*\(\s*(済|概ね順調|遅れ|未着手|休止)\s*\)\s*$/.exec(l.norm);
    const status = m ? STATUS_BY_LABEL[m[2] ?? ''] : undefined;
    if (m && status && Number(m[1]) !== totals[status]) {
      warnings.push({ line: l.no, message: `グラフの「${m[2]}」の取組数 ${m[1]} が表の合計 ${totals[status]} と一致しません` });
    }
  }
}

// ---------------------------------------------------------------------------

function parse(text: string): ParseResult<ParsedProgressReport> {
  const warnings: ImportWarning[] = [];
  const lines = splitLines(text);

  const table = readTable(lines, warnings);
  const consumed = table?.consumed ?? new Set<number>();
  const known = table?.perspectives ?? [];
  const classified = classify(lines, consumed, known);

  // Items and their notes. Consecutive item lines with no text between them
  // form a run; the bullets that follow explain the whole run (in the seed,
  // 「設計」遅れ and 「整備工事」未着手 of the same park share one explanation).
  const items: Item[] = [];
  let run: Item[] = [];
  let runParts: string[] = [];
  const closeRun = (): void => {
    const note = runParts.length > 0 ? runParts.join('\n') : null;
    for (const it of run) it.note = note;
    run = [];
    runParts = [];
  };

  // Projects and the order of labels and projects.
  const projects: ProjectDraft[] = [];
  const events: Array<{ kind: 'label'; code: string; line: number } | { kind: 'project'; draft: ProjectDraft }> = [];
  const labelPerspectives: Perspective[] = [];
  // Held in an object so the closures below and the loop see the same value.
  const open: { project: ProjectDraft | null } = { project: null };

  const startProject = (name: string, priority: boolean, line: number): void => {
    const draft: ProjectDraft = { name, priority, line, parts: [], perspectiveCode: null };
    projects.push(draft);
    events.push({ kind: 'project', draft });
    open.project = draft;
  };

  for (const entry of classified) {
    switch (entry.kind) {
      case 'blank':
        break;
      case 'item': {
        open.project = null;
        if (runParts.length > 0) closeRun();
        let project = entry.project;
        if (project !== null && normalizeText(project).replace(/\s+/g, '') === '同上') {
          const previous = items[items.length - 1];
          project = previous?.projectName ?? null;
          if (!previous) warnings.push({ line: entry.line.no, message: `「${entry.name}」の事業が「同上」ですが、前の取組がありません` });
        }
        const item: Item = { name: entry.name, status: entry.status, projectName: project, note: null, line: entry.line.no };
        items.push(item);
        run.push(item);
        break;
      }
      case 'label': {
        closeRun();
        open.project = null;
        events.push({ kind: 'label', code: entry.code, line: entry.line.no });
        const tableTitle = known.find((p) => p.code === entry.code);
        if (tableTitle) {
          if (normalizeText(tableTitle.title).replace(/\s+/g, '') !== normalizeText(entry.title).replace(/\s+/g, '')) {
            warnings.push({ line: entry.line.no, message: `取組の視点 (${entry.code})「${entry.title}」が表の「${tableTitle.title}」と一致しません` });
          }
        } else if (!labelPerspectives.some((p) => p.code === entry.code)) {
          labelPerspectives.push({ code: entry.code, title: entry.title, line: entry.line.no });
          if (known.length > 0) warnings.push({ line: entry.line.no, message: `取組の視点 (${entry.code})${entry.title} は表にありません` });
        }
        if (entry.project) startProject(entry.project.name, entry.project.priority, entry.line.no);
        break;
      }
      case 'project':
        closeRun();
        startProject(entry.name, entry.priority, entry.line.no);
        break;
      case 'bullet':
      case 'text':
        if (open.project) addToNarrative(open.project.parts, entry);
        else if (run.length > 0) addToNarrative(runParts, entry);
        break;
      default:
        // table, section and bracket headings end whatever was open
        closeRun();
        open.project = null;
    }
  }
  closeRun();
  assignPerspectives(events, warnings);

  if (!table && items.length === 0) {
    warnings.push({ line: 1, message: '取組状況の表（取組の視点 済 概ね順調 遅れ 未着手 休止 合計）も、状況を記した取組も見つからないため、取組状況の資料として読み取れません' });
    return { value: null, warnings };
  }

  const plan = findPlanTitle(lines);
  if (!plan) warnings.push({ line: 1, message: '計画名（例: 平塚市行財政改革計画（2020-2023））が見つからないため、取り込めません' });
  const planNorm = plan ? normalizeText(plan.line.raw) : '';
  const years = PLAN_YEARS_RE.exec(planNorm);
  const startYear = years ? Number(years[1]) : null;
  const endYear = years ? Number(years[2]) : null;
  if (plan && !years) warnings.push({ line: plan.line.no, message: '計画期間（例: 2020-2023）が見つかりません' });
  const municipality = plan ? (/^\s*[「『]?\s*(\S{1,8}?[都道府県市町村区])(?=\S*計画)/.exec(normalizeText(plan.title))?.[1] ?? null) : null;

  const period = findPeriod(lines);
  if (!period) warnings.push({ line: 1, message: '対象期間（例: 令和3年度【上半期】取組状況）が見つからないため、取り込めません' });
  // Without its plan or its period nothing in the report can be stored.
  if (!plan || !period) return { value: null, warnings };

  const reportedTotals = table?.totals ?? null;
  const reference: Totals | null =
    reportedTotals ??
    (table && table.rows.length > 0
      ? {
          ...STATUSES.reduce((acc, s) => ({ ...acc, [s]: table.rows.reduce((n, r) => n + r.counts[s], 0) }), emptyCounts()),
          total: table.rows.reduce((n, r) => n + r.total, 0),
        }
      : null);
  if (reference) crossCheck(lines, consumed, reference, warnings);

  const perspectives = [...known, ...labelPerspectives.filter((p) => !known.some((k) => k.code === p.code))];

  const value: ParsedProgressReport = {
    planTitle: plan.title,
    municipality,
    startYear,
    endYear,
    period: period.period,
    perspectives,
    reportedRows: table?.rows ?? [],
    reportedTotals,
    items,
    projects: projects.map(
      (p): Project => ({ name: p.name, perspectiveCode: p.perspectiveCode, priority: p.priority, narrative: p.parts.join('\n'), line: p.line }),
    ),
  };
  return { value, warnings };
}

/**
 * Reads a 取組状況 report (行財政改革計画の進捗).
 *
 * Returns the plan, period, the status table by 取組の視点 as reported, the
 * items named with a status and the 主な事業 with their narrative. Figures are
 * kept as printed; disagreements (a row whose counts do not add up to its
 * total, columns that do not add up to the 合計 row, summary sentences that
 * contradict the table) become warnings with their line. `value` is null, with
 * a warning, when the text has neither a status table nor any item with a
 * status, or when it names no plan (…計画) or no period (令和3年度【上半期】):
 * nothing in it could be stored. Never throws.
 */
export function parseProgressReport(text: string): ParseResult<ParsedProgressReport> {
  try {
    return parse(typeof text === 'string' ? text : String(text ?? ''));
  } catch {
    return { value: null, warnings: [{ line: 1, message: INTERNAL_ERROR }] };
  }
}

/**
 * How much `text` looks like a 取組状況 report, from 0 to 1: a status table
 * header, status words, named items with a status, a 上半期/下半期 period and
 * 【重点】 project headings all raise it. Used to detect the import kind.
 */
export function progressReportScore(text: string): number {
  try {
    const norm = normalizeText(typeof text === 'string' ? text : String(text ?? ''));
    const lines = norm.split(/\r\n|\r|\n/);
    let score = 0;
    if (lines.some((l) => headerColumns(l))) score += 0.3;
    if (/取組状況/.test(norm)) score += 0.15;
    if (/(?:年度|\d)\s*[【\[(]?\s*(?:上半期|下半期)/.test(norm)) score += 0.1;
    if (lines.some(looksLikeItem)) score += 0.15;
    const statusWords = ['概ね順調', '遅れ', '未着手', '休止'].filter((w) => norm.includes(w)).length;
    score += 0.05 * statusWords;
    if (/【\s*重点\s*】/.test(norm)) score += 0.05;
    if (/取組の視点/.test(norm)) score += 0.05;
    return Math.min(1, Math.round(score * 100) / 100);
  } catch {
    return 0;
  }
}
