import { describe, expect, it } from 'vitest';
import { estimateStorage } from '../../../lib/history/storage-estimate';

describe('estimateStorage', () => {
  it('adds up each tier at its retention for the fleet size', () => {
    // 48 rigs every 10 s: 48 h raw = 17,280 samples each; 30 d of minutes = 43,200; 90 d of 5 minutes = 25,920;
    // 730 d of hours = 17,520.
    expect(
      estimateStorage({
        rigs: 48,
        pollIntervalS: 10,
        rawRetentionMs: 48 * 3_600_000,
        m1RetentionMs: 30 * 86_400_000,
        m5RetentionMs: 90 * 86_400_000,
        h1RetentionMs: 730 * 86_400_000,
        bytesPerSample: 950,
        bytesPerBucket: 180,
      }),
    ).toEqual({ rawBytes: 787_968_000, m1Bytes: 373_248_000, m5Bytes: 223_948_800, h1Bytes: 151_372_800, totalBytes: 1_536_537_600 });
  });
  it('is zero for an empty fleet', () => {
    expect(
      estimateStorage({
        rigs: 0,
        pollIntervalS: 10,
        rawRetentionMs: 1,
        m1RetentionMs: 1,
        m5RetentionMs: 1,
        h1RetentionMs: 1,
        bytesPerSample: 950,
        bytesPerBucket: 180,
      }).totalBytes,
    ).toBe(0);
  });
});
