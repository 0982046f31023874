import { NextResponse } from 'next/server';
import { getAppDb } from '../../../../../lib/db/app-db';
import { deleteChannelRow, updateChannelRow } from '../../../../../lib/db/mutations/alert-channels';
import { getChannelRow, getChannelView, listChannelViews } from '../../../../../lib/db/queries/alert-channels';
import { getAppConfig } from '../../../../../lib/config';
import { parseChannelInput } from '../../../../../lib/notify/channel-input';
import { channelDestinationProblem } from '../../../../../lib/notify/destination-check';
import { notifyNet } from '../../../../../lib/notify/net';
import { jsonBody, pathId, problem } from '../../../request';
import { describeValue } from '../../../../../lib/util/describe-value';

export const dynamic = 'force-dynamic';

type Ctx = { params: Promise<{ id: string }> };

export async function GET(_request: Request, ctx: Ctx) {
  const id = pathId((await ctx.params).id, 'channel');
  if (id instanceof NextResponse) return id;
  const channel = getChannelView(getAppDb(), id);
  return channel ? NextResponse.json({ channel }) : problem(404, `no channel ${id}`);
}

/** Changes a channel: any of `{ name, enabled, config }`; a secret sent as "<redacted>" keeps the stored one. */
export async function PUT(request: Request, ctx: Ctx) {
  const id = pathId((await ctx.params).id, 'channel');
  if (id instanceof NextResponse) return id;
  const db = getAppDb();
  const row = getChannelRow(db, id);
  if (!row) return problem(404, `no channel ${id}`);
  const parsed = await jsonBody(request);
  if (parsed instanceof NextResponse) return parsed;
  const input = parseChannelInput(parsed.body, { config: JSON.parse(row.configJson) as Record<string, unknown> });
  if (!input.ok) return problem(400, 'invalid channel', input.error);
  const config = input.value.config;
  const where = config ? await channelDestinationProblem(config, notifyNet(getAppConfig().config.notifyPrivateHosts).channelResolve) : null;
  if (where) return problem(400, 'invalid channel', [where]);
  if (input.value.name !== undefined && listChannelViews(db).some((c) => c.name === input.value.name && c.id !== id)) {
    return problem(409, `a channel named ${describeValue(input.value.name)} already exists`);
  }
  updateChannelRow(db, id, input.value, Date.now());
  return NextResponse.json({ ok: true, channel: getChannelView(db, id) });
}

/** Removes a channel and whatever it still had queued. */
export async function DELETE(_request: Request, ctx: Ctx) {
  const id = pathId((await ctx.params).id, 'channel');
  if (id instanceof NextResponse) return id;
  return deleteChannelRow(getAppDb(), id) ? NextResponse.json({ ok: true }) : problem(404, `no channel ${id}`);
}
