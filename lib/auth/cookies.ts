/**
 * The cookies Hashwatt sets: `hw_sess` (a signed-in user's session) and `hw_kiosk` (a wall display's
 * kiosk token, set once from the wall URL). httpOnly, SameSite=Lax, Path=/, Secure when the request came
 * over HTTPS. Pure.
 */

export const SESSION_COOKIE = 'hw_sess';
export const KIOSK_COOKIE = 'hw_kiosk';

/** Cookie name → value from a Cookie header (the first of duplicates wins; malformed pairs skipped). */
export function parseCookies(header: string | undefined): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq <= 0) continue;
    const name = part.slice(0, eq).trim();
    let value = part.slice(eq + 1).trim();
    if (value.startsWith('"') && value.endsWith('"')) value = value.slice(1, -1);
    if (!out.has(name)) {
      try {
        out.set(name, decodeURIComponent(value));
      } catch {
        // A value that is not valid percent-encoding is no credential of ours.
      }
    }
  }
  return out;
}

export interface CookieOptions {
  /** Seconds until it expires; 0 deletes it. */
  maxAgeS: number;
  secure: boolean;
}

export function serializeCookie(name: string, value: string, opts: CookieOptions): string {
  const parts = [
    `${name}=${encodeURIComponent(value)}`,
    'Path=/',
    'HttpOnly',
    'SameSite=Lax',
    `Max-Age=${Math.max(0, Math.floor(opts.maxAgeS))}`,
  ];
  if (opts.secure) parts.push('Secure');
  return parts.join('; ');
}
