/**
 * The first admin, on `hashwatt start`: HASHWATT_ADMIN_PASSWORD creates the user HASHWATT_ADMIN_USER
 * (default "admin") when it does not exist yet; an existing user keeps its password (change it with
 * `hashwatt user passwd`). In demo mode with no user at all, an admin with a random password is created
 * and the password printed once, so the demo can be signed into. Returns the lines to print.
 */
import { randomBytes } from 'node:crypto';
import { hashPassword, passwordProblem } from '../../lib/auth/password';
import { ConfigError, type Env } from '../../lib/config';
import type { Db } from '../../lib/db/client';
import { createUser } from '../../lib/db/mutations/users';
import { getUserByName, hasUsers } from '../../lib/db/queries/users';

export async function ensureFirstAdmin(db: Db, env: Env, demo: boolean, nowMs: number): Promise<string[]> {
  const name = env.HASHWATT_ADMIN_USER?.trim() || 'admin';
  const password = env.HASHWATT_ADMIN_PASSWORD;
  if (password !== undefined && password !== '') {
    if (getUserByName(db, name))
      return [`sign in as ${name} (HASHWATT_ADMIN_PASSWORD ignored: ${name} exists; change it with \`npx hashwatt user passwd ${name}\`)`];
    const problem = passwordProblem(password, name);
    if (problem) throw new ConfigError(`HASHWATT_ADMIN_PASSWORD: ${problem}`);
    createUser(db, name, 'admin', await hashPassword(password), null, nowMs);
    return [`created admin ${name} from HASHWATT_ADMIN_PASSWORD: sign in at /login`];
  }
  if (hasUsers(db)) return [];
  if (!demo)
    return ['no users yet: create the first admin with `npx hashwatt user add --admin <name>` (or start with HASHWATT_ADMIN_PASSWORD set)'];
  const generated = randomBytes(12).toString('base64url');
  createUser(db, name, 'admin', await hashPassword(generated), null, nowMs);
  return [
    `demo: sign in as "${name}" with password "${generated}" (shown once; change it with \`npx hashwatt user passwd ${name}\`)`,
    'demo: a wall display link for a TV: `npx hashwatt token create --kiosk --name wall` prints the token; open /wall?kiosk=<token>',
  ];
}
