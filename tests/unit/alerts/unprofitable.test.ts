/**
 * A rig at a site with a time-of-use tariff: the peak band starts at 14:00 and the rig loses money until
 * 20:00. One sweep a minute; profit per kWh in USD.
 */
import { describe, expect, it } from 'vitest';
import { at, clock, healthyRig, input, minutes, runSweeps, settings, story } from './fixtures';

const rig = healthyRig();
const usd = (profitPerKwh: number | null) => ({ profitPerKwh, currency: 'USD' });

/** Profit per kWh of rig 1 at each minute from `profitAt`. */
function sweeps(from: string, to: string, profitAt: (hhmm: string) => number | null) {
  return minutes(from, to).map((t) => input(t, { rigs: [rig], rigEconomics: { 1: usd(profitAt(clock(t))) } }));
}

describe('unprofitable rig: sustained, without flapping', () => {
  it('pending at 14:00, firing at 14:15, a 2-minute price dip at 14:20 keeps it firing, resolved at 20:05', () => {
    const profit = (hhmm: string) => {
      if (hhmm < '14:00' || hhmm >= '20:00') return 0.012;
      if (hhmm === '14:20' || hhmm === '14:21') return 0.005; // the spot price dips for two minutes
      return -0.018;
    };
    const { events, history } = runSweeps(sweeps('13:50', '20:30', profit));
    const key = 'unprofitable-rig:rig:1';
    const phaseAt = (hhmm: string) => history[(at(hhmm) - at('13:50')) / 60_000].get(key)?.phase ?? 'inactive';

    expect(phaseAt('13:59')).toBe('inactive');
    expect(phaseAt('14:00')).toBe('pending');
    expect(phaseAt('14:14')).toBe('pending');
    expect(phaseAt('14:15')).toBe('firing');
    expect(phaseAt('14:21')).toBe('firing');
    expect(phaseAt('20:04')).toBe('firing');
    expect(phaseAt('20:05')).toBe('resolved');
    expect(phaseAt('20:06')).toBe('inactive');
    expect(story(events)).toEqual(['14:15 firing unprofitable-rig rig 1', '20:05 resolved unprofitable-rig rig 1']);

    const id = `unprofitable-rig:rig:1:${Date.UTC(2026, 5, 1, 14, 0)}`;
    expect(events.map((e) => e.alertId)).toEqual([id, id]);
    expect(events[0]).toMatchObject({
      siteId: 1,
      value: -0.018,
      detail: 'profit -0.0180 USD/kWh, margin 0 USD/kWh (clears at 0.002 USD/kWh)',
    });
    expect(events[1]).toMatchObject({ reason: 'cleared', value: 0.012 });
  });

  it('hysteresis: profit just above the margin (0.001 < 0.002 band) holds it firing; it clears 5 minutes after 0.003', () => {
    const profit = (hhmm: string) => (hhmm < '14:00' ? 0.01 : hhmm < '20:00' ? -0.01 : hhmm < '20:30' ? 0.001 : 0.003);
    const { events } = runSweeps(sweeps('13:55', '20:40', profit));
    expect(story(events)).toEqual(['14:15 firing unprofitable-rig rig 1', '20:35 resolved unprofitable-rig rig 1']);
  });

  it('a loss that lasts 14 minutes never fires and leaves no event', () => {
    const profit = (hhmm: string) => (hhmm >= '14:00' && hhmm < '14:14' ? -0.01 : 0.01);
    const { events, states } = runSweeps(sweeps('13:55', '14:30', profit));
    expect(events).toEqual([]);
    expect(states.size).toBe(0);
  });

  it('unknown profit per kWh (power not reported) is not judged', () => {
    const { events, states } = runSweeps(sweeps('14:00', '15:00', () => null));
    expect(events).toEqual([]);
    expect(states.size).toBe(0);
  });

  it('a site with a margin of 0.005 and a 5-minute window fires for the site as a whole', () => {
    const config = settings({ sites: { 2: { 'unprofitable-site': { marginPerKwh: 0.005, forMs: 5 * 60_000 } } } });
    const runs = minutes('14:00', '14:10').map((t) => input(t, { siteEconomics: { 2: usd(t < at('14:03') ? 0.01 : 0.004) } }));
    const { events } = runSweeps(runs, config);
    expect(story(events)).toEqual(['14:08 firing unprofitable-site site 2']);
    expect(events[0]).toMatchObject({ siteId: 2, alertId: `unprofitable-site:site:2:${at('14:03')}` });
  });
});
