/**
 * What one request can cost the web server, against `hashwatt start`: a 200 MB body (declared or
 * chunked) is refused with 413 at the route's cap and the web process does not grow by it; JSON nested
 * 10,000 deep is a 400 naming the limit, not a 500; a time-of-use tariff with thousands of bands is
 * refused at once with at most 20 messages, and one of 100,000 bands (5 MB) by the size cap.
 */
import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runHashwatt } from '../support/run-cli';
import { apiFetch, TEST_ADMIN } from '../support/session';
import { descendants, freePort, startSystem, type RunningSystem } from '../support/system';
import { tempDir } from '../support/temp';

let dir: ReturnType<typeof tempDir>;
let system: RunningSystem;
let base: string;
let webPid: number;
const VIEWER = { name: 'vic', password: 'viewer-password-456' };
const MB = 1024 * 1024;

/** Resident memory of `pid`, bytes (VmRSS of /proc/<pid>/status). */
function rssBytes(pid: number): number {
  const kb = /^VmRSS:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  if (!kb) throw new Error(`no VmRSS for ${pid}`);
  return Number(kb[1]) * 1024;
}

/** The web child of the supervisor: the process running server.ts. */
function findWebPid(root: number): number {
  const pid = descendants(root).find((p) => {
    try {
      return readFileSync(`/proc/${p}/cmdline`, 'utf8')
        .split('\0')
        .some((arg) => arg.endsWith('server.ts'));
    } catch {
      return false;
    }
  });
  if (pid === undefined) throw new Error('no web server process under hashwatt start');
  return pid;
}

interface Upload {
  status: number;
  body: string;
  sentBytes: number;
}

/**
 * Sends `totalBytes` of a JSON-looking body (or `content`) in 64 KiB chunks, declared (Content-Length) or
 * chunked, and stops sending once the server answers (fetch cannot: it fails with EPIPE when the server
 * closes the connection after an early 413). Resolves with the answer and how much was sent.
 */
function upload(path: string, cookie: string, totalBytes: number, declared: boolean, method = 'POST', content?: Buffer): Promise<Upload> {
  const url = new URL(path, base);
  return new Promise((resolve, reject) => {
    let sentBytes = 0;
    let answered = false;
    const headers: Record<string, string> = { 'content-type': 'application/json', cookie, origin: base };
    if (declared) headers['content-length'] = String(totalBytes);
    const req = request({ host: url.hostname, port: url.port, path: url.pathname, method, headers }, (res) => {
      answered = true;
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString('utf8')));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, sentBytes }));
      res.on('error', reject);
    });
    // The server closes the connection after its 413: writes after that fail, which is the point.
    req.on('error', (err) => (answered ? undefined : reject(err)));
    const filler = Buffer.alloc(64 * 1024, 0x20); // spaces: valid JSON whitespace, never a parse error
    filler[0] = 0x5b; // '['
    const pump = () => {
      while (!answered && sentBytes < totalBytes) {
        const chunk = content ? content.subarray(sentBytes, sentBytes + 64 * 1024) : filler;
        sentBytes += chunk.length;
        if (!req.write(chunk)) return void req.once('drain', pump);
      }
      if (!answered) req.end();
    };
    pump();
  });
}

async function cookieOf(who: { name: string; password: string }): Promise<string> {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: base },
    body: JSON.stringify(who),
  });
  expect(res.status).toBe(200);
  return res.headers.getSetCookie()[0].split(';')[0];
}

beforeAll(async () => {
  dir = tempDir('hashwatt-limits-');
  const dbPath = `${dir.dir}/hashwatt.db`;
  system = await startSystem({
    PORT: String(await freePort()),
    HASHWATT_DB: dbPath,
    HASHWATT_DEMO: '1',
    HASHWATT_DEMO_MINERS: '2',
    HASHWATT_POLL_INTERVAL_S: '5',
    HASHWATT_SIM_SUBNET: '127.0.141',
  });
  base = system.baseUrl;
  const added = await runHashwatt(['user', 'add', VIEWER.name, '--role', 'viewer'], {
    HASHWATT_DB: dbPath,
    HASHWATT_USER_PASSWORD: VIEWER.password,
  });
  expect(added.code, added.stderr).toBe(0);
  webPid = findWebPid(system.proc.pid!);
});

afterAll(async () => {
  await system?.interrupt();
  dir?.cleanup();
});

describe('a 200 MB body', { timeout: 120_000 }, () => {
  it.each([
    ['declared in Content-Length', true],
    ['sent chunked', false],
  ])('from a viewer, %s, is refused with 413 at 1 MiB and the web server does not grow by it', async (_how, declared) => {
    const cookie = await cookieOf(VIEWER);
    const before = rssBytes(webPid);
    // /api/auth/password is a write every signed-in person may make.
    const res = await upload('/api/auth/password', cookie, 200 * MB, declared);
    expect(res.status).toBe(413);
    expect(JSON.parse(res.body)).toEqual({
      ok: false,
      error: 'the request body is larger than 1.0 MiB (1048576 bytes), the most this route accepts',
    });
    expect(res.sentBytes).toBeLessThan(100 * MB); // refused long before the end
    const grewBytes = rssBytes(webPid) - before;
    console.log(
      `web server RSS after a 200 MB body ${_how}: ${(before / MB).toFixed(0)} MB before, grew ${(grewBytes / MB).toFixed(1)} MB; ${(res.sentBytes / MB).toFixed(1)} MB sent before the 413`,
    );
    expect(grewBytes).toBeLessThan(64 * MB); // generous: buffering the body used to add 400 MB
    // The server is still there and answers the next request.
    expect((await apiFetch(base, '/api/health')).status).toBe(200);
  });

  it('to the rig list import may be 4 MiB and says so past it', async () => {
    const cookie = await cookieOf(TEST_ADMIN);
    const res = await upload('/api/rigs', cookie, 200 * MB, false);
    expect(res.status).toBe(413);
    expect(JSON.parse(res.body).error).toBe('the request body is larger than 4.0 MiB (4194304 bytes), the most this route accepts');
  });
});

describe('JSON nested 10,000 deep', { timeout: 60_000 }, () => {
  const deep = (inner: string) => `${'['.repeat(10_000)}${inner}${']'.repeat(10_000)}`;
  it.each([
    ['POST', '/api/sites', `{"name":${deep('1')}}`],
    ['PUT', '/api/sites/1/tariff', `{"kind":"flat","pricePerKwh":${deep('1')}}`],
    ['PATCH', '/api/sites/1', `{"pue":${deep('')}}`],
    ['POST', '/api/alerts/channels', `{"name":"x","kind":"webhook","config":${deep('')}}`],
  ])('%s %s is a 400 naming the limit, never a 500', async (method, path, body) => {
    const res = await apiFetch(base, path, { method, headers: { 'Content-Type': 'application/json' }, body });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ ok: false, error: 'the body nests deeper than 64 levels of lists and objects' });
  });
});

describe('a time-of-use tariff with thousands of bands', { timeout: 60_000 }, () => {
  const band = { days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'], fromHour: 0, toHour: 24, pricePerKwh: 0.05 };
  const put = (bands: number) =>
    apiFetch(base, '/api/sites/1/tariff', {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ kind: 'tou', bands: Array.from({ length: bands }, () => band) }),
    });

  it.each([2_000, 10_000])('of %i bands is refused at once with one message', async (n) => {
    const started = Date.now();
    const res = await put(n);
    expect(Date.now() - started).toBeLessThan(10_000); // generous: 2,000 used to take 14 s, 10,000 ran out of memory
    expect(res.status).toBe(400);
    const body = (await res.json()) as { errors: string[] };
    expect(body.errors).toEqual([`bands must list at most 168 items, one per weekday-hour at most (got ${n})`]);
  });

  it('of 100,000 bands (5 MB) is refused by the size cap', async () => {
    const body = Buffer.from(JSON.stringify({ kind: 'tou', bands: Array.from({ length: 100_000 }, () => band) }));
    expect(body.length).toBeGreaterThan(5 * MB);
    const admin = await cookieOf(TEST_ADMIN);
    const res = await upload('/api/sites/1/tariff', admin, body.length, true, 'PUT', body);
    expect(res.status).toBe(413);
    // The web server is still up and the site's tariff is what it was.
    expect((await apiFetch(base, '/api/sites')).status).toBe(200);
  });

  it('with 167 overlaps lists 20 messages, the last counting the rest', async () => {
    const res = await apiFetch(base, '/api/sites/1/tariff', {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ kind: 'tou', bands: Array.from({ length: 168 }, () => band) }),
    });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { errors: string[] };
    expect(body.errors).toHaveLength(20);
    expect(body.errors[19]).toBe('... and 148 more');
  });
});

describe('a rig list with thousands of problems', { timeout: 60_000 }, () => {
  it('is refused with at most 20 reasons, the last counting the rest', async () => {
    const rigs = Array.from({ length: 4096 }, (_, i) => ({ address: `not-an-address-${i}`, driver: 'no-such-driver' }));
    const res = await apiFetch(base, '/api/rigs', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ siteId: 1, rigs }),
    });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: string; errors: string[] };
    expect(body.errors).toHaveLength(20);
    expect(body.errors[0]).toMatch(/^rigs\[0\]\./);
    expect(body.errors[19]).toMatch(/^\.\.\. and \d+ more$/);
    expect(body.error.split('; ')).toEqual(body.errors);
  });
});
