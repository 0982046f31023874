/**
 * Pure rendering of a notification to text within a channel's size limit. Truncation keeps whole alerts
 * while they fit, then says how many were left out; it never splits a surrogate pair.
 */
import { spellDurationMs } from '../format/duration';
import type { AlertMessage, AlertNotification } from './types';

/** Size limits of the receivers (characters are UTF-16 code units, which is what Telegram counts). */
export const LIMITS = {
  discordContentChars: 2000,
  discordEmbedTitleChars: 256,
  discordEmbedDescriptionChars: 4096,
  telegramTextChars: 4096,
  slackHeaderChars: 150,
  slackSectionChars: 3000,
  slackTextChars: 40_000,
  /** ntfy turns longer messages into attachments. */
  ntfyMessageBytes: 4096,
  ntfyTitleChars: 250,
  emailSubjectChars: 200,
} as const;

/** How a limit is counted. */
export type Measure = 'chars' | 'utf8-bytes';

const ELLIPSIS = '…';

export function measureText(text: string, measure: Measure): number {
  return measure === 'chars' ? text.length : Buffer.byteLength(text, 'utf8');
}

/** `text` if it fits in `max`, else its longest prefix (whole code points) plus "…" that does. */
export function truncateText(text: string, max: number, measure: Measure = 'chars'): string {
  if (!Number.isInteger(max) || max < 1) throw new Error(`a text limit must be a whole number >= 1 (got ${max})`);
  if (measureText(text, measure) <= max) return text;
  const budget = max - measureText(ELLIPSIS, measure);
  if (budget < 0) return '';
  let out = '';
  let used = 0;
  for (const ch of text) {
    const size = measureText(ch, measure);
    if (used + size > budget) break;
    out += ch;
    used += size;
  }
  return out.trimEnd() + ELLIPSIS;
}

/** "2024-07-01 05:00 UTC". */
export function formatUtc(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** "45 s", "20 min", "3 h 5 min", "2 d 4 h" (the nearest second; days from 24 h). */
export function formatDurationMs(ms: number): string {
  return spellDurationMs(ms, 24, Math.round);
}

/** "[FIRING] S19-07 is losing money", or for a group "[2 FIRING, 1 RESOLVED] Site A: 3 alerts". */
export function renderTitle(n: AlertNotification): string {
  if (n.alerts.length === 0) throw new Error(`notification ${n.groupKey} has no alerts`);
  if (n.alerts.length === 1) return `[${n.alerts[0].state.toUpperCase()}] ${n.alerts[0].title}`;
  const firing = n.alerts.filter((a) => a.state === 'firing').length;
  const resolved = n.alerts.length - firing;
  const counts = [firing ? `${firing} FIRING` : '', resolved ? `${resolved} RESOLVED` : ''].filter(Boolean).join(', ');
  return `[${counts}] ${n.siteName}: ${n.alerts.length} alerts`;
}

/** The lines of one alert: status line, title, detail, body, times, link. */
export function renderAlert(a: AlertMessage): string {
  const lines = [`${a.state.toUpperCase()} · ${a.severity} · ${a.subject} · ${a.rule}`, a.title, a.detail];
  if (a.body.trim() !== '') lines.push(a.body.trim());
  if (a.state === 'resolved' && a.resolvedAtMs !== undefined) {
    lines.push(`resolved ${formatUtc(a.resolvedAtMs)} after ${formatDurationMs(a.resolvedAtMs - a.startedAtMs)}`);
  } else {
    lines.push(`since ${formatUtc(a.startedAtMs)}`);
  }
  if (a.dashboardUrl) lines.push(a.dashboardUrl);
  return lines.filter((l) => l !== '').join('\n');
}

/** The alerts as text within `max`: whole alerts while they fit, then "… and N more alerts". */
export function renderBody(n: AlertNotification, max: number, measure: Measure = 'chars'): string {
  const blocks = n.alerts.map(renderAlert);
  const all = blocks.join('\n\n');
  if (measureText(all, measure) <= max) return all;
  for (let kept = blocks.length - 1; kept >= 1; kept--) {
    const more = blocks.length - kept;
    const text = `${blocks.slice(0, kept).join('\n\n')}\n\n… and ${more} more alert${more === 1 ? '' : 's'}`;
    if (measureText(text, measure) <= max) return text;
  }
  return truncateText(blocks[0], max, measure);
}

export interface RenderedText {
  title: string;
  body: string;
  /** Title, blank line, body: within the limit as a whole. */
  text: string;
}

/** Title and body that together (joined by a blank line) fit in `max`; the title gets at most a third. */
export function renderText(n: AlertNotification, max: number, measure: Measure = 'chars'): RenderedText {
  const title = truncateText(renderTitle(n), Math.max(1, Math.floor(max / 3)), measure);
  const room = max - measureText(title, measure) - 2;
  const body = room >= 1 ? renderBody(n, room, measure) : '';
  return { title, body, text: body === '' ? title : `${title}\n\n${body}` };
}

/**
 * The longest rendering whose escaped form fits in `max`: escaping (HTML, mrkdwn, markdown) grows the text,
 * so the plain-text budget shrinks until the escaped text fits.
 */
export function fitEscaped(
  renderPlain: (budget: number) => string,
  escape: (text: string) => string,
  max: number,
  measure: Measure = 'chars',
): string {
  let budget = max;
  for (;;) {
    const out = escape(renderPlain(budget));
    const size = measureText(out, measure);
    if (size <= max) return out;
    if (budget <= 1) return '';
    // Shrink in proportion to the overshoot (escapes spread over the text), by at least one.
    budget = Math.max(1, Math.min(budget - 1, Math.floor((budget * max) / size)));
  }
}
