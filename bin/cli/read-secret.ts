/** A password for a command: from an environment variable (scripts), else the first line of stdin. */
import { processEnv, type Env } from '../../lib/config';
import { CliError } from './cli-error';

export async function readSecret(envName: string, env: Env = processEnv(), stdin: NodeJS.ReadStream = process.stdin): Promise<string> {
  const fromEnv = env[envName];
  if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
  if (stdin.isTTY) process.stderr.write('password: ');
  const chunks: Buffer[] = [];
  for await (const chunk of stdin) {
    chunks.push(chunk as Buffer);
    if (Buffer.concat(chunks).includes(10)) break;
  }
  const line = Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0];
  if (!line) throw new CliError(`no password: set ${envName} or pass it on stdin`);
  return line;
}
