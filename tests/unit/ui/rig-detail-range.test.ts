/** The rig page's address parts: the rig id in the path, the chart range in the query, the API addresses. */
import { describe, expect, it } from 'vitest';
import { historyUrl, parseRangeParam, parseRigId, RANGE_OPTIONS, searchWithRange } from '../../../app/components/rig-detail/history-range';
import { eventsUrl } from '../../../app/components/rig-detail/rig-events';

describe('rig id in the path', () => {
  it('takes a positive whole number and nothing else', () => {
    expect(parseRigId('12')).toBe(12);
    expect(parseRigId('1')).toBe(1);
    for (const bad of ['0', '-3', '1.5', '12abc', '', ' 12', '012', '1e3', '99999999999999999']) expect(parseRigId(bad)).toBeNull();
  });
});

describe('range in the query', () => {
  it('reads a known range and falls back to 24 h', () => {
    expect(parseRangeParam('7d')).toBe('7d');
    expect(parseRangeParam('1y')).toBe('1y');
    expect(parseRangeParam(undefined)).toBe('24h');
    expect(parseRangeParam('2h')).toBe('24h');
    expect(parseRangeParam(['30d', '1h'])).toBe('30d');
    expect(parseRangeParam(null)).toBe('24h');
  });

  it('offers the five ranges in order with readable labels', () => {
    expect(RANGE_OPTIONS.map((o) => o.label)).toEqual(['1 h', '24 h', '7 d', '30 d', '1 y']);
  });

  it('sets the range in a query and keeps the rest', () => {
    expect(searchWithRange('', '7d')).toBe('?range=7d');
    expect(searchWithRange('?range=1h', '30d')).toBe('?range=30d');
    expect(searchWithRange('?kiosk=1&range=1h', '1y')).toBe('?kiosk=1&range=1y');
  });

  it('builds the API addresses', () => {
    expect(historyUrl(4, '1h')).toBe('/api/rigs/4/history?range=1h');
    expect(eventsUrl(4)).toBe('/api/rigs/4/events?limit=100');
  });
});
