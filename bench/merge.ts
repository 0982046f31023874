/**
 * Merges saved bench documents (e.g. a --quick run at 1,000 and a run at 10,000) into one: the fleets of
 * all (a later file wins for the same size), the goals recomputed, and each fleet's run kept beside it.
 *   node --import tsx bench/merge.ts a.json b.json > merged.json
 */
import { readFileSync } from 'node:fs';
import { goalsOf } from './goals';

interface BenchDocument {
  commit: string;
  at: string;
  mode: string;
  config: unknown;
  fleets: Record<string, unknown>;
  [key: string]: unknown;
}

const docs = process.argv.slice(2).map((path) => JSON.parse(readFileSync(path, 'utf8')) as BenchDocument);
if (docs.length === 0) {
  console.error('usage: node --import tsx bench/merge.ts <bench.json>...');
  process.exit(2);
}
const fleets: Record<string, unknown> = {};
const runs: Record<string, unknown> = {};
for (const doc of docs) {
  for (const [size, figures] of Object.entries(doc.fleets)) {
    fleets[size] = figures;
    runs[size] = { commit: doc.commit, at: doc.at, mode: doc.mode, config: doc.config, wallS: doc.wallS };
  }
}
const last = docs[docs.length - 1];
console.log(JSON.stringify({ ...last, merged: true, runs, goals: goalsOf(fleets), fleets }, null, 2));
