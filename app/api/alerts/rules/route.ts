import { NextResponse } from 'next/server';
import { getAppDb } from '../../../../lib/db/app-db';
import { getRulesView } from '../../../../lib/db/queries/alert-settings';

export const dynamic = 'force-dynamic';

/** Defaults, the global/site/rig overrides, rigs in maintenance and the notification policy. */
export function GET() {
  return NextResponse.json(getRulesView(getAppDb(), Date.now()));
}
