import { NextResponse } from 'next/server';
import { hashPassword } from '../../../../lib/auth/password';
import { parseUserPatch } from '../../../../lib/auth/user-input';
import { getAppDb } from '../../../../lib/db/app-db';
import { changeUser, removeUser } from '../../../../lib/db/mutations/manage-users';
import { siteExists } from '../../../../lib/db/queries/rigs';
import { getUserById, listUserViews } from '../../../../lib/db/queries/users';
import { jsonBody, pathId, problem, refused } from '../../request';
import { actorOf } from '../actor';
import { refusalReply } from '../../reason-status';

export const dynamic = 'force-dynamic';

type Ctx = { params: Promise<{ id: string }> };

/**
 * Changes a user: `{ role?, siteIds?, disabled?, password? }`. A new password or disabling ends their
 * sessions. 409 when an admin would disable or demote themself, or the last enabled admin would go; 400
 * for a site list on someone the change leaves an admin (admins see every site).
 */
export async function PATCH(request: Request, ctx: Ctx) {
  const id = pathId((await ctx.params).id, 'user');
  if (id instanceof NextResponse) return id;
  const parsed = await jsonBody(request);
  if (parsed instanceof NextResponse) return parsed;
  const db = getAppDb();
  const user = getUserById(db, id);
  if (!user) return problem(404, `there is no user ${id}`);
  const patch = parseUserPatch(parsed.body, user, { siteExists: (s) => siteExists(db, s) });
  if (!patch.ok) return refused(patch.error);
  const { password, ...rest } = patch.value;
  const passwordHash = password === undefined ? undefined : await hashPassword(password);
  const outcome = changeUser(db, actorOf(request), id, { ...rest, passwordHash });
  if (!outcome.ok) return refusalReply(outcome.error);
  return NextResponse.json({ ok: true, user: listUserViews(db).find((u) => u.id === id) });
}

/** Removes a user, their sessions and their Web Push subscriptions (same guards as PATCH). */
export async function DELETE(request: Request, ctx: Ctx) {
  const id = pathId((await ctx.params).id, 'user');
  if (id instanceof NextResponse) return id;
  const outcome = removeUser(getAppDb(), actorOf(request), id);
  if (!outcome.ok) return refusalReply(outcome.error);
  return NextResponse.json({ ok: true });
}
