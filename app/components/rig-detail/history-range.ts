/**
 * The rig page's chart range: read from the URL query (?range=7d), labelled for the range buttons, and
 * turned into the history API's address. Pure.
 */
import { HISTORY_RANGES, isHistoryRange, type HistoryRange } from '../../../lib/history/ranges';

/** What the page shows when the URL names no range, or one it does not know. */
export const DEFAULT_RANGE: HistoryRange = '24h';

/** Button labels, in HISTORY_RANGES order. */
export const RANGE_LABELS: Readonly<Record<HistoryRange, string>> = {
  '1h': '1 h',
  '24h': '24 h',
  '7d': '7 d',
  '30d': '30 d',
  '1y': '1 y',
};

/** The ranges in button order, with their labels. */
export const RANGE_OPTIONS: readonly { value: HistoryRange; label: string }[] = HISTORY_RANGES.map((value) => ({
  value,
  label: RANGE_LABELS[value],
}));

/** `?range=` as Next hands it to a page (absent, one value or repeated): the first known value, else 24 h. */
export function parseRangeParam(raw: string | readonly string[] | null | undefined): HistoryRange {
  const value = Array.isArray(raw) ? raw[0] : raw;
  return isHistoryRange(value) ? value : DEFAULT_RANGE;
}

/** GET address of a rig's history over `range`. */
export function historyUrl(rigId: number, range: HistoryRange): string {
  return `/api/rigs/${rigId}/history?range=${encodeURIComponent(range)}`;
}

/** `search` (a location's "?a=1&range=1h") with the range set, keeping any other parameters. */
export function searchWithRange(search: string, range: HistoryRange): string {
  const params = new URLSearchParams(search);
  params.set('range', range);
  return `?${params.toString()}`;
}

/** A path id ("12") as a rig id, or null when it is not a positive whole number ("0", "1.5", "12abc"). */
export function parseRigId(raw: string): number | null {
  if (!/^[1-9][0-9]{0,15}$/.test(raw)) return null;
  const id = Number(raw);
  return Number.isSafeInteger(id) ? id : null;
}
