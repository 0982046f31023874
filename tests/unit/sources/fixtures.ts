/** The network and pool captures, as copied byte for byte from shared/fixtures. */
import { readFileSync } from 'node:fs';

const ROOT = new URL('../../fixtures/', import.meta.url);

/** A capture's raw text, e.g. fixtureText('network/mempool-docs-v1-prices.txt'). */
export const fixtureText = (path: string): string => readFileSync(new URL(path, ROOT), 'utf8');

/** A strict-JSON capture, parsed. */
export const fixtureJson = (path: string): unknown => JSON.parse(fixtureText(path));

/**
 * JSON from the JS object notation some captures use (the mempool docs' unquoted keys, Node's
 * console.log single quotes). Good enough for these flat, string-free-of-quotes captures only.
 */
export function jsLiteralToJson(text: string): unknown {
  const quoted = text.replace(/'([^'\n]*)'/g, '"$1"').replace(/^(\s*)([A-Za-z_$][\w$]*)\s*:/gm, '$1"$2":');
  return JSON.parse(quoted);
}
