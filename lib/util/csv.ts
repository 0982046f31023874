/**
 * CSV as RFC 4180 writes it: fields separated by commas, records by CRLF (LF alone is read too), a field
 * holding a comma, a quote or a line break is quoted and its quotes doubled. Safe to open in a
 * spreadsheet: a text cell starting with = + - @, tab or CR is prefixed with an apostrophe so it is never
 * run as a formula, and reading takes that apostrophe off again, so a written file reads back unchanged.
 * Numbers are written as numbers (a finite number cannot carry a formula, and a negative profit must stay
 * a number); null is an empty cell. Pure: the reports' export and the rig list's export and import.
 */
import { err, ok, type Result } from '../util/result';

/** One record and the line of the file it starts on (1-based; a quoted line break makes records span lines). */
export interface CsvRecord {
  line: number;
  fields: string[];
}

/** What a reader refuses past: a file is a table, not a way to fill the server's memory. */
export interface CsvLimits {
  maxRecords: number;
  maxFieldChars: number;
}

/**
 * Starts a spreadsheet formula (OWASP "CSV injection"): such a cell is written with an apostrophe first.
 * Apostrophes already in front count too, so that reading back (one apostrophe off) is exact.
 */
const FORMULA_START = /^'*[=+\-@\t\r]/;

/** One cell: text, a number, or null (empty). */
export type CsvCell = string | number | null;

/** One cell as CSV text: formula-safe, quoted when it must be. */
export function csvCell(value: CsvCell): string {
  if (value === null) return '';
  // 12 significant digits: sums of many intervals carry float noise (23.99999999999992 kWh is 24).
  if (typeof value === 'number') return Number.isFinite(value) ? String(Number(value.toPrecision(12))) : '';
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) || safe !== safe.trim() ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** A whole CSV document: the header row, then the rows, each ended by CRLF. */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  return [header, ...rows].map((row) => `${row.map(csvCell).join(',')}\r\n`).join('');
}

/** A cell read back: the apostrophe csvCell put before a formula start is taken off. */
function unguard(value: string): string {
  return value.length > 1 && value[0] === "'" && FORMULA_START.test(value.slice(1)) ? value.slice(1) : value;
}

/**
 * The records of `text` (a leading byte order mark is skipped, blank lines are left out), or the message
 * naming the line (and field) where the file stops being CSV: a quote left open, text after a closing
 * quote, a quote inside an unquoted field, too many records or a field too long.
 */
export function parseCsv(text: string, limits: CsvLimits): Result<CsvRecord[], string> {
  const records: CsvRecord[] = [];
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  while (i < text.length) {
    const start = line;
    const fields: string[] = [];
    for (;;) {
      let value = '';
      if (text[i] === '"') {
        const openedOn = line;
        i++;
        for (;;) {
          if (i >= text.length) return err(`line ${openedOn}, field ${fields.length + 1}: a quoted field is not closed`);
          const c = text[i];
          if (c === '"' && text[i + 1] === '"') {
            value += '"';
            i += 2;
          } else if (c === '"') {
            i++;
            break;
          } else {
            if (c === '\n') line++;
            value += c;
            i++;
          }
          if (value.length > limits.maxFieldChars)
            return err(`line ${openedOn}, field ${fields.length + 1}: longer than ${limits.maxFieldChars} characters`);
        }
        if (i < text.length && !',\r\n'.includes(text[i]))
          return err(`line ${line}, field ${fields.length + 1}: text after the closing quote (a quote inside a field is written "")`);
      } else {
        const end = nextDelimiter(text, i);
        value = text.slice(i, end);
        if (value.includes('"'))
          return err(`line ${line}, field ${fields.length + 1}: a quote inside an unquoted field (quote the field and double the quote)`);
        if (value.length > limits.maxFieldChars)
          return err(`line ${line}, field ${fields.length + 1}: longer than ${limits.maxFieldChars} characters`);
        i = end;
      }
      fields.push(unguard(value));
      if (text[i] === ',') {
        i++;
        continue;
      }
      // End of the record: CRLF, LF, a lone CR, or the end of the text.
      if (text[i] === '\r') i++;
      if (text[i] === '\n') i++;
      line++;
      break;
    }
    if (fields.length === 1 && fields[0] === '') continue;
    if (records.length >= limits.maxRecords) return err(`line ${start}: more than ${limits.maxRecords} records (split the file)`);
    records.push({ line: start, fields });
  }
  return ok(records);
}

/** Index of the next comma, CR or LF at or after `from` (the text's length when none). */
function nextDelimiter(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    const c = text[i];
    if (c === ',' || c === '\r' || c === '\n') return i;
  }
  return text.length;
}
