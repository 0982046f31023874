/**
 * The simulated Whatsminer API v3 replies have the shape of the vendor-doc captures: same keys in the same
 * order, same value types, TH/s and W; get.miner.status answers each "+"-joined part of param.
 */
import { describe, expect, it } from 'vitest';
import { fixtureText } from '../../support/driver-fixtures';
import { deviceInfoDocAsJson } from '../../support/whatsminer-v3-fixtures';
import { parseWhatsminerV3 } from '../../../collectors/drivers/whatsminer-v3/parse';
import { planFleet } from '../../../collectors/simulator/fleet-plan';
import { minerStateAt } from '../../../collectors/simulator/miner-state';
import { replyObject } from '../../../collectors/simulator/respond';

const T0 = Date.UTC(2025, 0, 1);
const rig = planFleet({ miners: 1, mix: ['whatsminer-v3-m60s'], subnet: '127.0.112' })[0];
const ask = (req: object) => replyObject(JSON.stringify(req), rig, 7, T0) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** Key -> JSON type, recursively for objects (arrays by their first element). */
function shape(v: unknown): unknown {
  if (Array.isArray(v)) return v.length ? [shape(v[0])] : [];
  if (v && typeof v === 'object') return Object.entries(v).map(([k, x]) => [k, shape(x)]);
  return typeof v;
}

describe('simulated API v3 replies are shaped like the doc captures', () => {
  it('get.miner.status summary: same keys, order and types as the doc example', () => {
    const doc = JSON.parse(fixtureText('whatsminer-apiv3-docs-get.miner.status-summary.json'));
    const sim = ask({ cmd: 'get.miner.status', param: 'summary' });
    expect(shape(sim)).toEqual(shape(doc));
    expect(sim).toMatchObject({ code: 0, when: Math.floor(T0 / 1000), desc: 'get.miner.status' });
  });

  it('get.device.info: the doc example made JSON, key for key (error-code empty: no fault)', () => {
    const doc = JSON.parse(deviceInfoDocAsJson());
    const sim = ask({ cmd: 'get.device.info' });
    const { 'error-code': docErrors, ...docMsg } = doc.msg;
    const { 'error-code': simErrors, ...simMsg } = sim.msg;
    expect(shape(simMsg)).toEqual(shape(docMsg));
    expect([Array.isArray(docErrors), simErrors]).toEqual([true, []]);
    expect(sim.msg.miner).toMatchObject({ type: 'M60S_VK30', 'hash-board': 'K30', working: 'true', 'board-num': '3' });
  });

  it('a combined param answers summary, pools and edevs under their own keys', () => {
    const sim = ask({ cmd: 'get.miner.status', param: 'summary+pools+edevs' });
    expect(Object.keys(sim.msg)).toEqual(['summary', 'pools', 'edevs']);
    expect(sim.msg.edevs.map((e: { slot: number }) => e.slot)).toEqual([0, 1, 2]);
    expect(sim.msg.pools[0]).toMatchObject({ id: 1, status: 'alive', 'stratum-active': true });
  });

  it('the driver reads the simulated replies to the same state the simulator has', () => {
    const state = minerStateAt(rig, 7, T0);
    const r = parseWhatsminerV3({
      summary: ask({ cmd: 'get.miner.status', param: 'summary' }),
      deviceInfo: ask({ cmd: 'get.device.info' }),
      edevs: ask({ cmd: 'get.miner.status', param: 'edevs' }),
    });
    expect(r.hashrateThs).toBeCloseTo(state.hashrate1mThs, 2);
    expect(r.boards.map((b) => b.chips)).toEqual([245, 245, 245]);
    expect(r.tempMaxC).toBe(state.tempMaxC);
  });

  it.each([
    [{ cmd: 'get.nothing' }, -2],
    [{ nocmd: 1 }, -3],
    [{ cmd: 'get.miner.status', param: 'bogus' }, -1],
  ])('error envelope for %j: code %i', (req, code) => {
    expect(ask(req)).toMatchObject({ code, desc: expect.any(String), msg: expect.any(String) });
  });

  it('a request that is not JSON gets code -3', () => {
    expect(replyObject('summary', rig, 7, T0)).toMatchObject({ code: -3 });
  });
});
