/**
 * Pool accounts written from the settings screen on a real SQLite file, and read by the sources runner
 * on its next refresh against a real loopback pool API: an added pool is fetched, an edit that kept the
 * secret behind "<redacted>" still authenticates, and a removed pool is neither fetched nor shown.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadSourcesConfig } from '../../../collectors/sources/config';
import { refreshSources } from '../../../collectors/sources/runner';
import { createPool, deletePool, updatePool } from '../../../lib/db/mutations/pools';
import { getPoolConfig, listPoolViews } from '../../../lib/db/queries/pools';
import { getSourced } from '../../../lib/db/queries/source-state';
import type { PoolAccountState } from '../../../lib/domain/network';
import { parsePoolInput } from '../../../lib/settings/pool-input';
import { tempDb } from '../../support/temp';
import { FAKE_TOKEN, startCapturesServer, type FakeServer } from '../sources/fake-servers';

let server: FakeServer;
let t: ReturnType<typeof tempDb>;
let clockMs = 1_700_000_000_000;

beforeEach(async () => {
  server = await startCapturesServer();
  t = tempDb();
});
afterEach(async () => {
  t.cleanup();
  await server.close();
});

function refresh() {
  clockMs += 60_000;
  const config = loadSourcesConfig({ HASHWATT_MEMPOOL_URL: `${server.url}/api`, HASHWATT_SOURCE_TIMEOUT_MS: '500' });
  return refreshSources({ db: t.db, now: () => clockMs, config, log: () => undefined });
}

function parsed(body: unknown, storedId: number | null = null) {
  const res = parsePoolInput(body, storedId === null ? null : getPoolConfig(t.db, storedId));
  if (!res.ok) throw new Error(res.error.join('; '));
  return res.value;
}

describe('pool accounts from the settings screen', () => {
  it('an added pool is fetched on the next refresh; an edit keeping the redacted token still authenticates', async () => {
    const add = createPool(
      t.db,
      parsed({
        name: 'Braiins',
        kind: 'braiins',
        baseUrl: `${server.url}/braiins`,
        credentials: { token: FAKE_TOKEN },
        matchUrl: 'braiins.com',
      }),
      clockMs,
    );
    expect(add.ok).toBe(true);
    const id = add.ok ? add.value : 0;
    await refresh();
    const first = getSourced<PoolAccountState>(t.db, `pool:${id}`);
    expect(first.lastError).toBeNull();
    expect(first.value?.hashrateThs1h).toBeGreaterThan(0);

    const [view] = listPoolViews(t.db);
    expect(view).toMatchObject({
      id,
      name: 'Braiins',
      kind: 'braiins',
      credentials: { token: '<redacted>' },
      feePct: 2,
      state: { key: `pool:${id}`, lastError: null },
    });
    const { id: _id, state: _state, ...shown } = view;
    expect(updatePool(t.db, id, parsed({ ...shown, feePct: 1.5 }, id), clockMs)).toEqual({ ok: true, value: id });
    expect(getPoolConfig(t.db, id)?.credentials).toEqual({ token: FAKE_TOKEN });
    await refresh();
    expect(getSourced(t.db, `pool:${id}`)).toMatchObject({ lastError: null, fetchedAtMs: clockMs });
  });

  it('a wrong token is reported on the pool without exposing it, and the other pools go on', async () => {
    const bad = createPool(
      t.db,
      parsed({ name: 'Bad', kind: 'braiins', baseUrl: `${server.url}/braiins`, credentials: { token: 'wrong-token-777' }, matchUrl: 'x' }),
      clockMs,
    );
    const good = createPool(
      t.db,
      parsed({
        name: 'Ocean',
        kind: 'ocean',
        baseUrl: `${server.url}/ocean`,
        credentials: { address: 'bc1qexampleaddress' },
        matchUrl: 'ocean',
      }),
      clockMs,
    );
    await refresh();
    const views = listPoolViews(t.db);
    expect(views.map((v) => [v.name, v.state?.lastError === null])).toEqual([
      ['Bad', false],
      ['Ocean', true],
    ]);
    expect(views[0].state?.lastError).not.toContain('wrong-token-777');
    expect(bad.ok && good.ok).toBe(true);
  });

  it('refuses a duplicate name and removes a pool with its state', async () => {
    const a = createPool(
      t.db,
      parsed({
        name: 'Ocean',
        kind: 'ocean',
        baseUrl: `${server.url}/ocean`,
        credentials: { address: 'bc1qexampleaddress' },
        matchUrl: 'ocean',
      }),
      clockMs,
    );
    expect(createPool(t.db, parsed({ name: 'Ocean', kind: 'f2pool', credentials: { user: 'u' }, matchUrl: 'f2' }), clockMs)).toEqual({
      ok: false,
      error: { reason: 'conflict', message: 'a pool named "Ocean" already exists' },
    });
    await refresh();
    const id = a.ok ? a.value : 0;
    expect(getSourced(t.db, `pool:${id}`).fetchedAtMs).not.toBeNull();
    expect(deletePool(t.db, id, clockMs)).toEqual({ ok: true, value: id });
    expect(deletePool(t.db, id, clockMs)).toEqual({ ok: false, error: { reason: 'not-found', message: `no pool with id ${id}` } });
    expect(getSourced(t.db, `pool:${id}`).attemptedAtMs).toBeNull();
    await refresh();
    expect(listPoolViews(t.db)).toEqual([]);
    expect(getSourced(t.db, `pool:${id}`).attemptedAtMs).toBeNull();
  });
});
