/**
 * What makes a user acceptable, shared by the CLI (`hashwatt user`) and the users API: the name rule,
 * and the bodies of POST /api/users `{ name, role, password, siteIds? }`, PATCH /api/users/:id
 * `{ role?, siteIds?, disabled?, password? }` and POST /api/auth/password `{ currentPassword, newPassword }`.
 * Pure; every error starts with the field it is about.
 */
import { passwordProblem } from './password-rules';
import { isRole, ROLES, type Role } from './roles';
import { describeValue } from '../util/describe-value';
import { err, ok, type Parsed } from '../util/result';

/** Longest user name accepted. */
export const MAX_USER_NAME_CHARS = 64;
const USER_NAME = new RegExp(`^[A-Za-z0-9._@-]{1,${MAX_USER_NAME_CHARS}}$`);
/** The user name rule in words, for error messages. */
export const USER_NAME_RULE = `letters, digits, . _ @ -, at most ${MAX_USER_NAME_CHARS} characters`;

export function isUserName(name: unknown): name is string {
  return typeof name === 'string' && USER_NAME.test(name);
}

/** What the checks need to know about the database. */
export interface UserInputContext {
  siteExists: (id: number) => boolean;
}

export interface NewUserFields {
  name: string;
  role: Role;
  password: string;
  /** null: every site. */
  siteIds: number[] | null;
}

export interface UserPatch {
  role?: Role;
  siteIds?: number[] | null;
  disabled?: boolean;
  password?: string;
}

const asObject = (body: unknown): Record<string, unknown> | null =>
  typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>) : null;

function checkRole(raw: unknown): string | null {
  if (raw === undefined || raw === null || raw === '') return `role is required: one of ${ROLES.join(', ')}`;
  return isRole(raw) ? null : `role must be one of ${ROLES.join(', ')} (got ${describeValue(raw)})`;
}

/** The sites a user is limited to: null (or absent) for every site, else a non-empty list of existing site ids. */
export function checkSiteIds(raw: unknown, ctx: UserInputContext): { value: number[] | null; error: string | null } {
  if (raw === undefined || raw === null) return { value: null, error: null };
  if (!Array.isArray(raw)) return { value: null, error: 'siteIds must be a list of site ids, or null for every site' };
  if (raw.length === 0) return { value: null, error: 'siteIds: pick at least one site, or null for every site' };
  const bad = raw.filter((id) => typeof id !== 'number' || !Number.isInteger(id) || id <= 0);
  if (bad.length > 0)
    return {
      value: null,
      error: `siteIds: ${bad
        .slice(0, 5)
        .map((b) => describeValue(b))
        .join(', ')} ${bad.length === 1 ? 'is not a site id' : 'are not site ids'}`,
    };
  const ids = [...new Set(raw as number[])];
  const unknown = ids.filter((id) => !ctx.siteExists(id));
  if (unknown.length > 0) return { value: null, error: `siteIds: there is no site ${unknown.join(', ')}` };
  return { value: ids.sort((a, b) => a - b), error: null };
}

/** Admins see every site (lib/auth/site-scope): a site list on one is refused, never stored. */
const ADMIN_SITES =
  'siteIds: an admin sees every site; leave siteIds out (or null) for an admin, or pick the operator or viewer role to limit someone to some sites';

function checkNewPassword(raw: unknown, field: string, userName: string | undefined): string | null {
  if (raw === undefined || raw === null || raw === '') return `${field} is required`;
  if (typeof raw !== 'string') return `${field} must be text`;
  const problem = passwordProblem(raw, userName);
  // "the password must be at least 10 characters" → "password must be at least 10 characters".
  return problem ? `${field} ${problem.replace(/^the password /, '')}` : null;
}

/** Validates a new user. */
export function parseNewUser(body: unknown, ctx: UserInputContext): Parsed<NewUserFields> {
  const b = asObject(body);
  if (!b) return err(['the body must be a JSON object { name, role, password, siteIds? }']);
  const errors: string[] = [];
  const name = typeof b.name === 'string' ? b.name.trim() : b.name;
  if (name === undefined || name === null || name === '') errors.push(`name is required: ${USER_NAME_RULE}`);
  else if (!isUserName(name)) errors.push(`name: ${USER_NAME_RULE} (got ${describeValue(name)})`);
  const roleError = checkRole(b.role);
  if (roleError) errors.push(roleError);
  const passwordError = checkNewPassword(b.password, 'password', isUserName(name) ? name : undefined);
  if (passwordError) errors.push(passwordError);
  const sites = checkSiteIds(b.siteIds, ctx);
  if (sites.error) errors.push(sites.error);
  else if (b.role === 'admin' && sites.value !== null) errors.push(ADMIN_SITES);
  if (errors.length > 0) return err(errors);
  return ok({ name: name as string, role: b.role as Role, password: b.password as string, siteIds: sites.value });
}

const PATCH_FIELDS = ['role', 'siteIds', 'disabled', 'password'];

/**
 * Validates a change to `user` (as stored); absent fields stay as they are. A site list is refused for
 * whom the change leaves an admin; a change of role to or from admin without siteIds sets every site (an
 * admin's list is not theirs: the users screen shows "All sites" for them, and that is what stays).
 */
export function parseUserPatch(body: unknown, user: { name: string; role: string }, ctx: UserInputContext): Parsed<UserPatch> {
  const userName = user.name;
  const b = asObject(body);
  if (!b) return err(['the body must be a JSON object { role?, siteIds?, disabled?, password? }']);
  const errors = Object.keys(b)
    .filter((k) => !PATCH_FIELDS.includes(k))
    .map((k) => `${k} cannot be changed here (fields: ${PATCH_FIELDS.join(', ')})`);
  const patch: UserPatch = {};
  if (b.role !== undefined) {
    const roleError = checkRole(b.role);
    if (roleError) errors.push(roleError);
    else patch.role = b.role as Role;
  }
  if ('siteIds' in b) {
    const sites = checkSiteIds(b.siteIds, ctx);
    if (sites.error) errors.push(sites.error);
    else patch.siteIds = sites.value;
  }
  if (b.disabled !== undefined) {
    if (typeof b.disabled !== 'boolean') errors.push(`disabled must be true or false (got ${describeValue(b.disabled)})`);
    else patch.disabled = b.disabled;
  }
  if (b.password !== undefined) {
    const passwordError = checkNewPassword(b.password, 'password', userName);
    if (passwordError) errors.push(passwordError);
    else patch.password = b.password as string;
  }
  const roleAfter = patch.role ?? user.role;
  if (roleAfter === 'admin' && patch.siteIds !== undefined && patch.siteIds !== null) errors.push(ADMIN_SITES);
  if (errors.length > 0) return err(errors);
  if (Object.keys(patch).length === 0) return err([`nothing to change: send ${PATCH_FIELDS.join(', ')}`]);
  if (patch.role !== undefined && patch.role !== user.role && (patch.role === 'admin' || user.role === 'admin') && !('siteIds' in patch))
    patch.siteIds = null;
  return ok(patch);
}

/** Validates "change my password" for user `userName` (whether currentPassword is right is the caller's check). */
export function parsePasswordChange(body: unknown, userName: string): Parsed<{ currentPassword: string; newPassword: string }> {
  const b = asObject(body);
  if (!b) return err(['the body must be a JSON object { currentPassword, newPassword }']);
  const errors: string[] = [];
  if (typeof b.currentPassword !== 'string' || b.currentPassword === '') errors.push('currentPassword is required');
  const newError = checkNewPassword(b.newPassword, 'newPassword', userName);
  if (newError) errors.push(newError);
  else if (b.newPassword === b.currentPassword) errors.push('newPassword must differ from the current password');
  if (errors.length > 0) return err(errors);
  return ok({ currentPassword: b.currentPassword as string, newPassword: b.newPassword as string });
}
