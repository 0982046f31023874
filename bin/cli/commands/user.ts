/** `hashwatt user add|list|passwd|unlock`: the people who log in. */
import { isIP } from 'node:net';
import { addressKeyOf, nameKeyOf } from '../../../lib/auth/attempt-policy';
import { passwordProblem, hashPassword } from '../../../lib/auth/password';
import { isRole, ROLES, type Role } from '../../../lib/auth/roles';
import { isUserName, USER_NAME_RULE } from '../../../lib/auth/user-input';
import { clearAttemptsFromAddress, clearAttemptsOnName } from '../../../lib/db/mutations/sign-in-attempts';
import { createUser, setUserPassword } from '../../../lib/db/mutations/users';
import { listSites } from '../../../lib/db/queries/sites';
import { getUserByName, listUsers, userSiteIds } from '../../../lib/db/queries/users';
import type { Db } from '../../../lib/db/client';
import { parseFlags } from '../args';
import { CliError } from '../cli-error';
import { openMigratedDb } from '../open-migrated-db';
import { readSecret } from '../read-secret';
import { normaliseAddress } from '../../../lib/net/normalise-address';

const USAGE =
  'Usage: hashwatt user add NAME (--admin | --role admin|operator|viewer) [--sites "North,South"]   (--sites: operators and viewers; admins see every site)\n' +
  '       hashwatt user passwd NAME\n' +
  '       hashwatt user list\n' +
  '       hashwatt user unlock NAME | --address IP\n' +
  '  The password comes from HASHWATT_USER_PASSWORD, or the first line of stdin (it is never a flag, so it\n' +
  '  stays out of shell history). At least 10 characters.\n' +
  '  unlock forgets the failed sign-ins and password checks counted on a user name (from every address),\n' +
  '  or from one client address, so it may try again at once.';

function siteIds(db: Db, raw: string | undefined): number[] | null {
  if (raw === undefined) return null;
  const sites = listSites(db);
  return raw.split(',').map((name) => {
    const site = sites.find((s) => s.name === name.trim());
    if (!site)
      throw new CliError(`no site named ${JSON.stringify(name.trim())} (sites: ${sites.map((s) => s.name).join(', ') || 'none yet'})`);
    return site.id;
  });
}

async function newPassword(name: string): Promise<string> {
  const password = await readSecret('HASHWATT_USER_PASSWORD');
  const problem = passwordProblem(password, name);
  if (problem) throw new CliError(problem);
  return hashPassword(password);
}

export const userCommand = {
  summary: 'Add users (admin, operator, viewer), change a password, list users, lift a sign-in lock.',
  usage: USAGE,
  async run(argv: string[]): Promise<number> {
    const [sub, ...rest] = argv;
    if (sub === 'list') {
      parseFlags(rest, {});
      const db = openMigratedDb();
      try {
        for (const u of listUsers(db)) {
          const sites = userSiteIds(u);
          console.log(`${u.name}\t${u.role}${sites ? `\tsites ${JSON.stringify(sites)}` : ''}${u.disabled ? '\tdisabled' : ''}`);
        }
        return 0;
      } finally {
        db.close();
      }
    }
    if (sub === 'unlock') return unlock(rest);
    if (sub !== 'add' && sub !== 'passwd') throw new CliError(USAGE);
    const { values, positionals } = parseFlags(
      rest,
      { admin: { type: 'boolean' }, role: { type: 'string' }, sites: { type: 'string' } },
      true,
    );
    const name = positionals[0];
    if (positionals.length !== 1 || !isUserName(name)) throw new CliError(`pass one user name: ${USER_NAME_RULE}`);
    const db = openMigratedDb();
    try {
      const existing = getUserByName(db, name);
      if (sub === 'passwd') {
        if (values.admin || values.role || values.sites) throw new CliError('passwd takes only the user name');
        if (!existing) throw new CliError(`no user named ${JSON.stringify(name)}`, 1);
        setUserPassword(db, existing.id, await newPassword(name));
        console.log(`password of ${name} changed; their sessions are logged out`);
        return 0;
      }
      if (values.admin && values.role && values.role !== 'admin') throw new CliError('--admin and --role disagree');
      const role: Role | undefined = values.admin ? 'admin' : isRole(values.role) ? values.role : undefined;
      if (!role)
        throw new CliError(`pass --admin or --role ${ROLES.join('|')}${values.role ? ` (got ${JSON.stringify(values.role)})` : ''}`);
      if (role === 'admin' && values.sites !== undefined)
        throw new CliError(
          '--sites does not apply to an admin: admins see every site (use --role operator or --role viewer to limit someone to some sites)',
        );
      if (existing)
        throw new CliError(`a user named ${JSON.stringify(name)} already exists (hashwatt user passwd ${name} changes the password)`, 1);
      const sites = siteIds(db, values.sites);
      createUser(db, name, role, await newPassword(name), sites, Date.now());
      console.log(`added ${role} ${name}${sites ? ` (sites ${values.sites})` : ''}`);
      return 0;
    } finally {
      db.close();
    }
  },
};

/** `user unlock NAME` or `user unlock --address IP`. */
function unlock(argv: string[]): number {
  const { values, positionals } = parseFlags(argv, { address: { type: 'string' } }, true);
  const address = values.address?.trim();
  if (address !== undefined ? positionals.length !== 0 : positionals.length !== 1)
    throw new CliError('pass one user name, or --address IP');
  if (address !== undefined && !isIP(address)) throw new CliError(`--address ${JSON.stringify(address)} is not an IP address`);
  if (address === undefined && !isUserName(positionals[0])) throw new CliError(`pass one user name: ${USER_NAME_RULE}`);
  const db = openMigratedDb();
  try {
    const what = address === undefined ? positionals[0] : `address ${addressKeyOf(normaliseAddress(address))}`;
    const cleared =
      address === undefined
        ? clearAttemptsOnName(db, nameKeyOf(positionals[0]), Date.now())
        : clearAttemptsFromAddress(db, addressKeyOf(normaliseAddress(address)), Date.now());
    console.log(
      cleared > 0
        ? `unlocked ${what}: forgot ${cleared} failed password ${cleared === 1 ? 'check' : 'checks'}`
        : `${what} was not locked (no failed password checks in the last 15 minutes)`,
    );
    return 0;
  } finally {
    db.close();
  }
}
