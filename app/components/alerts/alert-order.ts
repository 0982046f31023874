/**
 * Which alerts a person should see first, and how long things took, for the banner and the alerts screen.
 * Pure: the clock is an argument.
 */
import { spellDurationMs } from '../../../lib/format/duration';
import type { AlertSeverityView, AlertView } from '../../../lib/views/alert-contracts';

/** Higher is worse. */
export const SEVERITY_RANK: Readonly<Record<AlertSeverityView, number>> = { info: 0, warning: 1, critical: 2 };

/** Severity in words, for labels and badges. */
export const SEVERITY_LABEL: Readonly<Record<AlertSeverityView, string>> = { info: 'Info', warning: 'Warning', critical: 'Critical' };

/**
 * True while a snooze holds the alert back. With `nowMs` unknown (server render, first browser render)
 * any snooze counts, so a snoozed alert never flashes into the banner before the clock is read.
 */
export function isSnoozed(alert: Pick<AlertView, 'snoozedUntilMs'>, nowMs: number | null): boolean {
  if (alert.snoozedUntilMs === null) return false;
  return nowMs === null || alert.snoozedUntilMs > nowMs;
}

const byName = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

/**
 * Most severe first, then newest firing first; alerts of one sweep fire at the same moment, so then by
 * site and title in natural order ("a2" before "a10"), then id, so equal alerts keep one order.
 */
export function compareAlerts(a: AlertView, b: AlertView): number {
  return (
    SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] ||
    b.firingAtMs - a.firingAtMs ||
    byName.compare(a.siteName ?? '', b.siteName ?? '') ||
    byName.compare(a.title, b.title) ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

/** The active, unsnoozed alerts in the order the banner lists them. */
export function bannerAlerts(alerts: readonly AlertView[], nowMs: number | null): AlertView[] {
  return alerts.filter((a) => a.resolvedAtMs === null && !isSnoozed(a, nowMs)).sort(compareAlerts);
}

/** The worst severity among `alerts`, or null when there are none. */
export function worstSeverity(alerts: readonly Pick<AlertView, 'severity'>[]): AlertSeverityView | null {
  let worst: AlertSeverityView | null = null;
  for (const a of alerts) if (worst === null || SEVERITY_RANK[a.severity] > SEVERITY_RANK[worst]) worst = a.severity;
  return worst;
}

/** "45 s", "12 min", "30 h 5 min", "2 d 4 h": how long an alert fired (hours up to two days, counted down). */
export function formatDurationMs(ms: number | null | undefined): string {
  if (typeof ms !== 'number' || !Number.isFinite(ms)) return '—';
  return spellDurationMs(ms, 48, Math.floor);
}

/** "in 3 h 5 min" / "12 min ago": a time relative to now. */
export function formatRelativeMs(tsMs: number, nowMs: number): string {
  const delta = tsMs - nowMs;
  return delta > 0 ? `in ${formatDurationMs(delta)}` : `${formatDurationMs(-delta)} ago`;
}

const absoluteFormat = new Map<string, Intl.DateTimeFormat>();

/** "Apr 3, 2028, 14:05:09" in the viewer's zone (or `timeZone`), 24-hour. */
export function formatAbsolute(tsMs: number, timeZone?: string): string {
  const key = timeZone ?? '';
  let df = absoluteFormat.get(key);
  if (!df) {
    df = new Intl.DateTimeFormat('en-US', {
      month: 'short',
      day: 'numeric',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
      timeZone,
    });
    absoluteFormat.set(key, df);
  }
  return df.format(tsMs);
}

/** Resolved alerts per history page (the server page's first one and each "Load older"). */
export const HISTORY_PAGE = 100;

const compactFormat = new Map<string, Intl.DateTimeFormat>();

/**
 * "Nov 24, 20:45" in the viewer's zone, 24-hour; "Nov 24, 2025, 20:45" when not in the year of `nowMs`.
 * For tables, where the full moment goes in the title.
 */
export function formatCompact(tsMs: number, nowMs: number, timeZone?: string): string {
  const sameYear = new Date(tsMs).getFullYear() === new Date(nowMs).getFullYear();
  const key = `${timeZone ?? ''}|${sameYear}`;
  let df = compactFormat.get(key);
  if (!df) {
    df = new Intl.DateTimeFormat('en-US', {
      month: 'short',
      day: 'numeric',
      year: sameYear ? undefined : 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
      timeZone,
    });
    compactFormat.set(key, df);
  }
  return df.format(tsMs);
}

/** Snooze choices offered on the alerts screen, in hours. */
export const SNOOZE_HOURS = [1, 4, 24] as const;

/** `older` added to `history` without duplicates, newest firing first (history pages overlap at their edges). */
export function mergeHistory(history: readonly AlertView[], older: readonly AlertView[]): AlertView[] {
  const byId = new Map(history.map((a) => [a.id, a]));
  for (const a of older) byId.set(a.id, a);
  return [...byId.values()].sort((a, b) => b.firingAtMs - a.firingAtMs || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
}
