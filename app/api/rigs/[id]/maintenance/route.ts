import { NextResponse } from 'next/server';
import { getAppDb } from '../../../../../lib/db/app-db';
import { endMaintenance, startMaintenance } from '../../../../../lib/db/mutations/alert-settings';
import { jsonBody, pathId, problem } from '../../../request';
import { describeValue } from '../../../../../lib/util/describe-value';
import { visibleRigSite } from '../../../../principal';

export const dynamic = 'force-dynamic';

type Ctx = { params: Promise<{ id: string }> };

/** 404 for a rig that does not exist or is another site's than the caller's: it is not theirs to operate. */
const noRig = (id: number) => problem(404, `no rig with id ${id}`);

/** Puts a rig of the caller's sites in maintenance (no alerts): `{ untilMs?: epoch ms | null, note?: string }`. */
export async function PUT(request: Request, ctx: Ctx) {
  const id = pathId((await ctx.params).id, 'rig');
  if (id instanceof NextResponse) return id;
  const db = getAppDb();
  if ((await visibleRigSite(db, id)) === null) return noRig(id);
  const parsed = await jsonBody(request, {});
  if (parsed instanceof NextResponse) return parsed;
  const body = (parsed.body ?? {}) as { untilMs?: unknown; note?: unknown };
  const nowMs = Date.now();
  const untilMs = body.untilMs ?? null;
  const errors: string[] = [];
  if (typeof parsed.body !== 'object' || Array.isArray(parsed.body)) errors.push('the body must be a JSON object { untilMs?, note? }');
  if (untilMs !== null && (typeof untilMs !== 'number' || !Number.isInteger(untilMs) || untilMs <= nowMs))
    errors.push(`untilMs must be epoch milliseconds in the future, or null (got ${describeValue(untilMs)})`);
  const note = body.note ?? '';
  if (typeof note !== 'string' || note.length > 200) errors.push('note must be text of at most 200 characters');
  if (errors.length) return problem(400, 'invalid maintenance', errors);
  startMaintenance(db, id, untilMs as number | null, note as string, nowMs);
  return NextResponse.json({ ok: true, rigId: id, untilMs, note });
}

/** Ends the maintenance of a rig of the caller's sites. */
export async function DELETE(_request: Request, ctx: Ctx) {
  const id = pathId((await ctx.params).id, 'rig');
  if (id instanceof NextResponse) return id;
  const db = getAppDb();
  if ((await visibleRigSite(db, id)) === null) return noRig(id);
  return endMaintenance(db, id, Date.now()) ? NextResponse.json({ ok: true }) : problem(404, `rig ${id} is not in maintenance`);
}
