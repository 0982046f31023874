/**
 * Cross-site request forgery check for requests carried by a cookie (a Bearer token is never sent by a
 * browser on its own, so it needs none): a state-changing request must come from a page of this very
 * site, which browsers prove with the Origin header (Referer as a fallback). SameSite=Lax cookies are the
 * second layer. Pure.
 */

export interface CsrfInput {
  method: string;
  origin: string | undefined;
  referer: string | undefined;
  secFetchSite: string | undefined;
  /** Origins this server is reached at: its own (scheme://host from the request) and HASHWATT_PUBLIC_URL's. */
  allowedOrigins: readonly string[];
}

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

function originOf(url: string): string | null {
  try {
    const u = new URL(url);
    return u.origin === 'null' ? null : u.origin;
  } catch {
    return null;
  }
}

/** Why the request is refused as cross-site, or null when it may proceed. */
export function csrfProblem(input: CsrfInput): string | null {
  if (SAFE.has(input.method.toUpperCase())) return null;
  if (input.secFetchSite === 'cross-site') return 'cross-site request refused (Sec-Fetch-Site: cross-site)';
  const claimed = input.origin && input.origin !== 'null' ? input.origin : input.referer ? originOf(input.referer) : null;
  if (!claimed) return 'request refused: a change sent with a cookie needs an Origin or Referer header from this site';
  if (!input.allowedOrigins.includes(claimed)) return `cross-site request refused: origin ${claimed} is not this site`;
  return null;
}
