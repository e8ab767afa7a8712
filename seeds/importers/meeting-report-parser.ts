/**
 * Reads a 実施結果報告書 of a committee meeting (行革ミーティング, 審議会 …) or the
 * result of a パブリックコメント: opinions ("○ …"), each followed by the city's
 * response ("(対応方針)" / "【市の考え方】" and "・ …"), grouped under
 * 重点施策名 / 個別施策名 or "(2) …" headings.
 *
 * The text arrives as copied from a web page or a PDF: HTML fragments with
 * unclosed tags, or plain lines. It is first flattened into logical lines
 * that remember the original line number, then read by structure (labels,
 * markers, section lines), never by position. Matching is done on the NFKC
 * form; everything returned is the text as written.
 *
 * Judgement calls, where the documents leave room:
 * - A fiscal-year line on its own ("平成30年度") gives fiscalYear and is not
 *   part of the title; a year written inside the title line stays in it.
 *   Title lines printed one under the other are joined with a space.
 * - Without any 年度 in the header, the fiscal year is estimated from a
 *   printed date (平成31年3月 → 2018), with a warning.
 * - パブリックコメント / 意見募集 only decide the kind when they appear in the
 *   header, because a committee opinion may well say "パブリックコメントを…".
 * - A paragraph between a response and the next label is an opinion without
 *   its marker. Where the text has no paragraph breaks, the split is made
 *   after the sentence that ends the response (。), else after its bullets,
 *   else at the last line before the label.
 * - Every bullet of a multi-bullet response loses its leading ・ / →; the
 *   bullets are kept apart by newlines.
 * - A "(2) …" heading inherits the current 重点施策名 (several 個別施策 sit
 *   under one 重点施策); a 重点施策名 printed right after the heading, before
 *   any opinion, replaces it.
 * - Inside a response, "(1) …" is a heading only after a blank line or a new
 *   HTML block, so numbered sub-items of a response stay in the response.
 * - Text after the last response of the document stays in that response
 *   (dropping it could lose part of the city's answer).
 */
import { formatFiscalYear, parseDate, parseFiscalYear } from '../../api/lib/japanese-date.js';
import { normalizeText } from '../../api/lib/text.js';
import type { ImportWarning, ParsedMeasureRef, ParsedMeeting, ParsedOpinion, ParseResult } from './types.js';

// ---------------------------------------------------------------------------
// HTML fragments or plain text → logical lines
// ---------------------------------------------------------------------------

/** What separated a logical line from the previous one, weakest first. */
type Break = 'none' | 'line' | 'item' | 'block' | 'blank';
const BREAK_RANK: Record<Break, number> = { none: 0, line: 1, item: 2, block: 3, blank: 4 };

interface LogicalLine {
  /** Tags removed, entities decoded, otherwise as written. */
  raw: string;
  /** normalizeText(raw): what the patterns are matched against. */
  norm: string;
  /** 1-based line of the original text where this line's text starts. */
  line: number;
  brk: Break;
  /** Position among the logical lines (several can share one original line). */
  idx: number;
}

const BLOCK_TAGS = new Set([
  'p', 'div', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'dl', 'dt', 'dd', 'blockquote', 'section', 'article',
  'header', 'footer', 'main', 'nav', 'aside', 'table', 'thead', 'tbody', 'tfoot', 'tr', 'caption', 'pre', 'hr',
  'figure', 'figcaption', 'form', 'fieldset', 'address', 'center', 'html', 'body', 'head', 'title', 'legend',
]);
const INLINE_TAGS = new Set([
  'span', 'a', 'b', 'i', 'u', 's', 'em', 'strong', 'font', 'small', 'big', 'sub', 'sup', 'mark', 'abbr', 'code',
  'time', 'label', 'ruby', 'rt', 'rp', 'rb', 'wbr', 'img', 'input', 'meta', 'link', 'ins', 'del', 'strike', 'tt',
  'var', 'kbd', 'q', 'cite', 'dfn', 'bdi', 'bdo', 'col', 'colgroup', 'button', 'select', 'option', 'textarea',
  'iframe', 'noscript', 'object', 'embed', 'nobr', 'base', 'area', 'map', 'picture', 'source', 'svg',
]);
const CELL_TAGS = new Set(['td', 'th']);
const SKIP_CONTENT_TAGS = new Set(['script', 'style']);

function isKnownTag(name: string): boolean {
  // Word's HTML export writes <o:p>; any namespaced tag is markup, not text.
  return (
    BLOCK_TAGS.has(name) || INLINE_TAGS.has(name) || CELL_TAGS.has(name) || SKIP_CONTENT_TAGS.has(name) ||
    name === 'li' || name === 'br' || name.includes(':')
  );
}

const NAMED_ENTITIES: Record<string, string> = {
  // Spaces from markup are layout, not text: they become ordinary spaces.
  nbsp: ' ', amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", ensp: ' ', emsp: ' ', thinsp: ' ', hellip: '…', middot: '·', rarr: '→', rArr: '⇒', larr: '←', times: '×', yen: '¥',
  copy: '©', reg: '®', ndash: '–', mdash: '—', lsquo: '‘', rsquo: '’', ldquo: '“', rdquo: '”', bull: '•',
  laquo: '«', raquo: '»', shy: '', zwnj: '', zwj: '', lrm: '', rlm: '',
};
/** These are often written without the semicolon; the others only count with it (so "?a=1&copy=2" stays). */
const LOOSE_ENTITIES = new Set(['nbsp', 'amp', 'lt', 'gt', 'quot']);
const ENTITY_RE = /&(?:#(\d{1,7})|#[xX]([0-9A-Fa-f]{1,6})|([A-Za-z][A-Za-z0-9]{1,31}))(;?)/g;

function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(ENTITY_RE, (whole, dec?: string, hex?: string, name?: string, semi?: string) => {
    if (dec !== undefined || hex !== undefined) {
      const cp = dec !== undefined ? Number(dec) : parseInt(hex as string, 16);
      // fromCodePoint throws outside Unicode; a surrogate alone is not text either.
      if (!Number.isFinite(cp) || cp < 1 || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return whole;
      return String.fromCodePoint(cp);
    }
    const value = name !== undefined ? NAMED_ENTITIES[name] : undefined;
    if (value === undefined || (!semi && !LOOSE_ENTITIES.has(name as string))) return whole;
    return value;
  });
}

/** Control characters (other than tab) are never part of the text; line separators become spaces. */
function cleanText(text: string): string {
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '').replace(/[\u0085\u2028\u2029]/g, ' ');
}

function countNewlines(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = text.indexOf('\n', from); i !== -1 && i < to; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

const TAG_NAME_RE = /<(\/?)([A-Za-z][A-Za-z0-9:-]*)/y;
/** Attribute-shaped text after the name of a tag whose ">" is missing. */
const BROKEN_ATTRS_RE = /(?:\s+[A-Za-z_:][\w:.-]*\s*=\s*(?:"[^"<>\n]*"|'[^'<>\n]*'|[^\s"'<>=`]+))*\s*\/?/y;
/** How far a tag may run before its ">" (a style attribute can be long; a stray "<" cannot swallow the page). */
const MAX_TAG_LENGTH = 2000;

/**
 * Flattens HTML fragments or plain text into logical lines: block tags and
 * <br> break lines, inline tags vanish, table cells are separated by a tab,
 * a "<" that does not open a known tag is text. Never throws.
 */
function toLogicalLines(input: string): LogicalLine[] {
  const text = input.startsWith('\uFEFF') ? input.slice(1) : input;
  const out: LogicalLine[] = [];
  let buf = '';
  let bufLine = 0;
  let lineNo = 1;
  let pending: Break = 'blank';
  /** Whether the current original line produced text or held a tag (else it is a blank line). */
  let lineVisible = false;

  const raise = (b: Break): void => {
    if (BREAK_RANK[b] > BREAK_RANK[pending]) pending = b;
  };
  const flush = (): void => {
    if (buf !== '') {
      const raw = cleanText(decodeEntities(buf));
      if (raw.trim() !== '') {
        out.push({ raw, norm: normalizeText(raw), line: bufLine || lineNo, brk: pending, idx: out.length });
        pending = 'none';
        lineVisible = true;
      }
    }
    buf = '';
    bufLine = 0;
  };
  const append = (s: string): void => {
    if (s === '') return;
    if (bufLine === 0 && /\S/.test(s)) bufLine = lineNo;
    buf += s;
  };

  let pos = 0;
  const len = text.length;
  while (pos < len) {
    const lt = text.indexOf('<', pos);
    const nl = text.indexOf('\n', pos);
    const next = lt === -1 ? nl : nl === -1 ? lt : Math.min(lt, nl);
    if (next === -1) {
      append(text.slice(pos).replace(/\r/g, ''));
      break;
    }
    append(text.slice(pos, next).replace(/\r/g, ''));
    pos = next;
    if (text[pos] === '\n') {
      flush();
      raise(lineVisible ? 'line' : 'blank');
      lineVisible = false;
      lineNo++;
      pos++;
      continue;
    }
    // A "<": a comment, a declaration, a known tag, or plain text.
    if (text.startsWith('<!--', pos)) {
      let end = text.indexOf('-->', pos + 4);
      // An unterminated comment hides only the rest of its line.
      end = end === -1 ? (text.indexOf('\n', pos) === -1 ? len : text.indexOf('\n', pos)) : end + 3;
      lineNo += countNewlines(text, pos, end);
      lineVisible = true;
      pos = end;
      continue;
    }
    if (/^<[!?][A-Za-z]/.test(text.slice(pos, pos + 3))) {
      const nlAt = text.indexOf('\n', pos);
      const gt = text.indexOf('>', pos);
      pos = gt !== -1 && (nlAt === -1 || gt < nlAt) ? gt + 1 : nlAt === -1 ? len : nlAt;
      lineVisible = true;
      continue;
    }
    TAG_NAME_RE.lastIndex = pos;
    const m = TAG_NAME_RE.exec(text);
    const name = m ? (m[2] as string).toLowerCase() : '';
    if (!m || !isKnownTag(name)) {
      append('<');
      pos++;
      continue;
    }
    const closing = m[1] === '/';
    // Find the ">" that ends the tag, stepping over quoted attribute values.
    let end = -1;
    let quote = '';
    const limit = Math.min(len, pos + MAX_TAG_LENGTH);
    for (let j = pos + m[0].length; j < limit; j++) {
      const c = text[j];
      if (quote) {
        if (c === quote) quote = '';
      } else if (c === '"' || c === "'") quote = c;
      else if (c === '>') {
        end = j + 1;
        break;
      } else if (c === '<') break;
    }
    if (end === -1) {
      // A broken tag ("<p" or '<ul style="…"' without ">"): drop the name and its attributes only.
      BROKEN_ATTRS_RE.lastIndex = pos + m[0].length;
      const attrs = BROKEN_ATTRS_RE.exec(text);
      end = pos + m[0].length + (attrs ? attrs[0].length : 0);
    }
    const newlines = countNewlines(text, pos, end);
    lineVisible = true;
    if (BLOCK_TAGS.has(name)) {
      flush();
      raise('block');
    } else if (name === 'li') {
      flush();
      raise('item');
    } else if (name === 'br') {
      flush();
      raise('line');
    } else if (CELL_TAGS.has(name) && !closing) {
      if (buf.trim() !== '') append('\t');
    }
    lineNo += newlines;
    pos = end;
    if (SKIP_CONTENT_TAGS.has(name) && !closing) {
      const close = text.toLowerCase().indexOf(`</${name}`, pos);
      const stop = close === -1 ? (text.indexOf('\n', pos) === -1 ? len : text.indexOf('\n', pos)) : close;
      lineNo += countNewlines(text, pos, stop);
      pos = stop;
    }
  }
  flush();
  return out;
}

// ---------------------------------------------------------------------------
// Mapping a position in the normalised text back to the text as written
// ---------------------------------------------------------------------------

const normCache = new Map<string, number>();
function normLength(ch: string): number {
  let n = normCache.get(ch);
  if (n === undefined) {
    n = normalizeText(ch).length;
    if (normCache.size < 10_000) normCache.set(ch, n);
  }
  return n;
}

/**
 * The text as written after the first `normPrefix` characters of its
 * normalised form. Walks code points, so it costs the prefix, not the line.
 */
function rawAfter(raw: string, normPrefix: number): string {
  let acc = 0;
  let i = 0;
  while (i < raw.length && acc < normPrefix) {
    const cp = raw.codePointAt(i) as number;
    const ch = String.fromCodePoint(cp);
    acc += normLength(ch);
    i += ch.length;
  }
  return raw.slice(i);
}

/** Trims white space, including the ideographic space and no-break space. */
function clean(text: string): string {
  return text.replace(/^[\s\u3000\u00a0]+|[\s\u3000\u00a0]+$/g, '');
}

function snippet(text: string): string {
  const one = clean(text).replace(/\s+/g, ' ');
  return one.length > 24 ? `${one.slice(0, 24)}…` : one;
}

// ---------------------------------------------------------------------------
// Line patterns (matched against the NFKC form)
// ---------------------------------------------------------------------------

const OPINION_MARK_RE = /^(\s*[○〇●◯◎]\s*)/;

const LABEL_WORDS = '対応方針|対応の方向性|対応の考え方|(?:本?市の)?考え方|(?:本?市の)?(?:対応|回答)(?:方針)?';
const LABEL_BRACKETED_RE = new RegExp(`^(\\s*[(\\[【〔〈《<]\\s*(?:${LABEL_WORDS})\\s*[)\\]】〕〉》>]\\s*:?\\s*)`);
const LABEL_COLON_RE = new RegExp(`^(\\s*(?:${LABEL_WORDS})\\s*:\\s*)`);

/** A leading bullet of a response (or list item): ・ → ⇒ - and the like. */
const BULLET_RE = /^(\s*[・·•‧∙→⇒➡⇨➔▶▷►\-‐‑–*]\s*)/;

const STRATEGY_RE = /^(\s*(?:(?:重点施策名|重点戦略名)\s*:?|(?:重点施策|重点戦略)\s*(?::|\s))\s*)\S/;
const MEASURE_RE = /^(\s*(?:(?:個別施策名|施策名)\s*:?|個別施策\s*(?::|\s)|施策\s*:)\s*)\S/;
const HEADING_RE = /^\s*\(\s*\d{1,3}\s*\)\s*\S/;
const CIRCLED_RAW_RE = /^[\s\u3000]*[\u2460-\u2473]/;
const NUMBER_PREFIX_RE = /^(\s*(?:\(\s*(\d{1,3})\s*\)|\[\s*(\d{1,3})\s*\]|(\d{1,3})\s*[.、)]|(\d{1,3})\s+)\s*)/;

const CAPTION_RE =
  /^【?(?:個別施策|重点施策|施策)?(?:に対する|への|に関する|ごとの)?(?:ご?意見|提言)(?:と|及び|および|・|ならびに)(?:それに対する)?(?:本?市の)?(?:対応方針|考え方|回答|対応)(?:について)?】?$/;
const NOISE_RE = /^\s*(?:[-–—―]\s*\d{1,4}\s*[-–—―]|\d{1,4}\s*\/\s*\d{1,4}|p\.?\s*\d{1,4}|\d{1,4})\s*$/i;

const META_KEYS_DEPT = '担当課|担当部署|担当部課|担当部局|所管課|所管部署|担当';
const META_KEYS_DUE = '対応期限|期限|完了予定日?|実施期限|対応予定日?';
function metaRes(keys: string): RegExp[] {
  return [
    new RegExp(`^(\\s*[(\\[【〔]\\s*(?:${keys})\\s*:\\s*)(.+?)\\s*[)\\]】〕]\\s*$`),
    new RegExp(`^(\\s*[(\\[【〔]\\s*(?:${keys})\\s*[)\\]】〕]\\s*:?\\s*)(\\S.*)$`),
    new RegExp(`^(\\s*(?:${keys})\\s*:\\s*)(\\S.*)$`),
  ];
}
const DEPT_RES = metaRes(META_KEYS_DEPT);
const DUE_RES = metaRes(META_KEYS_DUE);

const ERA_YEAR = '(?:令和|平成|昭和)\\s*(?:元|\\d{1,2})';
const YEAR_ONLY_RE = new RegExp(
  `^(?:${ERA_YEAR}|\\d{4})年度(?:(?:${ERA_YEAR}|\\d{4})年度?)?版?$`,
);
const FISCAL_YEAR_RE = new RegExp(`(${ERA_YEAR}|\\d{4})\\s*(?:\\(\\s*(?:${ERA_YEAR}|\\d{4})\\s*\\))?\\s*年度`);
const THEME_RES = [/^(\s*[【\[(<「]?\s*(?:テーマ|主題|議題)\s*:\s*)\S/, /^(\s*【\s*(?:テーマ|主題|議題)\s*】\s*:?\s*)\S/];
const DATE_JA_RE = new RegExp(`(${ERA_YEAR}|\\d{4})\\s*年\\s*(\\d{1,2})\\s*月(?:\\s*(\\d{1,2})\\s*日)?`);
const DATE_NUM_RE = /(?:^|[^\d])(\d{4})[/.-](\d{1,2})[/.-](\d{1,2})(?!\d)/;
const DATE_ERA_LETTER_RE = /(?:^|[^A-Za-z])([RHS])\s*(\d{1,2})\.(\d{1,2})\.(\d{1,2})(?!\d)/i;
const DATE_LINE_NOISE_RE =
  /(?:開催日時|開催日|日時|実施日|日付|開催|発行日|作成日|公表日|実施|意見募集期間|募集期間|期間)\s*:?|\([月火水木金土日](?:曜日?)?\)|(?:午前|午後)?\s*\d{1,2}\s*[:時]\s*(?:\d{1,2}\s*分?)?|[～~〜-]|から|まで/g;
const BODY_EXPLICIT_RE = /^(\s*(?:主催|事務局|実施主体|開催者|作成者?|所管)\s*:\s*)\S/;
const BODY_SHAPE_RE =
  /(?:委員会|審議会|協議会|懇話会|懇談会|会議|推進本部|事務局|[^\s]市|[^\s]町|[^\s]村|[^\s]区|[^\s]県)[)）】]?$/;
const TITLE_WORDS_RE = /報告|ミーティング|会議|意見|結果|パブリックコメント|募集|懇談|懇話|要旨|概要|記録|について/;
const PUBLIC_COMMENT_RE = /パブリックコメント|パブコメ|意見募集|意見公募|意見提出手続/;

function matchPrefix(re: RegExp, norm: string): number | null {
  const m = re.exec(norm);
  return m ? (m[1] as string).length : null;
}

function labelPrefix(norm: string): number | null {
  return matchPrefix(LABEL_BRACKETED_RE, norm) ?? matchPrefix(LABEL_COLON_RE, norm);
}

function stripBullet(raw: string, norm: string): string {
  const n = matchPrefix(BULLET_RE, norm);
  return clean(n === null ? raw : rawAfter(raw, n));
}

/** "(1) 基幹産業…", "（１）…", "① …", "1. …" → number and the title as written. */
function splitNumber(rawText: string): { number: string | null; title: string } {
  const raw = clean(rawText);
  if (CIRCLED_RAW_RE.test(raw)) {
    const cp = raw.codePointAt(0) as number;
    return { number: String(cp - 0x2460 + 1), title: clean(raw.slice(1)) };
  }
  const norm = normalizeText(raw);
  const m = NUMBER_PREFIX_RE.exec(norm);
  if (!m) return { number: null, title: raw };
  const digits = (m[2] ?? m[3] ?? m[4] ?? m[5]) as string;
  return { number: String(Number(digits)), title: clean(rawAfter(raw, (m[1] as string).length)) };
}

function isYearOnly(norm: string): boolean {
  return YEAR_ONLY_RE.test(norm.replace(/[\s【】[\]()]/g, ''));
}

function themeOf(l: LogicalLine): string | null {
  for (const re of THEME_RES) {
    const n = matchPrefix(re, l.norm);
    if (n !== null) {
      const opened = /^\s*[【[(<「［（＜]/.test(l.raw);
      let value = clean(rawAfter(l.raw, n));
      if (opened) value = clean(value.replace(/[】\]）)>＞」]$/, ''));
      return value || null;
    }
  }
  return null;
}

function isDateLine(norm: string): boolean {
  if (norm.includes('。') || norm.length > 80) return false;
  const m = DATE_JA_RE.exec(norm) ?? DATE_NUM_RE.exec(norm) ?? DATE_ERA_LETTER_RE.exec(norm);
  if (!m) return false;
  const rest = norm
    .replace(new RegExp(DATE_JA_RE.source, 'g'), '')
    .replace(new RegExp(DATE_NUM_RE.source, 'g'), '')
    .replace(new RegExp(DATE_ERA_LETTER_RE.source, 'gi'), '')
    .replace(DATE_LINE_NOISE_RE, '')
    .replace(/[\s:]/g, '');
  return rest.length <= 6;
}

function isBodyShape(norm: string): boolean {
  const t = norm.trim();
  return t.length >= 2 && t.length <= 60 && !t.includes('。') && BODY_SHAPE_RE.test(t);
}

function metaValue(res: RegExp[], l: LogicalLine): string | null {
  for (const re of res) {
    const m = re.exec(l.norm);
    if (m) {
      const prefix = (m[1] as string).length;
      const valueNorm = m[2] as string;
      // Take as many characters of the text as written as the normalised value spans.
      const after = rawAfter(l.raw, prefix);
      const cut = rawAfter(after, valueNorm.length);
      return clean(after.slice(0, after.length - cut.length)) || null;
    }
  }
  return null;
}

/** A full date in a piece of text (ISO), or undefined when none is written, or null when it is impossible. */
function findFullDate(norm: string): { iso: string | null; written: string } | undefined {
  const ja = DATE_JA_RE.exec(norm);
  if (ja && ja[3] !== undefined) return { iso: parseDate(ja[0]), written: ja[0] };
  const num = DATE_NUM_RE.exec(norm);
  if (num) {
    const written = `${num[1]}/${num[2]}/${num[3]}`;
    return { iso: parseDate(written), written };
  }
  const letter = DATE_ERA_LETTER_RE.exec(norm);
  if (letter) {
    const written = `${letter[1]}${letter[2]}.${letter[3]}.${letter[4]}`;
    return { iso: parseDate(written), written };
  }
  return undefined;
}

// ---------------------------------------------------------------------------
// Reading opinions and responses
// ---------------------------------------------------------------------------

/** A line of an opinion or a response, as collected before the split is known. */
interface Piece {
  raw: string;
  norm: string;
  line: number;
  brk: Break;
  bullet: boolean;
}

interface Draft {
  pieces: Piece[];
  line: number;
  /** Null until a label is seen. */
  response: { pieces: Piece[]; line: number } | null;
  measure: ParsedMeasureRef | null;
  department: string | null;
  dueOn: string | null;
}

function pieceOf(l: LogicalLine, raw = l.raw): Piece {
  const norm = raw === l.raw ? l.norm : normalizeText(raw);
  return { raw, norm, line: l.line, brk: l.brk, bullet: l.brk === 'item' || BULLET_RE.test(norm) };
}

function startsParagraph(p: Piece): boolean {
  return p.brk === 'blank' || p.brk === 'block';
}

/**
 * Splits what followed a label, up to the next label, into the response and
 * an opinion printed without its marker. Returns the index where the opinion
 * starts (never 0: the text right after a label is its response), or -1.
 */
function unmarkedSplit(pieces: Piece[]): number {
  const n = pieces.length;
  if (n < 2) return -1;
  let lastBullet = -1;
  pieces.forEach((p, i) => {
    if (p.bullet) lastBullet = i;
  });
  const from = Math.max(1, lastBullet + 1);
  // 1. A new paragraph (blank line, <p>) after the response's bullets.
  for (let i = from; i < n; i++) if (startsParagraph(pieces[i] as Piece)) return i;
  // 2. A line after the sentence that ends the response, not indented like a wrapped line.
  for (let i = from; i < n; i++) {
    const prev = pieces[i - 1] as Piece;
    const cur = pieces[i] as Piece;
    if (/[。.!?]\s*$/.test(prev.norm) && !/^[\s\u3000]/.test(cur.raw)) return i;
  }
  // 3. The first plain line after the bullets.
  if (lastBullet >= 0 && lastBullet + 1 < n) return lastBullet + 1;
  // 4. The next label needs an opinion: the last line.
  return n - 1;
}

function joinPieces(pieces: Piece[], stripBullets: boolean): string {
  return pieces
    .map((p) => (stripBullets ? stripBullet(p.raw, p.norm) : clean(p.raw)))
    .filter((t) => t !== '')
    .join('\n');
}

interface HeaderLine {
  l: LogicalLine;
  kind: 'text' | 'year' | 'theme' | 'date' | 'body' | 'caption';
}

/** Keeps the warning list readable when a huge or garbled document is read. */
const MAX_WARNINGS = 200;

/**
 * Parses a meeting report (実施結果報告書) or a public-comment result into a
 * meeting with its opinions and published responses.
 *
 * Accepts HTML fragments (tags, entities, broken markup) or plain text, with
 * full-width or half-width digits and brackets. Every opinion and warning
 * carries the 1-based line of the original text. Never throws; answers
 * `value: null` with a warning when no opinion can be found.
 */
export function parseMeetingReport(text: string): ParseResult<ParsedMeeting> {
  try {
    return parseUnsafe(typeof text === 'string' ? text : '');
  } catch {
    // The parser is meant never to get here; this keeps the promise for the importer.
    return { value: null, warnings: [{ line: 1, message: '文書を読み取れませんでした（解析中に予期しない問題が起きました）' }] };
  }
}

function parseUnsafe(text: string): ParseResult<ParsedMeeting> {
  const warnings: ImportWarning[] = [];
  const warn = (line: number, message: string): void => {
    warnings.push({ line: Math.max(1, line), message });
  };

  const lines = toLogicalLines(text);
  if (lines.length === 0) {
    return { value: null, warnings: [{ line: 1, message: '文書が空のため、意見を読み込めませんでした' }] };
  }

  const drafts: Draft[] = [];
  /** What is open: nothing, an opinion waiting for its label, or a response collecting its lines. */
  const open: { draft: Draft | null; mode: 'none' | 'opinion' | 'response' } = { draft: null, mode: 'none' };
  /** Lines seen while no opinion is open; null entries mark a boundary (section, header line). */
  let pending: Array<LogicalLine | null> = [];
  let structureStarted = false;
  const header: HeaderLine[] = [];
  const consumed = new Set<LogicalLine>();

  /** Where the reading is: the current 重点施策名 and 個別施策 (one object, as closures update it). */
  const section: { strategy: string | null; measure: ParsedMeasureRef | null; fromHeading: boolean; hasOpinions: boolean } = {
    strategy: null,
    measure: null,
    fromHeading: false,
    hasOpinions: false,
  };

  const newDraft = (pieces: Piece[], line: number): Draft => {
    section.hasOpinions = true;
    const measure = section.measure ? { ...section.measure } : null;
    return { pieces, line, response: null, measure, department: null, dueOn: null };
  };

  const finalize = (): void => {
    const d = open.draft;
    if (!d) return;
    open.draft = null;
    open.mode = 'none';
    if (d.pieces.every((p) => clean(p.raw) === '')) {
      if (d.response) warn(d.response.line, `意見が見当たらない対応方針を読み飛ばしました：「${snippet(joinPieces(d.response.pieces, true))}」`);
      else warn(d.line, '記号（○）の後に意見の本文がない行を読み飛ばしました');
      return;
    }
    if (!d.response) warn(d.line, `対応方針が見つからない意見です。対応方針なしで読み込みました：「${snippet(joinPieces(d.pieces, false))}」`);
    drafts.push(d);
  };

  /** Lines left over between structures are reported, not silently lost. */
  const dropPending = (): void => {
    if (structureStarted) {
      for (const l of pending) if (l && !consumed.has(l)) warn(l.line, `意見・対応方針として読めない行を読み飛ばしました：「${snippet(l.raw)}」`);
    }
    pending = [];
  };

  const startStructure = (): void => {
    if (!structureStarted) {
      // What came before the first structure is the header (minus any opinion taken from it).
      for (const l of pending) if (l && !consumed.has(l)) header.push({ l, kind: 'text' });
      pending = [];
      structureStarted = true;
    }
  };

  /** Opinion for a label that follows no marked opinion: the last paragraph of the pending lines. */
  const takePendingParagraph = (): Piece[] => {
    let start = pending.length;
    while (start > 0 && pending[start - 1] !== null) start--;
    const run = pending.slice(start) as LogicalLine[];
    if (run.length === 0) return [];
    let para = 0;
    for (let i = run.length - 1; i > 0; i--) {
      if (run[i]!.brk === 'blank' || run[i]!.brk === 'block') {
        para = i;
        break;
      }
    }
    const taken = run.slice(para);
    for (const l of taken) consumed.add(l);
    return taken.map((l) => pieceOf(l));
  };

  const nextMeaningful = (i: number): LogicalLine | undefined => {
    for (let j = i + 1; j < lines.length; j++) {
      const t = (lines[j] as LogicalLine).norm.replace(/\s/g, '');
      if (CAPTION_RE.test(t) || NOISE_RE.test(t)) continue;
      return lines[j];
    }
    return undefined;
  };

  const setMeasure = (rawRest: string, l: LogicalLine, fromHeading: boolean): void => {
    const { number, title } = splitNumber(rawRest);
    if (!title) {
      warn(l.line, `施策名が読み取れない行を読み飛ばしました：「${snippet(l.raw)}」`);
      return;
    }
    section.measure = { strategyTitle: section.strategy, measureTitle: title, measureNumber: number };
    section.fromHeading = fromHeading;
    section.hasOpinions = false;
  };

  for (let i = 0; i < lines.length; i++) {
    const l = lines[i] as LogicalLine;
    const norm = l.norm;
    const compact = norm.replace(/\s/g, '');

    if (NOISE_RE.test(norm)) continue;
    if (CAPTION_RE.test(compact)) {
      if (!structureStarted) header.push({ l, kind: 'caption' });
      pending.push(null);
      continue;
    }

    // --- response label
    const lp = labelPrefix(norm);
    if (lp !== null) {
      const rest = clean(rawAfter(l.raw, lp));
      const labelPieces: Piece[] = rest ? [{ ...pieceOf(l, rest), brk: 'none' }] : [];
      const before = open.draft;
      if (open.mode === 'opinion' && before) {
        before.response = { pieces: labelPieces, line: l.line };
        open.mode = 'response';
        continue;
      }
      let opinionPieces: Piece[] = [];
      if (open.mode === 'response' && before?.response) {
        const resp = before.response;
        const at = unmarkedSplit(resp.pieces);
        if (at > 0) {
          opinionPieces = resp.pieces.slice(at);
          resp.pieces = resp.pieces.slice(0, at);
        }
        finalize();
      } else {
        opinionPieces = takePendingParagraph();
        startStructure();
        dropPending();
      }
      startStructure();
      const first = opinionPieces[0];
      let draft: Draft;
      if (first) {
        warn(first.line, `意見の記号（○）がない段落を意見として読み込みました：「${snippet(first.raw)}」`);
        const stripped = stripBullet(first.raw, first.norm);
        opinionPieces[0] = { ...first, raw: stripped, norm: normalizeText(stripped) };
        draft = newDraft(opinionPieces, first.line);
      } else {
        // No opinion to attach to: kept open so its lines are not read as anything else, then reported.
        draft = newDraft([], l.line);
      }
      draft.response = { pieces: labelPieces, line: l.line };
      open.draft = draft;
      open.mode = 'response';
      continue;
    }

    // --- opinion marker
    const mp = matchPrefix(OPINION_MARK_RE, norm);
    if (mp !== null) {
      finalize();
      startStructure();
      dropPending();
      const rest = clean(rawAfter(l.raw, mp));
      open.draft = newDraft(rest ? [pieceOf(l, rest)] : [], l.line);
      open.mode = 'opinion';
      continue;
    }

    // --- section lines
    const sp = matchPrefix(STRATEGY_RE, norm);
    if (sp !== null) {
      finalize();
      startStructure();
      dropPending();
      section.strategy = clean(rawAfter(l.raw, sp)) || null;
      // A heading printed just before its 重点施策名 (as in the seed) belongs to it; otherwise a new strategy starts afresh.
      section.measure =
        section.measure && section.fromHeading && !section.hasOpinions
          ? { ...section.measure, strategyTitle: section.strategy }
          : null;
      continue;
    }
    const msp = matchPrefix(MEASURE_RE, norm);
    if (msp !== null) {
      finalize();
      startStructure();
      dropPending();
      setMeasure(rawAfter(l.raw, msp), l, false);
      continue;
    }
    if (HEADING_RE.test(norm) || CIRCLED_RAW_RE.test(l.raw)) {
      const { title } = splitNumber(l.raw);
      const next = nextMeaningful(i);
      const headingShaped = title.length > 0 && title.length <= 50 && !title.includes('。');
      const placeOk =
        open.mode === 'none' ||
        (open.mode === 'response' && open.draft?.response?.pieces.length !== 0 && startsParagraph(pieceOf(l))) ||
        (open.mode === 'opinion' && l.brk === 'blank');
      if (headingShaped && placeOk && !(next && labelPrefix(next.norm) !== null)) {
        finalize();
        startStructure();
        dropPending();
        setMeasure(l.raw, l, true);
        continue;
      }
    }

    // --- 担当課 / 対応期限
    const dept = metaValue(DEPT_RES, l);
    const due = dept === null ? metaValue(DUE_RES, l) : null;
    if (dept !== null || due !== null) {
      const draft = open.draft;
      if (!draft) {
        warn(l.line, `どの意見のものか分からない行を読み飛ばしました：「${snippet(l.raw)}」`);
      } else if (dept !== null) {
        draft.department = dept;
      } else if (due !== null) {
        const found = findFullDate(normalizeText(due));
        const iso = found?.iso ?? null;
        if (!iso) warn(l.line, `対応期限「${due}」を日付として読み取れませんでした`);
        draft.dueOn = iso;
      }
      continue;
    }

    // --- header lines (only before the first opinion or section)
    if (!structureStarted) {
      if (isYearOnly(norm)) {
        header.push({ l, kind: 'year' });
        pending.push(null);
        continue;
      }
      if (themeOf(l) !== null) {
        header.push({ l, kind: 'theme' });
        pending.push(null);
        continue;
      }
      if (isDateLine(norm)) {
        header.push({ l, kind: 'date' });
        pending.push(null);
        continue;
      }
      const hasTextBefore = pending.some((p) => p !== null);
      if (BODY_EXPLICIT_RE.test(norm) || (hasTextBefore && isBodyShape(norm))) {
        header.push({ l, kind: 'body' });
        pending.push(null);
        continue;
      }
    }

    // --- ordinary text: continues whatever is open
    const draft = open.draft;
    if (open.mode === 'opinion' && draft) draft.pieces.push(pieceOf(l));
    else if (open.mode === 'response' && draft?.response) draft.response.pieces.push(pieceOf(l));
    else pending.push(l);
  }
  finalize();
  if (!structureStarted) {
    for (const l of pending) if (l && !consumed.has(l)) header.push({ l, kind: 'text' });
    pending = [];
  } else {
    dropPending();
  }

  // --- opinions
  const opinions: ParsedOpinion[] = drafts.map((d, index) => {
    let response: ParsedOpinion['response'] = null;
    if (d.response) {
      const body = joinPieces(d.response.pieces, true);
      if (body) response = { text: body, state: 'published' };
      else warn(d.response.line, '（対応方針）の後に本文がありません。対応方針なしで読み込みました');
    }
    return {
      seq: index + 1,
      text: joinPieces(d.pieces, false),
      response,
      measure: d.measure,
      department: d.department,
      dueOn: d.dueOn,
      line: d.line,
    };
  });

  const meeting = readHeader(header.sort((a, b) => a.l.idx - b.l.idx), warn);
  warnings.sort((a, b) => a.line - b.line);
  const limited =
    warnings.length > MAX_WARNINGS
      ? [...warnings.slice(0, MAX_WARNINGS), { line: warnings[MAX_WARNINGS]!.line, message: `ほかに${warnings.length - MAX_WARNINGS}件の警告があります` }]
      : warnings;

  if (opinions.length === 0) {
    return {
      value: null,
      warnings: [
        ...limited,
        {
          line: 1,
          message: '意見が見つかりませんでした。○で始まる意見と（対応方針）などの見出しがある文書か確認してください',
        },
      ],
    };
  }
  return { value: { ...meeting, opinions }, warnings: limited };
}

/** Title, fiscal year, theme, date, organising body and kind, from the lines before the first opinion or section. */
function readHeader(
  header: HeaderLine[],
  warn: (line: number, message: string) => void,
): Omit<ParsedMeeting, 'opinions'> {
  // Title: the first run of plain lines that reads like a title (else the first run).
  const runs: LogicalLine[][] = [];
  let run: LogicalLine[] = [];
  let prev: HeaderLine | undefined;
  for (const h of header) {
    const continues =
      prev !== undefined && prev.kind === 'text' && h.kind === 'text' && h.l.idx === prev.l.idx + 1 &&
      (h.l.brk === 'line' || h.l.brk === 'none');
    if (!continues && run.length) {
      runs.push(run);
      run = [];
    }
    if (h.kind === 'text') run.push(h.l);
    prev = h;
  }
  if (run.length) runs.push(run);
  const titleRun =
    runs.find((r) => r.some((l) => TITLE_WORDS_RE.test(l.norm))) ??
    runs.find((r) => !r.every((l) => isBodyShape(l.norm))) ??
    runs[0];
  let title = titleRun ? titleRun.map((l) => clean(l.raw)).join(' ') : '';

  let theme: string | null = null;
  for (const h of header) {
    theme = themeOf(h.l);
    if (theme !== null) break;
  }
  if (!title) {
    const caption = header.find((h) => h.kind === 'caption');
    if (caption) title = clean(caption.l.raw);
    else if (theme) title = theme;
    else title = '表題のない会議';
    warn(header[0]?.l.line ?? 1, `表題が見つからないため、「${title}」を表題にしました`);
  }

  // Body: stated as 主催：…, else a line shaped like an organisation that is not the title.
  let body: string | null = null;
  for (const h of header) {
    const n = matchPrefix(BODY_EXPLICIT_RE, h.l.norm);
    if (n !== null) {
      body = clean(rawAfter(h.l.raw, n));
      break;
    }
  }
  if (body === null) {
    const candidate = header.find((h) => (h.kind === 'body' || h.kind === 'text') && !titleRun?.includes(h.l) && isBodyShape(h.l.norm));
    if (candidate) body = clean(candidate.l.raw);
  }

  // Fiscal year: a year line first, then any 年度 in the header.
  let fiscalYear: number | null = null;
  const ordered = [...header.filter((h) => h.kind === 'year'), ...header.filter((h) => h.kind !== 'year')];
  for (const h of ordered) {
    const m = FISCAL_YEAR_RE.exec(h.l.norm);
    if (m) {
      fiscalYear = parseFiscalYear(`${m[1]}年度`);
      if (fiscalYear !== null) break;
    }
  }

  // Date held: a full date, preferring a line that says 開催 / 実施; a period (期間, ～) is not a date held.
  let heldOn: string | null = null;
  const dated = header.filter((h) => !/期間|[～~〜]|から/.test(h.l.norm));
  const preferred = [...dated.filter((h) => /開催|実施|日時/.test(h.l.norm)), ...dated];
  for (const h of preferred) {
    const found = findFullDate(h.l.norm);
    if (!found) continue;
    if (found.iso) {
      heldOn = found.iso;
      break;
    }
    warn(h.l.line, `日付「${found.written}」は存在しない日付のため、開催日として読み込みませんでした`);
  }

  if (fiscalYear === null) {
    // A report printed in 平成31年3月 belongs to fiscal 2018: months before April close the previous year.
    // The date held or issued comes first; the start of a comment period only when nothing else is printed.
    for (const h of [...preferred, ...header]) {
      const m = DATE_JA_RE.exec(h.l.norm);
      if (!m) continue;
      const year = parseFiscalYear(`${m[1]}年度`);
      const month = Number(m[2]);
      if (year === null || month < 1 || month > 12) continue;
      fiscalYear = month >= 4 ? year : year - 1;
      warn(h.l.line, `年度の記載がないため、日付（${clean(m[0])}）から${formatFiscalYear(fiscalYear)}と推定しました`);
      break;
    }
  }

  // Comment period: "意見募集期間：令和6年1月10日～令和6年2月9日" (a public comment's open and close dates).
  let commentOpensOn: string | null = null;
  let commentClosesOn: string | null = null;
  for (const h of header) {
    if (!/期間/.test(h.l.norm)) continue;
    const [from, ...rest] = h.l.norm.split(/[～~〜]|から/);
    const opens = from ? findFullDate(from) : undefined;
    const closes = rest.length ? findFullDate(rest.join(' ')) : undefined;
    if (opens?.iso && closes?.iso) {
      [commentOpensOn, commentClosesOn] = [opens.iso, closes.iso];
      break;
    }
  }

  const headerText = [title, ...header.map((h) => h.l.norm)].join('\n');
  const kind = PUBLIC_COMMENT_RE.test(normalizeText(headerText)) ? 'public_comment' : 'committee';
  return { title, body, kind, fiscalYear, heldOn, theme, commentOpensOn, commentClosesOn };
}

// ---------------------------------------------------------------------------
// Detection
// ---------------------------------------------------------------------------

/** Enough to recognise the kind; the rest of a long document changes nothing. */
const SCORE_SAMPLE = 400_000;

/**
 * How much a text looks like a meeting report (0..1), for choosing the
 * importer among meeting_report / plan / progress_report / evaluation_sheet /
 * opinions_table. Response labels at the start of lines carry most of the
 * weight, because no other kind prints them; opinion markers and the words
 * of a meeting's header add the rest. A text without a single label stays
 * at 0.15 or below. Never throws.
 */
export function meetingReportScore(text: string): number {
  try {
    if (typeof text !== 'string' || text.trim() === '') return 0;
    const sample = text.length > SCORE_SAMPLE ? text.slice(0, SCORE_SAMPLE) : text;
    const lines = toLogicalLines(sample);
    let labels = 0;
    let markers = 0;
    let sections = 0;
    for (const l of lines) {
      if (labelPrefix(l.norm) !== null) labels++;
      else if (OPINION_MARK_RE.test(l.norm) && l.norm.replace(OPINION_MARK_RE, '').trim().length >= 5) markers++;
      else if (STRATEGY_RE.test(l.norm) || MEASURE_RE.test(l.norm)) sections++;
    }
    const all = normalizeText(sample.slice(0, 20_000));
    let words = 0;
    if (all.includes('意見')) words += 0.1;
    if (/ミーティング|実施結果|結果報告|報告書|パブリックコメント|意見募集|意見公募|委員会|審議会|懇話会|懇談会|会議/.test(all)) words += 0.1;
    if (sections > 0 || /テーマ\s*:|【\s*テーマ/.test(all)) words += 0.1;
    if (labels === 0) return round2(words * 0.5);
    // A label quoted once in a long plan is not a report: weigh labels by how densely they occur.
    const density = labels / Math.max(1, lines.length);
    const labelPart = 0.55 * Math.min(1, labels / 3) * Math.min(1, density / 0.05);
    const markerPart = 0.15 * Math.min(1, markers / labels);
    return round2(Math.min(1, labelPart + markerPart + words));
  } catch {
    return 0;
  }
}

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}
