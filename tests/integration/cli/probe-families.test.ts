/**
 * The miner-coverage acceptance check: `hashwatt probe` auto-detects one simulated rig of every family in
 * the demo mix (127.0.122.x) and reads it like the simulator's truth, with the power source each family's
 * protocol implies (protocols.md §0: stock Antminer and Antminer web CGI report no power, TeamRedMiner and
 * PhoenixMiner neither; everything else reports it). The gpu-agent knows no hash rate at all.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FULL_MIX, SIM_MODELS } from '../../../collectors/simulator/fleet-plan';
import { SIM_FAMILIES } from '../../../collectors/simulator/families';
import { startSimulator, type RunningSimulator } from '../../../collectors/simulator/simulator';
import { runHashwatt } from '../../support/run-cli';

const POWER_SOURCE: Record<string, 'firmware' | 'estimated' | null> = {
  antminer: 'estimated',
  'antminer-web': 'estimated',
  whatsminer: 'firmware',
  'whatsminer-v3': 'firmware',
  avalon: 'firmware',
  braiins: 'firmware',
  luxos: 'firmware',
  vnish: 'firmware',
  axeos: 'firmware',
  'gpu-agent': 'firmware',
  trex: 'firmware',
  lolminer: 'firmware',
  gminer: 'firmware',
  nbminer: 'firmware',
  teamredminer: null,
  srbminer: 'firmware', // the simulated SRBMiner has 2.x's per-GPU power (unverified shape)
  phoenixminer: null,
};

const T0 = Date.UTC(2026, 10, 24, 15, 0, 0);
let sim: RunningSimulator;
const ids = [...new Set(FULL_MIX)];

beforeAll(async () => {
  // One rig of each model at the first site (even indexes), on a fixed clock.
  sim = await startSimulator({
    miners: ids.length * 2,
    mix: ids,
    subnet: '127.0.122',
    httpPort: null,
    seed: 13,
    faults: false,
    now: () => T0,
  });
});
afterAll(async () => {
  await sim?.stop();
});

describe('hashwatt probe reads every family of the demo', () => {
  it('covers every simulated family', () => {
    expect(new Set(ids.map((id) => SIM_MODELS[id].family))).toEqual(new Set(Object.keys(SIM_FAMILIES)));
    expect(Object.keys(POWER_SOURCE).sort()).toEqual(Object.keys(SIM_FAMILIES).sort());
  });

  it.each(ids)('%s', async (id) => {
    const model = SIM_MODELS[id];
    const rig = sim.manifest.rigs.find((r, i) => i % 2 === 0 && r.model === model.model && r.driver === SIM_FAMILIES[model.family].driver)!;
    const http = SIM_FAMILIES[model.family].protocol === 'http';
    const spec = http ? `http://${rig.address}:${rig.port}` : `${rig.address}:${rig.port}`;
    const res = await runHashwatt(['probe', spec, '--json', '--timeout', '3']);
    expect(res.stderr, spec).toBe('');
    expect(res.code).toBe(0);
    const out = JSON.parse(res.stdout);
    expect(out.driver).toBe(rig.driver);
    expect(out.identity.driver).toBe(rig.driver);
    const reading = out.reading;
    const truth = sim.truth(rig.name);
    // Families read different windows (5 s, 1 min, average); all lie within a few percent of each other.
    if (model.family === 'gpu-agent') expect(reading.hashrateThs).toBe(0);
    else {
      const near = [truth.hashrateThs, truth.hashrate1mThs].some((t) => Math.abs(reading.hashrateThs - t) <= 0.05 * t);
      expect(near, `${id}: ${reading.hashrateThs} vs ${truth.hashrateThs}/${truth.hashrate1mThs}`).toBe(true);
    }
    expect(reading.powerSource, id).toBe(POWER_SOURCE[model.family]);
    if (reading.powerSource === 'firmware') expect(Math.abs(reading.powerW - truth.powerW)).toBeLessThanOrEqual(0.05 * truth.powerW);
    expect(reading.algorithm === undefined ? 'sha256' : reading.algorithm, id).toBe(model.family === 'gpu-agent' ? null : model.algorithm);
  });
});
