/**
 * Quiet hours per channel, by the local wall clock of a time zone: "22:00"-"07:00" spans midnight, and
 * because the window is read off the wall clock it stays 22:00-07:00 local across DST changes (the night
 * is an hour shorter or longer in real time). start == end is an empty window (never quiet). Pure.
 */

export interface QuietHours {
  /** "HH:MM", 24-hour, inclusive. */
  start: string;
  /** "HH:MM", 24-hour, exclusive. */
  end: string;
  /** IANA time zone, e.g. "Europe/Berlin". */
  timeZone: string;
}

const HHMM = /^([01]\d|2[0-3]):([0-5]\d)$/;
const MINUTE_MS = 60_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

/** Minutes after local midnight of "HH:MM"; throws naming the field on anything else. */
export function parseClockMinutes(text: string, field = 'time'): number {
  const m = HHMM.exec(text);
  if (!m) throw new Error(`quiet hours ${field} must be HH:MM from 00:00 to 23:59 (got ${JSON.stringify(text)})`);
  return Number(m[1]) * 60 + Number(m[2]);
}

/** True when `timeZone` is an IANA zone this runtime knows. */
export function isKnownTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}

/** Minutes after local midnight at `tsMs` in `timeZone`, by the wall clock. */
export function localMinuteOfDay(tsMs: number, timeZone: string): number {
  let f = formatters.get(timeZone);
  if (!f) {
    try {
      f = new Intl.DateTimeFormat('en-US', { timeZone, hour: 'numeric', minute: 'numeric', hourCycle: 'h23' });
    } catch {
      throw new Error(`quiet hours time zone ${JSON.stringify(timeZone)} is not a known IANA time zone`);
    }
    formatters.set(timeZone, f);
  }
  let hour = -1;
  let minute = -1;
  for (const part of f.formatToParts(tsMs)) {
    if (part.type === 'hour') hour = Number(part.value);
    else if (part.type === 'minute') minute = Number(part.value);
  }
  if (!(hour >= 0 && minute >= 0)) throw new Error(`cannot read the local time in time zone ${timeZone}`);
  return hour * 60 + minute;
}

/** Whether `nowMs` falls in the quiet window [start, end) of the local day (wrapping past midnight). */
export function inQuietHours(nowMs: number, quiet: QuietHours): boolean {
  const start = parseClockMinutes(quiet.start, 'start');
  const end = parseClockMinutes(quiet.end, 'end');
  const now = localMinuteOfDay(nowMs, quiet.timeZone);
  if (start === end) return false;
  return start < end ? now >= start && now < end : now >= start || now < end;
}

/**
 * The first instant at or after `nowMs` outside quiet hours (`nowMs` itself when not quiet): when a message
 * held back by quiet hours may go. On a spring-forward night whose end time does not exist it is the first
 * wall-clock minute after the gap.
 */
export function quietHoursEndMs(nowMs: number, quiet: QuietHours): number {
  if (!inQuietHours(nowMs, quiet)) return nowMs;
  const end = parseClockMinutes(quiet.end, 'end');
  const wallMinutesLeft = (end - localMinuteOfDay(nowMs, quiet.timeZone) + 1440) % 1440;
  // The real end lies within an hour of the wall-clock guess (DST shifts are at most an hour); the window
  // is quiet from now until then, so scan forward minute by minute from just before the earliest candidate.
  const guessMs = nowMs + wallMinutesLeft * MINUTE_MS;
  let t = Math.max(Math.floor(nowMs / MINUTE_MS) * MINUTE_MS, guessMs - 90 * MINUTE_MS);
  t = Math.floor(t / MINUTE_MS) * MINUTE_MS;
  for (let i = 0; i < 240; i++, t += MINUTE_MS) {
    if (t > nowMs && !inQuietHours(t, quiet)) return t;
  }
  throw new Error(`quiet hours ${quiet.start}-${quiet.end} in ${quiet.timeZone} did not end near the expected time`);
}
