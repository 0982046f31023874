/**
 * What makes a user acceptable, shared by the CLI (`hashwatt user`) and the users API: the name rule,
 * and the bodies of POST /api/users `{ name, role, password, siteIds? }`, PATCH /api/users/:id
 * `{ role?, siteIds?, disabled?, password? }` and POST /api/auth/password `{ currentPassword, newPassword }`.
 * Pure; every error starts with the field it is about (worded in the schemas, zod-issues.ts lists them).
 */
import { passwordProblem } from './password-rules';
import { isRole, ROLES, type Role } from './roles';
import { describeValue } from '../util/describe-value';
import { err, ok, type Parsed } from '../util/result';
import { z } from '../util/zod-browser';
import { asWritten, issueMessages } from '../util/zod-issues';

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

/**
 * A field any value may fill, refused with `problem`'s message (null: fine). A transform, not a refinement:
 * zod runs it for an absent field too, so "... is required" is named.
 */
function checkedBy(problem: (raw: unknown) => string | null) {
  return z
    .unknown()
    .optional()
    .transform((raw, ctx) => {
      const message = problem(raw);
      if (message !== null) ctx.addIssue({ code: 'custom', message });
      return raw;
    });
}

const role = z.enum(ROLES, {
  error: (iss) =>
    iss.input === undefined || iss.input === null || iss.input === ''
      ? `role is required: one of ${ROLES.join(', ')}`
      : `role must be one of ${ROLES.join(', ')} (got ${describeValue(iss.input)})`,
});

/** The site list as checkSiteIds reads it: sorted ids, or null for every site (also when refused). */
function siteIdsField(ctx: UserInputContext) {
  return z
    .unknown()
    .transform((raw, zctx) => {
      const sites = checkSiteIds(raw, ctx);
      if (sites.error !== null) zctx.addIssue({ code: 'custom', message: sites.error });
      return sites.value;
    })
    .optional();
}

/** The one message list of a refused body. */
const refusal = (issues: readonly z.core.$ZodIssue[]) => issueMessages(issues, asWritten('the user'), Number.MAX_SAFE_INTEGER);

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

/** A new user's body; `userName` is the name given (a password must not contain it). */
function newUserSchema(ctx: UserInputContext, userName: string | undefined) {
  return z
    .object({
      name: checkedBy((raw) => {
        const name = typeof raw === 'string' ? raw.trim() : raw;
        if (name === undefined || name === null || name === '') return `name is required: ${USER_NAME_RULE}`;
        return isUserName(name) ? null : `name: ${USER_NAME_RULE} (got ${describeValue(name)})`;
      }),
      role,
      password: checkedBy((raw) => checkNewPassword(raw, 'password', userName)),
      siteIds: siteIdsField(ctx),
    })
    .check(
      // Named only when the list itself is fine, and also when another field is wrong (every problem at once).
      z.superRefine(
        (b, zctx) => {
          if (b.role === 'admin' && Array.isArray(b.siteIds)) zctx.addIssue({ code: 'custom', message: ADMIN_SITES });
        },
        { when: () => true },
      ),
    );
}

/** Validates a new user. */
export function parseNewUser(body: unknown, ctx: UserInputContext): Parsed<NewUserFields> {
  const b = asObject(body);
  if (!b) return err(['the body must be a JSON object { name, role, password, siteIds? }']);
  const name = typeof b.name === 'string' ? b.name.trim() : undefined;
  const result = newUserSchema(ctx, isUserName(name) ? name : undefined).safeParse(b);
  if (!result.success) return err(refusal(result.error.issues));
  const { role, password, siteIds } = result.data;
  return ok({ name: name as string, role, password: password as string, siteIds: siteIds ?? null });
}

const PATCH_FIELDS = ['role', 'siteIds', 'disabled', 'password'];

/**
 * Validates a change to `user` (as stored); absent fields stay as they are. A site list is refused for
 * whom the change leaves an admin; a change of role to or from admin without siteIds sets every site (an
 * admin's list is not theirs: the users screen shows "All sites" for them, and that is what stays).
 */
export function parseUserPatch(body: unknown, user: { name: string; role: string }, ctx: UserInputContext): Parsed<UserPatch> {
  const b = asObject(body);
  if (!b) return err(['the body must be a JSON object { role?, siteIds?, disabled?, password? }']);
  // Unknown fields are named first, one line each, as they always were (zod would list them last, together).
  const unknownFields = Object.keys(b)
    .filter((k) => !PATCH_FIELDS.includes(k))
    .map((k) => `${k} cannot be changed here (fields: ${PATCH_FIELDS.join(', ')})`);
  const result = userPatchSchema(ctx, user).safeParse(b);
  const errors = [...unknownFields, ...(result.success ? [] : refusal(result.error.issues))];
  if (!result.success || errors.length > 0) return err(errors);
  const patch: UserPatch = {};
  if (result.data.role !== undefined) patch.role = result.data.role;
  if ('siteIds' in b) patch.siteIds = result.data.siteIds ?? null;
  if (result.data.disabled !== undefined) patch.disabled = result.data.disabled;
  if (result.data.password !== undefined) patch.password = result.data.password as string;
  if (Object.keys(patch).length === 0) return err([`nothing to change: send ${PATCH_FIELDS.join(', ')}`]);
  if (patch.role !== undefined && patch.role !== user.role && (patch.role === 'admin' || user.role === 'admin') && !('siteIds' in patch))
    patch.siteIds = null;
  return ok(patch);
}

/** A change's body; a site list is refused for whom the change leaves an admin. */
function userPatchSchema(ctx: UserInputContext, user: { name: string; role: string }) {
  return z
    .object({
      role: role.optional(),
      siteIds: siteIdsField(ctx),
      disabled: z.boolean({ error: (iss) => `disabled must be true or false (got ${describeValue(iss.input)})` }).optional(),
      password: checkedBy((raw) => (raw === undefined ? null : checkNewPassword(raw, 'password', user.name))),
    })
    .check(
      z.superRefine(
        (b, zctx) => {
          const roleAfter = isRole(b.role) ? b.role : user.role;
          if (roleAfter === 'admin' && Array.isArray(b.siteIds)) zctx.addIssue({ code: 'custom', message: ADMIN_SITES });
        },
        { when: () => true },
      ),
    );
}

/** Validates "change my password" for user `userName` (whether currentPassword is right is the caller's check). */
export function parsePasswordChange(body: unknown, userName: string): Parsed<{ currentPassword: string; newPassword: string }> {
  const b = asObject(body);
  if (!b) return err(['the body must be a JSON object { currentPassword, newPassword }']);
  const result = passwordChangeSchema(userName).safeParse(b);
  if (!result.success) return err(refusal(result.error.issues));
  return ok({ currentPassword: result.data.currentPassword as string, newPassword: result.data.newPassword as string });
}

function passwordChangeSchema(userName: string) {
  const newPassword = (raw: unknown) => checkNewPassword(raw, 'newPassword', userName);
  return z
    .object({
      currentPassword: checkedBy((raw) => (typeof raw !== 'string' || raw === '' ? 'currentPassword is required' : null)),
      newPassword: checkedBy(newPassword),
    })
    .check(
      z.superRefine(
        (b, zctx) => {
          if (newPassword(b.newPassword) === null && b.newPassword === b.currentPassword)
            zctx.addIssue({ code: 'custom', message: 'newPassword must differ from the current password' });
        },
        { when: () => true },
      ),
    );
}
