/**
 * Real-time tariffs: a price read from a feed (JSON or CSV) that the collector fetches. Parsing is pure
 * and here; fetching is collectors/sources/tariff-feed.ts. What price is in force when the feed stops is
 * price-in-force.ts.
 */
import type { RealtimeTariff } from './schema';
import { describeValue } from '../../util/describe-value';

/** What one read of a feed yields: the price per kWh and, when the feed has a time field, its time. */
export interface FeedPrice {
  pricePerKwh: number;
  atMs: number | null;
}

/** The parts of a real-time tariff that say how to read its feed. */
export type FeedFormat = Pick<RealtimeTariff, 'format' | 'priceField' | 'timeField' | 'unit'>;

const KWH_PER_MWH = 1000;

function describe(v: unknown): string {
  if (Array.isArray(v)) return `an array of ${v.length} items`;
  if (v === null) return 'null';
  return typeof v === 'object' ? 'an object' : describeValue(v);
}

/**
 * Follows a path like "data.0.price" or "data[0].price". A negative index counts from the end, and an
 * array met by a name is read at its last item: feeds list intervals oldest first, like a CSV's rows.
 */
function atPath(root: unknown, path: string, what: string): unknown {
  if (typeof root === 'object' && root !== null && !Array.isArray(root) && Object.hasOwn(root, path)) {
    return (root as Record<string, unknown>)[path];
  }
  const segments = path
    .replace(/\[(-?\d+)\]/g, '.$1')
    .split('.')
    .filter((s) => s !== '');
  let cur: unknown = root;
  for (const seg of segments) {
    if (Array.isArray(cur) && !/^-?\d+$/.test(seg)) cur = cur[cur.length - 1];
    if (Array.isArray(cur)) {
      const i = Number(seg) < 0 ? cur.length + Number(seg) : Number(seg);
      if (i < 0 || i >= cur.length) throw new Error(`${what} "${path}" not in the feed: index ${seg} of an array of ${cur.length} items`);
      cur = cur[i];
    } else if (typeof cur === 'object' && cur !== null && Object.hasOwn(cur, seg)) {
      cur = (cur as Record<string, unknown>)[seg];
    } else {
      throw new Error(`${what} "${path}" not in the feed: no "${seg}" in ${describe(cur)}`);
    }
  }
  return cur;
}

function toNumber(v: unknown, what: string, path: string): number {
  const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v.trim()) : Number.NaN;
  if (!Number.isFinite(n)) throw new Error(`${what} "${path}" is not a number (got ${describe(v)})`);
  return n;
}

/** Epoch seconds or milliseconds (told apart by size), or an ISO date; a time without an offset is UTC. */
function toTimeMs(v: unknown, path: string): number {
  if (typeof v === 'number' || (typeof v === 'string' && /^\s*\d+(\.\d+)?\s*$/.test(v))) {
    const n = Number(v);
    // 1e11 s is the year 5138, 1e11 ms is 1973: below it the number must be seconds.
    return n < 1e11 ? Math.round(n * 1000) : Math.round(n);
  }
  if (typeof v === 'string') {
    const s = v.trim();
    const noOffset = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(s);
    const ms = Date.parse(noOffset ? `${s.replace(' ', 'T')}Z` : s);
    if (Number.isFinite(ms)) return ms;
  }
  throw new Error(`time field "${path}" is not a date or epoch time (got ${describe(v)})`);
}

/** Splits one CSV line on `sep`, honouring double quotes ("a,b" and "" escapes). */
function csvFields(line: string, sep: string): string[] {
  const out: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted && c === '"' && line[i + 1] === '"') {
      field += '"';
      i++;
    } else if (c === '"') {
      quoted = !quoted;
    } else if (c === sep && !quoted) {
      out.push(field.trim());
      field = '';
    } else {
      field += c;
    }
  }
  out.push(field.trim());
  return out;
}

function parseCsv(body: string, format: FeedFormat): { price: unknown; time: unknown } {
  const lines = body.split(/\r?\n/).filter((l) => l.trim() !== '');
  if (lines.length === 0) throw new Error('the feed is empty');
  const header = lines[0];
  const sep = header.includes('\t') ? '\t' : header.includes(';') && !header.includes(',') ? ';' : ',';
  const columns = csvFields(header, sep).map((c) => c.toLowerCase());
  const column = (name: string, what: string) => {
    const i = columns.indexOf(name.trim().toLowerCase());
    if (i < 0) throw new Error(`${what} "${name}" not in the CSV header (columns: ${columns.join(', ')})`);
    return i;
  };
  const priceAt = column(format.priceField, 'price column');
  const timeAt = format.timeField ? column(format.timeField, 'time column') : -1;
  if (lines.length < 2) throw new Error('the CSV has a header but no data rows');
  const row = csvFields(lines[lines.length - 1], sep);
  return { price: row[priceAt], time: timeAt >= 0 ? row[timeAt] : undefined };
}

function parseJson(body: string, format: FeedFormat): { price: unknown; time: unknown } {
  let root: unknown;
  try {
    root = JSON.parse(body);
  } catch {
    // Its size, never its text: a feed URL may point at something that is not meant to be shown.
    throw new Error(`the feed is not valid JSON (${body.length} characters)`);
  }
  return {
    price: atPath(root, format.priceField, 'price field'),
    time: format.timeField ? atPath(root, format.timeField, 'time field') : undefined,
  };
}

/**
 * Reads the latest price from a feed body: a JSON path or the last row of a CSV column, converted to per
 * kWh. Negative prices are kept (wholesale markets do pay consumers at times). Throws a one-line Error
 * saying what is wrong with the body.
 */
export function parseRealtimeFeed(body: string, format: FeedFormat): FeedPrice {
  if (body.trim() === '') throw new Error('the feed is empty');
  const raw = format.format === 'csv' ? parseCsv(body, format) : parseJson(body, format);
  const price = toNumber(raw.price, format.format === 'csv' ? 'price column' : 'price field', format.priceField);
  return {
    pricePerKwh: format.unit === 'MWh' ? price / KWH_PER_MWH : price,
    atMs: format.timeField ? toTimeMs(raw.time, format.timeField) : null,
  };
}
