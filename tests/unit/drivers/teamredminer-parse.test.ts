/**
 * parseTeamRedMiner over the 0.3.8 captures, expected values read off them by hand ("KHS 120s" kH/s / 1e9
 * = TH/s), the quirks of protocols.md §2.3 (Fan Speed is RPM, KHS beside MHS, no power), identify(), and
 * the property tests of the parse entry poll() runs (parseCgminerReply, then parseTeamRedMiner).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fixtureBody as asicBody } from '../../support/driver-fixtures';
import { gpuFixtureText } from '../../support/gpu-fixtures';
import { gpuBoard, relApprox, replacementsIn, saneOrDeviceError, withReplaced } from '../../support/gpu-miner-fixtures';
import { parseCgminerReply } from '../../../collectors/drivers/cgminer-tcp/lenient-json';
import { parseTeamRedMiner, trmRateHs } from '../../../collectors/drivers/teamredminer/parse';
import { identifyTeamRedMiner, teamredminerDriver } from '../../../collectors/drivers/teamredminer';
import { identifyAntminer } from '../../../collectors/drivers/antminer';
import { identifyWhatsminer } from '../../../collectors/drivers/whatsminer';
import { DeviceError, type ProbeReplies } from '../../../collectors/drivers/types';
import type { Reading } from '../../../lib/domain/reading';

const DEVS = 'teamredminer-0.3.8-devs.json';
const POOLS = 'teamredminer-0.3.8-pools.json';
const body = (name: string) => parseCgminerReply(gpuFixtureText(name), name).body;

const TRM_038: Reading = {
  driver: 'teamredminer',
  make: 'GPU', // the API names no GPUs
  model: '6x GPU',
  firmware: 'TeamRedMiner 0.3.8',
  status: 'mining',
  hashrateThs: (2.107 + 2.118 + 2.095 + 2.058 + 2.101 + 2.094) / 1e9, // sum of "KHS 120s"
  expectedHashrateThs: null,
  powerW: null, // no power field, and no nameplate estimate for GPU rigs
  powerSource: null,
  efficiencyJth: null,
  boards: [
    gpuBoard(0, 2.107 / 1e9, 61),
    gpuBoard(1, 2.118 / 1e9, 61),
    gpuBoard(2, 2.095 / 1e9, 63),
    gpuBoard(3, 2.058 / 1e9, 60),
    gpuBoard(4, 2.101 / 1e9, 63),
    gpuBoard(5, 2.094 / 1e9, 62),
  ],
  tempMaxC: 63,
  fansRpm: [3185, 3226, 3273, 3185, 3299, 3216], // "Fan Speed" is RPM ("Fan Percent" 65..67 is the duty)
  pools: [
    {
      url: 'stratum+tcp://pool.supportxmr.com:7777',
      user: '479c6JsyawEVAMNZU8GMmXgVPTxd1vdejR6vVpsm7z8y2AvP7C5hz2g5gfrqyffpvLPLYb2eUmmWA5yhRw5ANYyePX7SvLE',
      status: 'Alive',
      accepted: 13,
      rejected: 0,
    },
  ],
  uptimeS: 13887, // largest "Device Elapsed" (no summary)
  hardwareErrors: 0,
  algorithm: 'cnv8', // POOLS[0].Algorithm
};

describe('parseTeamRedMiner on the captures', () => {
  it.each([
    { behaviour: 'devs + pools', pools: POOLS, hint: null, expected: TRM_038 },
    { behaviour: 'devs alone: no pools, no algorithm', pools: null, hint: null, expected: { ...TRM_038, pools: [], algorithm: null } },
    { behaviour: 'registered model names the rig', pools: POOLS, hint: '6x RX Vega 56', expected: { ...TRM_038, model: '6x RX Vega 56' } },
  ])('$behaviour', ({ pools, hint, expected }) => {
    const reading = parseTeamRedMiner({ devs: body(DEVS), pools: pools ? body(pools) : null }, { modelHint: hint });
    expect(reading).toEqual(relApprox(expected));
  });

  it('with a trailing NUL as the firmware sends it', () => {
    const devs = parseCgminerReply(`${gpuFixtureText(DEVS)}\u0000`, 'devs').body;
    expect(parseTeamRedMiner({ devs }).boards).toHaveLength(6);
  });
});

const devs = (...rows: Array<Record<string, unknown>>) => ({ STATUS: [{ STATUS: 'S', Description: 'TeamRedMiner 0.8.0' }], DEVS: rows });

describe('TeamRedMiner quirks', () => {
  it('KHS is read before MHS (0.002107 MH/s keeps 4 digits, 2.107 kH/s the same), short windows before "av"', () => {
    expect(trmRateHs({ 'MHS av': 0.002107, 'KHS av': 2.107 })).toBeCloseTo(2107, 9);
    expect(trmRateHs({ 'MHS av': 60, 'MHS 30s': 61.5, 'MHS 120s': 61 })).toBeCloseTo(61.5e6, 3);
    expect(trmRateHs({ 'KHS av': 1, 'GHS 5s': 0.002 })).toBeCloseTo(2e6, 3);
    expect(trmRateHs({ Temperature: 60 })).toBeNull();
  });

  it('summary Elapsed is the uptime; a silent GPU Fan Speed 0 is no fan; Hardware Errors add up', () => {
    const summary = { STATUS: [{ STATUS: 'S' }], SUMMARY: [{ Elapsed: 99, 'KHS 30s': 5 }] };
    const r = parseTeamRedMiner({
      devs: devs(
        { GPU: 0, 'KHS 30s': 30000, Temperature: 70, 'Fan Speed': 0, 'Hardware Errors': 2 },
        { GPU: 1, 'KHS 30s': 31000, Temperature: 0, 'Fan Speed': 2100, 'Hardware Errors': 3 },
      ),
      summary,
    });
    expect([r.uptimeS, r.fansRpm, r.hardwareErrors, r.tempMaxC, r.firmware]).toEqual([99, [2100], 5, 70, 'TeamRedMiner 0.8.0']);
    expect(r.hashrateThs).toBeCloseTo(61000 / 1e9, 15);
  });

  it('without any per-GPU rate the summary total is used; without either it is "unexpected"', () => {
    const summary = { SUMMARY: [{ 'MHS av': 120 }] };
    expect(parseTeamRedMiner({ devs: devs({ GPU: 0 }), summary }).hashrateThs).toBeCloseTo(120 / 1e6, 12);
    expect(() => parseTeamRedMiner({ devs: devs({ GPU: 0 }) })).toThrow(/no MHS\/KHS hash rate on any GPU/);
    try {
      parseTeamRedMiner({ devs: { STATUS: [{ STATUS: 'S' }] } });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(DeviceError);
      expect((err as DeviceError).kind).toBe('unexpected');
      expect((err as DeviceError).message).toMatch(/no DEVS rows/);
    }
  });

  it('no hash rate at all is an error status (a miner that hashes nothing)', () => {
    expect(parseTeamRedMiner({ devs: devs({ GPU: 0, 'KHS 30s': 0 }) }).status).toBe('error');
  });
});

/** The probe replies the scanner collects, with the capture's devs Description put on a summary. */
const trmProbe: ProbeReplies = {
  cgminer: {
    version: null,
    stats: null,
    devdetails: null,
    summary: { STATUS: [{ STATUS: 'S', Code: 11, Description: 'TeamRedMiner 0.3.8' }], SUMMARY: [{ Elapsed: 5 }] },
  },
};

describe('identifyTeamRedMiner', () => {
  it('claims replies whose Description names TeamRedMiner (the devs capture as a probe reply)', () => {
    expect(identifyTeamRedMiner(trmProbe)).toEqual({
      driver: 'teamredminer',
      make: 'GPU',
      model: 'GPU rig',
      firmware: 'TeamRedMiner 0.3.8',
    });
    expect(identifyTeamRedMiner({ cgminer: { version: body(DEVS), stats: null, devdetails: null, summary: null } })?.firmware).toBe(
      'TeamRedMiner 0.3.8',
    );
    expect(teamredminerDriver).toMatchObject({ name: 'teamredminer', protocol: 'cgminer', defaultPort: 4028 });
  });

  it('does not claim Antminer, Whatsminer or Avalon replies, and they do not claim TeamRedMiner', () => {
    const asic: ProbeReplies[] = [
      {
        cgminer: {
          version: asicBody('antminer-s19pro-version.json'),
          stats: asicBody('antminer-s19pro-stats.json'),
          devdetails: null,
          summary: null,
        },
      },
      { cgminer: { version: null, stats: null, devdetails: null, summary: asicBody('whatsminer-m31s-summary.json') } },
      {
        cgminer: {
          version: asicBody('avalon-a1566-version.json'),
          stats: asicBody('avalon-a1566-stats.json'),
          devdetails: null,
          summary: null,
        },
      },
      {
        cgminer: {
          version: asicBody('braiins-bos-s9-version.json'),
          stats: null,
          devdetails: null,
          summary: asicBody('braiins-bos-s9-summary.json'),
        },
      },
    ];
    for (const probe of asic) expect(identifyTeamRedMiner(probe)).toBeNull();
    const asDevs = { cgminer: { version: null, stats: body(DEVS), devdetails: null, summary: body(POOLS) } };
    expect(identifyAntminer(asDevs)).toBeNull();
    expect(identifyWhatsminer(asDevs)).toBeNull();
    expect(identifyAntminer(trmProbe)).toBeNull();
    expect(identifyWhatsminer(trmProbe)).toBeNull();
  });
});

const entry = (devsRaw: string, poolsRaw: string | null = null) =>
  saneOrDeviceError(() =>
    parseTeamRedMiner({
      devs: parseCgminerReply(devsRaw, 'devs').body,
      pools: poolsRaw === null ? null : parseCgminerReply(poolsRaw, 'pools').body,
    }),
  );

describe('TeamRedMiner parse entry never throws anything but a DeviceError', () => {
  it('random strings, bytes and JSON', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (s) => void entry(s)),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (b) => void entry(Buffer.from(b).toString('utf8'))),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(fc.jsonValue(), (v) => void entry(JSON.stringify(v) ?? 'null')),
      { numRuns: 300 },
    );
  });

  it.each([DEVS, POOLS])('every truncation of %s', (name) => {
    const text = gpuFixtureText(name);
    const full = gpuFixtureText(DEVS);
    const outcomes: string[] = [];
    for (let n = 0; n <= text.length; n++) outcomes.push(name === DEVS ? entry(text.slice(0, n)) : entry(full, text.slice(0, n)));
    if (name === DEVS) expect(outcomes.slice(0, text.trimEnd().length - 1).every((o) => o === 'error')).toBe(true);
    expect(outcomes[text.length]).toBe('reading');
  });

  it.each([DEVS, POOLS])('%s with values anywhere replaced by random JSON', (name) => {
    const base: unknown = JSON.parse(gpuFixtureText(name));
    const full = gpuFixtureText(DEVS);
    fc.assert(
      fc.property(replacementsIn(base), (patches) => {
        const patched = JSON.stringify(withReplaced(base, patches));
        if (name === DEVS) entry(patched);
        else entry(full, patched);
      }),
      { numRuns: 400 },
    );
  });
});
