/** `hashwatt token create|list|revoke`: API tokens for scripts and kiosk tokens for wall displays. */
import { isRole, ROLES } from '../../../lib/auth/roles';
import { ADMIN_TOKEN_SITE, defaultTokenName, tokenNameProblem } from '../../../lib/auth/token-input';
import { createApiToken, revokeApiToken } from '../../../lib/db/mutations/users';
import { getSiteByName, listSites } from '../../../lib/db/queries/sites';
import { listApiTokens } from '../../../lib/db/queries/users';
import { intFlag, parseFlags } from '../args';
import { CliError } from '../cli-error';
import { openMigratedDb } from '../open-migrated-db';

const USAGE =
  'Usage: hashwatt token create --role admin|operator|viewer [--site NAME] [--name NAME]   (an API token, sent as "Authorization: Bearer <token>";\n' +
  '         --site limits an operator or viewer token to that site, e.g. for a Prometheus scraping one site)\n' +
  '       hashwatt token create --kiosk [--site NAME] [--name NAME]          (a read-only wall display link token)\n' +
  '       hashwatt token list\n' +
  '       hashwatt token revoke ID\n' +
  '  The token is printed once; only its hash is stored.';

export const tokenCommand = {
  summary: 'Create, list or revoke API tokens (scripts) and kiosk tokens (wall displays).',
  usage: USAGE,
  async run(argv: string[]): Promise<number> {
    const [sub, ...rest] = argv;
    const db = openMigratedDb();
    try {
      if (sub === 'list') {
        parseFlags(rest, {});
        for (const t of listApiTokens(db)) {
          const state = t.revokedAtMs ? `revoked ${new Date(t.revokedAtMs).toISOString()}` : 'active';
          const reach = t.kind === 'kiosk' ? `site ${t.siteId ?? 'fleet'}` : `${t.role}${t.siteId === null ? '' : ` site ${t.siteId}`}`;
          console.log(`${t.id}\t${t.kind}\t${reach}\t${t.name}\t${state}`);
        }
        return 0;
      }
      if (sub === 'revoke') {
        const { positionals } = parseFlags(rest, {}, true);
        if (positionals.length !== 1) throw new CliError('pass the token id (hashwatt token list shows them)');
        const id = intFlag('id', positionals[0], 0, 1, Number.MAX_SAFE_INTEGER);
        if (!revokeApiToken(db, id, Date.now())) throw new CliError(`no active token with id ${id}`, 1);
        console.log(`token ${id} revoked`);
        return 0;
      }
      if (sub !== 'create') throw new CliError(USAGE);
      const { values } = parseFlags(rest, {
        role: { type: 'string' },
        kiosk: { type: 'boolean' },
        site: { type: 'string' },
        name: { type: 'string' },
      });
      const nameProblem = values.name === undefined ? null : tokenNameProblem(values.name);
      if (nameProblem) throw new CliError(`--${nameProblem}`);
      if (values.role === 'admin' && values.site !== undefined) throw new CliError(`--site: ${ADMIN_TOKEN_SITE}`);
      const site = values.site === undefined ? null : getSiteByName(db, values.site);
      if (values.site !== undefined && !site)
        throw new CliError(
          `no site named ${JSON.stringify(values.site)} (sites: ${
            listSites(db)
              .map((s) => s.name)
              .join(', ') || 'none yet'
          })`,
        );
      if (values.kiosk) {
        if (values.role) throw new CliError('a kiosk token is read-only: leave out --role');
        const { id, token } = createApiToken(
          db,
          'kiosk',
          values.name ?? defaultTokenName('kiosk', 'viewer', site?.name ?? null),
          'viewer',
          site?.id ?? null,
          Date.now(),
        );
        console.log(token);
        console.error(`kiosk token ${id} for ${site ? `site ${site.name}` : 'the whole fleet'}; open /wall?kiosk=<token> on the display`);
        return 0;
      }
      if (!isRole(values.role))
        throw new CliError(`pass --role ${ROLES.join('|')} (or --kiosk)${values.role ? ` (got ${JSON.stringify(values.role)})` : ''}`);
      const { id, token } = createApiToken(
        db,
        'api',
        values.name ?? defaultTokenName('api', values.role, null),
        values.role,
        site?.id ?? null,
        Date.now(),
      );
      console.log(token);
      console.error(
        `API token ${id} (${values.role}${site ? `, site ${site.name} only` : ''}); send it as "Authorization: Bearer <token>"`,
      );
      return 0;
    } finally {
      db.close();
    }
  },
};
