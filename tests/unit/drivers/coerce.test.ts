import { describe, expect, it } from 'vitest';
import { leadingNum, maxOf, num, parseDashTemps, slotNumbers, validTempC } from '../../../collectors/drivers/cgminer-tcp/coerce';

describe('num', () => {
  it.each([
    [110786.79, 110786.79],
    ['13883.81', 13883.81],
    [' 37735.24 ', 37735.24],
    ['0.00', 0],
    ['', null],
    ['   ', null],
    ['H', null], // T15 "Mode":"H"
    ['3250 W', null],
    ['inf', null],
    [Number.NaN, null],
    [Number.POSITIVE_INFINITY, null],
    [null, null],
    [undefined, null],
    [true, null],
    [{}, null],
  ])('reads %j as %j', (input, expected) => {
    expect(num(input)).toBe(expected);
  });
});

describe('leadingNum', () => {
  it.each([
    ['3250 W', 3250],
    ['967.50 (AB)', 967.5],
    ['34.65 (AB)', 34.65],
    [1485, 1485],
    ['W', null],
    ['', null],
  ])('reads %j as %j', (input, expected) => {
    expect(leadingNum(input)).toBe(expected);
  });
});

describe('parseDashTemps', () => {
  it.each([
    ['45-47-58-60', [45, 47, 58, 60]],
    ['2--1-20-22', [2, -1, 20, 22]], // antminer-s19pro-stats.json temp_pcb1
    ['1--2-21-19', [1, -2, 21, 19]],
    ['-8--11-10-12', [-8, -11, 10, 12]], // temp_pic1
    ['-9--12-11-9', [-9, -12, 11, 9]],
    ['7-4-25-27', [7, 4, 25, 27]],
    ['60-71-83-96', [60, 71, 83, 96]], // antminer-s19-overheating-stats.json temp_chip1
    ['0-0-0-0', [0, 0, 0, 0]],
    ['-', []], // antminer-t15-stats.json: sensor not present
    ['', []],
    ['48.5-50', [48.5, 50]],
  ])('splits %j into %j', (input, expected) => {
    expect(parseDashTemps(input)).toEqual(expected);
  });
});

describe('validTempC', () => {
  it('keeps real readings, including cold negative ones', () => {
    expect(validTempC(62)).toBe(62);
    expect(validTempC('87.7')).toBe(87.7);
    expect(validTempC(-11)).toBe(-11);
  });

  it('drops 0 (no sensor), junk like the S9 temp2_7 = -83, and missing values', () => {
    expect(validTempC(0)).toBeNull();
    expect(validTempC(-83)).toBeNull();
    expect(validTempC(151)).toBeNull();
    expect(validTempC('')).toBeNull();
    expect(validTempC(undefined)).toBeNull();
  });
});

describe('maxOf and slotNumbers', () => {
  it('ignores nulls and returns null when nothing is left', () => {
    expect(maxOf([null, 3, 7, null])).toBe(7);
    expect(maxOf([null])).toBeNull();
    expect(maxOf([])).toBeNull();
  });

  it('finds sparse numbered keys in numeric order', () => {
    const rec = { chain_acn10: 0, chain_acn6: 63, chain_rate7: '1', chain_acs6: 'ooo', fan5: 1 };
    expect(slotNumbers(rec, /^chain_acn(\d+)$/, /^chain_rate(\d+)$/)).toEqual([6, 7, 10]);
  });
});
