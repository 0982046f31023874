/**
 * `hashwatt user` and `hashwatt token` as an operator runs them on a fresh database file, and what the
 * stored users and tokens then authenticate as (sessions expire, revoked tokens stop working, a kiosk
 * token is read-only for its site, a disabled user cannot use a live session).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { openDb } from '../../../lib/db/client';
import { createSession, setUserPassword } from '../../../lib/db/mutations/users';
import { authenticate, getUserByName, listUsers } from '../../../lib/db/queries/users';
import { sites, users } from '../../../lib/db/schema';
import { verifyPassword } from '../../../lib/auth/password';
import { runHashwatt } from '../../support/run-cli';
import { tempDir } from '../../support/temp';

const dir = tempDir('hashwatt-auth-cli-');
/** Sessions that end after an hour without use (and a day at most). */
const HOUR_LIFETIME = { idleMs: 3_600_000, maxAgeMs: 86_400_000 };
const env = { HASHWATT_DB: `${dir.dir}/hashwatt.db` };
afterAll(() => dir.cleanup());

describe('hashwatt user / token', { timeout: 60_000 }, () => {
  it('adds the first admin on a database that does not exist yet, with the password from the environment', async () => {
    const run = await runHashwatt(['user', 'add', '--admin', 'alice'], { ...env, HASHWATT_USER_PASSWORD: 'a strong passphrase' });
    expect(run).toMatchObject({ code: 0, stdout: 'added admin alice\n' });
    const db = openDb(env.HASHWATT_DB);
    try {
      const alice = getUserByName(db, 'alice')!;
      expect(alice.role).toBe('admin');
      expect(alice.passwordHash).not.toContain('a strong passphrase');
      expect(await verifyPassword('a strong passphrase', alice.passwordHash)).toBe(true);
    } finally {
      db.close();
    }
  });

  it('refuses bad input with one specific line and a usage exit code', async () => {
    const cases: [string[], Record<string, string>, number, RegExp][] = [
      [
        ['user', 'add', 'bob', '--role', 'root'],
        { HASHWATT_USER_PASSWORD: 'long enough pw' },
        2,
        /pass --admin or --role admin\|operator\|viewer \(got "root"\)/,
      ],
      [['user', 'add', 'bob', '--role', 'viewer'], { HASHWATT_USER_PASSWORD: 'short' }, 2, /at least 10 characters/],
      [['user', 'add', 'bob', '--role', 'viewer'], {}, 2, /no password: set HASHWATT_USER_PASSWORD or pass it on stdin/],
      [['user', 'add', 'alice', '--role', 'viewer'], { HASHWATT_USER_PASSWORD: 'long enough pw' }, 1, /already exists/],
      [['user', 'add', 'bad name!', '--admin'], { HASHWATT_USER_PASSWORD: 'long enough pw' }, 2, /one user name/],
      [
        ['user', 'add', 'carol', '--role', 'operator', '--sites', 'Atlantis'],
        { HASHWATT_USER_PASSWORD: 'long enough pw' },
        2,
        /no site named "Atlantis"/,
      ],
      [['token', 'create', '--role', 'superuser'], {}, 2, /pass --role admin\|operator\|viewer \(or --kiosk\) \(got "superuser"\)/],
      [['token', 'create', '--kiosk', '--role', 'admin'], {}, 2, /kiosk token is read-only/],
      [['token', 'create', '--kiosk', '--name', 'x'.repeat(65)], {}, 2, /--name must be at most 64 characters \(got 65\)/],
      [['token', 'revoke', '99'], {}, 1, /no active token with id 99/],
    ];
    for (const [args, extra, code, message] of cases) {
      const run = await runHashwatt(args, { ...env, ...extra });
      expect({ args, code: run.code }).toEqual({ args, code });
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
      expect(run.stderr).toMatch(message);
    }
    const db = openDb(env.HASHWATT_DB);
    expect(listUsers(db).map((u) => u.name)).toEqual(['alice']);
    db.close();
  });

  it('refuses a site limit on an admin user or an admin token: admins see every site', async () => {
    const cases: [string[], RegExp][] = [
      [['user', 'add', 'dave', '--admin', '--sites', 'North'], /--sites does not apply to an admin: admins see every site/],
      [['user', 'add', 'dave', '--role', 'admin', '--sites', 'North'], /--sites does not apply to an admin/],
      [
        ['token', 'create', '--role', 'admin', '--site', 'North'],
        /--site: an admin token sees every site: pick the operator or viewer role to limit a token to one site/,
      ],
    ];
    for (const [args, message] of cases) {
      const run = await runHashwatt(args, { ...env, HASHWATT_USER_PASSWORD: 'long enough pw' });
      expect({ args, code: run.code }).toEqual({ args, code: 2 });
      expect(run.stderr).toMatch(message);
    }
    const db = openDb(env.HASHWATT_DB);
    expect(getUserByName(db, 'dave')).toBeNull();
    db.close();
  });

  it('prints a token once, which then authenticates with its role until it is revoked', async () => {
    const viewer = await runHashwatt(['token', 'create', '--role', 'viewer', '--name', 'grafana'], env);
    expect(viewer.code).toBe(0);
    const token = viewer.stdout.trim();
    expect(token).toMatch(/^hw_api_[A-Za-z0-9_-]{43}$/);
    const kiosk = await runHashwatt(['token', 'create', '--kiosk'], env);
    const kioskToken = kiosk.stdout.trim();
    expect(kiosk.stderr).toMatch(/for the whole fleet; open \/wall\?kiosk=<token>/);

    let db = openDb(env.HASHWATT_DB);
    expect(authenticate(db, token, Date.now())).toMatchObject({
      role: 'viewer',
      siteIds: null,
      name: 'grafana',
      via: 'api',
      userId: null,
      tokenId: expect.any(Number),
    });
    expect(authenticate(db, kioskToken, Date.now())).toMatchObject({ role: 'kiosk', siteIds: null, via: 'kiosk' });
    expect(authenticate(db, token.slice(0, -1) + (token.endsWith('A') ? 'B' : 'A'), Date.now())).toBeNull();
    expect(db.sqlite.prepare('select count(*) from api_tokens where token_hash like ?').pluck().get(`%${token}%`)).toBe(0);
    db.close();

    const list = await runHashwatt(['token', 'list'], env);
    expect(list.stdout).toMatch(/^1\tapi\tviewer\tgrafana\tactive$/m);
    expect((await runHashwatt(['token', 'revoke', '1'], env)).stdout).toBe('token 1 revoked\n');
    db = openDb(env.HASHWATT_DB);
    expect(authenticate(db, token, Date.now())).toBeNull();
    db.close();
  });

  it('limits an operator or viewer API token to one site with --site, and never an admin one', async () => {
    let db = openDb(env.HASHWATT_DB);
    const north = db.orm.insert(sites).values({ name: 'North', createdAtMs: Date.now() }).returning({ id: sites.id }).get().id;
    db.close();
    expect((await runHashwatt(['token', 'create', '--role', 'viewer', '--site', 'Nowhere'], env)).stderr).toMatch(
      /no site named "Nowhere" \(sites: North\)/,
    );
    const limited = await runHashwatt(['token', 'create', '--role', 'viewer', '--site', 'North', '--name', 'prometheus north'], env);
    expect(limited.code).toBe(0);
    expect(limited.stderr).toMatch(/\(viewer, site North only\)/);
    db = openDb(env.HASHWATT_DB);
    try {
      expect(authenticate(db, limited.stdout.trim(), Date.now())).toMatchObject({ role: 'viewer', siteIds: [north], via: 'api' });
      // A site stored on an admin token (by hand, or by an older version) limits nothing: admins see every site.
      const admin = (await runHashwatt(['token', 'create', '--role', 'admin'], env)).stdout.trim();
      db.sqlite.prepare("update api_tokens set site_id = ? where role = 'admin'").run(north);
      expect(authenticate(db, admin, Date.now())).toMatchObject({ role: 'admin', siteIds: null });
    } finally {
      db.close();
    }
    expect((await runHashwatt(['token', 'list'], env)).stdout).toMatch(
      new RegExp(`^\\d+\\tapi\\tviewer site ${north}\\tprometheus north\\tactive$`, 'm'),
    );
  });

  it('ends sessions when they expire, when the password changes, and for a disabled user', () => {
    const db = openDb(env.HASHWATT_DB);
    try {
      const alice = getUserByName(db, 'alice')!;
      const t0 = 1_000_000;
      const session = createSession(db, alice.id, t0, HOUR_LIFETIME);
      expect(authenticate(db, session, t0 + 3_599_999)).toMatchObject({ role: 'admin', name: 'alice', via: 'session', userId: alice.id });
      expect(authenticate(db, session, t0 + 3_600_000)).toBeNull();
      const second = createSession(db, alice.id, Date.now(), HOUR_LIFETIME);
      db.orm.update(users).set({ disabled: true }).run();
      expect(authenticate(db, second, Date.now())).toBeNull();
      db.orm.update(users).set({ disabled: false }).run();
      expect(authenticate(db, second, Date.now())).not.toBeNull();
      setUserPassword(db, alice.id, alice.passwordHash);
      expect(authenticate(db, second, Date.now())).toBeNull();
    } finally {
      db.close();
    }
  });
});
