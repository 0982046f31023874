import { NextResponse } from 'next/server';
import { historyRetention, getAppConfig } from '../../../../lib/config';
import { getAppDb } from '../../../../lib/db/app-db';
import { storageReport } from '../../../../lib/db/queries/storage';

export const dynamic = 'force-dynamic';

/** The database's size now, the disk's free space, and the estimated steady-state size for the current fleet and retention settings. */
export function GET() {
  const config = getAppConfig().config;
  return NextResponse.json(
    storageReport(getAppDb(), { dbPath: config.dbPath, pollIntervalS: config.pollIntervalS, retention: historyRetention(config) }),
  );
}
