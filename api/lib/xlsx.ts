/**
 * Excel workbooks (exceljs): a header row, column widths and wrapped text on
 * the way out; every sheet cell as text on the way in.
 */
import ExcelJS from 'exceljs';

export interface XlsxColumn {
  header: string;
  /** Width in characters (a Japanese character counts about 2). */
  width: number;
}

/** One sheet with a bold, frozen header row; long text wraps. */
export async function toXlsx(
  sheetName: string,
  columns: readonly XlsxColumn[],
  rows: ReadonlyArray<ReadonlyArray<string | number | null>>,
): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '意見・対応方針 管理';
  const sheet = workbook.addWorksheet(sheetName.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((c) => ({ header: c.header, width: c.width }));
  sheet.getRow(1).font = { bold: true };
  for (const row of rows) sheet.addRow(row.map((v) => (v === null ? '' : v)));
  sheet.eachRow((row) => {
    row.alignment = { wrapText: true, vertical: 'top' };
  });
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}

/** The rows of the first sheet as text, with their 1-based row numbers; empty rows are skipped. */
export async function readXlsx(data: Uint8Array): Promise<Array<{ line: number; cells: string[] }>> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(data as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  if (!sheet) return [];
  const rows: Array<{ line: number; cells: string[] }> = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    for (let i = 1; i <= row.cellCount; i++) cells.push(cellText(row.getCell(i).value));
    if (cells.some((c) => c.trim() !== '')) rows.push({ line: rowNumber, cells });
  });
  return rows;
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('text' in value) return String(value.text);
    if ('result' in value) {
      const result = value.result;
      // A formula's cached result; an error (#REF!) or none reads as empty.
      return result === undefined || result === null || typeof result === 'object' ? (result instanceof Date ? result.toISOString().slice(0, 10) : '') : String(result);
    }
    if ('error' in value) return '';
    return '';
  }
  return String(value);
}
