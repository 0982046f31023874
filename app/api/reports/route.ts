import { getAppConfig } from '../../../lib/config';
import { getAppDb } from '../../../lib/db/app-db';
import { realizedReport } from '../../../lib/db/queries/realized-report';
import { viewer } from '../../principal';
import { reportReply } from './reply';

export const dynamic = 'force-dynamic';

/**
 * Realized money per day, ISO week or month: ?site=<id>|fleet (default fleet: the caller's sites summed
 * in the fleet time zone and currency) &period=day|week|month &from=YYYY-MM-DD &to=YYYY-MM-DD
 * &format=json|csv. A site the caller may not see is answered 400 as unknown.
 */
export async function GET(request: Request) {
  const params = new URL(request.url).searchParams;
  const raw = params.get('site') ?? 'fleet';
  const who = await viewer();
  const target = raw === 'fleet' ? ({ kind: 'fleet' } as const) : ({ kind: 'site', raw } as const);
  const outcome = realizedReport(getAppDb(), who.siteIds, target, params, Date.now(), getAppConfig().config.currency);
  return reportReply(outcome, params, raw === 'fleet' ? 'hashwatt-fleet' : `hashwatt-site-${raw}`);
}
