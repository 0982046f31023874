/**
 * Helpers of the GPU miner HTTP driver tests (T-Rex, lolMiner, GMiner, NBMiner): relative matching for
 * the tiny TH/s figures of GPU rigs, board literals, HTTP replies built from text, and the invariant the
 * property tests check on the driver's parse entry.
 */
import fc from 'fast-check';
import { expect } from 'vitest';
import type { DeviceHttpReply } from '../../collectors/drivers/http/client';
import { DeviceError } from '../../collectors/drivers/types';
import type { BoardReading, Reading } from '../../lib/domain/reading';
import { gpuFixtureText } from './gpu-fixtures';

/** A GPU capture parsed as JSON. */
export const gpuFixtureJson = (name: string): Record<string, unknown> => JSON.parse(gpuFixtureText(name)) as Record<string, unknown>;

/**
 * Deep copy of `v` in which every non-integer number matches to about 10 significant digits. The
 * shared approx() of the ASIC tests checks 6 decimals, which any GPU rate (1.5e-4 TH/s) would pass.
 */
export function relApprox<T>(v: T): T {
  if (typeof v === 'number' && !Number.isInteger(v)) {
    return expect.closeTo(v, Math.max(0, 10 - Math.floor(Math.log10(Math.abs(v))))) as T;
  }
  if (Array.isArray(v)) return v.map(relApprox) as T;
  if (v && typeof v === 'object' && !('asymmetricMatch' in v)) {
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, relApprox(x)])) as T;
  }
  return v;
}

/** A GPU as a board literal: no chips. */
export const gpuBoard = (index: number, hashrateThs: number | null, tempC: number | null): BoardReading => ({
  index,
  hashrateThs,
  chips: null,
  tempC,
});

/** An HTTP reply with `text` as body. */
export const httpReply = (text: string, status = 200): DeviceHttpReply => ({ status, headers: {}, text });

/**
 * Runs a parse entry and checks the contract: a DeviceError with a message, or a reading whose numbers
 * are finite and non-negative where they are set. Returns which of the two came out.
 */
export function saneOrDeviceError(run: () => Reading): 'reading' | 'error' {
  let r: Reading;
  try {
    r = run();
  } catch (err) {
    expect(err).toBeInstanceOf(DeviceError);
    expect((err as DeviceError).message.length).toBeGreaterThan(0);
    return 'error';
  }
  const finiteOrNull = (n: number | null) => n === null || (Number.isFinite(n) && n >= 0);
  expect(Number.isFinite(r.hashrateThs) && r.hashrateThs >= 0).toBe(true);
  expect(finiteOrNull(r.powerW) && finiteOrNull(r.efficiencyJth) && finiteOrNull(r.uptimeS)).toBe(true);
  expect(r.powerW === null ? r.powerSource === null : r.powerSource === 'firmware').toBe(true);
  expect(r.boards.every((b, i) => b.index === i && finiteOrNull(b.hashrateThs))).toBe(true);
  expect(r.pools.every((p) => typeof p.url === 'string' && p.accepted >= 0 && p.rejected >= 0)).toBe(true);
  return 'reading';
}

type Path = Array<string | number>;

/** Every path to a value inside `v` (objects and arrays included), the root excluded. */
export function valuePaths(v: unknown, prefix: Path = []): Path[] {
  if (v === null || typeof v !== 'object') return [];
  const entries: Array<[string | number, unknown]> = Array.isArray(v) ? v.map((x, i) => [i, x]) : Object.entries(v);
  return entries.flatMap(([k, x]) => [[...prefix, k], ...valuePaths(x, [...prefix, k])]);
}

/** A deep copy of `base` with the value at each path replaced. */
export function withReplaced(base: unknown, patches: Array<[Path, unknown]>): unknown {
  const copy = structuredClone(base) as Record<string | number, unknown>;
  for (const [path, value] of patches) {
    let at: Record<string | number, unknown> | null = copy;
    for (const key of path.slice(0, -1)) {
      const next: unknown = at?.[key];
      at = next !== null && typeof next === 'object' ? (next as Record<string | number, unknown>) : null;
    }
    if (at) at[path[path.length - 1]] = value;
  }
  return copy;
}

/** Arbitrary: up to `max` (path, random JSON) replacements anywhere inside `base`. */
export function replacementsIn(base: unknown, max = 5): fc.Arbitrary<Array<[Path, unknown]>> {
  const paths = valuePaths(base);
  return fc.array(fc.tuple(fc.constantFrom(...paths), fc.jsonValue({ maxDepth: 2 })), { minLength: 1, maxLength: max });
}
