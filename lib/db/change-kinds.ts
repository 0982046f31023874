/**
 * The change log's kinds: one typed union shared by every writer (lib/db/mutations) and the one reader
 * (lib/db/queries/changes.ts, the web server's tailer and backfill). A kind nobody reads is not written.
 */

/** Every kind a `changes` row may have, with what the reader does with it. */
export const CHANGE_KINDS = [
  /** A sweep committed (written last, marks it complete); payload: its SweepSummary. Live: history point + cells. */
  'sweep',
  /** A sweep's economics committed; payload { sweepId }. Live: fleet and site economics, cells' profit bands. */
  'economics',
  /** Rigs added, edited, moved or removed: browsers reload their snapshot. */
  'rigs-changed',
  /** A site's settings (name, zone, tariff, pools, GPU revenue): browsers reload their snapshot. */
  'site-settings',
  /** Alert thresholds changed: cells' temperature bands are recomputed. */
  'alert-settings',
  /** A market source (network, price) was read or reconfigured: a market delta. */
  'source',
  /** Alerts fired, resolved or were acknowledged: the active list. */
  'alerts',
  /** Who may see what changed (users, tokens): open sockets are authorized again. */
  'access',
] as const;

export type ChangeKind = (typeof CHANGE_KINDS)[number];

/** True for a kind this version knows (a row of an older version's kind is skipped). */
export function isChangeKind(kind: string): kind is ChangeKind {
  return (CHANGE_KINDS as readonly string[]).includes(kind);
}
