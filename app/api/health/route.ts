import { NextResponse } from 'next/server';
import { getAppDb } from '../../../lib/db/app-db';
import { lastSweepEndMs } from '../../../lib/db/queries/fleet';

export const dynamic = 'force-dynamic';

/** Public liveness: is the database readable, and how old is the last committed sweep. */
export function GET() {
  try {
    const endMs = lastSweepEndMs(getAppDb());
    return NextResponse.json({ ok: true, db: 'ok', lastSweepAgeMs: endMs === null ? null : Date.now() - endMs });
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    return NextResponse.json({ ok: false, db: `error: ${message}`, lastSweepAgeMs: null }, { status: 503 });
  }
}
