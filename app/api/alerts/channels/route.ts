import { NextResponse } from 'next/server';
import { getAppDb } from '../../../../lib/db/app-db';
import { createChannelRow } from '../../../../lib/db/mutations/alert-channels';
import { getChannelView, listChannelViews } from '../../../../lib/db/queries/alert-channels';
import { getAppConfig } from '../../../../lib/config';
import { parseChannelInput } from '../../../../lib/notify/channel-input';
import { channelDestinationProblem } from '../../../../lib/notify/destination-check';
import { notifyNet } from '../../../../lib/notify/net';
import { jsonBody, problem } from '../../request';
import { describeValue } from '../../../../lib/util/describe-value';

export const dynamic = 'force-dynamic';

/** Every notification channel, secrets shown as "<redacted>", with its queue health. */
export function GET() {
  return NextResponse.json({ channels: listChannelViews(getAppDb()) });
}

/** Adds a channel: `{ name, enabled?, config: { kind, ... } }`; a host the channels may not reach is refused (400). */
export async function POST(request: Request) {
  const parsed = await jsonBody(request);
  if (parsed instanceof NextResponse) return parsed;
  const input = parseChannelInput(parsed.body);
  if (!input.ok) return problem(400, 'invalid channel', input.error);
  const config = input.value.config;
  const where = config ? await channelDestinationProblem(config, notifyNet(getAppConfig().config.notifyPrivateHosts).channelResolve) : null;
  if (where) return problem(400, 'invalid channel', [where]);
  const db = getAppDb();
  const { name, enabled } = input.value;
  if (listChannelViews(db).some((c) => c.name === name)) return problem(409, `a channel named ${describeValue(name)} already exists`);
  const id = createChannelRow(db, name!, enabled ?? true, config!, Date.now());
  return NextResponse.json({ ok: true, channel: getChannelView(db, id) }, { status: 201 });
}
