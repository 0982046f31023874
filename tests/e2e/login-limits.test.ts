/**
 * Password guessing against `hashwatt start` as an attacker meets it: parallel bursts get no more password
 * checks than the limits, guesses sprayed from many addresses neither lock the real admin out nor go on
 * without end, a lock survives a restart of the web server and `hashwatt user unlock` lifts it, password
 * changes are limited the same way, a password stored at an older scrypt cost is hashed again at sign-in,
 * and a session older than its absolute lifetime is refused. The client address is set with
 * X-Forwarded-For: loopback is the trusted proxy here.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from '../../lib/auth/password';
import { OWASP_SCRYPT_COST } from '../../lib/auth/scrypt-cost';
import { openDb, type Db } from '../../lib/db/client';
import { createSession, createUser } from '../../lib/db/mutations/users';
import { getUserByName } from '../../lib/db/queries/users';
import { startChild, type ChildHandle } from '../../bin/supervisor/child';
import { CHEAP_SCRYPT_COST, realPasswordCostNodeOptions } from '../support/password-cost';
import { runHashwatt } from '../support/run-cli';
import { TEST_ADMIN, signIn } from '../support/session';
import { descendants, freePort, startSystem, type RunningSystem } from '../support/system';
import { tempDir } from '../support/temp';

let dir: ReturnType<typeof tempDir>;
let system: RunningSystem;
let base: string;
let dbPath: string;
let db: Db;
const DAY_MS = 86_400_000;
const PASSWORD = 'the right password 42';

beforeAll(async () => {
  dir = tempDir('hashwatt-login-limits-');
  dbPath = `${dir.dir}/hashwatt.db`;
  system = await startSystem({
    PORT: String(await freePort()),
    HASHWATT_DB: dbPath,
    HASHWATT_DEMO: '0',
    HASHWATT_TRUSTED_PROXIES: '127.0.0.1',
  });
  base = system.baseUrl;
  db = openDb(dbPath);
});

afterAll(async () => {
  db?.close();
  await system?.interrupt();
  dir?.cleanup();
});

/** A viewer with PASSWORD, hashed at `cost` (the cheap test cost unless a test needs another). */
async function addUser(name: string, cost = CHEAP_SCRYPT_COST): Promise<void> {
  createUser(db, name, 'viewer', await hashPassword(PASSWORD, cost), null, Date.now());
}

interface Answer {
  status: number;
  error: string | undefined;
  retryAfterS: number | null;
}

async function answer(res: Response): Promise<Answer> {
  const body = (await res.json()) as { error?: string };
  return {
    status: res.status,
    error: body.error,
    retryAfterS: res.headers.has('retry-after') ? Number(res.headers.get('retry-after')) : null,
  };
}

/** POST /api/auth/login as `name` from client address `from`. */
async function login(name: string, password: string, from: string, url = base): Promise<Answer> {
  const res = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': from },
    body: JSON.stringify({ name, password }),
  });
  return answer(res);
}

const busy = (a: Answer) => a.status === 429 && /being checked at once/.test(a.error ?? '');
const locked = (a: Answer) => a.status === 429 && /too many failed/.test(a.error ?? '');
const count = (answers: Answer[], want: (a: Answer) => boolean) => answers.filter(want).length;

/** Sends wrong passwords one at a time until the limiter refuses; returns how many were checked (401/400). */
async function failUntilLocked(send: () => Promise<Answer>, checkedStatus: number): Promise<number> {
  for (let checked = 0; checked < 50;) {
    const a = await send();
    if (locked(a)) return checked;
    expect(a.status, JSON.stringify(a)).toBe(checkedStatus);
    checked++;
  }
  throw new Error('50 wrong passwords in a row were all checked');
}

describe('a burst of parallel guesses', { timeout: 60_000 }, () => {
  it('from one address gets at most five password checks; the right password then waits there, and works from a clean address', async () => {
    await addUser('ann');
    const burst = await Promise.all(Array.from({ length: 40 }, () => login('ann', 'wrong password 00', '203.0.113.10')));
    const checked = count(burst, (a) => a.status === 401);
    expect(checked, JSON.stringify(burst.map((a) => a.status))).toBeGreaterThanOrEqual(1);
    expect(checked).toBeLessThanOrEqual(5);
    expect(count(burst, (a) => a.status === 429)).toBe(40 - checked);
    for (const a of burst.filter((b) => b.status === 429)) expect(a.retryAfterS, a.error).toBeGreaterThan(0);
    // Every check the burst did not use can still be spent, one at a time, up to five in all.
    expect(checked + (await failUntilLocked(() => login('ann', 'wrong password 01', '203.0.113.10'), 401))).toBe(5);
    const held = await login('ann', PASSWORD, '203.0.113.10');
    expect(locked(held), JSON.stringify(held)).toBe(true);
    expect(held.retryAfterS).toBeGreaterThan(800); // the window is 15 min
    expect((await login('ann', PASSWORD, '203.0.113.11')).status).toBe(200);
  });

  it('sprayed over 200 addresses neither locks the admin out of a clean address nor buys a second guess per address', async () => {
    const sprayers = Array.from({ length: 200 }, (_, i) => `198.18.${Math.floor(i / 100)}.${(i % 100) + 1}`);
    /** One guess from `from`, sent again while the limiter says other checks are running. */
    const guess = async (from: string): Promise<Answer> => {
      for (;;) {
        const a = await login(TEST_ADMIN.name, 'wrong password 02', from);
        if (!busy(a)) return a;
        await new Promise((r) => setTimeout(r, 200 + Math.random() * 300));
      }
    };
    const first = await Promise.all(sprayers.map(guess));
    expect(count(first, (a) => a.status === 401)).toBe(200); // each fresh address gets its one guess
    const again = await Promise.all(sprayers.map(guess));
    expect(count(again, locked), JSON.stringify(again.filter((a) => !locked(a)).slice(0, 3))).toBe(200); // and no second
    expect(count(again, (a) => a.status === 401)).toBe(0);
    expect((await login(TEST_ADMIN.name, TEST_ADMIN.password, '203.0.113.20')).status).toBe(200);
    // Even the right password is refused from an address that guessed: the name is over its limit for it.
    expect(locked(await login(TEST_ADMIN.name, TEST_ADMIN.password, sprayers[0]))).toBe(true);
  });
});

describe('a lock', { timeout: 120_000 }, () => {
  it('survives a restart of the web server (kill -9)', async () => {
    await addUser('ben');
    expect(await failUntilLocked(() => login('ben', 'wrong password 03', '203.0.113.30'), 401)).toBe(5);
    const web = descendants(system.proc.pid!).filter((pid) => {
      try {
        return readFileSync(`/proc/${pid}/cmdline`, 'utf8')
          .split('\0')
          .some((arg) => arg.endsWith('server.ts'));
      } catch {
        return false;
      }
    });
    expect(web).toHaveLength(1);
    process.kill(web[0], 'SIGKILL');
    await expect.poll(() => system.output(), { timeout: 10_000 }).toMatch(/hashwatt: web exited \(signal SIGKILL\)/);
    await expect
      .poll(async () => (await fetch(`${base}/login`).catch(() => null))?.status ?? 0, { timeout: 60_000, interval: 250 })
      .toBe(200);
    expect(locked(await login('ben', PASSWORD, '203.0.113.30'))).toBe(true);
    expect((await login('ben', PASSWORD, '203.0.113.31')).status).toBe(200);
  });

  it('is lifted by `hashwatt user unlock NAME`', async () => {
    await addUser('cal');
    expect(await failUntilLocked(() => login('cal', 'wrong password 04', '203.0.113.40'), 401)).toBe(5);
    expect(locked(await login('cal', PASSWORD, '203.0.113.40'))).toBe(true);
    const run = await runHashwatt(['user', 'unlock', 'cal'], { HASHWATT_DB: dbPath });
    expect(run, run.stderr).toMatchObject({ code: 0, stdout: 'unlocked cal: forgot 5 failed password checks\n' });
    expect((await login('cal', PASSWORD, '203.0.113.40')).status).toBe(200);
  });
});

describe('a password change', { timeout: 60_000 }, () => {
  it('checks the current password behind the same limits, in parallel too', async () => {
    await addUser('dee');
    const cookie = await signIn(base, { name: 'dee', password: PASSWORD });
    const change = async (currentPassword: string, from: string) =>
      answer(
        await fetch(`${base}/api/auth/password`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', cookie, origin: base, 'x-forwarded-for': from },
          body: JSON.stringify({ currentPassword, newPassword: 'a brand new password 7' }),
        }),
      );
    const burst = await Promise.all(Array.from({ length: 40 }, () => change('wrong password 05', '203.0.113.50')));
    const checked = count(burst, (a) => a.status === 400);
    expect(checked, JSON.stringify(burst.map((a) => a.status))).toBeGreaterThanOrEqual(1);
    expect(checked).toBeLessThanOrEqual(5);
    expect(count(burst, (a) => a.status === 429)).toBe(40 - checked);
    expect(burst.find((a) => a.status === 400)?.error).toBe('currentPassword: that is not your current password');
    expect(checked + (await failUntilLocked(() => change('wrong password 06', '203.0.113.50'), 400))).toBe(5);
    const held = await change(PASSWORD, '203.0.113.50');
    expect(held).toMatchObject({ status: 429, error: expect.stringMatching(/^too many failed password checks: try again in \d+ s$/) });
    expect(held.retryAfterS).toBeGreaterThan(800);
    // Signing in is counted apart: dee still signs in from there.
    expect((await login('dee', PASSWORD, '203.0.113.50')).status).toBe(200);
    expect((await change(PASSWORD, '203.0.113.51')).status).toBe(200);
  });
});

describe('password hashes', { timeout: 120_000 }, () => {
  let realCostWeb: ChildHandle | null = null;
  afterAll(async () => {
    await realCostWeb?.stop();
  });

  it("made with an older scrypt cost are hashed again at OWASP's at the next sign-in, never lowered", async () => {
    const OLD_DEFAULT = { n: 2 ** 15, r: 8, p: 1 }; // what earlier versions stored
    await addUser('old-timer', OLD_DEFAULT);
    const before = getUserByName(db, 'old-timer')!.passwordHash;
    expect(before).toMatch(/^scrypt\$32768\$8\$1\$/);
    // This system's processes hash at the cheap test cost (the preload reached the supervisor and the web):
    // neither the admin's cheap hash is raised nor a stronger one lowered by signing in.
    expect(getUserByName(db, TEST_ADMIN.name)!.passwordHash).toMatch(/^scrypt\$1024\$8\$1\$/);
    expect((await login('old-timer', PASSWORD, '203.0.113.60')).status).toBe(200);
    expect(getUserByName(db, 'old-timer')!.passwordHash).toBe(before);

    // A web server on the same database at the real cost, as in production.
    const port = await freePort();
    realCostWeb = startChild('web', new URL('../../server.ts', import.meta.url).pathname, [], {
      ...process.env,
      NODE_ENV: 'production',
      NODE_OPTIONS: realPasswordCostNodeOptions(),
      HASHWATT_DB: dbPath,
      PORT: String(port),
    });
    await realCostWeb.ready;
    const url = `http://127.0.0.1:${port}`;
    expect((await login('old-timer', PASSWORD, '127.0.0.1', url)).status).toBe(200);
    const after = getUserByName(db, 'old-timer')!.passwordHash;
    expect(after).toMatch(new RegExp(`^scrypt\\$${OWASP_SCRYPT_COST.n}\\$8\\$1\\$[A-Za-z0-9+/=]{24}\\$[A-Za-z0-9+/=]{44}$`));
    expect(await verifyPassword(PASSWORD, after)).toBe(true);
    // The same password still signs in, on both servers.
    expect((await login('old-timer', PASSWORD, '127.0.0.1', url)).status).toBe(200);
    expect((await login('old-timer', PASSWORD, '203.0.113.61')).status).toBe(200);
    expect(getUserByName(db, 'old-timer')!.passwordHash).toBe(after);
  });
});

describe('a session', { timeout: 30_000 }, () => {
  it('older than its absolute lifetime (90 days) is refused however recently it was used', async () => {
    const admin = getUserByName(db, TEST_ADMIN.name)!;
    const nowMs = Date.now();
    const generous = { idleMs: 200 * DAY_MS, maxAgeMs: 400 * DAY_MS }; // written as an older version could have
    const old = createSession(db, admin.id, nowMs - 91 * DAY_MS, generous);
    const young = createSession(db, admin.id, nowMs - 89 * DAY_MS, generous);
    const fleet = (token: string) => fetch(`${base}/api/fleet`, { headers: { cookie: `hw_sess=${token}` } });
    const refused = await fleet(old);
    expect(refused.status).toBe(401);
    expect((await fleet(young)).status).toBe(200);
    // A fresh sign-in's cookie lasts the idle term (30 days), within the 90.
    const res = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(TEST_ADMIN),
    });
    expect(res.headers.getSetCookie()[0]).toMatch(/; Max-Age=2592000(;|$)/);
  });
});
