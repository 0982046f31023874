import { NextResponse } from 'next/server';
import { getAppDb } from '../../../../lib/db/app-db';
import { revokeApiToken } from '../../../../lib/db/mutations/users';
import { listTokenViews } from '../../../../lib/db/queries/users';
import { pathId, problem } from '../../request';

export const dynamic = 'force-dynamic';

type Ctx = { params: Promise<{ id: string }> };

/** Revokes a token: scripts using it get 401 and a wall display on it stops within 30 s. */
export async function DELETE(_request: Request, ctx: Ctx) {
  const id = pathId((await ctx.params).id, 'token');
  if (id instanceof NextResponse) return id;
  const db = getAppDb();
  const token = listTokenViews(db).find((t) => t.id === id);
  if (!token) return problem(404, `there is no token ${id}`);
  if (token.revokedAtMs !== null) return problem(409, `token ${id} (${token.name}) was already revoked`);
  if (!revokeApiToken(db, id, Date.now())) return problem(409, `token ${id} (${token.name}) was already revoked`);
  return NextResponse.json({ ok: true });
}
