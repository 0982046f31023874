/**
 * How the web server hands the signed-in principal to Next.js route handlers and pages: one request
 * header, set by server.ts after it authenticated the request and after it deleted any copy the client
 * sent. Routes read it with `principalFrom(headers)`; they never authenticate on their own. Pure.
 */
import type { Authenticated } from './roles';

export const PRINCIPAL_HEADER = 'x-hashwatt-principal';

export function encodePrincipal(who: Authenticated): string {
  return Buffer.from(JSON.stringify(who), 'utf8').toString('base64url');
}

/** The principal the server attached to this request, or null when none (a public path). */
export function principalFrom(headers: Headers | { get(name: string): string | null }): Authenticated | null {
  const raw = headers.get(PRINCIPAL_HEADER);
  if (!raw) return null;
  try {
    const parsed = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as Authenticated;
    return parsed && typeof parsed.role === 'string' && typeof parsed.name === 'string' ? parsed : null;
  } catch {
    return null;
  }
}
