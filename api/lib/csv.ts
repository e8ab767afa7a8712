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
  return /^'[=+\-@\t\r]/.test(text) ? text.slice(1) : text;
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
 */
export function parseCsv(text: string, delimiter = ','): Array<{ line: number; cells: string[] }> {
  const rows: Array<{ line: number; cells: string[] }> = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  const source = text.startsWith(BOM) ? text.slice(1) : text;
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    if (quoted) {
      if (c === '"' && source[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else {
        if (c === '\n') line++;
        cell += c;
      }
      continue;
    }
    if (c === '"' && cell === '') quoted = true;
    else if (c === delimiter) {
      cells.push(cell);
      cell = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && source[i + 1] === '\n') i++;
      cells.push(cell);
      rows.push({ line: rowLine, cells: cells.map(unguardCell) });
      cells = [];
      cell = '';
      line++;
      rowLine = line;
    } else cell += c;
  }
  if (cell !== '' || cells.length) {
    cells.push(cell);
    rows.push({ line: rowLine, cells: cells.map(unguardCell) });
  }
  return rows.filter((r) => r.cells.some((c) => c.trim() !== ''));
}

/** A table pasted or saved as CSV or as tab-separated text: the first line decides which. */
export function parseDelimited(text: string): Array<{ line: number; cells: string[] }> {
  const first = (text.startsWith(BOM) ? text.slice(1) : text).split('\n', 1)[0] ?? '';
  const tabs = (first.match(/\t/g) ?? []).length;
  const commas = (first.match(/,/g) ?? []).length;
  return parseCsv(text, tabs > commas ? '\t' : ',');
}
