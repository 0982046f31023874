/** Type-to-find on the heat map: letters typed within a second build a name; the cursor goes to its rig. Pure. */
import type { RigCell } from '../../../lib/domain/rig-cell';

/** Keys typed closer together than this continue one search. */
export const TYPEAHEAD_RESET_MS = 1000;

/** The search text after `key` typed at `atMs`. */
export function nextTypeahead(prev: { text: string; atMs: number }, key: string, atMs: number): { text: string; atMs: number } {
  return { text: atMs - prev.atMs <= TYPEAHEAD_RESET_MS ? prev.text + key : key, atMs };
}

/**
 * The cell to move to for `text`: the rig named exactly so, else the first whose name starts with it after
 * `from` (wrapping), case-insensitively; `from` when none matches.
 */
export function typeaheadMatch(cells: readonly Pick<RigCell, 'name'>[], text: string, from: number): number {
  const t = text.toLowerCase();
  const exact = cells.findIndex((c) => c.name.toLowerCase() === t);
  if (exact >= 0) return exact;
  for (let k = 1; k <= cells.length; k++) {
    const i = (from + k + cells.length) % cells.length;
    if (cells[i].name.toLowerCase().startsWith(t)) return i;
  }
  return from;
}
