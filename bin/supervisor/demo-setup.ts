/** Registers what the demo simulator serves: rigs and sites, its pool account, and starting tariffs. */
import { readFile } from 'node:fs/promises';
import type { Db } from '../../lib/db/client';
import { setSiteTariff } from '../../lib/db/mutations/site-settings';
import { upsertDemoFleet, type DemoFleet } from '../../lib/db/mutations/upsert-demo-fleet';
import { upsertPools, type PoolConfig } from '../../lib/db/mutations/upsert-pools';
import { listSites } from '../../lib/db/queries/sites';
import { parseTariff } from '../../lib/economics';
import { DEMO_TARIFFS } from './demo-tariffs';

/** The simulator's manifest as the supervisor reads it. */
export interface DemoManifest extends DemoFleet {
  services?: { mempoolBaseUrl: string; pools: PoolConfig[] };
}

/** Reads the manifest the simulator wrote before it said it was ready. */
export async function readManifest(path: string): Promise<DemoManifest> {
  return JSON.parse(await readFile(path, 'utf8')) as DemoManifest;
}

/** Upserts the demo fleet, its pools and default tariffs; returns a one-line summary. */
export function setUpDemo(db: Db, manifest: DemoManifest, nowMs: number): string {
  const { added, updated } = upsertDemoFleet(db, manifest, nowMs);
  const poolsAdded = upsertPools(db, manifest.services?.pools ?? [], nowMs);
  let tariffs = 0;
  for (const site of listSites(db)) {
    const demo = DEMO_TARIFFS[site.name];
    if (site.tariffJson || !demo) continue;
    const parsed = parseTariff(demo);
    if (!parsed.ok) throw new Error(`demo tariff of ${site.name} is invalid: ${parsed.error.join('; ')}`);
    setSiteTariff(db, site.id, parsed.value, nowMs);
    tariffs++;
  }
  const extras = [poolsAdded ? `${poolsAdded} pool added` : '', tariffs ? `${tariffs} demo tariffs set` : ''].filter(Boolean);
  return (
    `demo fleet: ${manifest.rigs.length} rigs in ${manifest.sites.length} sites (${added} new, ${updated} updated)` +
    (extras.length ? `; ${extras.join(', ')}` : '')
  );
}
