/**
 * How big the database grows for a fleet, from what each stored row costs on disk and how long each tier
 * is kept. Pure: the settings screen shows it beside the file's real size.
 */

export interface StorageInputs {
  rigs: number;
  pollIntervalS: number;
  rawRetentionMs: number;
  m1RetentionMs: number;
  m5RetentionMs: number;
  h1RetentionMs: number;
  /** Bytes on disk per raw sample (with its profit row and indexes). */
  bytesPerSample: number;
  /** Bytes per rollup bucket, packed (its share of the pack row, key and index) with the head rows' share. */
  bytesPerBucket: number;
}

export interface StorageEstimate {
  rawBytes: number;
  m1Bytes: number;
  m5Bytes: number;
  h1Bytes: number;
  totalBytes: number;
}

const MIN_MS = 60_000;
const FIVE_MIN_MS = 300_000;
const HOUR_MS = 3_600_000;

/** The steady-state size once every tier is full. */
export function estimateStorage(i: StorageInputs): StorageEstimate {
  const rawBytes = i.rigs * (i.rawRetentionMs / (i.pollIntervalS * 1000)) * i.bytesPerSample;
  const m1Bytes = i.rigs * (i.m1RetentionMs / MIN_MS) * i.bytesPerBucket;
  const m5Bytes = i.rigs * (i.m5RetentionMs / FIVE_MIN_MS) * i.bytesPerBucket;
  const h1Bytes = i.rigs * (i.h1RetentionMs / HOUR_MS) * i.bytesPerBucket;
  const round = Math.round;
  return {
    rawBytes: round(rawBytes),
    m1Bytes: round(m1Bytes),
    m5Bytes: round(m5Bytes),
    h1Bytes: round(h1Bytes),
    totalBytes: round(rawBytes + m1Bytes + m5Bytes + h1Bytes),
  };
}

/**
 * Measured on the schema of migration 0010 (dbstat, a day of 10 s samples for 100 rigs): a narrow raw sample
 * (73 B) and its time index (14 B), with the rig's profit row (25 B) and its time index (14 B).
 */
export const BYTES_PER_SAMPLE = 126;
/**
 * Measured on the schema of migration 0011 (bench/rollup-packs.ts, dbstat, every tier full at the default
 * retention): a packed bucket with all four metrics is 56 B of pack (float32 min/avg/max and a varint count
 * per metric), 60 B with its pack's key, index and page share; the open periods' narrow head rows (170 B
 * each, half a period per tier on average: 81 KB per rig) add about 2 B per bucket kept.
 */
export const BYTES_PER_BUCKET = 62;
