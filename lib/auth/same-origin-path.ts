/**
 * Where a redirect may send a browser: only to a path on this site. The candidate is resolved against a
 * stand-in for the site's origin (URL parsing drops tabs and newlines and folds dot segments exactly as a
 * browser does) and kept only when it stays on that origin; control characters and backslashes, raw or
 * percent-encoded, are refused outright because browsers strip or reinterpret them (`/\t/evil` is read as
 * `//evil`, `/\evil` as `//evil`). Pure.
 */

/** Stands in for the site's origin: a relative path resolves onto it, anything else leaves it. */
const SITE = 'http://hashwatt.invalid';
/** C0 controls, DEL and the backslash. */
const UNSAFE_CHAR = /[\u0000-\u001f\u007f\\]/;
/** The longest target kept (longer ones are refused, never cut). */
export const REDIRECT_PATH_MAX_CHARS = 2048;

/** Each %XX decoded to its character, malformed escapes left as they are (never throws). */
function decodeEscapes(text: string): string {
  return text.replace(/%([0-9a-f]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/**
 * The path, query and fragment `raw` names on this site, normalised (`/a/./b` → `/a/b`), or null when it
 * is not a same-origin path: absolute and protocol-relative URLs, anything with a control character or a
 * backslash (also percent-encoded), and whatever a browser would read as another host.
 */
export function sameOriginPath(raw: string): string | null {
  if (raw.length === 0 || raw.length > REDIRECT_PATH_MAX_CHARS || !raw.startsWith('/')) return null;
  const decoded = decodeEscapes(raw);
  if (UNSAFE_CHAR.test(raw) || UNSAFE_CHAR.test(decoded)) return null;
  let url: URL;
  try {
    url = new URL(raw, SITE);
  } catch {
    return null;
  }
  if (url.origin !== SITE) return null;
  // `/.//evil` resolves to the path `//evil`, which a Location header sends to the host "evil".
  if (url.pathname.startsWith('//') || decodeEscapes(url.pathname).startsWith('//')) return null;
  return `${url.pathname}${url.search}${url.hash}`;
}
