import { NextResponse } from 'next/server';
import { getAppDb } from '../../../../lib/db/app-db';
import { removeRig, updateRig } from '../../../../lib/db/mutations/edit-rigs';
import { getRigSettings, rigViewsByIds, siteExists } from '../../../../lib/db/queries/rigs';
import { parseRigPatch } from '../../../../lib/rigs/rig-input';
import { jsonBody, pathId, problem, refused } from '../../request';
import { rigVisible } from '../../../principal';
import { refusalReply } from '../../reason-status';

export const dynamic = 'force-dynamic';

type Ctx = { params: Promise<{ id: string }> };

/** A rig's editable settings: name, site, address, port, driver, model and nameplate figures. */
export async function GET(_request: Request, ctx: Ctx) {
  const id = pathId((await ctx.params).id, 'rig');
  if (id instanceof NextResponse) return id;
  const rig = getRigSettings(getAppDb(), id);
  return rig && (await rigVisible(getAppDb(), id)) ? NextResponse.json({ rig }) : problem(404, `there is no rig ${id}`);
}

/** Edits a rig: `{ name?, siteId?, address?, port?, nameplateHashrateThs?, nameplatePowerW? }`. */
export async function PATCH(request: Request, ctx: Ctx) {
  const id = pathId((await ctx.params).id, 'rig');
  if (id instanceof NextResponse) return id;
  const parsed = await jsonBody(request);
  if (parsed instanceof NextResponse) return parsed;
  const db = getAppDb();
  const patch = parseRigPatch(parsed.body, { siteExists: (s) => siteExists(db, s) });
  if (!patch.ok) return refused(patch.error);
  const outcome = updateRig(db, id, patch.value, Date.now());
  if (!outcome.ok) return refusalReply(outcome.error);
  return NextResponse.json({ ok: true, rig: rigViewsByIds(db, [id])[0] });
}

/** Removes a rig and its history (samples, charts, timeline); past alerts stay in the alerts log. */
export async function DELETE(_request: Request, ctx: Ctx) {
  const id = pathId((await ctx.params).id, 'rig');
  if (id instanceof NextResponse) return id;
  const outcome = removeRig(getAppDb(), id, Date.now());
  if (!outcome.removed) return problem(404, `there is no rig ${id}`);
  return NextResponse.json({ ok: true, removed: { id, name: outcome.name, samples: outcome.samples } });
}
