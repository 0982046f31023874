/**
 * The Innosilicon T2 `/api/overview` capture: what it gives (model, firmware, controller uptime) and what it
 * does not (hash rate: that needs `/api/summary`), plus identifyInnosilicon. Expected values were read off
 * the capture by hand.
 */
import { describe, expect, it } from 'vitest';
import { approx, board, fixtureText } from '../../support/driver-fixtures';
import { identifyInnosilicon } from '../../../collectors/drivers/innosilicon';
import { parseInnosilicon, parseInnosiliconOverview, uptimeFromStatus } from '../../../collectors/drivers/innosilicon/parse';
import { DeviceError, type ProbeReplies } from '../../../collectors/drivers/types';

const overview = () => JSON.parse(fixtureText('innosilicon-t2-http-api-overview.json')) as Record<string, unknown>;
/** The DragonMint T1 summary: the nearest capture of the Halong `/api/summary` shape (unverified for the T2). */
const summary = () => JSON.parse(fixtureText('dragonmint-t1-http-api-summary.json')) as Record<string, unknown>;

function kindOf(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(DeviceError);
    expect((err as DeviceError).message).not.toBe('');
    return (err as DeviceError).kind;
  }
  return 'no error';
}

describe('Innosilicon T2 overview capture', () => {
  it('gives type, model, firmware, hardware version and the controller uptime', () => {
    expect(parseInnosiliconOverview(overview())).toEqual({
      type: 'T2',
      model: 'Innosilicon T2',
      firmware: 't2_20180523_071756', // version.platform_v
      uptimeS: 11 * 86400 + 22 * 3600 + 58 * 60, // "06:32:15 up 11 days, 22:58, load average: …"
      hardwareVersion: 'g19',
    });
  });

  it('alone makes no reading: it has no hash rate', () => {
    expect(kindOf(() => parseInnosilicon({ overview: overview() }))).toBe('unexpected');
    expect(() => parseInnosilicon({ overview: overview(), summary: null })).toThrow(/no hash rate.*\/api\/summary/);
  });

  it('with a summary in the Halong shape makes a full reading', () => {
    expect(parseInnosilicon({ overview: overview(), summary: summary() })).toEqual(
      approx({
        driver: 'innosilicon',
        make: 'Innosilicon',
        model: 'Innosilicon T2',
        firmware: 't2_20180523_071756',
        status: 'mining',
        hashrateThs: (4830953.1 + 4784555.03 + 4976618.15) / 1e6,
        expectedHashrateThs: null,
        powerW: null,
        powerSource: null,
        efficiencyJth: null,
        boards: [board(0, 4830953.1 / 1e6, null, 72), board(1, 4784555.03 / 1e6, null, 67), board(2, 4976618.15 / 1e6, null, 67)],
        tempMaxC: 72,
        fansRpm: [],
        pools: [
          {
            url: 'stratum+tcp://us-east.stratum.slushpool.com:3333',
            user: 'brndnmtthws.dragon-0ade5',
            status: 'Alive',
            accepted: 1030,
            rejected: 6,
          },
          {
            url: 'stratum+tcp://pool.ckpool.org:3333',
            user: '3GWdXx9dfLPvSe7d8UnxjnDnSAJodTTbrt.dragon-0ade5',
            status: 'Alive',
            accepted: 0,
            rejected: 0,
          },
        ],
        uptimeS: 4792, // the miner's "Device Elapsed" wins over the controller's uptime
        hardwareErrors: 6600 + 2380 + 7976,
      }),
    );
  });

  it('uses the controller uptime when the summary has none', () => {
    const s = { success: true, DEVS: [{ ASC: 0, 'MHS 1m': 1e6 }] };
    expect(parseInnosilicon({ overview: overview(), summary: s }).uptimeS).toBe(1033080);
  });

  it.each([
    ['"success": false', { success: false }, 'api-error'],
    ['no type', { success: true, version: {} }, 'unexpected'],
    ['not an object', 'T2', 'unexpected'],
  ])('overview %s -> %s', (_what, body, kind) => {
    expect(kindOf(() => parseInnosiliconOverview(body))).toBe(kind);
  });

  it.each([
    ['06:32:15 up 11 days, 22:58, load average: 0.00, 0.05, 0.07', 1033080],
    ['10:01:02 up 5 min,  load average: 0.10, 0.05, 0.01', 300],
    ['10:01:02 up 1 day, 3 min, 1 user, load average: 0.10', 86580],
    ['10:01:02 up  2:03, load average: 0.00', 7380],
    ['no uptime here', null],
  ])('uptime of %j is %j', (status, expected) => {
    expect(uptimeFromStatus(status)).toBe(expected);
  });
});

describe('identifyInnosilicon', () => {
  const probe = (http: Record<string, unknown>): ProbeReplies => ({
    http: Object.fromEntries(
      Object.entries(http).map(([path, json]) => [path, { status: 200, wwwAuthenticate: null, json, text: JSON.stringify(json) }]),
    ),
  });

  it('claims the T2 overview capture', () => {
    expect(identifyInnosilicon(probe({ '/api/overview': overview() }))).toEqual({
      driver: 'innosilicon',
      make: 'Innosilicon',
      model: 'Innosilicon T2',
      firmware: 't2_20180523_071756',
    });
  });

  it.each([
    ['a DragonMint type (T1) on the same overview', { '/api/overview': { ...overview(), type: 'T1' } }],
    ['an overview next to a DragonMint summary', { '/api/overview': overview(), '/api/summary': summary() }],
    ['"success": false', { '/api/overview': { ...overview(), success: false } }],
    ['no version block', { '/api/overview': { success: true, type: 'T2' } }],
    ['the DragonMint summary alone', { '/api/summary': summary() }],
    ['nothing', {}],
  ])('does not claim %s', (_what, http) => {
    expect(identifyInnosilicon(probe(http))).toBeNull();
  });
});
