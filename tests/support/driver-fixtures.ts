/** Shared helpers of the driver tests: the copied captures, approximate matching, board literals. */
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { parseCgminerReply } from '../../collectors/drivers/cgminer-tcp/lenient-json';
import type { BoardReading } from '../../lib/domain/reading';

const FIXTURES = new URL('../fixtures/asic/', import.meta.url);

/** A capture's raw text, as copied byte for byte from shared/fixtures. */
export const fixtureText = (name: string): string => readFileSync(new URL(name, FIXTURES), 'utf8');

/** A capture parsed with the lenient CGMiner parser. */
export const fixtureBody = (name: string) => parseCgminerReply(fixtureText(name), name).body;

/** Deep copy of `v` in which every non-integer number matches within 6 decimals. */
export function approx<T>(v: T): T {
  if (typeof v === 'number' && !Number.isInteger(v)) return expect.closeTo(v, 6) as T;
  if (Array.isArray(v)) return v.map(approx) as T;
  if (v && typeof v === 'object' && !('asymmetricMatch' in v)) {
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, approx(x)])) as T;
  }
  return v;
}

/** A board literal for expected readings. */
export const board = (index: number, hashrateThs: number | null, chips: number | null, tempC: number | null): BoardReading => ({
  index,
  hashrateThs,
  chips,
  tempC,
});
