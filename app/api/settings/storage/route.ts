import { NextResponse } from 'next/server';
import { loadConfig } from '../../../../lib/config';
import { getAppDb } from '../../../../lib/db/app-db';
import { listRigViews } from '../../../../lib/db/queries/rigs';
import { databaseSize } from '../../../../lib/db/queries/storage';
import { BYTES_PER_BUCKET, BYTES_PER_SAMPLE, estimateStorage } from '../../../../lib/history/storage-estimate';

export const dynamic = 'force-dynamic';

/** The database's size now and the estimated steady-state size for the current fleet and retention settings. */
export function GET() {
  const config = loadConfig();
  const db = getAppDb();
  const rigs = listRigViews(db).length;
  const retention = {
    rawRetentionMs: config.rawRetentionH * 3_600_000,
    m1RetentionMs: config.rollup1mRetentionD * 86_400_000,
    h1RetentionMs: config.rollup1hRetentionD * 86_400_000,
  };
  return NextResponse.json({
    now: databaseSize(db, config.dbPath),
    rigs,
    pollIntervalS: config.pollIntervalS,
    retention,
    estimate: estimateStorage({ rigs, pollIntervalS: config.pollIntervalS, ...retention, bytesPerSample: BYTES_PER_SAMPLE, bytesPerBucket: BYTES_PER_BUCKET }),
  });
}
