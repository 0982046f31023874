/**
 * The sign-in form as the server reads it: a JSON body from scripts or the urlencoded form the login page
 * posts (which works without JavaScript), and where to go afterwards. Pure.
 */
import { sameOriginPath } from './same-origin-path';

export interface LoginInput {
  name: string;
  password: string;
  /** A same-site path to return to after signing in. */
  next: string;
}

/**
 * `raw` as a path on this site (normalised), else '/': never another origin, never a control character or
 * backslash, never back to the login page or an API route.
 */
export function safeNext(raw: unknown): string {
  const path = typeof raw === 'string' ? sameOriginPath(raw) : null;
  if (path === null || path.startsWith('/login') || path.startsWith('/api/')) return '/';
  return path;
}

/** The fields, or why the body is not a sign-in. */
export function parseLoginBody(contentType: string | undefined, body: string): LoginInput | { error: string } {
  let fields: Record<string, unknown>;
  if (contentType?.startsWith('application/json')) {
    try {
      const parsed = JSON.parse(body) as unknown;
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
        return { error: 'the body must be a JSON object { name, password }' };
      fields = parsed as Record<string, unknown>;
    } catch {
      return { error: 'the body is not valid JSON' };
    }
  } else if (contentType?.startsWith('application/x-www-form-urlencoded')) {
    fields = Object.fromEntries(new URLSearchParams(body));
  } else {
    return { error: 'send the sign-in as application/json or an HTML form' };
  }
  const { name, password } = fields;
  if (typeof name !== 'string' || name.trim() === '') return { error: 'name is required' };
  if (typeof password !== 'string' || password === '') return { error: 'password is required' };
  if (name.length > 64 || password.length > 1024) return { error: 'name or password too long' };
  return { name: name.trim(), password, next: safeNext(fields.next) };
}
