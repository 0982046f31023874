/**
 * The demo's HTTP replies, pure: shaped like the captures (so the real parsers read them), realistic
 * over a simulated day, and advancing one block per 10 minutes of the injected clock.
 */
import { describe, expect, it } from 'vitest';
import { braiinsProfileReply, braiinsWorkersReply } from '../../../collectors/simulator/http/braiins-replies';
import {
  difficultyAdjustmentReply,
  hashrateReply,
  pricesReply,
  rewardStatsReply,
  simTipHeight,
} from '../../../collectors/simulator/http/mempool-replies';
import { routeRequest } from '../../../collectors/simulator/http/server';
import { parseBraiinsProfile, parseBraiinsWorkers } from '../../../collectors/sources/pools/braiins';
import {
  parseDifficultyAdjustment,
  parseHashrate,
  parsePrices,
  parseRewardStats,
  parseRecentBlocks,
} from '../../../collectors/sources/network/mempool';

const SEED = 7;
const T0 = Date.UTC(2025, 10, 1, 12, 0, 0);
const HOUR = 3600_000;

describe('mempool-compatible replies', () => {
  it('the tip advances one block per 10 minutes, on the Whatsminer "Current Block Height" schedule', () => {
    expect(simTipHeight(Date.UTC(2024, 3, 20, 0, 9, 27))).toBe(840_000);
    expect(simTipHeight(T0 + 600_000)).toBe(simTipHeight(T0) + 1);
    expect(simTipHeight(T0)).toBeGreaterThan(920_000);
    expect(simTipHeight(T0)).toBeLessThan(930_000);
  });

  it('difficulty-adjustment keeps the live quirks: ms for the date and timeAvg, s for previousTime', () => {
    const da = difficultyAdjustmentReply(SEED, T0) as Record<string, number>;
    expect(da.estimatedRetargetDate).toBeGreaterThan(1e12);
    expect(da.previousTime).toBeLessThan(1e11);
    expect(da.previousTime * 1000).toBeLessThanOrEqual(T0);
    const parsed = parseDifficultyAdjustment(JSON.parse(JSON.stringify(da)));
    expect(parsed.height % 2016).toBe(0);
    expect(parsed.height - parsed.blocksLeft).toBe(simTipHeight(T0));
    expect(Math.abs(parsed.estimatedChangePct)).toBeLessThanOrEqual(3);
  });

  it('stays realistic over a simulated day: difficulty ~1.2e14, fees 0.02-0.05 BTC/block, USD ~90,000', () => {
    for (let t = T0; t < T0 + 24 * HOUR; t += HOUR / 2) {
      const { difficulty, networkHashrateThs } = parseHashrate(JSON.parse(JSON.stringify(hashrateReply(SEED, t))));
      expect(difficulty).toBeGreaterThan(1.16e14);
      expect(difficulty).toBeLessThan(1.24e14);
      expect(networkHashrateThs! / ((difficulty * 2 ** 32) / 600 / 1e12)).toBeCloseTo(1, 1);
      const rewards = parseRewardStats(JSON.parse(JSON.stringify(rewardStatsReply(SEED, t, 144))));
      expect(rewards.blockCount).toBe(144);
      expect(rewards.feesPerBlockSats).toBeGreaterThanOrEqual(2_000_000);
      expect(rewards.feesPerBlockSats).toBeLessThanOrEqual(5_000_000);
      const prices = parsePrices(pricesReply(SEED, t));
      expect(prices.USD).toBeGreaterThan(87_000);
      expect(prices.USD).toBeLessThan(93_000);
      expect(prices.EUR / prices.USD).toBeCloseTo(0.92, 3);
      expect(prices.JPY / prices.USD).toBeCloseTo(150, 1);
    }
  });

  it('reward-stats sums are strings, as the MySQL-backed API sends them', () => {
    const r = rewardStatsReply(SEED, T0, 144) as Record<string, unknown>;
    expect(typeof r.totalFee).toBe('string');
    expect(typeof r.totalReward).toBe('string');
    expect(Number(r.totalReward) - Number(r.totalFee)).toBe(144 * 312_500_000);
  });
});

describe('routing', () => {
  const opts = {
    address: '127.0.0.1',
    port: 0,
    now: () => T0,
    seed: SEED,
    rigHashrateThs: () => new Map([['hashwattdemo.rockdale-a01', 110]]),
  };

  it('serves the tip as text/plain and in the recent blocks, and 404s unknown paths', () => {
    const tip = routeRequest(opts, 'GET', '/api/blocks/tip/height', {});
    expect(tip.body).toBe(String(simTipHeight(T0)));
    const blocks = parseRecentBlocks(routeRequest(opts, 'GET', '/api/v1/blocks', {}).body);
    expect(blocks.tipHeight).toBe(simTipHeight(T0));
    expect(T0 - blocks.tipTimeMs).toBeGreaterThanOrEqual(0);
    expect(T0 - blocks.tipTimeMs).toBeLessThan(600_000); // one block every 10 minutes
    expect(routeRequest(opts, 'GET', '/api/v1/nothing', {}).status).toBe(404);
    expect(routeRequest(opts, 'GET', '/api/v1/mining/reward-stats/0', {}).status).toBe(500);
  });

  it('the pool API wants the token', () => {
    expect(routeRequest(opts, 'GET', '/accounts/profile/json/btc/', {}).status).toBe(401);
    expect(routeRequest(opts, 'GET', '/accounts/profile/json/btc/', { 'slushpool-auth-token': 'demo-token' }).status).toBe(200);
  });
});

describe('Braiins-compatible replies', () => {
  const rates = new Map([
    ['hashwattdemo.rockdale-a01', 110],
    ['hashwattdemo.rockdale-a02', 126],
    ['hashwattdemo.rockdale-a03', 0],
  ]);

  it('each worker reports 1-3 % below its rig over the hour; an idle rig is "off"', () => {
    for (let t = T0; t < T0 + 6 * HOUR; t += HOUR) {
      const workers = parseBraiinsWorkers(braiinsWorkersReply(SEED, t, rates));
      expect(workers.map((w) => w.name)).toEqual([...rates.keys()]);
      for (const w of workers) {
        const rig = rates.get(w.name)!;
        if (rig === 0) expect(w).toEqual({ name: w.name, hashrateThs: 0, online: false });
        else expect(1 - w.hashrateThs / rig).toBeGreaterThan(0.005);
        if (rig > 0) expect(1 - w.hashrateThs / rig).toBeLessThan(0.035);
      }
    }
  });

  it('the profile adds the workers up and accrues rewards as BTC strings', () => {
    const profile = parseBraiinsProfile(braiinsProfileReply(SEED, T0, rates, 'hashwattdemo'));
    const workers = parseBraiinsWorkers(braiinsWorkersReply(SEED, T0, rates));
    expect(profile.hashrateThs1h).toBeCloseTo(
      workers.reduce((s, w) => s + w.hashrateThs, 0),
      6,
    );
    // Noon: half a day of ~230 TH/s at ~52 sats per TH/s per day.
    expect(profile.earnedSats24h).toBeGreaterThan(5_000);
    expect(profile.earnedSats24h).toBeLessThan(7_000);
    expect(profile.unpaidSats).toBeGreaterThanOrEqual(profile.earnedSats24h!);
  });
});
