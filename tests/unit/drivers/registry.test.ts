import { describe, expect, it } from 'vitest';
import { DRIVERS, getDriver } from '../../../collectors/drivers';

describe('driver registry', () => {
  it('finds antminer and whatsminer by their stored names, both on port 4028', () => {
    expect(getDriver('antminer').name).toBe('antminer');
    expect(getDriver('whatsminer').name).toBe('whatsminer');
    expect(Object.values(DRIVERS).map((d) => d.defaultPort)).toEqual([4028, 4028]);
  });

  it('throws a clear error naming the unknown driver and the known ones', () => {
    expect(() => getDriver('avalon')).toThrow('unknown driver "avalon" (known: antminer, whatsminer)');
    expect(() => getDriver('toString')).toThrow('unknown driver "toString"');
  });
});
