/** Pool-vs-rigs gap and stale network or price data; and what happens when a subject disappears. */
import { describe, expect, it } from 'vitest';
import type { AlertPoolRow } from '../../../lib/alerts';
import { at, healthyRig, input, minutes, rigWith, runSweeps, story } from './fixtures';

const pool = (gapPct: number | null): AlertPoolRow => ({
  poolId: 4,
  name: 'ocean',
  gapPct,
  poolHashrateThs1h: 880,
  rigsHashrateThs1h: 1000,
});

describe('pool-vs-rigs hash rate gap', () => {
  it('the pool credits 12 % less than the rigs report from 09:00: firing at 09:15, resolved 15 minutes after it is back within 10 %', () => {
    const gap = (t: number) => (t >= at('09:00') && t < at('10:00') ? -12 : -3);
    const { events } = runSweeps(minutes('08:55', '10:20').map((t) => input(t, { pools: [pool(gap(t))] })));
    expect(story(events)).toEqual(['09:15 firing pool-gap pool 4', '10:15 resolved pool-gap pool 4']);
    expect(events[0]).toMatchObject({
      siteId: null,
      value: -12,
      detail: 'pool ocean 880 TH/s vs rigs 1000 TH/s over 1 h: gap -12 % (limit 10 %)',
    });
  });

  it('a pool without an hourly figure is not judged', () => {
    expect(runSweeps(minutes('09:00', '10:00').map((t) => input(t, { pools: [pool(null)] }))).events).toEqual([]);
  });
});

describe('market data', () => {
  it('network data last fetched at 09:00 is stale from 09:31 (older than 30 min) and fresh again at the 09:40 fetch', () => {
    const fetched = (t: number) => (t < at('09:40') ? at('09:00') : at('09:40'));
    const { events } = runSweeps(
      minutes('09:29', '09:45').map((t) => input(t, { market: { networkFetchedAtMs: fetched(t), priceFetchedAtMs: t } })),
    );
    expect(story(events)).toEqual(['09:31 firing network-stale fleet 0', '09:40 resolved network-stale fleet 0']);
    expect(events[0].detail).toBe('network data 31 min old (limit 30 min)');
  });

  it('price never fetched is stale at once; a fixed price (no fetch time given) is never judged', () => {
    const never = runSweeps([input(at('09:00'), { market: { priceFetchedAtMs: null } })]);
    expect(story(never.events)).toEqual(['09:00 firing price-stale fleet 0']);
    expect(never.events[0].detail).toBe('price data never fetched');
    expect(runSweeps([input(at('09:00'), { market: {} })]).events).toEqual([]);
  });
});

describe('a subject that disappears', () => {
  it('a firing rig removed from the fleet resolves after the clear window, with its site kept from the observation before', () => {
    const hot = rigWith({ tempMaxC: 95 }, { siteId: 3 });
    const sweeps = minutes('09:00', '09:20').map((t) => input(t, { rigs: t < at('09:10') ? [hot] : [healthyRig({ id: 8 })] }));
    const { events, states } = runSweeps(sweeps);
    expect(story(events)).toEqual(['09:02 firing temp-high rig 1', '09:15 resolved temp-high rig 1']);
    expect(events[1]).toMatchObject({ detail: 'no data this sweep', alertId: `temp-high:rig:1:${at('09:00')}` });
    expect(states.size).toBe(0);
  });
});
