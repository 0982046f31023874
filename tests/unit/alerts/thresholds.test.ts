/** Threshold overrides: validation messages and resolution global -> site -> rig. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_THRESHOLDS, parseThresholdOverride, resolveThresholds, rigThresholds, siteThresholds } from '../../../lib/alerts';
import { settings } from './fixtures';

describe('resolution: the rig beats its site, the site beats global', () => {
  const config = settings({
    global: resolveThresholds(DEFAULT_THRESHOLDS, { 'temp-high': { maxC: 80 } }),
    sites: { 1: { 'temp-high': { maxC: 75, forMs: 30_000 }, 'unprofitable-site': { marginPerKwh: 0.01 } } },
    rigs: { 9: { 'temp-high': { maxC: 95 } } },
  });

  it('rig 9 at site 1: its own limit, the site window, the default band', () => {
    expect(rigThresholds(config, 9, 1)['temp-high']).toEqual({
      enabled: true,
      forMs: 30_000,
      clearForMs: 300_000,
      maxC: 95,
      clearBandC: 3,
    });
  });

  it('rig 4 at site 1 (no override): the site limit', () => {
    expect(rigThresholds(config, 4, 1)['temp-high'].maxC).toBe(75);
  });

  it('rig 5 at site 2 (no overrides): the global limit, default window', () => {
    expect(rigThresholds(config, 5, 2)['temp-high']).toMatchObject({ maxC: 80, forMs: 120_000 });
  });

  it('site 1: its margin; other rules untouched', () => {
    expect(siteThresholds(config, 1)['unprofitable-site']).toEqual({
      enabled: true,
      forMs: 900_000,
      clearForMs: 300_000,
      marginPerKwh: 0.01,
      clearBandPerKwh: 0.002,
    });
    expect(siteThresholds(config, 1)['offline']).toEqual({ enabled: true, forMs: 0, clearForMs: 120_000 });
  });

  it('resolution leaves the defaults untouched', () => {
    expect(DEFAULT_THRESHOLDS['temp-high'].maxC).toBe(85);
  });
});

describe('parseThresholdOverride', () => {
  it('accepts a partial override and keeps only what was given', () => {
    const parsed = parseThresholdOverride({ 'hashrate-low': { belowPct: 90 }, 'board-missing': { expectedBoards: null } });
    expect(parsed).toEqual({ ok: true, value: { 'hashrate-low': { belowPct: 90 }, 'board-missing': { expectedBoards: null } } });
  });

  it('accepts an empty override', () => {
    expect(parseThresholdOverride({})).toEqual({ ok: true, value: {} });
  });

  it('names the field, the rule and the value for each bad value', () => {
    const parsed = parseThresholdOverride(
      { 'hashrate-low': { belowPct: 150 }, offline: { forMs: -5 }, 'temp-high': { maxC: 'hot' }, 'unprofitable-rig': { forMs: 1.5 } },
      'rig 3 thresholds',
    );
    expect(parsed).toEqual({
      ok: false,
      error: [
        'rig 3 thresholds unprofitable-rig.forMs must be a whole number of milliseconds (got 1.5)',
        'rig 3 thresholds offline.forMs must be 0 or more milliseconds (got -5)',
        'rig 3 thresholds hashrate-low.belowPct must be 100 % or less (got 150)',
        'rig 3 thresholds temp-high.maxC must be a temperature in degC (got "hot")',
      ],
    });
  });

  it('refuses unknown rules and settings, listing the known ones', () => {
    const rule = parseThresholdOverride({ overheat: {} });
    expect(rule.ok).toBe(false);
    if (!rule.ok)
      expect(rule.error[0]).toMatch(/^thresholds: unknown rule "overheat" \(known: unprofitable-rig, unprofitable-site, offline, /);
    const field = parseThresholdOverride({ 'pool-gap': { gap: 5 } });
    expect(field).toEqual({ ok: false, error: ['thresholds pool-gap: unknown setting "gap" (known: enabled, forMs, clearForMs, gapPct)'] });
  });

  it('refuses a rule that is not an object, and a non-object override', () => {
    expect(parseThresholdOverride({ offline: 5 })).toEqual({ ok: false, error: ['thresholds offline must be an object (got 5)'] });
    expect(parseThresholdOverride(null)).toEqual({ ok: false, error: ['thresholds must be an object (got null)'] });
  });
});
