/**
 * What makes an API or kiosk token acceptable, shared by the CLI (`hashwatt token create`) and
 * POST /api/tokens `{ kind: 'api' | 'kiosk', name?, role? (api only), siteId? }`: the name rule, the
 * default names, and the body. A kiosk token shows one site or the fleet; an operator or viewer API
 * token may be limited to one site (a Prometheus scraping one site's series), an admin token never is.
 * Pure; every error starts with the field it is about (worded in the schema, zod-issues.ts lists them).
 */
import { ROLES, type Role } from './roles';
import { describeValue } from '../util/describe-value';
import { err, ok, type Parsed } from '../util/result';
import { z } from '../util/zod-browser';
import { asWritten, issueMessages } from '../util/zod-issues';

/** Longest token name accepted. */
export const MAX_TOKEN_NAME_CHARS = 64;

export interface NewTokenFields {
  kind: 'api' | 'kiosk';
  /** null: the default name (defaultTokenName). */
  name: string | null;
  /** The API token's role; kiosk tokens are read-only (stored as viewer). */
  role: Role;
  /** The token's site; null: the whole fleet. Always null for admin API tokens. */
  siteId: number | null;
}

/** Why a token name is refused, or null; `raw` is already known to be a string. */
export function tokenNameProblem(name: string): string | null {
  if (name.length > MAX_TOKEN_NAME_CHARS) return `name must be at most ${MAX_TOKEN_NAME_CHARS} characters (got ${name.length})`;
  if (/[\u0000-\u001f\u007f]/.test(name)) return 'name must not contain control characters';
  return null;
}

/** The name a token gets when none is given: "viewer token", "kiosk North", "kiosk fleet". */
export function defaultTokenName(kind: 'api' | 'kiosk', role: Role, siteName: string | null): string {
  return kind === 'kiosk' ? `kiosk ${siteName ?? 'fleet'}` : `${role} token`;
}

/** Why an admin API token may not have a site (shared with the CLI). */
export const ADMIN_TOKEN_SITE = 'an admin token sees every site: pick the operator or viewer role to limit a token to one site';

/** Absent, null and '' all mean "not given" for the optional fields of the form. */
const isBlank = (v: unknown): boolean => v === undefined || v === null || v === '';

/** The name, trimmed; blank (or only spaces): null, the default name (absent: undefined, the same). */
const tokenName = z
  .unknown()
  .transform((v, ctx) => {
    if (typeof v !== 'string') {
      if (!isBlank(v)) ctx.addIssue({ code: 'custom', message: 'name must be text' });
      return null;
    }
    const name = v.trim();
    const problem = name === '' ? null : tokenNameProblem(name);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
    return name === '' ? null : name;
  })
  .optional();

/** Why `raw` is not the id of an existing site, or null. */
function siteIdProblem(raw: unknown, siteExists: (id: number) => boolean): string | null {
  if (typeof raw !== 'number' || !Number.isInteger(raw) || raw <= 0)
    return `siteId: ${describeValue(raw)} is not a site id (leave it out for the whole fleet)`;
  return siteExists(raw) ? null : `siteId: there is no site ${raw}`;
}

/** A site id that exists, or blank for the whole fleet; admin API tokens may not have one. */
function siteIdRule(siteExists: (id: number) => boolean, role: (body: Record<string, unknown>) => unknown) {
  return z.superRefine<Record<string, unknown>>(
    (body, ctx) => {
      if (isBlank(body.siteId)) return;
      // An admin token is never limited to a site: that refusal replaces any about the id itself.
      const problem = role(body) === 'admin' ? `siteId: ${ADMIN_TOKEN_SITE}` : siteIdProblem(body.siteId, siteExists);
      if (problem) ctx.addIssue({ code: 'custom', path: ['siteId'], message: problem });
    },
    { when: () => true }, // also when another field is wrong: every problem is named at once
  );
}

const apiRole = z.enum(ROLES, {
  error: (iss) =>
    iss.input === undefined || iss.input === ''
      ? `role is required for an API token: one of ${ROLES.join(', ')}`
      : `role must be one of ${ROLES.join(', ')} (got ${describeValue(iss.input)})`,
});

/** The body of each kind of token (the kind is checked first and alone: the rest depends on it). */
function newTokenSchemas(siteExists: (id: number) => boolean) {
  return {
    api: z
      .object({ kind: z.literal('api'), name: tokenName, role: apiRole, siteId: z.unknown().optional() })
      .check(siteIdRule(siteExists, (b) => b.role)),
    kiosk: z
      .object({
        kind: z.literal('kiosk'),
        name: tokenName,
        role: z.unknown().optional().refine(isBlank, 'role: a kiosk token is read-only, leave role out'),
        siteId: z.unknown().optional(),
      })
      .check(siteIdRule(siteExists, () => 'viewer')),
  };
}

/** Validates a new token. */
export function parseNewToken(body: unknown, siteExists: (id: number) => boolean): Parsed<NewTokenFields> {
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    return err(['the body must be a JSON object { kind, name, role?, siteId? }']);
  const kind = (body as { kind?: unknown }).kind;
  if (kind !== 'api' && kind !== 'kiosk') {
    return err([
      `kind must be "api" (a token for scripts) or "kiosk" (a wall display link)${kind === undefined ? '' : ` (got ${describeValue(kind)})`}`,
    ]);
  }
  const result = newTokenSchemas(siteExists)[kind].safeParse(body);
  if (!result.success) return err(issueMessages(result.error.issues, asWritten('the token'), Number.MAX_SAFE_INTEGER));
  const { role, siteId } = result.data;
  const name = result.data.name ?? null;
  const site = isBlank(siteId) ? null : (siteId as number);
  return ok(kind === 'api' ? { kind, name, role: role as Role, siteId: site } : { kind, name, role: 'viewer', siteId: site });
}
