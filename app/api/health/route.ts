import { NextResponse } from 'next/server';
import { getAppConfig } from '../../../lib/config';
import { getAppDb } from '../../../lib/db/app-db';
import { getCollectorHeartbeat } from '../../../lib/db/queries/collector-heartbeat';
import { lastSweepEndMs } from '../../../lib/db/queries/fleet';
import { assessCollector } from '../../../lib/health/collector-health';

export const dynamic = 'force-dynamic';

/**
 * Public health: 200 while the database is readable and a collector stores sweeps (the last one no older
 * than 3 of its poll intervals); 503 with the reason otherwise, "collector starting" included. Judged
 * from the database alone, so it holds when the collector runs on another machine.
 */
export function GET() {
  try {
    const db = getAppDb();
    const heartbeat = getCollectorHeartbeat(db);
    const health = assessCollector({
      nowMs: Date.now(),
      heartbeat,
      lastSweepEndMs: lastSweepEndMs(db),
      fallbackPollIntervalMs: getAppConfig().config.pollIntervalS * 1000,
    });
    const collector = {
      state: health.state,
      pid: heartbeat?.pid ?? null,
      host: heartbeat?.host ?? null,
      startedAtMs: heartbeat?.startedAtMs ?? null,
    };
    return NextResponse.json(
      { ok: health.ok, reason: health.reason, db: 'ok', collector, lastSweepAgeMs: health.lastSweepAgeMs },
      { status: health.ok ? 200 : 503, headers: { 'cache-control': 'no-store' } },
    );
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    return NextResponse.json({ ok: false, reason: `database: ${message}`, db: `error: ${message}`, lastSweepAgeMs: null }, { status: 503 });
  }
}
