/**
 * The sign-in form as the server reads it: a JSON body from scripts or the urlencoded form the login page
 * posts (which works without JavaScript), and where to go afterwards. Pure.
 */
import { sameOriginPath } from './same-origin-path';
import { z } from '../util/zod-browser';
import { asWritten, issueMessage } from '../util/zod-issues';

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

const text = (v: unknown): v is string => typeof v === 'string';

/** A field refused with `message` unless `fine`; a transform, which zod runs for an absent field too. */
const required = (fine: (v: string) => boolean, message: string) =>
  z
    .unknown()
    .optional()
    .transform((v, ctx) => {
      if (!text(v) || !fine(v)) ctx.addIssue({ code: 'custom', message });
      return v as string;
    });

/** The sign-in's fields; the first message is the one the login page shows (one reason at a time, as always). */
const loginFields = z
  .object({
    name: required((v) => v.trim() !== '', 'name is required'),
    password: required((v) => v !== '', 'password is required'),
    next: z.unknown().optional(),
  })
  .check(
    z.superRefine(
      (f, ctx) => {
        if ((text(f.name) && f.name.length > 64) || (text(f.password) && f.password.length > 1024))
          ctx.addIssue({ code: 'custom', message: 'name or password too long' });
      },
      { when: () => true }, // only the first message is shown: a missing field is named before this
    ),
  );

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
  const result = loginFields.safeParse(fields);
  if (!result.success) return { error: issueMessage(result.error.issues[0], asWritten('the sign-in')) };
  const { name, password, next } = result.data;
  return { name: name.trim(), password, next: safeNext(next) };
}
