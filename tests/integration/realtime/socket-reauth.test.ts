/**
 * Open sockets are authorized again whenever access changes, through the real gate, tailer and SQLite
 * file: a user narrowed, widened or demoted, a revoked kiosk token, each from another connection (as the
 * web's API or the CLI writes), is told 'access-changed' and closed within the tailer's next look; a
 * change to someone else leaves the socket alone; a session ended without an access change in the log
 * (as an expired one) is caught by the periodic recheck.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { io as connect, type Socket } from 'socket.io-client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDb, type Db } from '../../../lib/db/client';
import { changeUser } from '../../../lib/db/mutations/manage-users';
import { upsertDemoFleet } from '../../../lib/db/mutations/upsert-demo-fleet';
import { createApiToken, createSession, createUser, endSessionsOf, revokeApiToken } from '../../../lib/db/mutations/users';
import type { ClientToServerEvents, ServerToClientEvents } from '../../../lib/views/contracts';
import { attachRealtime, revocationReason } from '../../../lib/realtime/socket-server';
import { startTailer, type Tailer } from '../../../lib/realtime/tailer';
import { createGate } from '../../../lib/web/gate';
import { loadWebConfig } from '../../../lib/config';
import { tempDb } from '../../support/temp';

type Client = Socket<ServerToClientEvents, ClientToServerEvents>;
const MARKET = { currency: 'USD', networkStaleAfterMs: 60_000, priceStaleAfterMs: 60_000 };
/** The periodic recheck: long where the access row alone must do it, short where only it can. */
const SLOW_RECHECK_MS = 60_000;
const FAST_RECHECK_MS = 400;
let t: ReturnType<typeof tempDb>;
let webDb: Db;
let http: Server;
let tailer: Tailer;
let realtime: ReturnType<typeof attachRealtime>;
let url: string;
const clients: Client[] = [];

beforeEach(() => {
  t = tempDb();
  const rig = (name: string, site: string, n: number) => ({
    name,
    site,
    address: `127.0.9.${n}`,
    port: 4028,
    driver: 'antminer',
    model: 'Antminer S21',
    nameplateHashrateThs: 200,
    nameplatePowerW: 3500,
  });
  upsertDemoFleet(
    t.db,
    {
      sites: [
        { name: 'North', timeZone: 'UTC', currency: 'USD' },
        { name: 'South', timeZone: 'UTC', currency: 'USD' },
      ],
      rigs: [rig('n1', 'North', 1), rig('s1', 'South', 2)],
    },
    1,
  );
});

/** The web side as server.ts wires it, on its own connection: gate, socket.io, tailer. */
async function serve(recheckMs: number) {
  webDb = openDb(t.path);
  const gate = createGate({ db: webDb, web: loadWebConfig({}), dev: false, publicUrl: null });
  http = createServer();
  realtime = attachRealtime(http, webDb, MARKET, gate.authenticateUpgrade, recheckMs);
  tailer = startTailer(webDb, MARKET, realtime.broadcast, 50, realtime.recheck);
  await new Promise<void>((r) => http.listen(0, '127.0.0.1', r));
  url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  served = true;
}

let served = false;
afterEach(async () => {
  for (const c of clients.splice(0)) c.disconnect();
  if (served) {
    tailer.stop();
    realtime.stop();
    await new Promise<void>((r) => void realtime.io.close(() => r()));
    webDb.close();
    served = false;
  }
  t.cleanup();
});

/** A connected socket as the holder of `headers`, recording why and when the server closed it. */
async function open(headers: Record<string, string>) {
  const c: Client = connect(url, { transports: ['websocket'], forceNew: true, reconnection: false, extraHeaders: headers });
  clients.push(c);
  const seen = { reason: null as string | null, closedAtMs: null as number | null };
  c.on('access-changed', (reason) => (seen.reason = reason));
  c.on('disconnect', () => (seen.closedAtMs = Date.now()));
  await new Promise<void>((resolve, reject) => {
    c.once('connect', () => resolve());
    c.once('connect_error', reject);
  });
  return seen;
}

const asUser = (userId: number) => ({
  cookie: `hw_sess=${createSession(t.db, userId, Date.now(), { idleMs: 3_600_000, maxAgeMs: 3_600_000 })}`,
});
const settle = (ms: number) => new Promise((r) => setTimeout(r, ms));
const ADMIN = { userId: 1 };

describe('sockets re-authorized on access changes', () => {
  it("closes a user's socket when they are narrowed, widened or demoted, telling why, within a second", async () => {
    await serve(SLOW_RECHECK_MS);
    createUser(t.db, 'root', 'admin', 'x', null, 1);
    const narrowed = createUser(t.db, 'nina', 'operator', 'x', [1, 2], 1);
    const widened = createUser(t.db, 'walt', 'viewer', 'x', [1], 1);
    const demoted = createUser(t.db, 'otto', 'operator', 'x', null, 1);
    const bystander = createUser(t.db, 'bea', 'viewer', 'x', [2], 1);
    const sockets = {
      narrowed: await open(asUser(narrowed)),
      widened: await open(asUser(widened)),
      demoted: await open(asUser(demoted)),
      bystander: await open(asUser(bystander)),
    };

    const changedAtMs = Date.now();
    expect(changeUser(t.db, ADMIN, narrowed, { siteIds: [1] })).toEqual({ ok: true });
    expect(changeUser(t.db, ADMIN, widened, { siteIds: null })).toEqual({ ok: true });
    expect(changeUser(t.db, ADMIN, demoted, { role: 'viewer' })).toEqual({ ok: true });
    await expect
      .poll(() => [sockets.narrowed, sockets.widened, sockets.demoted].every((s) => s.closedAtMs !== null), { timeout: 5_000 })
      .toBe(true);
    expect(sockets.narrowed.reason).toBe('access changed: operator of sites 1,2 is now operator of sites 1');
    expect(sockets.widened.reason).toBe('access changed: viewer of sites 1 is now viewer of every site');
    expect(sockets.demoted.reason).toBe('access changed: operator of every site is now viewer of every site');
    // Through the access row the tailer saw (the periodic recheck is a minute away).
    expect(Math.max(...[sockets.narrowed, sockets.widened, sockets.demoted].map((s) => s.closedAtMs! - changedAtMs))).toBeLessThan(1_000);
    expect(sockets.bystander.closedAtMs).toBeNull();
  });

  it('closes a kiosk wall whose token is revoked, and leaves the other kiosk streaming', async () => {
    await serve(SLOW_RECHECK_MS);
    const revoked = createApiToken(t.db, 'kiosk', 'north tv', 'viewer', 1, 1);
    const kept = createApiToken(t.db, 'kiosk', 'south tv', 'viewer', 2, 1);
    const [gone, stays] = [await open({ cookie: `hw_kiosk=${revoked.token}` }), await open({ authorization: `Bearer ${kept.token}` })];
    expect(revokeApiToken(t.db, revoked.id, Date.now())).toBe(true);
    await expect.poll(() => gone.closedAtMs, { timeout: 1_000 }).not.toBeNull();
    expect(gone.reason).toBe('sign in required'); // its cookie no longer signs anyone in
    await settle(500);
    expect(stays.closedAtMs).toBeNull();
  });

  it('catches a session that ended without an access change in the log at the periodic recheck', async () => {
    await serve(FAST_RECHECK_MS);
    const vic = createUser(t.db, 'vic', 'viewer', 'x', null, 1);
    const socket = await open(asUser(vic));
    endSessionsOf(t.db, vic); // as an expiry or a sign-out elsewhere: no 'access' row
    await expect.poll(() => socket.closedAtMs, { timeout: FAST_RECHECK_MS * 5 }).not.toBeNull();
    expect(socket.reason).toBe('sign in required');
  });
});

describe('revocationReason', () => {
  const op = { role: 'operator', siteIds: [2, 1], name: 'o', via: 'session', userId: 2, tokenId: null } as const;
  it('keeps a socket whose access is the same (sites in any order) or whose database was only busy', () => {
    expect(revocationReason(op, { principal: { ...op, siteIds: [1, 2] } })).toBeNull();
    expect(revocationReason(op, { error: 'the database is busy', retryable: true })).toBeNull();
    expect(revocationReason(op, { error: 'sign in required' })).toBe('sign in required');
  });
});
