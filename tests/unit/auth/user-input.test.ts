/** The user and token bodies the settings screen sends, and the guard rails on changing admins. */
import { describe, expect, it } from 'vitest';
import { kioskWallUrl } from '../../../lib/auth/kiosk-link';
import { defaultTokenName, parseNewToken } from '../../../lib/auth/token-input';
import { userChangeRefusal } from '../../../lib/auth/user-guards';
import { isUserName, parseNewUser, parsePasswordChange, parseUserPatch } from '../../../lib/auth/user-input';

const ctx = { siteExists: (id: number) => id === 1 || id === 2 };
const VIC = { name: 'vic', role: 'viewer' };
const ADA = { name: 'ada', role: 'admin' };
const ADMIN_SITES =
  'siteIds: an admin sees every site; leave siteIds out (or null) for an admin, or pick the operator or viewer role to limit someone to some sites';

describe('parseNewUser', () => {
  it('accepts a valid user, with every site or a sorted, de-duplicated list of sites', () => {
    expect(parseNewUser({ name: ' vic ', role: 'viewer', password: 'long enough pw' }, ctx)).toEqual({
      ok: true,
      value: { name: 'vic', role: 'viewer', password: 'long enough pw', siteIds: null },
    });
    expect(parseNewUser({ name: 'a.b@c-d_e', role: 'operator', password: 'long enough pw', siteIds: [2, 1, 2] }, ctx)).toMatchObject({
      ok: true,
      value: { siteIds: [1, 2] },
    });
    expect(parseNewUser({ name: 'ada', role: 'admin', password: 'long enough pw', siteIds: null }, ctx)).toMatchObject({
      ok: true,
      value: { role: 'admin', siteIds: null },
    });
  });

  it('refuses a site list on an admin: admins see every site', () => {
    expect(parseNewUser({ name: 'ada', role: 'admin', password: 'long enough pw', siteIds: [1] }, ctx)).toEqual({
      ok: false,
      error: [
        'siteIds: an admin sees every site; leave siteIds out (or null) for an admin, or pick the operator or viewer role to limit someone to some sites',
      ],
    });
  });

  it('names every bad field at once', () => {
    expect(parseNewUser({ name: 'bob smith', role: 'boss', password: 'short', siteIds: [1, 9] }, ctx)).toEqual({
      ok: false,
      error: [
        'name: letters, digits, . _ @ -, at most 64 characters (got "bob smith")',
        'role must be one of admin, operator, viewer (got "boss")',
        'password must be at least 10 characters',
        'siteIds: there is no site 9',
      ],
    });
  });

  it('says what is missing, and refuses a password containing the name, an empty site list and non-ids', () => {
    expect(parseNewUser({}, ctx)).toEqual({
      ok: false,
      error: [
        'name is required: letters, digits, . _ @ -, at most 64 characters',
        'role is required: one of admin, operator, viewer',
        'password is required',
      ],
    });
    expect(parseNewUser({ name: 'vic', role: 'viewer', password: 'VIC-the-viewer' }, ctx)).toEqual({
      ok: false,
      error: ['password must not contain the user name'],
    });
    expect(parseNewUser({ name: 'vic', role: 'viewer', password: 'long enough pw', siteIds: [] }, ctx)).toEqual({
      ok: false,
      error: ['siteIds: pick at least one site, or null for every site'],
    });
    expect(parseNewUser({ name: 'vic', role: 'viewer', password: 'long enough pw', siteIds: [1, '2', 0] }, ctx)).toEqual({
      ok: false,
      error: ['siteIds: "2", 0 are not site ids'],
    });
    expect(parseNewUser({ name: 'x'.repeat(65), role: 'viewer', password: 'long enough pw' }, ctx).ok).toBe(false);
    expect(parseNewUser([], ctx)).toEqual({ ok: false, error: ['the body must be a JSON object { name, role, password, siteIds? }'] });
  });

  it('shares the name rule with the CLI', () => {
    expect(['vic', 'a.b', 'x'.repeat(64)].map(isUserName)).toEqual([true, true, true]);
    expect(['', 'a b', 'x'.repeat(65), 'é', 7].map(isUserName)).toEqual([false, false, false, false, false]);
  });
});

describe('parseUserPatch', () => {
  it('keeps only what is sent; siteIds null means every site', () => {
    expect(parseUserPatch({ disabled: true }, VIC, ctx)).toEqual({ ok: true, value: { disabled: true } });
    expect(parseUserPatch({ role: 'operator', siteIds: null, password: 'another long one' }, VIC, ctx)).toEqual({
      ok: true,
      value: { role: 'operator', siteIds: null, password: 'another long one' },
    });
  });

  it('refuses unknown fields, bad values and an empty change, naming each', () => {
    expect(parseUserPatch({ name: 'x', disabled: 'yes', password: 'vic-password-1' }, VIC, ctx)).toEqual({
      ok: false,
      error: [
        'name cannot be changed here (fields: role, siteIds, disabled, password)',
        'disabled must be true or false (got "yes")',
        'password must not contain the user name',
      ],
    });
    expect(parseUserPatch({}, VIC, ctx)).toEqual({ ok: false, error: ['nothing to change: send role, siteIds, disabled, password'] });
    expect(parseUserPatch({ siteIds: [3] }, VIC, ctx)).toEqual({ ok: false, error: ['siteIds: there is no site 3'] });
  });

  it('refuses a site list on whom the change leaves an admin, and sets every site when the role changes to or from admin', () => {
    expect(parseUserPatch({ siteIds: [1] }, ADA, ctx)).toEqual({ ok: false, error: [ADMIN_SITES] });
    expect(parseUserPatch({ role: 'admin', siteIds: [1] }, VIC, ctx)).toEqual({ ok: false, error: [ADMIN_SITES] });
    expect(parseUserPatch({ role: 'admin' }, VIC, ctx)).toEqual({ ok: true, value: { role: 'admin', siteIds: null } });
    expect(parseUserPatch({ role: 'viewer' }, ADA, ctx)).toEqual({ ok: true, value: { role: 'viewer', siteIds: null } });
    expect(parseUserPatch({ role: 'viewer', siteIds: [2] }, ADA, ctx)).toEqual({ ok: true, value: { role: 'viewer', siteIds: [2] } });
    expect(parseUserPatch({ role: 'operator' }, VIC, ctx)).toEqual({ ok: true, value: { role: 'operator' } });
    expect(parseUserPatch({ siteIds: null }, ADA, ctx)).toEqual({ ok: true, value: { siteIds: null } });
  });
});

describe('parsePasswordChange', () => {
  it('needs the current password and a new acceptable, different one', () => {
    expect(parsePasswordChange({ currentPassword: 'old password 1', newPassword: 'new password 2' }, 'vic')).toEqual({
      ok: true,
      value: { currentPassword: 'old password 1', newPassword: 'new password 2' },
    });
    expect(parsePasswordChange({ newPassword: 'short' }, 'vic')).toEqual({
      ok: false,
      error: ['currentPassword is required', 'newPassword must be at least 10 characters'],
    });
    expect(parsePasswordChange({ currentPassword: 'same password', newPassword: 'same password' }, 'vic')).toEqual({
      ok: false,
      error: ['newPassword must differ from the current password'],
    });
  });
});

describe('parseNewToken', () => {
  const exists = (id: number) => id === 1;
  it('makes API tokens with a role (operator and viewer ones for one site or every site) and kiosk tokens for a site or the fleet', () => {
    expect(parseNewToken({ kind: 'api', name: ' grafana ', role: 'viewer' }, exists)).toEqual({
      ok: true,
      value: { kind: 'api', name: 'grafana', role: 'viewer', siteId: null },
    });
    expect(parseNewToken({ kind: 'kiosk', name: '', siteId: 1 }, exists)).toEqual({
      ok: true,
      value: { kind: 'kiosk', name: null, role: 'viewer', siteId: 1 },
    });
    expect(parseNewToken({ kind: 'kiosk', siteId: null }, exists)).toEqual({
      ok: true,
      value: { kind: 'kiosk', name: null, role: 'viewer', siteId: null },
    });
    // An operator or viewer API token may be limited to one site (e.g. a Prometheus scraping that site).
    expect(parseNewToken({ kind: 'api', role: 'viewer', siteId: 1 }, exists)).toEqual({
      ok: true,
      value: { kind: 'api', name: null, role: 'viewer', siteId: 1 },
    });
    expect(parseNewToken({ kind: 'api', role: 'admin', siteId: null }, exists)).toEqual({
      ok: true,
      value: { kind: 'api', name: null, role: 'admin', siteId: null },
    });
  });

  it('refuses what does not apply to the kind, naming the field', () => {
    expect(parseNewToken({ kind: 'door' }, exists)).toEqual({
      ok: false,
      error: ['kind must be "api" (a token for scripts) or "kiosk" (a wall display link) (got "door")'],
    });
    expect(parseNewToken({ kind: 'api', siteId: 1 }, exists)).toEqual({
      ok: false,
      error: ['role is required for an API token: one of admin, operator, viewer'],
    });
    expect(parseNewToken({ kind: 'api', role: 'admin', siteId: 1 }, exists)).toEqual({
      ok: false,
      error: ['siteId: an admin token sees every site: pick the operator or viewer role to limit a token to one site'],
    });
    expect(parseNewToken({ kind: 'api', role: 'viewer', siteId: 7 }, exists)).toEqual({ ok: false, error: ['siteId: there is no site 7'] });
    expect(parseNewToken({ kind: 'kiosk', role: 'admin', siteId: 7, name: 'x'.repeat(65) }, exists)).toEqual({
      ok: false,
      error: [
        'name must be at most 64 characters (got 65)',
        'role: a kiosk token is read-only, leave role out',
        'siteId: there is no site 7',
      ],
    });
    expect(parseNewToken({ kind: 'kiosk', siteId: 'North' }, exists)).toEqual({
      ok: false,
      error: ['siteId: "North" is not a site id (leave it out for the whole fleet)'],
    });
  });

  it('names unnamed tokens as the CLI does', () => {
    expect(defaultTokenName('api', 'operator', null)).toBe('operator token');
    expect(defaultTokenName('kiosk', 'viewer', 'North')).toBe('kiosk North');
    expect(defaultTokenName('kiosk', 'viewer', null)).toBe('kiosk fleet');
  });
});

describe('userChangeRefusal', () => {
  const admin = { id: 1, name: 'root', role: 'admin', disabled: false };
  it('stops an admin disabling, demoting or removing themself', () => {
    expect(userChangeRefusal(admin, { disabled: true }, 1, 3)).toBe('you cannot disable yourself: another admin has to do it');
    expect(userChangeRefusal(admin, { role: 'viewer' }, 1, 3)).toBe('you cannot demote yourself: another admin has to do it');
    expect(userChangeRefusal(admin, { remove: true }, 1, 3)).toBe('you cannot remove yourself: another admin has to do it');
  });
  it('keeps the last enabled admin', () => {
    expect(userChangeRefusal(admin, { disabled: true }, null, 1)).toBe(
      'root is the last enabled admin and cannot be disabled: make another user an admin first',
    );
    expect(userChangeRefusal(admin, { role: 'operator' }, 2, 1)).toBe(
      'root is the last enabled admin and cannot be demoted: make another user an admin first',
    );
    expect(userChangeRefusal(admin, { remove: true }, 2, 1)).toBe(
      'root is the last enabled admin and cannot be removed: make another user an admin first',
    );
  });
  it('lets everything else through', () => {
    expect(userChangeRefusal(admin, { disabled: true }, 2, 2)).toBeNull();
    expect(userChangeRefusal(admin, { role: 'admin', disabled: false }, 1, 1)).toBeNull();
    expect(userChangeRefusal({ ...admin, role: 'viewer' }, { remove: true }, 1, 1)).toBeNull();
    expect(userChangeRefusal({ ...admin, disabled: true }, { remove: true }, 2, 1)).toBeNull();
  });
});

describe('kioskWallUrl', () => {
  it('uses the public URL when set, else the request origin, and escapes the token', () => {
    expect(kioskWallUrl('hw_kiosk_a-b_c', 'https://hashwatt.example.com/some/path', 'http://10.0.0.5:3000')).toBe(
      'https://hashwatt.example.com/wall?kiosk=hw_kiosk_a-b_c',
    );
    expect(kioskWallUrl('hw_kiosk_x', null, 'http://10.0.0.5:3000')).toBe('http://10.0.0.5:3000/wall?kiosk=hw_kiosk_x');
    expect(kioskWallUrl('a+b/c', null, 'http://h')).toBe('http://h/wall?kiosk=a%2Bb%2Fc');
  });
});
