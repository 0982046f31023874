/**
 * Registers discovered devices as rigs of a site (`hashwatt scan --add`): one transaction, a device already
 * registered at the same address and port is skipped (not duplicated), and a 'rigs-changed' change tells
 * the collector and the browsers.
 */
import { and, eq } from 'drizzle-orm';
import type { Db } from '../client';
import { changes, rigs, sites } from '../schema';

/** One device to register. */
export interface NewRigInput {
  address: string;
  port: number;
  driver: string;
  model: string | null;
  algorithm: string;
}

/** What addRigs did. */
export interface AddRigsResult {
  siteId: number;
  siteCreated: boolean;
  added: Array<{ name: string; address: string; port: number }>;
  skipped: Array<{ address: string; port: number; reason: string }>;
}

/** "Rockdale TX" -> "rockdale-tx". */
export function slugOf(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'site';
}

/** Default rig name: "<site slug>-10-0-0-5", with ":port" spelled "-p8080" when not the driver's default. */
export function defaultRigName(siteName: string, address: string, port: number, defaultPort: number): string {
  const host = address.replace(/[^a-zA-Z0-9]+/g, '-');
  return `${slugOf(siteName)}-${host}${port === defaultPort ? '' : `-p${port}`}`;
}

/**
 * Adds the devices to site `siteName`, creating the site (UTC, `currency`) when it does not exist.
 * `defaultPorts` gives each driver's default port, for names.
 */
export function addRigs(
  db: Db,
  siteName: string,
  devices: readonly NewRigInput[],
  opts: { nowMs: number; currency: string; defaultPorts: Record<string, number> },
): AddRigsResult {
  return db.sqlite.transaction(() => {
    let site = db.orm.select({ id: sites.id }).from(sites).where(eq(sites.name, siteName)).get();
    const siteCreated = !site;
    if (!site) {
      site = db.orm
        .insert(sites)
        .values({ name: siteName, timeZone: 'UTC', currency: opts.currency, createdAtMs: opts.nowMs })
        .returning({ id: sites.id })
        .get();
    }
    const result: AddRigsResult = { siteId: site.id, siteCreated, added: [], skipped: [] };
    for (const d of devices) {
      const existing = db.orm
        .select({ name: rigs.name })
        .from(rigs)
        .where(and(eq(rigs.address, d.address), eq(rigs.port, d.port)))
        .get();
      if (existing) {
        result.skipped.push({ address: d.address, port: d.port, reason: `already registered as ${existing.name}` });
        continue;
      }
      const base = defaultRigName(siteName, d.address, d.port, opts.defaultPorts[d.driver] ?? d.port);
      let name = base;
      for (let n = 2; db.orm.select({ id: rigs.id }).from(rigs).where(eq(rigs.name, name)).get(); n++) name = `${base}-${n}`;
      db.orm
        .insert(rigs)
        .values({
          name,
          siteId: site.id,
          address: d.address,
          port: d.port,
          driver: d.driver,
          model: d.model,
          algorithm: d.algorithm,
          isDemo: false,
          createdAtMs: opts.nowMs,
        })
        .run();
      result.added.push({ name, address: d.address, port: d.port });
    }
    if (result.added.length > 0 || siteCreated) {
      db.orm.insert(changes).values({ tsMs: opts.nowMs, kind: 'rigs-changed', siteId: site.id }).run();
    }
    return result;
  })();
}
