/** `hashwatt demo remove`: the demo rigs and everything of theirs, asked nothing, saying what went. */
import { existsSync } from 'node:fs';
import { removeDemo } from '../../../lib/db/mutations/remove-demo';
import { DEMO_POOL_NAME, isDemoSourceLabel } from '../../../lib/domain/demo';
import { parseFlags } from '../args';
import { CliError } from '../cli-error';
import { openMigratedDb } from '../open-migrated-db';
import { cliConfig } from '../cli-config';

const USAGE =
  'Usage: hashwatt demo remove\n' +
  '  Removes the demo rigs with their history, the demo sites once empty (a site holding a real rig stays),\n' +
  '  the demo pool account and the network and price values the simulator served. The demo then stays off\n' +
  '  (HASHWATT_DEMO=1 brings it back). A running hashwatt keeps its simulator until its next start.';

const list = (items: string[]) => items.map((s) => JSON.stringify(s)).join(', ');

export const demoCommand = {
  summary: 'Remove the demo rigs and their data (demo remove), e.g. once your real rigs are added.',
  usage: USAGE,
  async run(argv: string[]): Promise<number> {
    const [sub, ...rest] = argv;
    if (sub !== 'remove')
      throw new CliError(
        sub === undefined
          ? 'say what to do: hashwatt demo remove'
          : `unknown demo command ${JSON.stringify(sub)}; try: hashwatt demo remove`,
      );
    parseFlags(rest, {});
    const config = cliConfig();
    if (!existsSync(config.dbPath)) throw new CliError(`no database at ${config.dbPath} (set HASHWATT_DB): nothing to remove`, 1);
    const db = openMigratedDb();
    try {
      const r = removeDemo(
        db,
        { poolNames: [DEMO_POOL_NAME], isDemoSource: (label) => isDemoSourceLabel(label, config.simSubnet) },
        Date.now(),
      );
      const parts = [
        `${r.rigs} demo rig${r.rigs === 1 ? '' : 's'} with ${r.samples} samples and their history`,
        r.sites.length > 0 ? `site${r.sites.length === 1 ? '' : 's'} ${list(r.sites)}` : '',
        r.pools.length > 0 ? `pool ${list(r.pools)}` : '',
        r.sources.length > 0 ? `the simulator's ${r.sources.join(' and ')} values` : '',
      ].filter(Boolean);
      console.log(`demo remove: removed ${parts.join('; ')}`);
      console.log(
        'demo remove: the demo stays off from the next start (HASHWATT_DEMO=1 brings it back); a running hashwatt keeps its simulator until then',
      );
      return 0;
    } finally {
      db.close();
    }
  },
};
