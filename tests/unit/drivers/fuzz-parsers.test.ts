/**
 * Fuzz (issue 12): every driver's parse path, fed mutated real captures (tests/support/fuzz), followed by
 * the plausibility check, gives a reading within every bound of the issue or a typed DeviceError, never
 * anything else (no TypeError, RangeError, stack overflow, no 1e297 TH/s stored). HASHWATT_FUZZ_RUNS sets
 * the runs per driver (1,000 by default).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ALL_DRIVERS } from '../../../collectors/drivers';
import { DeviceError } from '../../../collectors/drivers/types';
import type { Reading } from '../../../lib/domain/reading';
import { judge } from '../../support/fuzz/bounds';
import { FUZZ_TARGETS } from '../../support/fuzz/corpus';
import { captureValue, decode, type FuzzTarget } from '../../support/fuzz/decoding';
import {
  damage,
  fuzzRuns,
  mutate,
  mutateText,
  mutationArb,
  nested,
  Raw,
  render,
  textDamageArb,
  type Mutation,
  type TextDamage,
} from '../../support/fuzz/mutate';

const RUNS = fuzzRuns();
/** A long pass (HASHWATT_FUZZ_RUNS=100000) needs far more than the suite's 20 s per test. */
const TIMEOUT_MS = Math.max(20_000, RUNS * 40);
const MODEL_HINTS = [null, 'Antminer S21', 'Bitaxe Gamma', 'Whatsminer M30S', '8x RTX 3070', ''];

interface Run {
  slot: number;
  captures: number[];
  mutations: Mutation[];
  damage: TextDamage;
  /** Index of an optional slot to leave out (a failed optional command); past the end: none. */
  leaveOut: number;
  hint: number;
}

const runArb = (target: FuzzTarget): fc.Arbitrary<Run> =>
  fc.record({
    slot: fc.nat(),
    captures: fc.array(fc.nat(), { minLength: target.slots.length, maxLength: target.slots.length }),
    mutations: fc.array(mutationArb, { minLength: 1, maxLength: 4 }),
    damage: textDamageArb,
    leaveOut: fc.nat({ max: 2 * target.slots.length }),
    hint: fc.nat({ max: MODEL_HINTS.length - 1 }),
  });

const valueCache = new Map<string, unknown>();
function valueOf(decoding: FuzzTarget['slots'][number]['decoding'], text: string): unknown {
  if (!valueCache.has(text)) valueCache.set(text, captureValue(decoding, text));
  return valueCache.get(text);
}

/** Deep-frozen, so a parse that changed its input (a later run would see it) fails loudly. */
function frozen<T>(v: T): T {
  if (v !== null && typeof v === 'object' && !Object.isFrozen(v)) {
    Object.values(v).forEach(frozen);
    Object.freeze(v);
  }
  return v;
}

/** Decoding of the unmutated captures, done once: the outcome (value or DeviceError) is replayed. */
const decodedCache = new Map<string, { value: unknown } | { error: unknown }>();
function decodeOnce(slot: FuzzTarget['slots'][number], text: string): unknown {
  const key = `${slot.decoding}\u0000${slot.name}\u0000${text}`;
  let hit = decodedCache.get(key);
  if (!hit) {
    try {
      hit = { value: frozen(decode(slot.decoding, text, slot.name)) };
    } catch (error) {
      hit = { error };
    }
    decodedCache.set(key, hit);
  }
  if ('error' in hit) throw hit.error;
  return hit.value;
}

/** The poll of one run: each slot's capture, one of them mutated, decoded as its transport does, then parsed. */
function pollOf(target: FuzzTarget, run: Run): () => Reading {
  const mutated = run.slot % target.slots.length;
  const decoded: Record<string, unknown> = {};
  return () => {
    for (const [i, s] of target.slots.entries()) {
      let text = s.captures[run.captures[i] % s.captures.length];
      if (i === mutated) {
        text = s.decoding === 'text' ? mutateText(text, run.mutations) : render(mutate(valueOf(s.decoding, text), run.mutations));
        text = damage(text, run.damage);
      }
      if (s.optional && i === run.leaveOut) {
        decoded[s.name] = null;
        continue;
      }
      try {
        decoded[s.name] = i === mutated ? decode(s.decoding, text, s.name) : decodeOnce(s, text);
      } catch (err) {
        // An optional command that fails costs only its own part of the reading (optionalRunner).
        if (!s.optional || !(err instanceof DeviceError)) throw err;
        decoded[s.name] = null;
      }
    }
    return target.parse(decoded, MODEL_HINTS[run.hint]);
  };
}

/** Copies of `v` with `by` in place of one of its values each (depth first, at most `limit` of them). */
function everyPlace(v: unknown, by: unknown, limit: number): unknown[] {
  const out: unknown[] = [];
  const walk = (node: unknown, put: (x: unknown) => unknown) => {
    if (node === null || typeof node !== 'object' || out.length >= limit) return;
    const entries: Array<[string | number, unknown]> = Array.isArray(node) ? node.map((x, i) => [i, x]) : Object.entries(node);
    for (const [k, x] of entries) {
      if (out.length >= limit) return;
      const withValue = (y: unknown) => (Array.isArray(node) ? node.map((z, i) => (i === k ? y : z)) : { ...node, [k]: y });
      out.push(put(withValue(by)));
      walk(x, (y) => put(withValue(y)));
    }
  };
  walk(v, (x) => x);
  return out;
}

describe('driver parse fuzz', { timeout: TIMEOUT_MS }, () => {
  it('covers every driver of the registry', () => {
    expect(FUZZ_TARGETS.map((t) => t.driver).sort()).toEqual(ALL_DRIVERS.map((d) => d.name).sort());
  });

  it.each(FUZZ_TARGETS.map((t) => [t.driver, t] as const))('%s: the captures as they are give a plausible reading', (_name, target) => {
    const most = Math.max(...target.slots.map((s) => s.captures.length));
    for (let c = 0; c < most; c++) {
      const decoded = Object.fromEntries(target.slots.map((s) => [s.name, decode(s.decoding, s.captures[c % s.captures.length], s.name)]));
      expect(judge(() => target.parse(decoded, null), null)).toBe('reading');
    }
  });

  it.each(FUZZ_TARGETS.map((t) => [t.driver, t] as const))(
    '%s: nesting 100,000 deep anywhere in a reply gives a DeviceError or a plausible reading',
    (_name, target) => {
      for (const [i, s] of target.slots.entries()) {
        // 100,000 levels as the whole reply and as its first member. HTTP bodies are JSON.parse'd by the
        // transport before any limit applies (150 ms at 100,000 levels), so there 20,000 levels do. Every
        // other place of the reply gets 10,000 levels: twice what overflows a recursive walk, and quick.
        const http = s.decoding === 'http' || s.decoding === 'http-text';
        const deepest = new Raw(nested(http ? 20_000 : 100_000));
        const deep = new Raw(nested(10_000));
        const value = s.decoding === 'text' ? null : valueOf(s.decoding, s.captures[0]);
        const texts =
          value === null
            ? [deepest.text, `${s.captures[0]}\n${deepest.text}`]
            : [deepest.text, render(everyPlace(value, deepest, 1)[0]), ...(http ? [] : everyPlace(value, deep, Infinity).map(render))];
        for (const text of texts) {
          const run = () => {
            const decoded: Record<string, unknown> = {};
            for (const [j, t] of target.slots.entries()) {
              try {
                decoded[t.name] = decode(t.decoding, j === i ? text : t.captures[0], t.name);
              } catch (err) {
                if (!t.optional || !(err instanceof DeviceError)) throw err;
                decoded[t.name] = null;
              }
            }
            return target.parse(decoded, null);
          };
          expect(() => judge(run, null), `${s.name}: ${text.slice(0, 80)}`).not.toThrow();
        }
      }
    },
  );

  it.each(FUZZ_TARGETS.map((t) => [t.driver, t] as const))(
    '%s: mutated captures give a plausible reading or a DeviceError',
    (_name, target) => {
      const seen = new Map<string, number>();
      fc.assert(
        fc.property(runArb(target), (run) => {
          const outcome = judge(pollOf(target, run), MODEL_HINTS[run.hint]);
          seen.set(outcome, (seen.get(outcome) ?? 0) + 1);
        }),
        { numRuns: RUNS },
      );
      // The mutations reach both sides: readings survive some, errors stop others.
      if (RUNS >= 500) {
        expect(seen.get('reading') ?? 0, JSON.stringify([...seen])).toBeGreaterThan(0);
        expect(
          [...seen.keys()].some((k) => k !== 'reading'),
          JSON.stringify([...seen]),
        ).toBe(true);
      }
    },
  );
});
