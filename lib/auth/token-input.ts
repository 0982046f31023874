/**
 * What makes an API or kiosk token acceptable, shared by the CLI (`hashwatt token create`) and
 * POST /api/tokens `{ kind: 'api' | 'kiosk', name?, role? (api only), siteId? }`: the name rule, the
 * default names, and the body. A kiosk token shows one site or the fleet; an operator or viewer API
 * token may be limited to one site (a Prometheus scraping one site's series), an admin token never is.
 * Pure; every error starts with the field it is about.
 */
import { isRole, ROLES, type Role } from './roles';
import { describeValue } from '../util/describe-value';
import { err, ok, type Parsed } from '../util/result';

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

/** Why `raw` is not the id of an existing site, or null (the site id is then `Number(raw)`). */
function siteIdProblem(raw: unknown, siteExists: (id: number) => boolean): string | null {
  if (typeof raw !== 'number' || !Number.isInteger(raw) || raw <= 0)
    return `siteId: ${describeValue(raw)} is not a site id (leave it out for the whole fleet)`;
  return siteExists(raw) ? null : `siteId: there is no site ${raw}`;
}

/** Validates a new token. */
export function parseNewToken(body: unknown, siteExists: (id: number) => boolean): Parsed<NewTokenFields> {
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    return err(['the body must be a JSON object { kind, name, role?, siteId? }']);
  const b = body as Record<string, unknown>;
  if (b.kind !== 'api' && b.kind !== 'kiosk') {
    return err([
      `kind must be "api" (a token for scripts) or "kiosk" (a wall display link)${b.kind === undefined ? '' : ` (got ${describeValue(b.kind)})`}`,
    ]);
  }
  const errors: string[] = [];
  let name: string | null = null;
  if (typeof b.name === 'string' && b.name.trim() !== '') {
    name = b.name.trim();
    const problem = tokenNameProblem(name);
    if (problem) errors.push(problem);
  } else if (b.name !== undefined && b.name !== null && b.name !== '' && typeof b.name !== 'string') errors.push('name must be text');
  const hasSite = b.siteId !== undefined && b.siteId !== null && b.siteId !== '';
  const siteProblem = hasSite ? siteIdProblem(b.siteId, siteExists) : null;
  const siteId = hasSite && siteProblem === null ? (b.siteId as number) : null;
  if (b.kind === 'api') {
    if (!isRole(b.role))
      errors.push(
        b.role === undefined || b.role === ''
          ? `role is required for an API token: one of ${ROLES.join(', ')}`
          : `role must be one of ${ROLES.join(', ')} (got ${describeValue(b.role)})`,
      );
    if (hasSite && b.role === 'admin') errors.push(`siteId: ${ADMIN_TOKEN_SITE}`);
    else if (siteProblem) errors.push(siteProblem);
    return errors.length > 0 ? err(errors) : ok({ kind: 'api', name, role: b.role as Role, siteId });
  }
  if (b.role !== undefined && b.role !== null && b.role !== '') errors.push('role: a kiosk token is read-only, leave role out');
  if (siteProblem) errors.push(siteProblem);
  return errors.length > 0 ? err(errors) : ok({ kind: 'kiosk', name, role: 'viewer', siteId });
}
