/**
 * Security headers on every reply of the web server. The Content-Security-Policy runs only same-origin
 * scripts and the inline ones that carry this request's nonce (Next.js's bootstrap and streamed payload,
 * which it marks with the nonce it finds in the request's own CSP header, set by the gate): an injected
 * inline script has no nonce and does not run. Styles keep 'unsafe-inline' because React renders `style`
 * attributes (bars, gauges, chart sizes), which nonces cannot cover. Sockets reach only this site's own
 * ws/wss origin. The dev server additionally needs eval. Pure but for the random nonce.
 */
import { randomBytes } from 'node:crypto';

/** A fresh nonce for one reply: 128 random bits, base64 (the characters Next.js accepts in a nonce). */
export function newScriptNonce(): string {
  return randomBytes(16).toString('base64');
}

/** An origin as scheme://host[:port] with nothing that could end a CSP source list (`;`, spaces, quotes). */
const PLAIN_ORIGIN = /^https?:\/\/[A-Za-z0-9.-]+(:\d{1,5})?$|^https?:\/\/\[[0-9A-Fa-f:.]+\](:\d{1,5})?$/;

/** The WebSocket origin of the page's origin (http -> ws, https -> wss), or null when it is not a plain origin. */
export function socketOrigin(origin: string): string | null {
  return PLAIN_ORIGIN.test(origin) ? origin.replace(/^http/, 'ws') : null;
}

export interface SecurityHeaderOptions {
  https: boolean;
  dev: boolean;
  /** This reply's script nonce (newScriptNonce). */
  scriptNonce: string;
  /** scheme://host the browser addressed: its ws/wss twin is the one socket origin allowed. */
  origin: string;
}

export function securityHeaders(opts: SecurityHeaderOptions): Record<string, string> {
  const ws = socketOrigin(opts.origin);
  const csp = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${opts.scriptNonce}'${opts.dev ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src 'self'${ws ? ` ${ws}` : ''}`,
    "worker-src 'self'",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
  return {
    'Content-Security-Policy': csp,
    'X-Content-Type-Options': 'nosniff',
    'X-Frame-Options': 'DENY',
    // Never leak a URL (a kiosk link carries a token until it is exchanged) to another site.
    'Referrer-Policy': 'same-origin',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=()',
    ...(opts.https ? { 'Strict-Transport-Security': 'max-age=31536000' } : {}),
  };
}
