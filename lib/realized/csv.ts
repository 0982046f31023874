/**
 * CSV as RFC 4180 writes it (CRLF rows, fields quoted when they hold a comma, quote, CR or LF, quotes
 * doubled), safe to open in a spreadsheet: a text cell starting with = + - @ tab or CR is prefixed with
 * an apostrophe so it is never read as a formula. Numbers are written as numbers (a finite number cannot
 * carry a formula, and a negative profit must stay a number); null is an empty cell.
 */

/** One cell: text, a number, or null (empty). */
export type CsvCell = string | number | null;

const FORMULA_START = /^[=+\-@\t\r]/;

/** One cell as CSV text. */
export function csvCell(value: CsvCell): string {
  if (value === null) return '';
  // 12 significant digits: sums of many intervals carry float noise (23.99999999999992 kWh is 24).
  if (typeof value === 'number') return Number.isFinite(value) ? String(Number(value.toPrecision(12))) : '';
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A whole CSV document: the header row, then the rows, each ended by CRLF. */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  return [header, ...rows].map((row) => `${row.map(csvCell).join(',')}\r\n`).join('');
}
