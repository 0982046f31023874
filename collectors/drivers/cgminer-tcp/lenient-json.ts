/**
 * Parsing of cgminer-family API replies (protocols.md §1.1). Strict JSON.parse first; only when that fails,
 * the "robust parse recipe" of real firmware quirks is applied, string-aware so text inside values is never
 * rewritten. Pure: no I/O.
 */
import type { PoolReading } from '../../../lib/domain/reading';
import { MAX_REPLY_DEPTH, nestsDeeperThan, tooDeepError } from '../reply-depth';
import { DeviceError } from '../types';
import { num, obj, previewJson, str } from './coerce';

export { MAX_REPLY_DEPTH, nestsDeeperThan };

/** The STATUS block of the envelope. Letter: S success, I info, W warning, E error, F fatal. */
export interface CgminerStatus {
  letter: string;
  code: number | null;
  msg: string;
  description: string | null;
}

/** A parsed reply: the loosely typed top-level object plus what was needed to read it. */
export interface CgminerReply {
  command: string;
  body: Record<string, unknown>;
  status: CgminerStatus | null;
  /** Names of the lenient repairs that were applied; empty when the reply was strict JSON. */
  repairs: string[];
}

/**
 * Parses one reply to `command`. Throws DeviceError 'garbage' (empty, nested deeper than MAX_REPLY_DEPTH,
 * or not JSON after repairs),
 * 'truncated' (a JSON start whose braces never close) or 'api-error' (STATUS E/F: "<Msg> (code <Code>)").
 * `source` ("10.0.0.5:4028") is only used to make messages specific.
 */
export function parseCgminerReply(raw: string, command: string, source?: string): CgminerReply {
  const where = source ? ` from ${source}` : '';
  // Servers append one NUL (some several); some add a newline.
  const text = trimTail(raw.replace(/^[\s\uFEFF]+/, ''));
  if (text === '') throw new DeviceError('garbage', `empty reply to "${command}"${where}`);
  if (nestsDeeperThan(text, MAX_REPLY_DEPTH)) throw tooDeepError(`reply to "${command}"${where}`);

  let parsed: unknown;
  let repairs: string[] = [];
  try {
    parsed = JSON.parse(text);
  } catch {
    const fixed = repairCgminerJson(text);
    repairs = fixed.repairs;
    try {
      parsed = JSON.parse(fixed.text);
    } catch {
      if (looksTruncated(fixed.text)) {
        throw new DeviceError('truncated', `reply to "${command}"${where} cut short after ${byteLength(raw)} bytes (unclosed JSON)`);
      }
      throw new DeviceError('garbage', `reply to "${command}"${where} is not JSON: ${preview(text)}`);
    }
  }

  const body = obj(parsed);
  if (!body) {
    throw new DeviceError('garbage', `reply to "${command}"${where} is JSON but not an object: ${preview(text)}`);
  }
  const status = replyStatus(body);
  if (status && (status.letter === 'E' || status.letter === 'F')) {
    throw new DeviceError('api-error', `${status.msg} (code ${status.code ?? '?'})`);
  }
  return { command, body, status, repairs };
}

/**
 * The lenient repairs, in recipe order, each applied only outside string literals (except the ones that
 * are about string contents). Returns the new text and the names of the repairs that changed something.
 */
export function repairCgminerJson(input: string): { text: string; repairs: string[] } {
  const repairs: string[] = [];
  const note = (name: string, before: string, after: string) => {
    if (before !== after) repairs.push(name);
    return after;
  };

  let text = input;
  // Avalon garbage start: the reply begins in the middle of an object.
  text = note('leading-comma', text, text.replace(/^\s*,/, '{'));

  const segs = segments(text);
  let prevWasString = false;
  for (let i = 0; i < segs.length; i++) {
    const seg = segs[i];
    if (seg.inString) {
      // btminer 2023-01-06: "...""temp0": two string literals back to back, the comma between them lost.
      if (prevWasString) seg.text = note('missing-comma-between-strings', seg.text, `,${seg.text}`);
      // btminer M20S: "Firmware Version":"\'20200917.22.REL\'" (\' is not a JSON escape).
      seg.text = note('backslash-apostrophe', seg.text, seg.text.replace(/(?<!\\)((?:\\\\)*)\\'/g, "$1'"));
      // btminer newline: raw control characters inside a value; escape rather than drop them.
      seg.text = note('control-char-in-string', seg.text, seg.text.replace(/[\u0000-\u001f]/g, escapeControl));
      prevWasString = true;
      continue;
    }
    let t = seg.text;
    if (prevWasString && i + 1 < segs.length && /^\s*$/.test(t)) t = note('missing-comma-between-strings', t, `${t},`);
    // bmminer/cgminer: STATS[0] and STATS[1] without a comma between.
    t = note('missing-comma-between-objects', t, t.replace(/}\s*{/g, '},{'));
    t = note('trailing-comma', t, t.replace(/,\s*([}\]])/g, '$1'));
    t = note('leading-comma-in-array', t, t.replace(/\[\s*,/g, '['));
    // Avalon bare inf/nan; null (not pyasic's 0) so a broken reading stays unknown instead of "zero".
    t = note('inf-nan', t, t.replace(/-?\b(?:inf(?:inity)?|nan)\b/gi, 'null'));
    seg.text = t;
    prevWasString = false;
  }
  text = segs.map((s) => s.text).join('');

  // Whatsminer API 2.0.4: "error_code":["110":"...", ...] is a dict written with list brackets.
  text = note('error-code-list', text, text.replace(/("error_code"\s*:\s*)\[(\s*"[^"\\]*"\s*:[^[\]{}]*)\]/g, '$1{$2}'));
  return { text, repairs: [...new Set(repairs)] };
}

/** The envelope STATUS as an array, an object (web API) or flat in the body (btminer `{"cmd":"status"}`). */
export function replyStatus(body: Record<string, unknown>): CgminerStatus | null {
  const s = body.STATUS;
  const rec = Array.isArray(s) ? obj(s[0]) : typeof s === 'string' ? body : obj(s);
  if (!rec) return null;
  const letter = str(rec.STATUS)?.toUpperCase() ?? '';
  const msg = typeof rec.Msg === 'string' ? rec.Msg : rec.Msg === undefined ? '' : previewJson(rec.Msg);
  return { letter, code: num(rec.Code), msg, description: str(rec.Description) };
}

/** The objects of one section (`STATS`, `SUMMARY`, `POOLS`, `DEVS`…); [] when absent. */
export function sectionRows(body: unknown, section: string): Record<string, unknown>[] {
  const v = obj(body)?.[section];
  if (Array.isArray(v)) return v.map(obj).filter((r): r is Record<string, unknown> => r !== null);
  const single = obj(v);
  return single ? [single] : [];
}

/** Configured pools from a `pools` reply; empty slots (URL "") are left out. */
/** The SUMMARY row every cgminer-family reading starts from, or the DeviceError saying it is missing. */
export function summaryRow(body: unknown): Record<string, unknown> {
  const row = sectionRows(body, 'SUMMARY')[0];
  if (!row) throw new DeviceError('unexpected', 'summary reply has no SUMMARY[0]');
  return row;
}

export function poolsFromReply(body: unknown): PoolReading[] {
  const pools: PoolReading[] = [];
  for (const row of sectionRows(body, 'POOLS')) {
    const url = str(row.URL);
    if (!url) continue;
    pools.push({
      url,
      user: str(row.User) ?? '',
      status: str(row.Status) ?? '',
      accepted: num(row.Accepted) ?? 0,
      rejected: num(row.Rejected) ?? 0,
    });
  }
  return pools;
}

interface Segment {
  inString: boolean;
  text: string;
}

/** Splits text into string literals (quotes included) and the structure between them. */
function segments(text: string): Segment[] {
  const out: Segment[] = [];
  let start = 0;
  let i = 0;
  while (i < text.length) {
    if (text[i] !== '"') {
      i++;
      continue;
    }
    if (i > start) out.push({ inString: false, text: text.slice(start, i) });
    let j = i + 1;
    while (j < text.length && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
    const end = Math.min(j + 1, text.length);
    out.push({ inString: true, text: text.slice(i, end) });
    start = i = end;
  }
  if (start < text.length) out.push({ inString: false, text: text.slice(start) });
  return out;
}

/** A JSON start whose brackets never close, or that ends inside a string: the server closed mid-reply. */
function looksTruncated(text: string): boolean {
  if (!/^[{[]/.test(text)) return false;
  let depth = 0;
  for (const seg of segments(text)) {
    if (seg.inString) {
      if (seg.text.length < 2 || !seg.text.endsWith('"') || /(?<!\\)(\\\\)*\\"$/.test(seg.text)) return true;
      continue;
    }
    for (const ch of seg.text) {
      if (ch === '{' || ch === '[') depth++;
      else if (ch === '}' || ch === ']') depth--;
    }
  }
  return depth > 0;
}

/** `text` without trailing whitespace and NULs; a loop from the end, since /[\s\0]+$/ tries every space of a reply. */
function trimTail(text: string): string {
  let end = text.length;
  while (end > 0 && TAIL_CHAR.test(text[end - 1])) end--;
  return end === text.length ? text : text.slice(0, end);
}
const TAIL_CHAR = /[\s\0]/;

function escapeControl(ch: string): string {
  if (ch === '\n') return '\\n';
  if (ch === '\r') return '\\r';
  if (ch === '\t') return '\\t';
  return `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

function preview(text: string): string {
  const s = text.slice(0, 40).replace(/[\u0000-\u001f]/g, ' ');
  return JSON.stringify(text.length > 40 ? `${s}…` : s);
}

function byteLength(raw: string): number {
  return Buffer.byteLength(raw, 'utf8');
}
