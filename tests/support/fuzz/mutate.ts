/**
 * Mutations of real captured device replies for the fuzz tests (issue 12): numbers made negative, huge,
 * infinite (1e999 parses to Infinity) or NaN-ish strings, strings emptied or made numeric, keys deleted,
 * duplicated (JSON.parse keeps the last) or renamed, values replaced by other types or by nesting up to
 * 100,000 deep, and the text truncated or wrapped deep. Arbitraries are plain indices, so fast-check
 * shrinks a failure to the smallest mutation list that still shows it.
 */
import fc from 'fast-check';

/** Runs per property: 1,000 by default, HASHWATT_FUZZ_RUNS for a long pass. */
export function fuzzRuns(): number {
  const n = Number(process.env.HASHWATT_FUZZ_RUNS ?? '');
  return Number.isInteger(n) && n > 0 ? n : 1_000;
}

/** JSON text emitted as is (tokens JSON.stringify cannot write: 1e999, NaN, deep nesting). */
export class Raw {
  constructor(readonly text: string) {}
}

/** An object written with the given entries, duplicate keys included. */
export class Dup {
  constructor(readonly entries: Array<[string, unknown]>) {}
}

type Path = Array<string | number>;

/** JSON text of a mutated value; recursion only follows the capture's own (shallow) structure. */
export function render(v: unknown): string {
  if (v instanceof Raw) return v.text;
  if (v instanceof Dup) return `{${v.entries.map(([k, x]) => `${JSON.stringify(k)}:${render(x)}`).join(',')}}`;
  if (Array.isArray(v)) return `[${v.map(render).join(',')}]`;
  if (v !== null && typeof v === 'object') return render(new Dup(Object.entries(v)));
  // NaN and Infinity cannot be in JSON: a stored one was meant as a raw token.
  if (typeof v === 'number' && !Number.isFinite(v)) return String(v);
  return JSON.stringify(v) ?? 'null';
}

/** Nesting `depth` levels deep around `inner` ("[[[1]]]", or objects). */
export function nested(depth: number, inner = '1', objects = false): string {
  return objects ? `${'{"a":'.repeat(depth)}${inner}${'}'.repeat(depth)}` : `${'['.repeat(depth)}${inner}${']'.repeat(depth)}`;
}

const EVIL_NUMBERS = [
  -1,
  -5,
  -0.001,
  0,
  0.5,
  1e-300,
  1e297,
  2.95e298,
  1e308,
  -1e308,
  4294967295,
  -2147483648,
  2 ** 63,
  Number.MAX_SAFE_INTEGER * 3,
];
const EVIL_RAW = ['1e999', '-1e999', 'NaN', 'nan', 'Infinity', '-Infinity', 'inf', '-inf', '-0', '1e308', '00012', '1.', '0x10', '+5'];
const EVIL_STRINGS = [
  '',
  ' ',
  '-5',
  '-1e297',
  '1e297',
  '2.95e298',
  'NaN',
  'nan',
  'Infinity',
  '-Infinity',
  'inf',
  '1e999',
  '12abc',
  '0x1F',
  ' 42 ',
  '-',
  '--',
  '4-5-6',
  '-8--11-300-12',
  '0-0-0-0',
  '\u0000',
  '\\',
  '"',
  'é☃',
  '[]',
  '{}',
  'true',
  'null',
  '-1 W',
  '1e308 TH/s',
];
/**
 * Nesting depths, just past the readers' limit of 64 up to 100,000. JSON.parse alone takes ~150 ms on the
 * deepest (HTTP bodies are parsed before any limit applies), so it is drawn rarely here and fed to every
 * slot once in a test of its own.
 */
const DEPTHS = [
  65, 65, 100, 300, 1_000, 65, 100, 300, 2_000, 65, 100, 300, 1_000, 65, 100, 300, 5_000, 65, 100, 300, 1_000, 65, 100, 300, 100_000,
];
const MULTIPLIERS = [-1, 1e6, 1e-6, 1e300, 1000, -1000];

/** One mutation; the indices pick the path and the replacement when it is applied. */
export interface Mutation {
  kind: 'number' | 'string' | 'type' | 'delete' | 'duplicate' | 'rename' | 'nest';
  at: number;
  pick: number;
}

/** A mutation, number mutations drawn three times as often as the others. */
export const mutationArb: fc.Arbitrary<Mutation> = fc.record({
  kind: fc.constantFrom<Mutation['kind']>('number', 'number', 'number', 'string', 'type', 'delete', 'duplicate', 'rename', 'nest'),
  at: fc.nat(),
  pick: fc.nat(),
});

/** Text-level damage after rendering. */
export interface TextDamage {
  kind: 'none' | 'truncate' | 'wrap' | 'byte';
  at: number;
  pick: number;
}

/** Text damage; most runs leave the rendered text whole. */
export const textDamageArb: fc.Arbitrary<TextDamage> = fc.record({
  kind: fc.constantFrom<TextDamage['kind']>('none', 'none', 'none', 'none', 'truncate', 'wrap', 'byte'),
  at: fc.nat(),
  pick: fc.nat(),
});

/** Every path inside a parsed capture (the root excluded), leaves and containers alike. */
function pathsOf(v: unknown, prefix: Path = [], out: Path[] = []): Path[] {
  if (v === null || typeof v !== 'object') return out;
  const entries: Array<[string | number, unknown]> = Array.isArray(v) ? v.map((x, i) => [i, x]) : Object.entries(v);
  for (const [k, x] of entries) {
    out.push([...prefix, k]);
    pathsOf(x, [...prefix, k], out);
  }
  return out;
}

const isNumeric = (x: unknown) => typeof x === 'number' || (typeof x === 'string' && x.trim() !== '' && Number.isFinite(Number(x)));

/** The capture's paths, and those holding numbers, worked out once per capture. */
const pathCache = new WeakMap<object, { all: Path[]; numeric: Path[] }>();
function targetsOf(base: unknown): { all: Path[]; numeric: Path[] } {
  const key = base as object;
  let t = pathCache.get(key);
  if (!t) {
    const all = pathsOf(base);
    t = {
      all: [[], ...all],
      numeric: all.filter((p) => isNumeric(p.reduce<unknown>((at, k) => (at as Record<string | number, unknown>)[k], base))),
    };
    pathCache.set(key, t);
  }
  return t;
}

/** A shallow copy of a container (Dup entries included) so the capture itself is never changed. */
function copyOf(v: unknown): unknown {
  if (v instanceof Dup) return new Dup([...v.entries]);
  if (Array.isArray(v)) return [...v];
  return v !== null && typeof v === 'object' && !(v instanceof Raw) ? { ...(v as object) } : v;
}

const pickOf = <T>(list: readonly T[], i: number): T => list[i % list.length];

function evilValue(old: unknown, kind: Mutation['kind'], pick: number): unknown {
  if (kind === 'number' || (kind === 'type' && typeof old === 'number' && pick % 2 === 0)) {
    const n = typeof old === 'number' ? old : Number(old);
    switch (pick % 5) {
      case 0:
        return pickOf(EVIL_NUMBERS, pick >> 3);
      case 1:
        return new Raw(pickOf(EVIL_RAW, pick >> 3));
      case 2:
        return Number.isFinite(n) ? n * pickOf(MULTIPLIERS, pick >> 3) : -1;
      case 3:
        return String(Number.isFinite(n) ? -Math.abs(n) - 1 : pickOf(EVIL_NUMBERS, pick >> 3));
      default:
        return pickOf(EVIL_STRINGS, pick >> 3);
    }
  }
  if (kind === 'string') return pick % 7 === 0 ? 'x'.repeat(5_000) : pickOf(EVIL_STRINGS, pick);
  if (kind === 'nest') return new Raw(nested(pickOf(DEPTHS, pick), pick % 3 === 0 ? '-1e999' : '1', pick % 2 === 1));
  return pickOf<unknown>([null, true, false, [], {}, '', 0, [-1], { a: -1 }, Array.from({ length: 500 }, () => -1)], pick);
}

/**
 * Applies the mutations to `base` (a parsed capture) in order, copying only the containers on each
 * mutated path. Paths are drawn from the unmutated capture; one an earlier mutation removed is skipped.
 */
export function mutate(base: unknown, mutations: readonly Mutation[]): unknown {
  const { all, numeric } = targetsOf(base);
  const root: Record<string, unknown> = { v: base };
  for (const m of mutations) {
    const path: Path = ['v', ...pickOf(m.kind === 'number' && numeric.length > 0 ? numeric : all, m.at)];
    // Walk down, copying each container before it is changed.
    let parent: Record<string | number, unknown> = root;
    let ok = true;
    for (const k of path.slice(0, -1)) {
      const next = parent[k];
      if (next === null || typeof next !== 'object' || next instanceof Raw || next instanceof Dup) {
        ok = false;
        break;
      }
      parent[k] = copyOf(next);
      parent = parent[k] as Record<string | number, unknown>;
    }
    const key = path[path.length - 1];
    if (!ok || !(key in parent)) continue;
    const old = parent[key];
    if (m.kind === 'delete') {
      if (Array.isArray(parent)) parent.splice(Number(key), 1);
      else delete parent[key];
    } else if ((m.kind === 'duplicate' || m.kind === 'rename') && !Array.isArray(parent) && path.length > 1) {
      const entries = Object.entries(parent);
      const evil = evilValue(old, 'number', m.pick);
      const changed: Array<[string, unknown]> =
        m.kind === 'duplicate'
          ? m.pick % 2 === 0
            ? [...entries, [String(key), evil]]
            : [[String(key), evil], ...entries]
          : entries.map(([k, x]) => [k === key ? pickOf([k.toLowerCase(), `${k} `, k.slice(1), k.toUpperCase()], m.pick) : k, x]);
      // Replace the object itself in its own parent (walked again: it was copied above).
      let grand: Record<string | number, unknown> = root;
      for (const k of path.slice(0, -2)) grand = grand[k] as Record<string | number, unknown>;
      grand[path[path.length - 2]] = new Dup(changed);
    } else {
      parent[key] = evilValue(old, m.kind, m.pick);
    }
  }
  return root.v;
}

/** Text-level damage: cut short, wrapped deep, or one character changed. */
export function damage(text: string, d: TextDamage): string {
  switch (d.kind) {
    case 'truncate':
      return text.slice(0, d.at % (text.length + 1));
    case 'wrap':
      return nested(pickOf(DEPTHS, d.pick), text, d.pick % 2 === 1);
    case 'byte': {
      const i = d.at % Math.max(1, text.length);
      return text.slice(0, i) + pickOf(['{', '}', '[', ']', '"', ',', ':', '-', '\u0000', '\\', 'e', '9'], d.pick) + text.slice(i + 1);
    }
    default:
      return text;
  }
}

/** The mutations applied to a text capture (Prometheus metrics): its numbers replaced, its lines dropped. */
export function mutateText(text: string, mutations: readonly Mutation[]): string {
  let out = text;
  for (const m of mutations) {
    if (m.kind === 'delete') {
      const lines = out.split('\n');
      lines.splice(m.at % lines.length, 1);
      out = lines.join('\n');
      continue;
    }
    const numbers = [...out.matchAll(/-?\d+(?:\.\d+)?(?:e[+-]?\d+)?/gi)];
    if (numbers.length === 0) continue;
    const hit = pickOf(numbers, m.at);
    const value = evilValue(Number(hit[0]), m.kind === 'string' ? 'string' : 'number', m.pick);
    const replacement = value instanceof Raw ? value.text : String(value);
    out = out.slice(0, hit.index) + replacement + out.slice(hit.index! + hit[0].length);
  }
  return out;
}
