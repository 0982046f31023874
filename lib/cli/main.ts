/**
 * `hashwatt <command>`: dispatch and the one rule of the command line: a bad flag or a failure is one
 * clear line on stderr and a non-zero exit, never a stack trace.
 */
import { backupCommand } from './commands/backup';
import { demoCommand } from './commands/demo';
import { gpuAgentCommand } from './commands/gpu-agent';
import { gpuRevenueCommand } from './commands/gpu-revenue';
import { migrateCommand } from './commands/migrate';
import { probeCommand } from './commands/probe';
import { profitCommand } from './commands/profit';
import { scanCommand } from './commands/scan';
import { simulateCommand } from './commands/simulate';
import { startCommand } from './commands/start';
import { tariffCommand } from './commands/tariff';
import { tokenCommand } from './commands/token';
import { userCommand } from './commands/user';
import { CliError } from './cli-error';

interface Command {
  summary: string;
  usage: string;
  run(argv: string[]): Promise<number>;
}

const COMMANDS: Record<string, Command> = {
  start: startCommand,
  migrate: migrateCommand,
  simulate: simulateCommand,
  backup: backupCommand,
  profit: profitCommand,
  tariff: tariffCommand,
  'gpu-revenue': gpuRevenueCommand,
  probe: probeCommand,
  scan: scanCommand,
  'gpu-agent': gpuAgentCommand,
  user: userCommand,
  token: tokenCommand,
  demo: demoCommand,
};

function help(): string {
  const rows = Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(10)} ${c.summary}`);
  return [
    'Hashwatt: live fleet monitoring for Bitcoin mining sites.',
    '',
    'Usage: hashwatt <command> [options]',
    '',
    'Commands:',
    ...rows,
    '',
    'Run `hashwatt <command> --help` for a command\'s options. Configuration is by environment (see README).',
  ].join('\n');
}

/** Runs the command line; returns the exit code. */
export async function runCli(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    console.log(help());
    return 0;
  }
  const command = COMMANDS[name];
  if (!command) {
    console.error(`hashwatt: unknown command ${JSON.stringify(name)}; run \`hashwatt --help\` for the list`);
    return 2;
  }
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
