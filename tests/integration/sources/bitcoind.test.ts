/**
 * The Bitcoin Core source against a loopback JSON-RPC server that checks basic auth (user/password and
 * the cookie file) and answers batches: values stored, the fee window in one batch and reused while the
 * tip stands still, pruned and syncing nodes, and a node that stops answering.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getSourced } from '../../../lib/db/queries/source-state';
import type { NetworkState } from '../../../lib/domain/network';
import { loadSourcesConfig } from '../../../collectors/sources/config';
import { refreshSources } from '../../../collectors/sources/runner';
import { tempDb } from '../../support/temp';
import { fixtureJson } from '../../unit/sources/fixtures';
import { startFake, type FakeServer } from './fake-servers';

const T1 = Date.UTC(2025, 10, 1, 12, 0, 0);
const TIP = 925_000; // period start 923,328 (458 * 2016): 1,672 blocks in, retarget at 925,344
const PERIOD_START = 923_328;
// Blocks every 590 s from the period start, the tip found 5 minutes before T1 (a node in step with the clock).
const START_TIME_S = T1 / 1000 - (TIP - PERIOD_START) * 590 - 300;

interface Node {
  auth: string;
  tip: number;
  syncing: boolean;
  pruned: boolean;
  statsCalls: number;
}

/** getblockstats of a fake chain: 0.03 BTC + height % 10 * 1000 sats of fees, blocks every 590 s. */
function blockStats(node: Node, height: number, fields: string[]): { result: unknown; error: unknown } {
  node.statsCalls++;
  if (height > node.tip)
    return { result: null, error: { code: -8, message: `Target block height ${height} after current tip ${node.tip}` } };
  if (node.pruned && height === PERIOD_START) return { result: null, error: { code: -1, message: 'Block not available (pruned data)' } };
  const all = {
    ...(fixtureJson('network/bitcoind-getblockstats-regtest-103.json') as object),
    height,
    time: START_TIME_S + (height - PERIOD_START) * 590,
    totalfee: 3_000_000 + (height % 10) * 1000,
  };
  return { result: Object.fromEntries(Object.entries(all).filter(([k]) => fields.includes(k))), error: null };
}

function answer(node: Node, call: { id: unknown; method: string; params: unknown[] }): object {
  const base = { id: call.id };
  if (call.method === 'getmininginfo') {
    const info = (fixtureJson('network/bitcoind-getmininginfo-testnet-jsonrpc-envelope.json') as { result: object }).result;
    return { ...base, result: { ...info, blocks: node.tip, difficulty: 1.2e14, networkhashps: 8.6e20, chain: 'main' }, error: null };
  }
  if (call.method === 'getblockchaininfo') {
    const info = fixtureJson('network/bitcoind-getblockchaininfo-testnet-0.17.json') as object;
    return {
      ...base,
      result: {
        ...info,
        chain: 'main',
        blocks: node.tip,
        initialblockdownload: node.syncing,
        verificationprogress: node.syncing ? 0.4213 : 1,
      },
      error: null,
    };
  }
  if (call.method === 'getblockstats') return { ...base, ...blockStats(node, call.params[0] as number, call.params[1] as string[]) };
  return { ...base, result: null, error: { code: -32601, message: 'Method not found' } };
}

let node: Node;
let rpc: FakeServer;
let t: ReturnType<typeof tempDb>;

beforeEach(async () => {
  node = {
    auth: `Basic ${Buffer.from('hashwatt:rpc-pass-9f').toString('base64')}`,
    tip: TIP,
    syncing: false,
    pruned: false,
    statsCalls: 0,
  };
  rpc = await startFake(({ headers, body }) => {
    if (headers.authorization !== node.auth) return { status: 401, body: '', type: 'text/html' };
    const request = JSON.parse(body) as unknown;
    const reply = Array.isArray(request) ? request.map((c) => answer(node, c)) : answer(node, request as never);
    return { status: 200, body: JSON.stringify(reply) };
  });
  t = tempDb();
});
afterEach(async () => {
  t.cleanup();
  await rpc.close();
});

function refresh(env: Record<string, string>, nowMs = T1) {
  const config = loadSourcesConfig({
    HASHWATT_NETWORK_SOURCE: 'bitcoind',
    HASHWATT_BITCOIND_URL: `${rpc.url}/`,
    HASHWATT_BTC_PRICE: '90000', // no price fetch: nothing else may be contacted
    HASHWATT_SOURCE_TIMEOUT_MS: '300',
    ...env,
  });
  return refreshSources({ db: t.db, now: () => nowMs, config, log: () => undefined });
}

const USER = { HASHWATT_BITCOIND_USER: 'hashwatt', HASHWATT_BITCOIND_PASSWORD: 'rpc-pass-9f' };

describe('Bitcoin Core source', () => {
  it('with user and password: tip, subsidy, difficulty, 144-block fee mean in one batch, retarget estimate', async () => {
    await refresh(USER);
    const s = getSourced<NetworkState>(t.db, 'network');
    expect(s).toMatchObject({ source: `bitcoind:${rpc.url}/`, fetchedAtMs: T1, lastError: null });
    // Fees of 924,857..925,000: 3,000,000 + (h % 10) * 1000, a mean of 3,004,472.2 over those 144 heights.
    let sum = 0;
    for (let h = TIP - 143; h <= TIP; h++) sum += 3_000_000 + (h % 10) * 1000;
    const avgBlockMs = 590_000;
    expect(s.value).toEqual({
      tipHeight: TIP,
      subsidySats: 312_500_000,
      difficulty: 1.2e14,
      feesPerBlockSats: Math.round(sum / 144),
      networkHashrateThs: 860_000_000,
      nextAdjustment: {
        estimatedChangePct: expect.closeTo((600 / 590 - 1) * 100, 9),
        estimatedDateMs: T1 + 344 * avgBlockMs,
        blocksLeft: 344,
        height: 925_344,
      },
      halving: { height: 1_050_000, blocksLeft: 125_000, estimatedDateMs: T1 + 125_000 * avgBlockMs },
    });
    expect(rpc.requests).toHaveLength(2); // getmininginfo + getblockchaininfo, then one getblockstats batch
    expect(node.statsCalls).toBe(145);
  });

  it('reuses the fee mean while the tip stands still, and refetches when a block arrives', async () => {
    await refresh(USER);
    node.statsCalls = 0;
    await refresh(USER, T1 + 60_000);
    expect(node.statsCalls).toBe(2); // tip and period start only
    expect(getSourced(t.db, 'network').fetchedAtMs).toBe(T1 + 60_000);
    node.tip++;
    node.statsCalls = 0;
    await refresh(USER, T1 + 120_000);
    expect(node.statsCalls).toBe(145);
    expect(getSourced<NetworkState>(t.db, 'network').value?.tipHeight).toBe(TIP + 1);
  });

  it('with the cookie file, read on every refresh (Core rewrites it at each start)', async () => {
    const cookie = join(t.dir, '.cookie');
    writeFileSync(cookie, '__cookie__:0a1b2c3d4e5f\n');
    node.auth = `Basic ${Buffer.from('__cookie__:0a1b2c3d4e5f').toString('base64')}`;
    await refresh({ HASHWATT_BITCOIND_COOKIE: cookie });
    expect(getSourced(t.db, 'network')).toMatchObject({ fetchedAtMs: T1, lastError: null });

    node.auth = `Basic ${Buffer.from('__cookie__:ffff').toString('base64')}`; // node restarted
    writeFileSync(cookie, '__cookie__:ffff');
    await refresh({ HASHWATT_BITCOIND_COOKIE: cookie }, T1 + 60_000);
    expect(getSourced(t.db, 'network')).toMatchObject({ fetchedAtMs: T1 + 60_000, lastError: null });

    await refresh({ HASHWATT_BITCOIND_COOKIE: join(t.dir, 'missing.cookie') }, T1 + 120_000);
    expect(getSourced(t.db, 'network')).toMatchObject({
      fetchedAtMs: T1 + 60_000,
      lastError: expect.stringMatching(/cannot read the bitcoind cookie file .*missing\.cookie: ENOENT/),
    });

    // A path that is no cookie file is read no further than a cookie could be (it used to read /dev/zero forever).
    await refresh({ HASHWATT_BITCOIND_COOKIE: '/dev/zero' }, T1 + 180_000);
    expect(getSourced(t.db, 'network')).toMatchObject({
      fetchedAtMs: T1 + 60_000,
      lastError: 'the bitcoind cookie file /dev/zero is larger than 4096 bytes: not a cookie file',
    });
  });

  it('a wrong password is an HTTP 401 that never shows the password', async () => {
    await refresh({ ...USER, HASHWATT_BITCOIND_PASSWORD: 'wrong-pass-77' });
    const s = getSourced(t.db, 'network');
    expect(s.lastError).toBe(`HTTP 401: bitcoind refused the RPC user/password or cookie (POST ${rpc.url}/)`);
    expect(s.value).toBeNull();
  });

  it('a pruned period start gives no retarget estimate; a syncing node is refused', async () => {
    node.pruned = true;
    await refresh(USER);
    expect(getSourced<NetworkState>(t.db, 'network').value).toMatchObject({ tipHeight: TIP, nextAdjustment: null });
    node.syncing = true;
    await refresh(USER, T1 + 60_000);
    expect(getSourced(t.db, 'network')).toMatchObject({
      fetchedAtMs: T1,
      lastError: `bitcoind is still syncing (main, block ${TIP}, 42.1 % verified) (POST ${rpc.url}/)`,
    });
  });

  it('a node that stops answering times out and leaves the last value', async () => {
    await refresh(USER);
    rpc.mode = 'silent';
    const started = Date.now();
    await refresh(USER, T1 + 60_000);
    expect(Date.now() - started).toBeLessThan(1500);
    expect(getSourced<NetworkState>(t.db, 'network')).toMatchObject({
      value: { tipHeight: TIP },
      fetchedAtMs: T1,
      attemptedAtMs: T1 + 60_000,
      lastError: `no answer within 300 ms (POST ${rpc.url}/)`,
    });
  });
});
