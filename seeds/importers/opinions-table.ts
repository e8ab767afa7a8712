/**
 * The opinions table: one opinion per row, as the service exports it (CSV or
 * Excel) and as a secretariat keeps it in a spreadsheet. The same columns go
 * out and come back in, so an export imported into an empty database
 * reproduces the opinions, their responses, measures and departments.
 */
import { formatDate, formatFiscalYear, parseDate, parseFiscalYear } from '../../api/lib/japanese-date.js';
import { codeOf, COMMITMENT_LABELS, RESPONSE_STATE_LABELS } from '../../api/lib/labels.js';
import { normalizeText } from '../../api/lib/text.js';
import type { Commitment, ResponseState } from '../../db/schema.js';
import type { ImportWarning, ParseResult } from './types.js';

/** The columns, in order, with the other names a spreadsheet may use for them. */
export const OPINIONS_TABLE_COLUMNS = [
  { key: 'meeting', header: '会議', aliases: ['会議名', '会議・意見募集', '案件名'], width: 30 },
  { key: 'fiscalYear', header: '年度', aliases: [], width: 12 },
  { key: 'heldOn', header: '開催日', aliases: ['開催日・募集開始日', '日付'], width: 16 },
  { key: 'seq', header: '番号', aliases: ['意見番号', 'No', 'No.', '№', '通し番号'], width: 6 },
  { key: 'plan', header: '計画', aliases: ['計画名'], width: 24 },
  { key: 'nodeCode', header: '施策コード', aliases: ['施策番号'], width: 10 },
  { key: 'nodeTitle', header: '施策名', aliases: ['個別施策名', '施策'], width: 28 },
  { key: 'opinion', header: '意見', aliases: ['意見の内容', '意見内容', 'ご意見'], width: 60 },
  { key: 'response', header: '対応方針', aliases: ['市の考え方', '本市の考え方', '対応'], width: 60 },
  { key: 'commitment', header: '対応区分', aliases: [], width: 8 },
  { key: 'department', header: '担当課', aliases: ['担当', '所管課', '担当部署'], width: 22 },
  { key: 'dueOn', header: '対応期限', aliases: ['期限'], width: 16 },
  { key: 'state', header: '状態', aliases: ['対応方針の状態', 'ステータス'], width: 8 },
] as const;

export type OpinionsTableKey = (typeof OPINIONS_TABLE_COLUMNS)[number]['key'];

/** One row of the table, as the exporter writes it. */
export interface OpinionsTableRowInput {
  meetingTitle: string;
  fiscalYear: number;
  heldOn: string | null;
  seq: number;
  planTitle: string | null;
  nodes: Array<{ code: string | null; title: string }>;
  opinion: string;
  response: { text: string; commitment: Commitment; state: ResponseState } | null;
  department: string | null;
  dueOn: string | null;
}

/** Several measures in one cell are one per line. */
const LIST_SEPARATOR = '\n';

export function opinionsTableHeader(): string[] {
  return OPINIONS_TABLE_COLUMNS.map((c) => c.header);
}

/** A row in column order; dates and years in 和暦, labels in Japanese. */
export function opinionsTableRow(row: OpinionsTableRowInput): string[] {
  const values: Record<OpinionsTableKey, string> = {
    meeting: row.meetingTitle,
    fiscalYear: formatFiscalYear(row.fiscalYear),
    heldOn: row.heldOn ? formatDate(row.heldOn) : '',
    seq: String(row.seq),
    plan: row.planTitle ?? '',
    nodeCode: row.nodes.map((n) => n.code ?? '').join(LIST_SEPARATOR),
    nodeTitle: row.nodes.map((n) => n.title).join(LIST_SEPARATOR),
    opinion: row.opinion,
    response: row.response?.text ?? '',
    commitment: row.response ? COMMITMENT_LABELS[row.response.commitment] : '',
    department: row.department ?? '',
    dueOn: row.dueOn ? formatDate(row.dueOn) : '',
    state: row.response ? RESPONSE_STATE_LABELS[row.response.state] : '',
  };
  return OPINIONS_TABLE_COLUMNS.map((c) => values[c.key]);
}

export interface TableOpinion {
  seq: number | null;
  text: string;
  planTitle: string | null;
  /** The measures, by code and/or title, matched against the plan on import. */
  nodes: Array<{ code: string | null; title: string | null }>;
  response: { text: string; state: ResponseState; commitment: Commitment | null } | null;
  department: string | null;
  dueOn: string | null;
  line: number;
}

export interface TableMeeting {
  title: string;
  fiscalYear: number | null;
  heldOn: string | null;
  opinions: TableOpinion[];
}

export interface ParsedOpinionsTable {
  meetings: TableMeeting[];
}

function headerKey(cell: string): OpinionsTableKey | null {
  const text = normalizeText(cell).replace(/\s+/g, '');
  for (const c of OPINIONS_TABLE_COLUMNS) {
    if ([c.header, ...c.aliases].some((name) => normalizeText(name).replace(/\s+/g, '') === text)) return c.key;
  }
  return null;
}

/** Where each known column is in a header row; null when the row is not a header of this table. */
function findHeader(cells: string[]): Map<OpinionsTableKey, number> | null {
  const map = new Map<OpinionsTableKey, number>();
  cells.forEach((cell, i) => {
    const key = headerKey(cell);
    if (key && !map.has(key)) map.set(key, i);
  });
  return map.has('opinion') && map.size >= 3 ? map : null;
}

/** How much a table (its first rows) looks like an opinions table, 0..1. */
export function opinionsTableScore(rows: ReadonlyArray<{ cells: string[] }>): number {
  for (const row of rows.slice(0, 5)) {
    const header = findHeader(row.cells);
    if (header) return Math.min(1, 0.5 + header.size / 10);
  }
  return 0;
}


/** `fn` remembering its answers for short inputs (a number, a date, a label). */
function memo<T>(fn: (text: string) => T): (text: string) => T {
  const known = new Map<string, T>();
  return (text) => {
    if (text.length > 40) return fn(text);
    let value = known.get(text);
    if (value === undefined && !known.has(text)) {
      value = fn(text);
      known.set(text, value);
    }
    return value as T;
  };
}

function lines(cell: string): string[] {
  return cell.trim() === '' ? [] : cell.split(/\r?\n/).map((s) => s.trim());
}

/**
 * Reads the rows of a CSV or a sheet. Rows before the header are skipped
 * (a title line, say); rows without opinion text are skipped with a warning.
 * Never throws.
 */
export function parseOpinionsTable(rows: ReadonlyArray<{ line: number; cells: string[] }>): ParseResult<ParsedOpinionsTable> {
  const warnings: ImportWarning[] = [];
  const headerIndex = rows.findIndex((r, i) => i < 5 && findHeader(r.cells));
  if (headerIndex < 0) {
    warnings.push({ line: 1, message: '見出し行（会議・番号・意見・対応方針 など）が見つからないため、意見の表として読み取れません。' });
    return { value: null, warnings };
  }
  const header = findHeader(rows[headerIndex]!.cells)!;
  const raw = (cells: string[], key: OpinionsTableKey): string => {
    const i = header.get(key);
    return i === undefined ? '' : (cells[i] ?? '');
  };
  const get = (cells: string[], key: OpinionsTableKey): string => raw(cells, key).trim();
  // A table repeats the same few years, dates, states and commitments on every row: each is read once.
  const fiscalYearOf = memo(parseFiscalYear);
  const dateOf = memo(parseDate);
  const normalized = memo(normalizeText);
  const stateOf = memo((text) => codeOf(RESPONSE_STATE_LABELS, text));
  const commitmentOf = memo((text) => codeOf(COMMITMENT_LABELS, text));
  const meetings = new Map<string, TableMeeting>();
  for (let r = headerIndex + 1; r < rows.length; r++) {
    const { line, cells } = rows[r]!;
    const text = get(cells, 'opinion');
    if (!text) {
      warnings.push({ line, message: '意見が空欄のため、この行は読み込みませんでした。' });
      continue;
    }
    const meetingTitle = get(cells, 'meeting') || '（会議名なし）';
    const yearText = get(cells, 'fiscalYear');
    const fiscalYear = yearText ? fiscalYearOf(yearText) : null;
    if (yearText && fiscalYear === null) warnings.push({ line, message: `年度「${yearText}」を読み取れませんでした。` });
    const heldText = get(cells, 'heldOn');
    const heldOn = heldText ? dateOf(heldText) : null;
    if (heldText && heldOn === null) warnings.push({ line, message: `開催日「${heldText}」を日付として読み取れませんでした。` });
    const key = `${meetingTitle}\u0000${fiscalYear ?? ''}`;
    let meeting = meetings.get(key);
    if (!meeting) {
      meeting = { title: meetingTitle, fiscalYear, heldOn, opinions: [] };
      meetings.set(key, meeting);
    }
    const seqText = normalized(get(cells, 'seq'));
    const seq = /^\d{1,6}$/.test(seqText) && Number(seqText) > 0 ? Number(seqText) : null;
    if (seqText && seq === null) warnings.push({ line, message: `番号「${seqText}」は正の整数ではないため、順番に番号を付けます。` });
    // One measure per line in both columns; an empty line keeps its place so codes stay beside their titles.
    const codes = lines(raw(cells, 'nodeCode'));
    const titles = lines(raw(cells, 'nodeTitle'));
    const nodes = Array.from({ length: Math.max(codes.length, titles.length) }, (_, i) => ({ code: codes[i] || null, title: titles[i] || null })).filter(
      (n) => n.code || n.title,
    );
    const responseText = get(cells, 'response');
    const stateText = normalized(get(cells, 'state'));
    const state = stateText ? stateOf(stateText) : undefined;
    if (stateText && !state) warnings.push({ line, message: `状態「${stateText}」は分からないため、下書きとして読み込みます。` });
    const commitmentText = normalized(get(cells, 'commitment'));
    const commitment = commitmentText ? (commitmentOf(commitmentText) ?? null) : null;
    if (commitmentText && !commitment) warnings.push({ line, message: `対応区分「${commitmentText}」は分からないため、対応方針の文面から判定します。` });
    const dueText = get(cells, 'dueOn');
    const dueOn = dueText ? dateOf(dueText) : null;
    if (dueText && dueOn === null) warnings.push({ line, message: `対応期限「${dueText}」を日付として読み取れませんでした。` });
    meeting.opinions.push({
      seq,
      text,
      planTitle: get(cells, 'plan') || null,
      nodes,
      response: responseText ? { text: responseText, state: state ?? 'draft', commitment } : null,
      department: get(cells, 'department') || null,
      dueOn,
      line,
    });
  }
  if (meetings.size === 0) {
    warnings.push({ line: rows[headerIndex]!.line, message: '意見の行がありません。' });
    return { value: null, warnings };
  }
  return { value: { meetings: [...meetings.values()] }, warnings };
}

/**
 * Text of a CSV file: UTF-8 (with or without BOM), or Shift_JIS as Excel
 * writes it. Null when it is neither (binary data).
 */
export function decodeText(bytes: Uint8Array): string | null {
  // Excel's "Unicode テキスト" is UTF-16 with a byte order mark.
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  if (bytes.includes(0)) return null;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    try {
      return new TextDecoder('shift_jis', { fatal: true }).decode(bytes);
    } catch {
      return null;
    }
  }
}
