/**
 * Simulated replies have the real envelope: same keys in the same order and the same value types as the
 * captured replies in tests/fixtures/asic, with values that agree with the miner's state.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { dashTemps } from '../../../collectors/simulator/antminer-replies';
import { planFleet } from '../../../collectors/simulator/fleet-plan';
import { minerStateAt } from '../../../collectors/simulator/miner-state';
import { replyObject, replyText } from '../../../collectors/simulator/respond';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const FIXTURES = new URL('../../fixtures/asic/', import.meta.url);
const capture = (name: string): Json => JSON.parse(readFileSync(new URL(name, FIXTURES), 'utf8'));

const SEED = 11;
const T = Date.UTC(2025, 2, 3, 14, 0, 0) + 1234;
const fleet = planFleet({ miners: 48 });
const S19 = fleet[0];
const M50S = fleet[2];
const S21 = fleet[4];
const M60S = fleet[7];
const LOST = fleet[9];
const ask = (rig = S19, command = 'stats', t = T): Json => replyObject(JSON.stringify({ command }), rig, SEED, t) as Json;

/** Key order and JS value types of an object, for comparing against a capture. */
function shape(obj: Json, skipTypes: string[] = []): Array<[string, string]> {
  return Object.entries(obj).map(([k, v]) => [k, skipTypes.includes(k) ? '*' : Array.isArray(v) ? 'array' : typeof v]);
}

/** The 4 values of a dash-joined sensor string, with the parse rule from protocols.md 1.3. */
function sensors(text: string): number[] {
  return [...text.matchAll(/(?:^|(?<=\d)-)(-?\d+)/g)].map((m) => Number(m[1]));
}

describe('Antminer stock replies', () => {
  it('version matches the S19 Pro capture shape', () => {
    const real = capture('antminer-s19pro-version.json');
    const sim = ask(S19, 'version');
    expect(Object.keys(sim)).toEqual(Object.keys(real));
    expect(shape(sim.STATUS[0])).toEqual(shape(real.STATUS[0]));
    expect(shape(sim.VERSION[0])).toEqual(shape(real.VERSION[0]));
    expect(sim.VERSION[0].Type).toBe('Antminer S19 Pro');
    expect(sim.STATUS[0]).toMatchObject({ STATUS: 'S', Code: 22, Description: 'cgminer 1.0.0', When: Math.floor(T / 1000) });
  });

  it('stats has the capture keys in the capture order, with "GHS 5s" and chain rates as strings', () => {
    const real = capture('antminer-s19pro-stats.json');
    const sim = ask(S19, 'stats');
    expect(Object.keys(sim)).toEqual(Object.keys(real));
    expect(shape(sim.STATUS[0])).toEqual(shape(real.STATUS[0]));
    expect(sim.STATUS[0]).toMatchObject({ Code: 70, Msg: 'CGMiner stats', Description: 'cgminer 1.0.0' });
    expect(shape(sim.STATS[0])).toEqual(shape(real.STATS[0]));
    // The capture was re-serialised (number); firmware often sends a string, which the brief asks for.
    expect(shape(sim.STATS[1], ['GHS 5s'])).toEqual(shape(real.STATS[1], ['GHS 5s']));
    const dev = sim.STATS[1];
    expect(typeof dev['GHS 5s']).toBe('string');
    expect(dev).toMatchObject({ rate_unit: 'GH', chain_acn4: 0, chain_acs4: '', chain_rate4: '', temp_chip4: '0-0-0-0' });
    expect(JSON.stringify(sim)).not.toMatch(/power/i); // stock firmware reports no power
  });

  it('stats values agree with the state: chain rates sum to GHS 5s, sensors parse back', () => {
    const state = minerStateAt(S19, SEED, T);
    const dev = ask(S19, 'stats').STATS[1];
    expect(Number(dev['GHS 5s']) / 1000).toBeCloseTo(state.hashrateThs, 4);
    const chains = [1, 2, 3].map((n) => Number(dev[`chain_rate${n}`]));
    expect(chains.reduce((a, b) => a + b, 0)).toBeCloseTo(Number(dev['GHS 5s']), 0);
    expect(sensors(dev.temp_chip1)).toEqual(state.boards[0].chipTempsC);
    expect(sensors(dev.temp_pcb2)).toEqual(state.boards[1].pcbTempsC);
    expect(dev.temp2_1).toBe(Math.max(...state.boards[0].chipTempsC));
    expect([1, 2, 3, 4].map((n) => dev[`fan${n}`])).toEqual(state.fansRpm);
    expect(dev.chain_acs1).toBe(' ooo'.repeat(38)); // 114 chips, as in the capture
    expect(dev.total_rateideal).toBe(110000);
  });

  it('formats negative sensor values the way the firmware does', () => {
    expect(dashTemps([2, -1, 20, 22])).toBe('2--1-20-22');
    expect(dashTemps([-8, -11, 10, 12])).toBe('-8--11-10-12');
    expect(sensors(dashTemps([-8, -11, 10, 12]))).toEqual([-8, -11, 10, 12]);
  });

  it('S21 carries the S21 values from the web-API capture', () => {
    const info = capture('antminer-s21-http-summary.cgi.json').INFO;
    const version = ask(S21, 'version').VERSION[0];
    expect(version).toMatchObject({ Type: info.type, Miner: info.miner_version, CompileTime: info.CompileTime });
    const dev = ask(S21, 'stats').STATS[1];
    expect(dev.total_rateideal).toBe(200000);
    expect(dev.chain_acn1).toBe(108);
    expect(Number(dev['GHS 5s']) / 1000).toBeGreaterThan(194);
  });

  it('the lost-board rig shows an empty chain 2 and about 2/3 of its hash rate', () => {
    const dev = ask(LOST, 'stats').STATS[1];
    expect(dev).toMatchObject({ chain_acn2: 0, chain_rate2: '', chain_acs2: '', chain_hw2: 0, temp_chip2: '0-0-0-0' });
    expect(dev.miner_count).toBe(2);
    expect(dev.total_acn).toBe(228);
    expect(Number(dev['GHS 5s']) / dev.total_rateideal).toBeGreaterThan(0.64);
    expect(Number(dev['GHS 5s']) / dev.total_rateideal).toBeLessThan(0.69);
  });

  it('summary is a cgminer SUMMARY with Code 11', () => {
    const sim = ask(S19, 'summary');
    const state = minerStateAt(S19, SEED, T);
    expect(sim.STATUS[0]).toMatchObject({ STATUS: 'S', Code: 11, Msg: 'Summary', Description: 'cgminer 1.0.0' });
    expect(sim.SUMMARY[0]).toMatchObject({
      Elapsed: state.elapsedS,
      Accepted: state.accepted,
      Rejected: state.rejected,
      'Hardware Errors': state.hardwareErrors,
    });
    for (const k of ['GHS 5s', 'GHS av', 'GHS 30m']) expect(typeof sim.SUMMARY[0][k]).toBe('number');
  });

  it('pools matches the S19 capture shape', () => {
    const real = capture('antminer-s19-pools.json');
    const sim = ask(S19, 'pools');
    expect(shape(sim.STATUS[0])).toEqual(shape(real.STATUS[0]));
    expect(sim.POOLS).toHaveLength(3);
    for (let i = 0; i < 3; i++) expect(shape(sim.POOLS[i])).toEqual(shape(real.POOLS[i]));
    expect(sim.POOLS[0]).toMatchObject({ Status: 'Alive', 'Stratum Active': true, User: 'hashwattdemo.rockdale-a01' });
    expect(sim.POOLS[0]['Last Share Time']).toMatch(/^\d+:\d\d:\d\d$/);
  });
});

describe('Whatsminer replies', () => {
  const errorKeys = /^(Factory )?Error Code \d+$|^Error \d+ Time$/;

  it('summary has the M31S capture keys in order (minus active error codes) and reports power', () => {
    const real = capture('whatsminer-m31s-summary.json');
    const sim = ask(M60S, 'summary');
    const realSummary = Object.fromEntries(Object.entries(real.SUMMARY[0]).filter(([k]) => !errorKeys.test(k)));
    expect(shape(sim.SUMMARY[0])).toEqual(shape(realSummary));
    expect(shape(sim.STATUS[0])).toEqual(shape(real.STATUS[0]));
    const s = sim.SUMMARY[0];
    const state = minerStateAt(M60S, SEED, T);
    expect(s['MHS 5s'] / 1e6).toBeCloseTo(state.hashrateThs, 4);
    expect(s.Power).toBe(Math.round(state.powerW));
    expect(s['Power Rate']).toBeCloseTo(s.Power / (s['MHS 5s'] / 1e6), 1);
    expect(s['Factory GHS']).toBe(186000);
    expect(s['Firmware Version']).toBe("'20240722.22.REL'");
    expect(s['Chip Temp Max']).toBe(state.tempMaxC);
    expect(s.MAC).toMatch(/^([0-9A-F]{2}:){5}[0-9A-F]{2}$/);
    expect(sim.STATUS[0].Description).toBe('btminer');
  });

  it('edevs has one M31S-shaped entry per board', () => {
    const real = capture('whatsminer-m31s-edevs.json');
    const sim = ask(M50S, 'edevs');
    expect(Object.keys(sim)).toEqual(Object.keys(real));
    expect(sim.STATUS[0]).toMatchObject({ Code: 9, Msg: '3 ASC(s)' });
    expect(sim.DEVS.map((d: Json) => d.Slot)).toEqual([0, 1, 2]);
    for (const d of sim.DEVS) expect(shape(d)).toEqual(shape(real.DEVS[0]));
    const totalMhs = sim.DEVS.reduce((a: number, d: Json) => a + d['MHS 5s'], 0);
    expect(totalMhs).toBeCloseTo(ask(M50S, 'summary').SUMMARY[0]['MHS 5s'], -1);
  });

  it('devdetails names the firmware model per board', () => {
    const sim = ask(M60S, 'devdetails');
    expect(sim.STATUS[0]).toMatchObject({ STATUS: 'S', Code: 69, Msg: 'Device Details' });
    expect(sim.DEVDETAILS.map((d: Json) => d.Model)).toEqual(['M60S_VK30', 'M60S_VK30', 'M60S_VK30']);
    expect(ask(M50S, 'devdetails').DEVDETAILS[0].Model).toBe('M50S_VH50');
  });

  it('pools matches the M31S capture shape', () => {
    const real = capture('whatsminer-m31s-pools.json');
    const sim = ask(M60S, 'pools');
    for (let i = 0; i < 3; i++) expect(shape(sim.POOLS[i])).toEqual(shape(real.POOLS[i]));
    expect(sim.POOLS.map((p: Json) => p.POOL)).toEqual([1, 2, 3]);
  });

  it('answers {"cmd": ...} exactly like the captured Missing JSON command error', () => {
    const real = capture('whatsminer-m31s-error-missing-command.json');
    const sim = replyObject('{"cmd":"pools+summary+edevs"}', M60S, SEED, T) as Json;
    expect({ ...sim, STATUS: [{ ...sim.STATUS[0], When: 0 }] }).toEqual({ ...real, STATUS: [{ ...real.STATUS[0], When: 0 }] });
  });
});

describe('errors and determinism', () => {
  it('answers an unknown command with STATUS E Code 14 shaped like the real firmware', () => {
    const real = capture('luxos-error-invalid-command.json');
    for (const rig of [S19, M60S]) {
      const sim = ask(rig, 'frobnicate');
      expect(Object.keys(sim)).toEqual(Object.keys(real));
      expect(Object.keys(sim.STATUS[0]).sort()).toEqual(Object.keys(real.STATUS[0]).sort());
      expect(sim.STATUS[0]).toMatchObject({ STATUS: 'E', Code: 14, Msg: 'Invalid command' });
    }
  });

  it('answers a request that is not JSON (or not an object) with Code 23 Invalid JSON', () => {
    for (const body of ['summary', '{"command":', '', '[1,2]', '\u0000\u0001garbage']) {
      const sim = replyObject(body, S19, SEED, T) as Json;
      expect(sim.STATUS[0]).toMatchObject({ STATUS: 'E', Code: 23, Msg: 'Invalid JSON' });
    }
  });

  it('accepts a trailing NUL and a "parameter" in the request', () => {
    expect((replyObject('{"command":"summary","parameter":"0"}\u0000', S19, SEED, T) as Json).STATUS[0].Code).toBe(11);
  });

  it('gives the same bytes for the same seed and time, different bytes at another time', () => {
    for (const rig of [S19, M50S, S21, M60S, LOST])
      for (const command of ['version', 'stats', 'summary', 'pools', 'edevs', 'devdetails']) {
        const req = JSON.stringify({ command });
        expect(replyText(req, rig, SEED, T)).toBe(replyText(req, rig, SEED, T));
      }
    const req = '{"command":"summary"}';
    expect(replyText(req, S19, SEED, T + 10_000)).not.toBe(replyText(req, S19, SEED, T));
    expect(replyText(req, S19, SEED + 1, T)).not.toBe(replyText(req, S19, SEED, T));
  });
});
