/**
 * The Avalon "MM ID" blob (protocols.md §1.8): one string per module in STATS, made of `KEY[value value …]`
 * tokens, e.g. `Ver[15-194-24102401_25462b2_9ddf522] … MGHS[59459.52 61407.83 63139.66] MTmax[77 78 77]`.
 * A1047 and newer firmware send one module as "MM ID0"; Avalon 7/8 behind an AUC send "MM ID1".."MM IDn",
 * one per miner, in each STATS row. Pure; every value is text until a reader asks for a number.
 */
import { num, str } from '../cgminer-tcp/coerce';
import { sectionRows } from '../cgminer-tcp/lenient-json';

/** One module's tokens: key -> raw text inside the brackets (first occurrence wins). */
export type MmBlob = ReadonlyMap<string, string>;

/** One module as found in a stats reply: which STATS row and key it came from, and its tokens. */
export interface MmModule {
  /** STATS[n].ID of the row ("AVA100", "AV70"); null when absent. */
  rowId: string | null;
  /** "MM ID0", "MM ID1", … */
  key: string;
  blob: MmBlob;
}

// `KEY[...]`: a word, then everything up to the first closing bracket (values never nest brackets).
const TOKEN = /(\w+)\[([^\]]*)\]/g;
/** Some firmware writes the blob as `'STATS': Ver[...] ...` (pyasic strips the prefix the same way). */
const STATS_PREFIX = /^\s*'?STATS'?\s*:\s*/;

/** Parses one blob; text that is not a `KEY[...]` token is ignored, so junk yields an empty map. */
export function parseMmId(text: string): MmBlob {
  const blob = new Map<string, string>();
  for (const m of text.replace(STATS_PREFIX, '').matchAll(TOKEN)) {
    if (!blob.has(m[1])) blob.set(m[1], m[2]);
  }
  return blob;
}

/** Every "MM ID<n>" module of a stats/estats reply body, in row order then module number. */
export function mmModules(statsBody: unknown): MmModule[] {
  const out: MmModule[] = [];
  for (const row of sectionRows(statsBody, 'STATS')) {
    const keys = Object.keys(row)
      .map((k) => ({ k, m: /^MM ID(\d+)$/.exec(k) }))
      .filter((x): x is { k: string; m: RegExpExecArray } => x.m !== null && typeof row[x.k] === 'string')
      .sort((a, b) => Number(a.m[1]) - Number(b.m[1]));
    for (const { k } of keys) {
      const blob = parseMmId(row[k] as string);
      if (blob.size > 0) out.push({ rowId: str(row.ID), key: k, blob });
    }
  }
  return out;
}

/** True when a stats body carries at least one MM ID string (Avalon's signature). */
export function hasMmId(statsBody: unknown): boolean {
  return sectionRows(statsBody, 'STATS').some((row) => Object.keys(row).some((k) => /^MM ID\d+$/.test(k) && typeof row[k] === 'string'));
}

/** The whitespace-separated values of `key`; [] when absent or empty (`FACOPTS0[]`). */
export function mmList(blob: MmBlob, key: string): string[] {
  const raw = blob.get(key);
  return raw === undefined ? [] : raw.trim().split(/\s+/).filter(Boolean);
}

/**
 * The numbers of `key`, one per value: "1.299%" -> 1.299, "49%" -> 49, junk/"inf"/"nan" -> null.
 */
export function mmNums(blob: MmBlob, key: string): Array<number | null> {
  return mmList(blob, key).map((v) => num(v.replace(/%$/, '')));
}

/** The first number of `key` ("WALLPOWER[3731]" -> 3731), or null. */
export function mmNum(blob: MmBlob, key: string): number | null {
  return mmNums(blob, key)[0] ?? null;
}

/** The raw text of `key`, trimmed, or null when absent or empty. */
export function mmText(blob: MmBlob, key: string): string | null {
  return str(blob.get(key));
}
