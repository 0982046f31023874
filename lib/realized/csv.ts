/** The realized reports' CSV: the one writer in lib/util/csv.ts (RFC 4180, formula-safe, numbers as numbers). */
export { csvCell, toCsv, type CsvCell } from '../util/csv';
