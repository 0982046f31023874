/**
 * Reads a file the operator names on the command line (a tariff, a list), refusing one larger than the
 * command accepts before it is read into memory. Reads at most `maxBytes + 1` bytes, so a pipe or a
 * device whose size stat cannot tell is bounded too.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { formatBytes } from '../format/units';
import { CliError } from './cli-error';

/** The file's text, or a CliError naming the file and the limit (or why it cannot be read). */
export function readCappedFile(path: string, maxBytes: number): string {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (err) {
    throw new CliError(`cannot read ${path}: ${(err as { code?: string }).code ?? String(err)}`);
  }
  try {
    const tooLarge = (size: string) => new CliError(`${path} is ${size}, more than the ${formatBytes(maxBytes)} this command reads`);
    const stat = fstatSync(fd);
    if (stat.isFile() && stat.size > maxBytes) throw tooLarge(`${stat.size} bytes`);
    const buf = Buffer.alloc(maxBytes + 1);
    let filled = 0;
    for (;;) {
      const n = readSync(fd, buf, filled, buf.length - filled, null);
      if (n === 0) break;
      filled += n;
      if (filled > maxBytes) throw tooLarge(`larger than ${maxBytes} bytes`);
    }
    return buf.subarray(0, filled).toString('utf8');
  } catch (err) {
    if (err instanceof CliError) throw err;
    throw new CliError(`cannot read ${path}: ${(err as { code?: string }).code ?? String(err)}`);
  } finally {
    closeSync(fd);
  }
}
