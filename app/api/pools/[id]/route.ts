import { NextResponse } from 'next/server';
import { getAppDb } from '../../../../lib/db/app-db';
import { deletePool, updatePool } from '../../../../lib/db/mutations/pools';
import { getPoolConfig, listPoolViews } from '../../../../lib/db/queries/pools';
import { parsePoolInput } from '../../../../lib/settings/pool-input';
import { jsonBody, pathId, problem } from '../../request';
import { refusalReply } from '../../reason-status';

export const dynamic = 'force-dynamic';

type Ctx = { params: Promise<{ id: string }> };

/** Replaces a pool account's settings; a secret sent as "<redacted>" keeps the stored one. */
export async function PUT(request: Request, ctx: Ctx) {
  const id = pathId((await ctx.params).id, 'pool');
  if (id instanceof NextResponse) return id;
  const db = getAppDb();
  const stored = getPoolConfig(db, id);
  if (!stored) return problem(404, `no pool with id ${id}`);
  const parsed = await jsonBody(request);
  if (parsed instanceof NextResponse) return parsed;
  const input = parsePoolInput(parsed.body, stored);
  if (!input.ok) return problem(400, 'invalid pool', input.error);
  const res = updatePool(db, id, input.value, Date.now());
  if (!res.ok) return refusalReply(res.error);
  return NextResponse.json({ ok: true, pool: listPoolViews(db).find((p) => p.id === id) });
}

/** Removes a pool account. */
export async function DELETE(_request: Request, ctx: Ctx) {
  const id = pathId((await ctx.params).id, 'pool');
  if (id instanceof NextResponse) return id;
  const res = deletePool(getAppDb(), id, Date.now());
  return res.ok ? NextResponse.json({ ok: true }) : refusalReply(res.error);
}
