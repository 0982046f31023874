/**
 * `hashwatt <command>`: dispatch and the one rule of the command line: a bad flag or a failure is one
 * clear line on stderr and a non-zero exit, never a stack trace.
 */
import { CliError } from './cli-error';

interface Command {
  summary: string;
  usage: string;
  run(argv: string[]): Promise<number>;
}

/**
 * Each command's module, loaded only when that command runs: a call pays for its own imports (the
 * database, the drivers, the web build) and not for every other command's.
 */
const COMMANDS: Record<string, () => Promise<Command>> = {
  start: async () => (await import('./commands/start')).startCommand,
  migrate: async () => (await import('./commands/migrate')).migrateCommand,
  simulate: async () => (await import('./commands/simulate')).simulateCommand,
  backup: async () => (await import('./commands/backup')).backupCommand,
  profit: async () => (await import('./commands/profit')).profitCommand,
  tariff: async () => (await import('./commands/tariff')).tariffCommand,
  'gpu-revenue': async () => (await import('./commands/gpu-revenue')).gpuRevenueCommand,
  probe: async () => (await import('./commands/probe')).probeCommand,
  scan: async () => (await import('./commands/scan')).scanCommand,
  'gpu-agent': async () => (await import('./commands/gpu-agent')).gpuAgentCommand,
  user: async () => (await import('./commands/user')).userCommand,
  token: async () => (await import('./commands/token')).tokenCommand,
  demo: async () => (await import('./commands/demo')).demoCommand,
};

async function help(): Promise<string> {
  const rows = await Promise.all(Object.entries(COMMANDS).map(async ([name, load]) => `  ${name.padEnd(12)} ${(await load()).summary}`));
  return [
    'Hashwatt: live fleet monitoring for Bitcoin mining sites.',
    '',
    'Usage: hashwatt <command> [options]',
    '',
    'Commands:',
    ...rows,
    '',
    "Run `hashwatt <command> --help` for a command's options. Configuration is by environment (see README).",
  ].join('\n');
}

/** Runs the command line; returns the exit code. */
export async function runCli(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    console.log(await help());
    return 0;
  }
  const load = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!load) {
    console.error(`hashwatt: unknown command ${JSON.stringify(name)}; run \`hashwatt --help\` for the list`);
    return 2;
  }
  const command = await load();
  if (rest.includes('--help') || rest.includes('-h')) {
    console.log(`${command.usage}\n\n${command.summary}`);
    return 0;
  }
  try {
    return await command.run(rest);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    console.error(`hashwatt ${name}: ${message}`);
    return err instanceof CliError ? err.exitCode : 1;
  }
}
