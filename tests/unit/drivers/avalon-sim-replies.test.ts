/**
 * The simulated Avalon A1566 answers in the shape of the real captures: same keys in the same order with the
 * same JSON types, the same MM ID0 tokens in the same order, uptime-relative When, and the joined
 * multi-command form. No sockets here; tests/integration/drivers/avalon-simulator.test.ts polls it over TCP.
 */
import { describe, expect, it } from 'vitest';
import { fixtureBody as body } from '../../support/driver-fixtures';
import { planFleet } from '../../../collectors/simulator/fleet-plan';
import { minerStateAt } from '../../../collectors/simulator/miner-state';
import { replyObject } from '../../../collectors/simulator/respond';
import { parseMmId } from '../../../collectors/drivers/avalon/mm-id';
import { parseAvalon } from '../../../collectors/drivers/avalon/parse';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const SEED = 7;
const T = Date.UTC(2025, 5, 1, 12, 0, 0);
const [rig] = planFleet({ miners: 2, mix: ['avalon-a1566'], subnet: '127.0.110' });
const ask = (command: string): Json => replyObject(JSON.stringify({ command }), rig, SEED, T) as Json;
const state = minerStateAt(rig, SEED, T);

/** [key, JSON type] pairs in order. */
const shape = (o: Json) => Object.entries(o).map(([k, v]) => [k, Array.isArray(v) ? 'array' : v === null ? 'null' : typeof v]);

const joinedCapture = () => body('avalon-1047-pools+summary+stats.json') as Json;

describe('simulated Avalon replies', () => {
  it.each([
    ['version', 'avalon-a1566-version.json', 'VERSION'],
    ['devs', 'avalon-a1566-devs.json', 'DEVS'],
    ['pools', 'avalon-a1566-pools.json', 'POOLS'],
    ['estats', 'avalon-a1566-estats.json', 'STATS'],
    ['stats', 'avalon-a1566-stats.json', 'STATS'],
  ])('%s has the keys, order and types of %s', (command, capture, section) => {
    const real = body(capture) as Json;
    const sim = ask(command);
    expect(Object.keys(sim)).toEqual(Object.keys(real));
    expect(shape(sim.STATUS[0])).toEqual(shape(real.STATUS[0]));
    expect(shape(sim[section][0])).toEqual(shape(real[section][0]));
    expect(shape(sim[section].at(-1))).toEqual(shape(real[section].at(-1)));
    expect(sim.STATUS[0]).toMatchObject({ STATUS: 'S', Code: real.STATUS[0].Code, Msg: real.STATUS[0].Msg, Description: 'cgminer 4.11.1' });
  });

  it('summary has the keys, order and types of the A1047 capture (no A1566 summary capture)', () => {
    const real = joinedCapture().summary[0];
    const sim = ask('summary');
    expect(shape(sim.SUMMARY[0])).toEqual(shape(real.SUMMARY[0]));
    expect(sim.STATUS[0]).toMatchObject({ Code: 11, Msg: 'Summary' });
  });

  it('MM ID0 has the capture tokens in the capture order, with Fan1..Fan4 and live values', () => {
    const realKeys = [...parseMmId((body('avalon-a1566-estats.json') as Json).STATS[0]['MM ID0']).keys()];
    const blob = parseMmId(ask('estats').STATS[0]['MM ID0']);
    const notFan = (k: string) => !/^Fan\d+$/.test(k);
    expect([...blob.keys()].filter(notFan)).toEqual(realKeys.filter(notFan));
    expect([...blob.keys()].filter((k) => /^Fan\d+$/.test(k))).toEqual(['Fan1', 'Fan2', 'Fan3', 'Fan4']);
    expect(blob.get('Fan1')).toBe(String(state.fansRpm[0]));
    expect(blob.get('WALLPOWER')).toBe(String(Math.round(state.powerW)));
    expect(blob.get('GHSspd')).toBe((state.hashrateThs * 1000).toFixed(2));
    expect(blob.get('MGHS')!.split(' ')).toHaveLength(3);
    expect(blob.get('TMax')).toBe(String(state.tempMaxC));
    expect(blob.get('PVT_T0')!.trim().split(/\s+/)).toHaveLength(160);
    expect(blob.get('SYSTEMSTATU')).toBe('Work: In Work, Hash Board: 3 ');
  });

  it('"When" counts from boot, devs Temperature is -273, PROD/MODEL name the A1566', () => {
    expect(ask('summary').STATUS[0].When).toBe(state.elapsedS + 11);
    expect(ask('summary').STATUS[0].When).not.toBe(Math.floor(T / 1000));
    expect(ask('devs').DEVS[0].Temperature).toBe(-273);
    expect(ask('version').VERSION[0]).toMatchObject({ PROD: 'AvalonMiner 1566-185', MODEL: '1566-185' });
  });

  it('answers pools+summary+stats with one key per command, each a one-element array of the full reply', () => {
    const joined = ask('pools+summary+stats');
    expect(Object.keys(joined)).toEqual(['pools', 'summary', 'stats', 'id']);
    expect(Object.keys(joinedCapture()).sort()).toEqual(Object.keys(joined).sort());
    for (const part of ['pools', 'summary', 'stats']) {
      expect(joined[part]).toHaveLength(1);
      expect(joined[part][0]).toEqual(ask(part));
    }
    expect(ask('summary+frobnicate').frobnicate[0].STATUS[0]).toMatchObject({ STATUS: 'E', Code: 14 });
  });

  it('answers an unknown command with STATUS E Code 14', () => {
    expect(ask('frobnicate').STATUS[0]).toMatchObject({ STATUS: 'E', Code: 14, Msg: 'Invalid command', Description: 'cgminer 4.11.1' });
  });

  it('the parser reads the state back from the replies', () => {
    const reading = parseAvalon({
      summary: ask('summary'),
      version: ask('version'),
      stats: ask('estats'),
      devs: ask('devs'),
      pools: ask('pools'),
    });
    expect(reading.model).toBe('Avalon A1566');
    expect(reading.hashrateThs).toBeCloseTo(state.hashrate1mThs, 4);
    expect(reading.expectedHashrateThs).toBeCloseTo(185, 6);
    expect(reading.powerW).toBe(Math.round(state.powerW));
    expect(reading.tempMaxC).toBe(state.tempMaxC);
    expect(reading.fansRpm).toEqual(state.fansRpm);
    expect(reading.boards.map((b) => b.chips)).toEqual([160, 160, 160]);
    expect(reading.uptimeS).toBe(state.elapsedS);
    expect(reading.pools[0]).toMatchObject({ url: rig.site.poolUrls[0], accepted: state.accepted, rejected: state.rejected });
  });
});
