import { parseArgs, type ParseArgsConfig } from 'node:util';
import { CliError } from './cli-error';

/** node:util parseArgs, strict, with its errors turned into one-line usage errors. */
export function parseFlags<T extends NonNullable<ParseArgsConfig['options']>>(argv: string[], options: T, allowPositionals = false) {
  try {
    return parseArgs({ args: argv, options, strict: true, allowPositionals });
  } catch (err) {
    throw new CliError(err instanceof Error ? err.message.split('\n')[0] : String(err));
  }
}

/** A whole number flag within [min, max], or a usage error naming the flag. */
export function intFlag(name: string, raw: string | undefined, fallback: number, min: number, max: number): number {
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new CliError(`--${name} ${JSON.stringify(raw)} is not a whole number from ${min} to ${max}`);
  }
  return n;
}
