/**
 * Packed rollup buckets: a closed period of one rig's buckets of a tier (6 hours of 1-minute buckets, a day
 * of 5-minute ones, 4 weeks of 1-hour ones) as one compact blob, as time-series databases pack chunks. Per
 * bucket: its offset in the period (varint), a presence byte (bit i: METRICS[i] has values), then for each
 * present metric its n (varint) and min, avg, max as float32 (about 7 significant digits: what a chart
 * shows, at a third of the bytes of a row of 16 REALs). Pure.
 */
import { err, ok, type Result } from '../util/result';
import { METRICS, TIER_MS, type Bucket, type Stats, type Tier } from './rollup';

const DAY_MS = 86_400_000;

/**
 * How long a pack spans per tier: 360, 288 and 672 buckets (6 hours, a day, 4 weeks; epoch-aligned). A pack
 * is kilobytes, stored in overflow pages whose last one is part empty: longer periods waste less of a page
 * per bucket, but leave more narrow head rows (170 B each) until they close. Measured (bench/rollup-packs.ts):
 * these minimise the two together.
 */
export const PACK_MS: Readonly<Record<Tier, number>> = { m1: 6 * 3_600_000, m5: DAY_MS, h1: 28 * DAY_MS };

/** Format byte first, so a later encoding can be told apart. */
const VERSION = 1;

/** Where the pack holding a bucket starts. */
export function packStartMs(tier: Tier, bucketStartMs: number): number {
  return Math.floor(bucketStartMs / PACK_MS[tier]) * PACK_MS[tier];
}

function pushVarint(out: number[], v: number): void {
  let x = v;
  while (x >= 0x80) {
    out.push((x % 0x80) | 0x80);
    x = Math.floor(x / 0x80);
  }
  out.push(x);
}

function f32Ok(v: number): boolean {
  return Number.isFinite(v) && Number.isFinite(Math.fround(v));
}

/**
 * One rig's buckets of one pack period as a blob. Refused (nothing encoded) when a bucket lies outside the
 * period or off the tier's grid, or a figure is not finite in float32 or a count is not a whole number >= 1.
 */
export function encodePack(tier: Tier, startMs: number, buckets: readonly Bucket[]): Result<Buffer, string> {
  const widthMs = TIER_MS[tier];
  const slots = PACK_MS[tier] / widthMs;
  const sorted = [...buckets].sort((a, b) => a.startMs - b.startMs);
  const bytes: number[] = [VERSION];
  const f32 = Buffer.alloc(4);
  let last = -1;
  for (const b of sorted) {
    const offset = (b.startMs - startMs) / widthMs;
    if (!Number.isInteger(offset) || offset < 0 || offset >= slots)
      return err(`bucket ${b.startMs} is not a ${tier} bucket of the pack at ${startMs}`);
    if (offset === last) return err(`bucket ${b.startMs} appears twice in the pack at ${startMs}`);
    last = offset;
    pushVarint(bytes, offset);
    let presence = 0;
    METRICS.forEach((m, i) => {
      if (b.stats[m]) presence |= 1 << i;
    });
    bytes.push(presence);
    for (const m of METRICS) {
      const s = b.stats[m];
      if (!s) continue;
      if (!Number.isSafeInteger(s.n) || s.n < 1)
        return err(`${m} of rig ${b.rigId} at ${b.startMs}: count ${s.n} is not a whole number >= 1`);
      pushVarint(bytes, s.n);
      for (const v of [s.min, s.avg, s.max]) {
        if (!f32Ok(v)) return err(`${m} of rig ${b.rigId} at ${b.startMs}: ${v} is not a finite float32`);
        f32.writeFloatLE(v);
        bytes.push(f32[0], f32[1], f32[2], f32[3]);
      }
    }
  }
  return ok(Buffer.from(bytes));
}

/** The buckets of a pack, by time. Throws on a blob this code did not write (a corrupt file). */
export function decodePack(tier: Tier, rigId: number, startMs: number, blob: Uint8Array): Bucket[] {
  const buf = Buffer.from(blob.buffer, blob.byteOffset, blob.byteLength);
  if (buf[0] !== VERSION) throw new Error(`rollup pack of rig ${rigId} at ${startMs}: unknown format ${buf[0]}`);
  const out: Bucket[] = [];
  let pos = 1;
  const varint = (): number => {
    let v = 0;
    let mul = 1;
    for (;;) {
      if (pos >= buf.length) throw new Error(`rollup pack of rig ${rigId} at ${startMs}: truncated`);
      const byte = buf[pos++];
      v += (byte & 0x7f) * mul;
      if (byte < 0x80) return v;
      mul *= 0x80;
    }
  };
  while (pos < buf.length) {
    const offset = varint();
    const presence = buf[pos++];
    const stats = {} as Stats;
    METRICS.forEach((m, i) => {
      if (!(presence & (1 << i))) {
        stats[m] = null;
        return;
      }
      const n = varint();
      if (pos + 12 > buf.length) throw new Error(`rollup pack of rig ${rigId} at ${startMs}: truncated`);
      stats[m] = { n, min: buf.readFloatLE(pos), avg: buf.readFloatLE(pos + 4), max: buf.readFloatLE(pos + 8) };
      pos += 12;
    });
    out.push({ rigId, startMs: startMs + offset * TIER_MS[tier], stats });
  }
  return out;
}
