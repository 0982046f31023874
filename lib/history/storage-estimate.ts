/**
 * How big the database grows for a fleet, from what each stored row costs on disk and how long each tier
 * is kept. Pure: the settings screen shows it beside the file's real size.
 */

export interface StorageInputs {
  rigs: number;
  pollIntervalS: number;
  rawRetentionMs: number;
  m1RetentionMs: number;
  h1RetentionMs: number;
  /** Bytes on disk per raw sample (with its per-rig economics row and indexes); measured by the bench (~950). */
  bytesPerSample: number;
  /** Bytes per rollup bucket row with its index share. */
  bytesPerBucket: number;
}

export interface StorageEstimate {
  rawBytes: number;
  m1Bytes: number;
  h1Bytes: number;
  totalBytes: number;
}

const MIN_MS = 60_000;
const HOUR_MS = 3_600_000;

/** The steady-state size once every tier is full. */
export function estimateStorage(i: StorageInputs): StorageEstimate {
  const rawBytes = i.rigs * (i.rawRetentionMs / (i.pollIntervalS * 1000)) * i.bytesPerSample;
  const m1Bytes = i.rigs * (i.m1RetentionMs / MIN_MS) * i.bytesPerBucket;
  const h1Bytes = i.rigs * (i.h1RetentionMs / HOUR_MS) * i.bytesPerBucket;
  const round = Math.round;
  return { rawBytes: round(rawBytes), m1Bytes: round(m1Bytes), h1Bytes: round(h1Bytes), totalBytes: round(rawBytes + m1Bytes + h1Bytes) };
}

/** Measured on this schema: a raw sample with its economics row, change row and indexes (npm run bench's dbBytesPerSample). */
export const BYTES_PER_SAMPLE = 950;
/** Measured: one rollup bucket row (19 columns) with its two indexes. */
export const BYTES_PER_BUCKET = 180;
