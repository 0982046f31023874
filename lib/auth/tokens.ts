/**
 * Secrets handed to people and scripts: session ids, API tokens and kiosk tokens. 32 random bytes,
 * base64url, with a readable prefix (`hw_api_`, `hw_kiosk_`, `hw_sess_`) so a leaked one is recognisable
 * in logs and scanners. Only their SHA-256 is stored: a copied database holds nothing that logs in.
 */
import { createHash, randomBytes } from 'node:crypto';

export type TokenKind = 'api' | 'kiosk' | 'sess';

export function generateToken(kind: TokenKind): string {
  return `hw_${kind}_${randomBytes(32).toString('base64url')}`;
}

/** The stored form of a token. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** The kind a token claims by its prefix, or null for anything else. */
export function tokenKind(token: string): TokenKind | null {
  const m = /^hw_(api|kiosk|sess)_[A-Za-z0-9_-]{43}$/.exec(token);
  return m ? (m[1] as TokenKind) : null;
}
