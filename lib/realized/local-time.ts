/**
 * Local calendar arithmetic in an IANA time zone, through Intl (no library): the UTC offset at an
 * instant, the start of the local hour an instant falls in, its local day, and the instants a local day
 * starts and ends. A DST day has 23 or 25 local hours: its hours are real hours, one bucket each.
 */
const MS_PER_HOUR = 3_600_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The local wall-clock fields at `tsMs` in `timeZone`. */
function localFields(tsMs: number, timeZone: string) {
  const out: Record<string, number> = {};
  for (const p of formatter(timeZone).formatToParts(tsMs)) if (p.type !== 'literal') out[p.type] = Number(p.value);
  return { year: out.year, month: out.month, day: out.day, hour: out.hour % 24, minute: out.minute, second: out.second };
}

/** The zone's offset from UTC at `tsMs`, ms (e.g. -6 h for Chicago in winter). */
export function utcOffsetMs(tsMs: number, timeZone: string): number {
  const f = localFields(tsMs, timeZone);
  const asUtc = Date.UTC(f.year, f.month - 1, f.day, f.hour, f.minute, f.second);
  return asUtc - Math.floor(tsMs / 1000) * 1000;
}

/** The instant the local hour containing `tsMs` started. */
export function localHourStartMs(tsMs: number, timeZone: string): number {
  const local = tsMs + utcOffsetMs(tsMs, timeZone);
  return tsMs - (((local % MS_PER_HOUR) + MS_PER_HOUR) % MS_PER_HOUR);
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** The local calendar day of `tsMs`, YYYY-MM-DD. */
export function localDay(tsMs: number, timeZone: string): string {
  const f = localFields(tsMs, timeZone);
  return `${pad(f.year, 4)}-${pad(f.month)}-${pad(f.day)}`;
}

/** Whether `text` is a real calendar day written YYYY-MM-DD. */
export function isDay(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const ms = Date.parse(`${text}T00:00:00Z`);
  return Number.isFinite(ms) && new Date(ms).toISOString().slice(0, 10) === text;
}

/** The day after (or `n` days after) `day`. */
export function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}

/**
 * The instant local day `day` starts in `timeZone` (its first local instant: midnight, or the first
 * moment after a gap when midnight itself is skipped).
 */
export function localDayStartMs(day: string, timeZone: string): number {
  const midnightUtc = Date.parse(`${day}T00:00:00Z`);
  // Offsets are within ±14 h: the local midnight lies within a day of UTC midnight. Two passes settle DST.
  let guess = midnightUtc - utcOffsetMs(midnightUtc, timeZone);
  guess = midnightUtc - utcOffsetMs(guess, timeZone);
  // A zone that skips midnight: step to the first hour of the day.
  while (localDay(guess, timeZone) < day) guess += MS_PER_HOUR;
  while (localDay(guess - MS_PER_HOUR, timeZone) === day) guess -= MS_PER_HOUR;
  return guess;
}

/** `tsMs` as ISO 8601 local time with the zone's offset, e.g. 2026-03-08T00:00:00-06:00. */
export function isoWithOffset(tsMs: number, timeZone: string): string {
  const f = localFields(tsMs, timeZone);
  const offMin = Math.round(utcOffsetMs(tsMs, timeZone) / 60_000);
  const sign = offMin < 0 ? '-' : '+';
  const abs = Math.abs(offMin);
  return `${pad(f.year, 4)}-${pad(f.month)}-${pad(f.day)}T${pad(f.hour)}:${pad(f.minute)}:${pad(f.second)}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}
