/**
 * Japanese calendar handling: 和暦 and 西暦 on input, 和暦 on display.
 *
 * Fiscal years (年度) run from April to March and are named by the year they
 * start in: 令和3年度 = fiscal 2021 = April 2021 – March 2022.
 */
import { normalizeText } from './text.js';

interface Era {
  name: string;
  letter: string;
  /** Gregorian year of the era's first year (元年). */
  start: number;
  /** First day of the era, ISO. */
  since: string;
}

/** Newest first. */
const ERAS: readonly Era[] = [
  { name: '令和', letter: 'R', start: 2019, since: '2019-05-01' },
  { name: '平成', letter: 'H', start: 1989, since: '1989-01-08' },
  { name: '昭和', letter: 'S', start: 1926, since: '1926-12-25' },
  { name: '大正', letter: 'T', start: 1912, since: '1912-07-30' },
  { name: '明治', letter: 'M', start: 1868, since: '1868-01-25' },
];

const MIN_YEAR = 1868;
const MAX_YEAR = 2200;

function eraByName(name: string): Era | undefined {
  const upper = name.toUpperCase();
  return ERAS.find((e) => e.name === name || e.letter === upper);
}

function eraYear(era: Era, yearText: string): number {
  return era.start + (yearText === '元' ? 1 : Number(yearText)) - 1;
}

const ERA_PATTERN = '(令和|平成|昭和|大正|明治|[RHSTMrhstm])';

/**
 * Parses a fiscal year: 2021, "2021", "2021年度", "令和3年度", "令和元年度", "R3",
 * "H30年度", "２０２１". Returns null when the text is not a fiscal year.
 */
export function parseFiscalYear(input: string | number): number | null {
  if (typeof input === 'number') return Number.isInteger(input) && input >= MIN_YEAR && input <= MAX_YEAR ? input : null;
  const text = normalizeText(input).replace(/\s+/g, '');
  let m = /^(\d{4})(?:年度?)?$/.exec(text);
  if (m) return parseFiscalYear(Number(m[1]));
  m = new RegExp(`^${ERA_PATTERN}\\.?(元|\\d{1,2})(?:年度?)?$`).exec(text);
  if (m) {
    const era = eraByName(m[1] as string);
    if (!era) return null;
    const year = eraYear(era, m[2] as string);
    return Number(m[2]) === 0 ? null : parseFiscalYear(year);
  }
  return null;
}

/** 2021 → "令和3年度"; 2019 → "令和元年度"; 2018 → "平成30年度". */
export function formatFiscalYear(year: number): string {
  // Named by the era of the calendar year it starts in, except that fiscal
  // 2019 (begun under 平成 in April) is called 令和元年度, as cities do.
  const era = ERAS.find((e) => year >= e.start) ?? ERAS[ERAS.length - 1]!;
  const n = year - era.start + 1;
  return `${era.name}${n === 1 ? '元' : n}年度`;
}

/** The fiscal year a date falls in (April to March). */
export function fiscalYearOf(isoDate: string): number {
  const [y, m] = isoDate.split('-').map(Number) as [number, number];
  return m >= 4 ? y : y - 1;
}

function isRealDate(y: number, m: number, d: number): boolean {
  if (y < MIN_YEAR || y > MAX_YEAR || m < 1 || m > 12 || d < 1) return false;
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

function iso(y: number, m: number, d: number): string {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/**
 * Parses a calendar date written in 西暦 or 和暦: "2019-03-15", "2019/3/15",
 * "2019年3月15日", "平成31年3月15日", "令和元年5月1日", "H31.3.15", "R3/4/1".
 * Returns ISO "YYYY-MM-DD", or null when the text is not a real date.
 */
export function parseDate(input: string): string | null {
  const text = normalizeText(input).replace(/\s+/g, '');
  let m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(text);
  if (m) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    return isRealDate(y, mo, d) ? iso(y, mo, d) : null;
  }
  m = new RegExp(`^${ERA_PATTERN}\\.?(元|\\d{1,2})[-/.年](\\d{1,2})[-/.月](\\d{1,2})日?$`).exec(text);
  if (m) {
    const era = eraByName(m[1] as string);
    if (!era || m[2] === '0') return null;
    const [y, mo, d] = [eraYear(era, m[2] as string), Number(m[3]), Number(m[4])];
    if (!isRealDate(y, mo, d)) return null;
    const value = iso(y, mo, d);
    // A date must fall within its era: 令和元年4月30日 and 平成31年5月1日 never
    // existed. (Fiscal years are looser: old plans name targets 平成32年度.)
    const next = ERAS[ERAS.indexOf(era) - 1];
    return value >= era.since && (!next || value < next.since) ? value : null;
  }
  return null;
}

/** "2019-03-15" → "平成31年3月15日". */
export function formatDate(isoDate: string): string {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  const era = ERAS.find((e) => isoDate >= e.since) ?? ERAS[ERAS.length - 1]!;
  const n = y - era.start + 1;
  return `${era.name}${n === 1 ? '元' : n}年${m}月${d}日`;
}

/** Japan does not change its clocks: +9 hours all year. */
const JST_OFFSET_MS = 9 * 60 * 60 * 1000;

/** Today's date in Japan as ISO (2026-11-22), whatever the machine's time zone. */
export function todayInJapan(now = Date.now()): string {
  return new Date(now + JST_OFFSET_MS).toISOString().slice(0, 10);
}

/**
 * "2026-11-20T01:23:45.678Z" → "令和8年11月20日 10:23", in Japan time. A time
 * without a zone is UTC, as the database writes it; text that is no time is
 * returned as it is.
 */
export function formatDateTime(iso: string): string {
  const text = /[zZ]|[+-]\d\d:?\d\d$/.test(iso) ? iso : `${iso.replace(' ', 'T')}Z`;
  const time = Date.parse(text);
  if (Number.isNaN(time)) return iso;
  const local = new Date(time + JST_OFFSET_MS).toISOString();
  return `${formatDate(local.slice(0, 10))} ${Number(local.slice(11, 13))}:${local.slice(14, 16)}`;
}

export type Half = 'H1' | 'H2';

/** A reporting period: a whole fiscal year, or its first (上半期) or second (下半期) half. */
export interface Period {
  fiscalYear: number;
  half: Half | null;
}

/**
 * Parses "2021", "2021H1", "2021h2", "令和3年度", "令和3年度上半期",
 * "R3下半期", "2021年度 上期". Returns the canonical code ("2021H1") or null.
 */
export function parsePeriod(input: string | number): string | null {
  if (typeof input === 'number') {
    const y = parseFiscalYear(input);
    return y === null ? null : String(y);
  }
  const text = normalizeText(input).replace(/\s+/g, '').replace(/[【】［］\[\]()（）]/g, '');
  const m = /^(.*?)(H[12]|上半期|下半期|上期|下期)?$/i.exec(text);
  if (!m || !m[1]) return null;
  const year = parseFiscalYear(m[1]);
  if (year === null) return null;
  const halfText = m[2]?.toUpperCase();
  if (!halfText) return String(year);
  const half = halfText === 'H1' || halfText.startsWith('上') ? 'H1' : 'H2';
  return `${year}${half}`;
}

/** Splits a canonical period code. */
export function periodParts(code: string): Period {
  const m = /^(\d{4})(H[12])?$/.exec(code);
  if (!m) throw new Error(`not a period code: ${code}`);
  return { fiscalYear: Number(m[1]), half: (m[2] as Half | undefined) ?? null };
}

/**
 * Orders period codes: halves before the whole year they belong to
 * ("2021H1" < "2021H2" < "2021" < "2022H1"), because a whole-year report is
 * written at the year's end. See `periodSortKey` in db/progress.ts for SQL.
 */
export function comparePeriods(a: string, b: string): number {
  const key = (p: string) => (p.length === 4 ? `${p}Y` : p);
  return key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0;
}

/** The first day of a period (fiscal years begin in April; 下半期 in October): "2021H2" → "2021-10-01". */
export function periodStart(code: string): string {
  const { fiscalYear, half } = periodParts(code);
  return `${fiscalYear}-${half === 'H2' ? '10' : '04'}-01`;
}

/** "2021H1" → "令和3年度上半期"; "2021" → "令和3年度". */
export function formatPeriod(code: string): string {
  const { fiscalYear, half } = periodParts(code);
  return formatFiscalYear(fiscalYear) + (half === 'H1' ? '上半期' : half === 'H2' ? '下半期' : '');
}
