import { processEnv } from '../../../lib/config';
import { runSupervisor } from '../../supervisor/supervisor';
import { parseFlags } from '../args';
import { cliConfig } from '../cli-config';

/** `hashwatt start`: the whole system (what `npm start` runs). */
export const startCommand = {
  summary: 'Migrate, build the web app if needed, and run the simulator (demo mode), collector and web server.',
  usage:
    'Usage: hashwatt start [--dev] [--new-database]\n' +
    '  --dev           run Next.js in development mode (hot reload) instead of the production build\n' +
    '  --new-database  begin an empty database where a missing one left evidence (its -wal, manifest, backup record)',
  async run(argv: string[]): Promise<number> {
    const { values } = parseFlags(argv, { dev: { type: 'boolean' }, 'new-database': { type: 'boolean' } });
    return runSupervisor(cliConfig(), processEnv(), { dev: values.dev ?? false, newDatabase: values['new-database'] ?? false });
  },
};
