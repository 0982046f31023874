/** The storage report on a real SQLite file: sizes read from the file and the disk, the estimate for the rigs stored. */
import { statSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { storageReport } from '../../../lib/db/queries/storage';
import { rigs, sites } from '../../../lib/db/schema';
import { tempDb } from '../../support/temp';

let t: ReturnType<typeof tempDb>;
beforeEach(() => {
  t = tempDb();
});
afterEach(() => t.cleanup());

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

describe('storageReport', () => {
  it('reports the file, WAL and free disk, and the steady-state estimate for the rigs configured now', () => {
    const site = t.db.orm.insert(sites).values({ name: 'North', createdAtMs: 0 }).returning({ id: sites.id }).get();
    for (const name of ['a', 'b'])
      t.db.orm.insert(rigs).values({ name, siteId: site.id, address: '10.0.0.1', port: 4028, driver: 'antminer', createdAtMs: 0 }).run();
    const report = storageReport(t.db, {
      dbPath: t.path,
      pollIntervalS: 10,
      retention: { rawRetentionMs: 48 * HOUR_MS, m1RetentionMs: 30 * DAY_MS, m5RetentionMs: 90 * DAY_MS, h1RetentionMs: 730 * DAY_MS },
    });

    expect(report.rigs).toBe(2);
    expect(report.now.fileBytes).toBeGreaterThan(0);
    expect(report.now.walBytes).toBe(statSync(`${t.path}-wal`).size);
    expect(report.now.walBytes).toBeGreaterThan(0);
    expect(report.diskFreeBytes).toBeGreaterThan(0);
    // 2 rigs: 48 h of 10 s samples at 126 B, 30 d of minutes, 90 d of 5 minutes and 730 d of hours at 62 B per
    // bucket (packed, migration 0011).
    expect(report.estimate).toEqual({
      rawBytes: 2 * 17_280 * 126,
      m1Bytes: 2 * 43_200 * 62,
      m5Bytes: 2 * 25_920 * 62,
      h1Bytes: 2 * 17_520 * 62,
      totalBytes: 4_354_560 + 5_356_800 + 3_214_080 + 2_172_480,
    });
  });

  it('reports no free disk when the folder cannot be read, rather than failing', () => {
    const report = storageReport(t.db, {
      dbPath: '/nonexistent-dir/x/hashwatt.db',
      pollIntervalS: 10,
      retention: { rawRetentionMs: HOUR_MS, m1RetentionMs: DAY_MS, m5RetentionMs: DAY_MS, h1RetentionMs: DAY_MS },
    });
    expect(report.diskFreeBytes).toBeNull();
    expect(report.now.walBytes).toBe(0);
    expect(report.estimate.totalBytes).toBe(0);
  });
});
