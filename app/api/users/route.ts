import { NextResponse } from 'next/server';
import { hashPassword } from '../../../lib/auth/password';
import { parseNewUser } from '../../../lib/auth/user-input';
import { getAppDb } from '../../../lib/db/app-db';
import { createUser } from '../../../lib/db/mutations/users';
import { siteExists } from '../../../lib/db/queries/rigs';
import { getUserByName, listUserViews } from '../../../lib/db/queries/users';
import { jsonBody, problem, refused } from '../request';
import { describeValue } from '../../../lib/util/describe-value';

export const dynamic = 'force-dynamic';

/** Every user (name, role, sites, disabled, created); never a password hash. */
export function GET() {
  return NextResponse.json({ users: listUserViews(getAppDb()) });
}

/** Adds a user: `{ name, role, password, siteIds? }` (siteIds null or absent: every site). */
export async function POST(request: Request) {
  const parsed = await jsonBody(request);
  if (parsed instanceof NextResponse) return parsed;
  const db = getAppDb();
  const input = parseNewUser(parsed.body, { siteExists: (id) => siteExists(db, id) });
  if (!input.ok) return refused(input.error);
  const { name, role, password, siteIds } = input.value;
  const taken = `name: a user named ${describeValue(name)} already exists`;
  if (getUserByName(db, name)) return problem(409, taken, [taken]);
  const passwordHash = await hashPassword(password);
  try {
    const id = createUser(db, name, role, passwordHash, siteIds, Date.now());
    return NextResponse.json({ ok: true, user: listUserViews(db).find((u) => u.id === id) }, { status: 201 });
  } catch (err) {
    // Added by someone else while the password was being hashed.
    if (err instanceof Error && /UNIQUE/.test(err.message)) return problem(409, taken, [taken]);
    throw err;
  }
}
