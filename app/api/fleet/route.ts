import { NextResponse } from 'next/server';
import { getAppDb } from '../../../lib/db/app-db';
import { getFleetTotals } from '../../../lib/db/queries/fleet';

export const dynamic = 'force-dynamic';

/** Fleet totals over online rigs: hashrateThs, powerW, efficiencyJth, rigsOnline, rigsTotal, updatedAtMs. */
export function GET() {
  return NextResponse.json(getFleetTotals(getAppDb()));
}
