/**
 * CSV as Japanese offices exchange it: UTF-8 with a byte order mark (so Excel
 * opens it without garbling), CRLF line ends, fields quoted when needed.
 */

const BOM = '\uFEFF';

/**
 * A cell that starts like a formula (= + - @) would be run by a spreadsheet:
 * it is written after an apostrophe, which Excel hides and `unguardCell`
 * removes on the way back in.
 */
function guardCell(text: string): string {
  return /^[=+\-@\t\r]/.test(text) && !/^-?\d/.test(text) ? `'${text}` : text;
}

/** Undoes `guardCell`. */
export function unguardCell(text: string): string {
  return text.charCodeAt(0) === 39 && /^'[=+\-@\t\r]/.test(text) ? text.slice(1) : text;
}

function field(value: string | number | null | undefined): string {
  const text = value === null || value === undefined ? '' : guardCell(String(value));
  return /[",\r\n]/.test(text) || /^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Rows to CSV text, BOM included. */
export function toCsv(rows: ReadonlyArray<ReadonlyArray<string | number | null | undefined>>): string {
  return BOM + rows.map((row) => row.map(field).join(',')).join('\r\n') + '\r\n';
}

/**
 * Reads CSV text (RFC 4180: quoted fields may hold commas, quotes and line
 * breaks). Returns the rows with the 1-based line each starts on.
 *
 * Fields are cut out with slice, not built a character at a time: a table
 * of 100,000 opinions is 18 million characters.
 */
export function parseCsv(text: string, delimiter = ','): Array<{ line: number; cells: string[] }> {
  const rows: Array<{ line: number; cells: string[] }> = [];
  const source = text.startsWith(BOM) ? text.slice(1) : text;
  const n = source.length;
  const delim = delimiter.charCodeAt(0);
  const QUOTE = 34;
  const LF = 10;
  const CR = 13;
  let cells: string[] = [];
  let line = 1;
  let rowLine = 1;
  let i = 0;
  const endRow = () => {
    for (let c = 0; c < cells.length; c++) cells[c] = unguardCell(cells[c]!);
    rows.push({ line: rowLine, cells });
    cells = [];
    rowLine = line;
  };
  while (i < n) {
    let cell: string;
    if (source.charCodeAt(i) === QUOTE) {
      // A quoted field: up to the quote not followed by another; "" is a quote.
      let value = '';
      let from = i + 1;
      for (;;) {
        const q = source.indexOf('"', from);
        if (q < 0) {
          // Unclosed: the rest of the text is the field.
          value += source.slice(from);
          i = n;
          break;
        }
        value += source.slice(from, q);
        if (source.charCodeAt(q + 1) === QUOTE) {
          value += '"';
          from = q + 2;
          continue;
        }
        i = q + 1;
        break;
      }
      for (let k = value.indexOf('\n'); k >= 0; k = value.indexOf('\n', k + 1)) line++;
      // Anything between the closing quote and the delimiter is kept, as spreadsheets do.
      let j = i;
      while (j < n) {
        const c = source.charCodeAt(j);
        if (c === delim || c === LF || c === CR) break;
        j++;
      }
      cell = value + source.slice(i, j);
      i = j;
    } else {
      let j = i;
      while (j < n) {
        const c = source.charCodeAt(j);
        if (c === delim || c === LF || c === CR) break;
        j++;
      }
      cell = source.slice(i, j);
      i = j;
    }
    cells.push(cell);
    if (i >= n) break;
    const c = source.charCodeAt(i);
    if (c === delim) {
      i++;
      // A delimiter at the very end leaves one more, empty, cell.
      if (i >= n) cells.push('');
      continue;
    }
    // A line end: CRLF, LF or a lone CR.
    i += c === CR && source.charCodeAt(i + 1) === LF ? 2 : 1;
    line++;
    endRow();
  }
  if (cells.length) endRow();
  return rows.filter((r) => r.cells.some((c) => c.trim() !== ''));
}

/** A table pasted or saved as CSV or as tab-separated text: the first line decides which. */
export function parseDelimited(text: string): Array<{ line: number; cells: string[] }> {
  const first = (text.startsWith(BOM) ? text.slice(1) : text).split('\n', 1)[0] ?? '';
  const tabs = (first.match(/\t/g) ?? []).length;
  const commas = (first.match(/,/g) ?? []).length;
  return parseCsv(text, tabs > commas ? '\t' : ',');
}
