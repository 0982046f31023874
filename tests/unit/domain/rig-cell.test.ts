import { describe, expect, it } from 'vitest';
import { countStates, locationOf, profitBandOf, rigCellOf, rigStateOf, sameCell, tempBandOf } from '../../../lib/domain/rig-cell';
import type { RigView } from '../../../lib/domain/fleet';

const view = (over: Partial<RigView> & { status?: string; tempMaxC?: number | null }): RigView =>
  ({
    id: 7,
    name: 'rack1-07',
    siteId: 2,
    siteName: 'North',
    address: '10.0.0.7',
    port: 4028,
    driver: 'antminer',
    model: 'S19',
    connectivity: 'online',
    lastSeenMs: 1,
    lastError: null,
    reading: { status: over.status ?? 'mining', tempMaxC: over.tempMaxC === undefined ? 70 : over.tempMaxC },
    ...over,
  }) as unknown as RigView;

describe('rig state', () => {
  it('is the connectivity when not online, else what the miner says', () => {
    expect(rigStateOf(view({ connectivity: 'offline' }))).toBe('offline');
    expect(rigStateOf(view({ connectivity: 'stale' }))).toBe('stale');
    expect(rigStateOf(view({ status: 'sleeping' }))).toBe('sleeping');
    expect(rigStateOf(view({ status: 'throttled' }))).toBe('throttled');
    expect(rigStateOf(view({ reading: null }))).toBe('offline');
  });
});

describe('profit band', () => {
  it('grades the margin of breakeven over the price now', () => {
    expect(profitBandOf(0.09, 0.1)).toBe('losing');
    expect(profitBandOf(0.105, 0.1)).toBe('thin');
    expect(profitBandOf(0.12, 0.1)).toBe('healthy');
    expect(profitBandOf(0.16, 0.1)).toBe('strong');
    expect(profitBandOf(null, 0.1)).toBe('unknown');
    expect(profitBandOf(0.1, 0)).toBe('unknown');
  });
});

describe('temperature band', () => {
  it('is normal up to the warning temperature, then graded by 5 degC steps', () => {
    expect(tempBandOf(80, 80)).toBe('normal');
    expect(tempBandOf(82, 80)).toBe('hot');
    expect(tempBandOf(88, 80)).toBe('very-hot');
    expect(tempBandOf(91, 80)).toBe('critical');
    expect(tempBandOf(null, 80)).toBe('unknown');
  });
});

describe('cells', () => {
  const inputs = { location: locationOf('Hall A', 'R4', ''), breakevenPricePerKwh: 0.12, pricePerKwh: 0.1, warnC: 85 };
  it('carries state and bands, and no bands for a rig that is not online', () => {
    expect(rigCellOf(view({}), inputs)).toEqual({
      id: 7,
      siteId: 2,
      name: 'rack1-07',
      location: { building: 'Hall A', rack: 'R4', position: null },
      state: 'mining',
      profitBand: 'healthy',
      tempBand: 'normal',
    });
    const off = rigCellOf(view({ connectivity: 'offline' }), inputs);
    expect([off.state, off.profitBand, off.tempBand]).toEqual(['offline', 'unknown', 'unknown']);
  });
  it('are the same when they would look the same', () => {
    const a = rigCellOf(view({ tempMaxC: 70 }), inputs);
    expect(sameCell(a, rigCellOf(view({ tempMaxC: 71 }), inputs))).toBe(true);
    expect(sameCell(a, rigCellOf(view({ tempMaxC: 90 }), inputs))).toBe(false);
  });
  it('count by state, every state present', () => {
    expect(countStates([{ state: 'mining' }, { state: 'mining' }, { state: 'offline' }])).toEqual({
      mining: 2,
      throttled: 0,
      sleeping: 0,
      error: 0,
      stale: 0,
      offline: 1,
    });
  });
});
