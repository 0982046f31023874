/**
 * Pure helpers the cgminer-family drivers use to recognise their devices from probe replies: the
 * STATUS Description every reply carries and the first row of a section.
 */
import { obj, str } from './coerce';
import { replyStatus, sectionRows } from './lenient-json';
import type { ProbeReplies } from '../types';

/** Descriptions of every cgminer probe reply that has one ("cgminer 1.0.0", "BOSminer+ 0.2.0-…"). */
export function probeDescriptions(probe: ProbeReplies): string[] {
  const c = probe.cgminer;
  if (!c) return [];
  return [c.version, c.stats, c.devdetails, c.summary]
    .map((b) => (b ? (replyStatus(obj(b) ?? {})?.description ?? null) : null))
    .filter((d): d is string => d !== null);
}

/** First row of `section` in a probe reply body, or an empty record. */
export function probeRow(body: object | null | undefined, section: string): Record<string, unknown> {
  return sectionRows(body ?? null, section)[0] ?? {};
}

/** Every row of `section` in a probe reply body. */
export function probeRows(body: object | null | undefined, section: string): Record<string, unknown>[] {
  return sectionRows(body ?? null, section);
}

/** True when any string value of the first VERSION or STATS row, or any Description, matches `re`. */
export function probeMentions(probe: ProbeReplies, re: RegExp): boolean {
  if (probeDescriptions(probe).some((d) => re.test(d))) return true;
  const c = probe.cgminer;
  if (!c) return false;
  const rows = [probeRow(c.version, 'VERSION'), ...probeRows(c.stats, 'STATS').slice(0, 2)];
  return rows.some((row) => Object.entries(row).some(([k, v]) => re.test(k) || (str(v) !== null && re.test(String(v)))));
}
