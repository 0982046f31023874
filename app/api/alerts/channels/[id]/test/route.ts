import { NextResponse } from 'next/server';
import { getAppDb } from '../../../../../../lib/db/app-db';
import { recordAlertRequest } from '../../../../../../lib/db/mutations/alert-requests';
import { getChannelRow } from '../../../../../../lib/db/queries/alert-channels';
import { pathId, problem } from '../../../../request';
import { accepted } from '../../../alert-request';

export const dynamic = 'force-dynamic';

/** Asks the collector to send a test notification through this channel; poll the request for the outcome. */
export async function POST(_request: Request, ctx: { params: Promise<{ id: string }> }) {
  const id = pathId((await ctx.params).id, 'channel');
  if (id instanceof NextResponse) return id;
  const db = getAppDb();
  if (!getChannelRow(db, id)) return problem(404, `no channel ${id}`);
  return accepted(recordAlertRequest(db, { kind: 'test', channelId: id }, Date.now()));
}
