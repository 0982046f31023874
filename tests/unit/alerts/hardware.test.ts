/** Rig hardware and connectivity stories, one sweep a minute unless the story polls faster. */
import { describe, expect, it } from 'vitest';
import { connectivityAfter } from '../../../lib/domain/connectivity';
import type { AlertRig } from '../../../lib/alerts';
import { at, healthyRig, input, minutes, rigWith, runSweeps, settings, story } from './fixtures';

/** Sweeps of one rig built per minute from its clock time. */
function sweepsOf(from: string, to: string, rigAt: (ms: number) => AlertRig) {
  return minutes(from, to).map((t) => input(t, { rigs: [rigAt(t)] }));
}

describe('offline and stale', () => {
  it('polled every 10 s, a rig that stops answering at 14:00:00 is offline (and alerts) on its 6th missed poll, 14:00:50', () => {
    const policy = { staleAfterPolls: 2, offlineAfterPolls: 6 };
    const sweeps = [];
    let failures = 0;
    for (let t = at('13:59:00'); t <= at('14:15:00'); t += 10_000) {
      failures = t >= at('14:00:00') && t < at('14:10:00') ? failures + 1 : 0;
      sweeps.push(input(t, { rigs: [healthyRig({ connectivity: connectivityAfter(failures, true, policy) })] }));
    }
    const { events } = runSweeps(sweeps);
    // Stale was only pending (2-minute window) when offline took over: no stale event.
    expect(events.map((e) => [e.kind, e.rule, e.atMs])).toEqual([
      ['firing', 'offline', at('14:00:50')],
      ['resolved', 'offline', at('14:12:00')], // answering again from 14:10:00, clear for 2 minutes
    ]);
    expect(events[0].detail).toBe('baie-comeau-a01 is offline');
  });

  it('a rig stale for 3 minutes fires "stale" after 2 minutes and resolves a minute after it answers again', () => {
    const { events } = runSweepsOf('09:00', '09:10', (t) =>
      healthyRig({ connectivity: t >= at('09:01') && t < at('09:04') ? 'stale' : 'online' }),
    );
    expect(story(events)).toEqual(['09:03 firing stale rig 1', '09:05 resolved stale rig 1']);
  });
});

function runSweepsOf(from: string, to: string, rigAt: (ms: number) => AlertRig, config = settings()) {
  return runSweeps(sweepsOf(from, to, rigAt), config);
}

describe('the reading', () => {
  it('hash rate at 70 of 110 TH/s from 09:00 fires at 09:10 (below 80 % for 10 minutes), resolves at 10:05', () => {
    const { events } = runSweepsOf('08:55', '10:10', (t) => rigWith({ hashrateThs: t >= at('09:00') && t < at('10:00') ? 70 : 110 }));
    expect(story(events)).toEqual(['09:10 firing hashrate-low rig 1', '10:05 resolved hashrate-low rig 1']);
    expect(events[0]).toMatchObject({ value: 63.6, detail: 'hash rate 70 TH/s is 63.6 % of expected 110 TH/s (limit 80 %)' });
  });

  it('hash rate at 90 of 110 TH/s (81.8 %) is within the default 80 % but fires for a rig set to 90 %', () => {
    const slow = (_t: number) => rigWith({ hashrateThs: 90 });
    expect(runSweepsOf('09:00', '09:30', slow).events).toEqual([]);
    const strict = settings({ rigs: { 1: { 'hashrate-low': { belowPct: 90 } } } });
    expect(story(runSweepsOf('09:00', '09:30', slow, strict).events)).toEqual(['09:10 firing hashrate-low rig 1']);
  });

  it('fan 2 stops at 09:00: firing at 09:01, resolved 2 minutes after it spins again at 09:20', () => {
    const { events } = runSweepsOf('08:58', '09:30', (t) =>
      rigWith({ fansRpm: [5400, 5400, t >= at('09:00') && t < at('09:20') ? 0 : 5500, 5460] }),
    );
    expect(story(events)).toEqual(['09:01 firing fan-stopped rig 1', '09:22 resolved fan-stopped rig 1']);
    expect(events[0].detail).toBe('fan 2 at 0 rpm');
  });

  it('the board in slot 2 goes dead (0 chips, 0 TH/s) at 09:00: firing at 09:05 and still firing at noon', () => {
    const dead = { index: 2, hashrateThs: 0, chips: 0, tempC: null };
    const base = healthyRig().reading!;
    const { events, states } = runSweepsOf('08:59', '12:00', (t) =>
      rigWith({ boards: t >= at('09:00') ? [...base.boards.slice(0, 2), dead] : base.boards }),
    );
    expect(story(events)).toEqual(['09:05 firing board-missing rig 1']);
    expect(events[0].detail).toBe('board 2 missing or dead (2 hashing)');
    expect(states.get('board-missing:rig:1')?.phase).toBe('firing');
  });

  it('a board absent from the list: a gap (0 and 2 reported) or fewer than the expected 3 boards', () => {
    const gap = rigWith({ boards: [0, 2].map((index) => ({ index, hashrateThs: 36, chips: 114, tempC: 70 })) });
    expect(story(runSweepsOf('09:00', '09:05', () => gap).events)).toEqual(['09:05 firing board-missing rig 1']);
    const two = rigWith({ boards: [0, 1].map((index) => ({ index, hashrateThs: 36, chips: 114, tempC: 70 })) });
    expect(runSweepsOf('09:00', '09:05', () => two).events).toEqual([]);
    const expectsThree = settings({ sites: { 1: { 'board-missing': { expectedBoards: 3 } } } });
    const { events } = runSweepsOf('09:00', '09:05', () => two, expectsThree);
    expect(story(events)).toEqual(['09:05 firing board-missing rig 1']);
    expect(events[0].detail).toBe('board 2 missing or dead (2 hashing)');
  });

  it('overheating at 88 degC fires after 2 minutes; 84 degC holds it (within the 3 degC band); 81 degC clears it after 5 minutes', () => {
    const temp = (t: number) => (t < at('09:00') ? 75 : t < at('09:30') ? 88 : t < at('10:00') ? 84 : 81);
    const { events } = runSweepsOf('08:58', '10:10', (t) => rigWith({ tempMaxC: temp(t) }));
    expect(story(events)).toEqual(['09:02 firing temp-high rig 1', '10:05 resolved temp-high rig 1']);
    expect(events[0].detail).toBe('hottest 88 degC (limit 85 degC)');
  });

  it('the only pool dead from 09:00 fires at 09:02; a backup pool alive keeps it quiet', () => {
    const pool = { url: 'stratum+tcp://pool.example:3333', user: 'w.1', status: 'Dead', accepted: 100, rejected: 0 };
    const { events } = runSweepsOf('09:00', '09:10', () => rigWith({ pools: [pool] }));
    expect(story(events)).toEqual(['09:02 firing pool-dead rig 1']);
    expect(events[0].detail).toBe('no pool alive (stratum+tcp://pool.example:3333: Dead)');
    const backup = { ...pool, url: 'stratum+tcp://backup.example:3333', status: 'Alive' };
    expect(runSweepsOf('09:00', '09:10', () => rigWith({ pools: [pool, backup] })).events).toEqual([]);
  });

  it('no accepted share since 09:00 fires at 09:15 and resolves 2 minutes after shares resume at 09:40', () => {
    const lastShare = (t: number) => (t < at('09:40') ? Math.min(t, at('09:00')) : t);
    const { events } = runSweepsOf('08:55', '09:50', (t) => healthyRig({ sharesAcceptedAtMs: lastShare(t) }));
    expect(story(events)).toEqual(['09:15 firing no-shares rig 1', '09:42 resolved no-shares rig 1']);
    expect(events[0]).toMatchObject({ value: 15, detail: 'last accepted share 15 min ago (limit 15 min)' });
  });

  it('a sleeping rig (curtailed on purpose) is not judged on hash rate, fans or shares', () => {
    const asleep = rigWith({ status: 'sleeping', hashrateThs: 0, fansRpm: [0, 0, 0, 0] }, { sharesAcceptedAtMs: at('06:00') });
    expect(runSweepsOf('09:00', '10:00', () => asleep).events).toEqual([]);
  });

  it('a disabled rule never fires', () => {
    const off = settings({ global: { ...settings().global, 'fan-stopped': { ...settings().global['fan-stopped'], enabled: false } } });
    expect(runSweepsOf('09:00', '09:30', () => rigWith({ fansRpm: [0, 5400] }), off).events).toEqual([]);
  });
});
