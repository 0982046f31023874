/**
 * "45 s", "12 min", "3 h 5 min", "2 d 4 h": a duration in words, as the alerts screen and notifications
 * show it. Pure.
 */

/**
 * Spells `ms` in its two largest units: seconds under a minute, minutes under an hour, hours (and minutes)
 * under `daysFromH` hours, then days (and hours). `toSeconds` rounds the seconds (Math.floor: how long so
 * far; Math.round: the nearest figure). Negative durations are 0 s.
 */
export function spellDurationMs(ms: number, daysFromH: number, toSeconds: (seconds: number) => number): string {
  const s = Math.max(0, toSeconds(ms / 1000));
  if (s < 60) return `${s} s`;
  const min = Math.floor(s / 60);
  if (min < 60) return `${min} min`;
  const h = Math.floor(min / 60);
  if (h < daysFromH) return min % 60 === 0 ? `${h} h` : `${h} h ${min % 60} min`;
  const d = Math.floor(h / 24);
  return h % 24 === 0 ? `${d} d` : `${d} d ${h % 24} h`;
}
