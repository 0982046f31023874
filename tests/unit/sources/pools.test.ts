/**
 * Every pool capture through its adapter's parser: hash rates to TH/s (Braiins' hash_rate_unit, H/s
 * strings elsewhere), BTC strings and over-precise numbers to integer satoshis, error envelopes as
 * clear SourceErrors.
 */
import { describe, expect, it } from 'vitest';
import { SourceError } from '../../../collectors/sources/http';
import { antpoolSignature, parseAntpoolOverview } from '../../../collectors/sources/pools/antpool';
import { parseBraiinsProfile, parseBraiinsWorkers } from '../../../collectors/sources/pools/braiins';
import { parseF2poolV1User } from '../../../collectors/sources/pools/f2pool';
import { POOL_ADAPTERS, poolAdapter } from '../../../collectors/sources/pools/index';
import { parseLuxorSummary, parseLuxorWorkers } from '../../../collectors/sources/pools/luxor';
import { parseOceanStatsnap } from '../../../collectors/sources/pools/ocean';
import { parseViabtcHashrate } from '../../../collectors/sources/pools/viabtc';
import { fixtureJson, fixtureText, jsLiteralToJson } from './fixtures';

describe('Braiins Pool', () => {
  it('profile, current schema: Gh/s to TH/s; balance and a 9-decimal today_reward to sats', () => {
    expect(parseBraiinsProfile(fixtureJson('pool/braiins-pool-accounts-profile-json-btc.json'))).toEqual({
      hashrateThs1h: 28.191,
      hashrateThs24h: 28.357,
      unpaidSats: 15_000_000,
      earnedSats24h: 16_667, // "0.000166667" BTC = 16,666.7 sats
    });
  });

  it('profile, 2021 schema: unpaid is confirmed + unconfirmed reward; no daily figure', () => {
    expect(parseBraiinsProfile(fixtureJson('pool/braiins-pool-accounts-profile-json-btc-2021.json'))).toEqual({
      hashrateThs1h: expect.closeTo(28.9746332, 9),
      hashrateThs24h: expect.closeTo(29.3771755, 9),
      unpaidSats: 144_336 + 19_718,
      earnedSats24h: null,
    });
  });

  it('workers, current schema ({btc:{workers:{...}}}, lower-case states): the 60-minute rate', () => {
    expect(parseBraiinsWorkers(fixtureJson('pool/braiins-pool-accounts-workers-json-btc.json'))).toEqual([
      { name: 'username.worker1', hashrateThs: 15.302, online: true },
      { name: 'username.worker2', hashrateThs: 12.889, online: true },
    ]);
  });

  it('workers, 2021 schema (bare map, "OK"/"dis"/"off", last_share null), printed by console.log in the capture', () => {
    const json = jsLiteralToJson(fixtureText('pool/braiins-pool-accounts-workers-json-btc-2021.jsinspect.txt'));
    expect(parseBraiinsWorkers(json)).toEqual([
      { name: 'markep.[auto]', hashrateThs: 0, online: false },
      { name: 'markep.antminder_t9', hashrateThs: expect.closeTo(11.132968, 9), online: true },
      { name: 'markep.antminer_s9i', hashrateThs: expect.closeTo(13.1319758, 9), online: true },
      { name: 'markep.antminer_s9i_1', hashrateThs: expect.closeTo(4.3927959, 9), online: true },
      { name: 'markep.nvidia-1080', hashrateThs: 0, online: false },
    ]);
  });

  it('the pool-wide /stats/ reply is not an account profile, and says which field is missing', () => {
    expect(() => parseBraiinsProfile(fixtureJson('pool/braiins-pool-stats-json-btc.json'))).toThrow(/braiins hash_rate_60m is missing/);
  });

  it('an unknown hash rate unit is an error, not a silent factor of 1', () => {
    expect(() => parseBraiinsWorkers({ btc: { workers: { a: { state: 'ok', hash_rate_unit: 'Zh/s', hash_rate_60m: 1 } } } })).toThrow(
      /unknown hash rate unit "Zh\/s"/,
    );
    expect(parseBraiinsWorkers({ btc: { workers: { a: { state: 'low', hash_rate_unit: 'Ph/s', hash_rate_60m: 1.5 } } } })).toEqual([
      { name: 'a', hashrateThs: 1500, online: true },
    ]);
  });
});

describe('OCEAN', () => {
  it('statsnap: every value a string; the longest window about an hour (here 300 s)', () => {
    expect(parseOceanStatsnap(fixtureJson('pool/ocean-v1-statsnap.json'))).toEqual({
      hashrateThs1h: 2,
      hashrateThs24h: null,
      workers: [],
      unpaidSats: 100_000,
      earnedSats24h: null,
    });
  });

  it("the error envelope becomes a SourceError with OCEAN's message", () => {
    const run = () => parseOceanStatsnap(fixtureJson('pool/ocean-v1-error.json'));
    expect(run).toThrow(SourceError);
    expect(run).toThrow('ocean: No such user or user has no active workers');
  });
});

describe('ViaBTC', () => {
  it('group hash rate: H/s strings in a {code,data,message} envelope', () => {
    expect(parseViabtcHashrate(fixtureJson('pool/viabtc-hashrate-group-info.json'))).toEqual({
      hashrateThs1h: 0.313971653709,
      hashrateThs24h: 0,
      workers: [],
      unpaidSats: null,
      earnedSats24h: null,
    });
  });

  it('a non-zero code is an error carrying the message', () => {
    expect(() => parseViabtcHashrate({ code: 401, data: null, message: 'invalid api key' })).toThrow('viabtc: code 401: invalid api key');
  });
});

describe('AntPool', () => {
  it('accountOverview: hsLast* H/s strings, amounts BTC strings', () => {
    expect(parseAntpoolOverview(fixtureJson('pool/antpool-accountOverview.json'))).toEqual({
      hashrateThs1h: 114.466490529,
      hashrateThs24h: 102.498704834436,
      workers: [],
      unpaidSats: 480_411,
      earnedSats24h: 37_884,
    });
  });

  it('signs userId + key + nonce with HMAC-SHA256, upper-case hex', () => {
    const sig = antpoolSignature('user', 'key', 'secret', 1700000000000);
    expect(sig).toMatch(/^[0-9A-F]{64}$/);
    expect(sig).toBe(antpoolSignature('user', 'key', 'secret', 1700000000000));
    expect(sig).not.toBe(antpoolSignature('user', 'key', 'secret', 1700000000001));
    expect(() => parseAntpoolOverview({ code: 3, message: 'signature error' })).toThrow('antpool: code 3: signature error');
  });
});

describe('F2Pool (legacy v1)', () => {
  it('positional worker arrays; over-precise float amounts rounded to sats', () => {
    expect(parseF2poolV1User(fixtureJson('pool/f2pool-v1-bitcoin-user.docs.json'))).toEqual({
      hashrateThs1h: 0,
      hashrateThs24h: 0,
      workers: [{ name: 'minerx01', hashrateThs: 0, online: true }],
      unpaidSats: 4_504, // 0.000045036645168645 BTC
      earnedSats24h: 0,
    });
  });

  it('a worker that is not an array is named', () => {
    expect(() => parseF2poolV1User({ workers: [{ name: 'x' }], hashes_last_hour: 0 })).toThrow(/f2pool workers\[0\] is not \[name/);
  });
});

describe('Luxor [unverified: no capture, shapes from protocols.md section 3]', () => {
  it('summary: H/s strings; balance and 24 h revenue arrays in BTC', () => {
    const summary = {
      currency_type: 'BTC',
      hashrate_5m: '800000000000000',
      hashrate_1h: '790000000000000',
      hashrate_24h: '780000000000000',
      revenue_24h: [{ currency_type: 'BTC', revenue_type: 'MINING', revenue: 0.01 }],
      balance: [{ currency_type: 'BTC', revenue: 0.5 }],
    };
    expect(parseLuxorSummary(summary)).toEqual({
      hashrateThs1h: 790,
      hashrateThs24h: 780,
      unpaidSats: 50_000_000,
      earnedSats24h: 1_000_000,
    });
  });

  it('workers: H/s numbers, ACTIVE/INACTIVE, pagination', () => {
    const page = {
      workers: [
        { name: 'miner0', hashrate: 105000000000, status: 'ACTIVE' },
        { name: 'miner9', hashrate: 0, status: 'INACTIVE' },
      ],
      pagination: { page_number: 1, page_size: 2, item_count: 10, next_page_url: '/v2/pool/workers/BTC?page_number=2' },
    };
    expect(parseLuxorWorkers(page)).toEqual({
      workers: [
        { name: 'miner0', hashrateThs: 0.105, online: true },
        { name: 'miner9', hashrateThs: 0, online: false },
      ],
      more: true,
    });
  });
});

describe('registry', () => {
  it('has one adapter per pools.kind', () => {
    expect(Object.keys(POOL_ADAPTERS).sort()).toEqual(['antpool', 'braiins', 'f2pool', 'luxor', 'ocean', 'viabtc']);
    expect(poolAdapter('braiins')?.kind).toBe('braiins');
    expect(poolAdapter('toString')).toBeNull();
  });
});
