import { CliError } from './cli-error';

/** A duration flag in seconds (decimals allowed) within [min, max], returned in milliseconds. */
export function secondsFlagMs(name: string, raw: string | undefined, fallbackS: number, minS: number, maxS: number): number {
  if (raw === undefined) return fallbackS * 1000;
  const n = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(n) || n < minS || n > maxS) {
    throw new CliError(`--${name} ${JSON.stringify(raw)} is not a number of seconds from ${minS} to ${maxS}`);
  }
  return Math.round(n * 1000);
}
