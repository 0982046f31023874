import { NextResponse } from 'next/server';
import { getAppDb } from '../../../../lib/db/app-db';
import { getRulesView } from '../../../../lib/db/queries/alert-settings';
import { viewer } from '../../../principal';

export const dynamic = 'force-dynamic';

/** Defaults, the global override, the site/rig overrides and rigs in maintenance of the caller's sites, and the notification policy. */
export async function GET() {
  return NextResponse.json(getRulesView(getAppDb(), Date.now(), await viewer()));
}
