/**
 * Registers discovered devices as rigs of a site (`hashwatt scan --add`, the settings screen): one
 * transaction, a device already registered at the same address and port is skipped (not duplicated), or
 * with `allOrNothing` refuses the whole batch, and a 'rigs-changed' change tells the collector and the
 * browsers.
 */
import { and, eq } from 'drizzle-orm';
import type { Db } from '../client';
import { rigs, sites } from '../schema';
import { logChange } from './change-log';
import { writeTransaction } from '../transactions';

/** One device to register. */
export interface NewRigInput {
  address: string;
  port: number;
  driver: string;
  model: string | null;
  algorithm: string;
  /** The rig's name; a default one from the site and address when absent. */
  name?: string | null;
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
  return (
    name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'site'
  );
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
  return writeTransaction(db, () => {
    let site = db.orm.select({ id: sites.id }).from(sites).where(eq(sites.name, siteName)).get();
    const siteCreated = !site;
    if (!site) {
      site = db.orm
        .insert(sites)
        .values({ name: siteName, timeZone: 'UTC', currency: opts.currency, createdAtMs: opts.nowMs })
        .returning({ id: sites.id })
        .get();
    }
    return insertRigs(db, { id: site.id, name: siteName }, siteCreated, devices, opts);
  });
}

/** Thrown by addRigsToSite with `allOrNothing` when any device is refused; nothing was added. */
export class RigConflictError extends Error {
  constructor(readonly skipped: AddRigsResult['skipped']) {
    super(skipped.map((s) => `${s.address}:${s.port}: ${s.reason}`).join('; '));
  }
}

/**
 * Adds the devices to the existing site `siteId` (null when there is none). With `allOrNothing`, a device
 * already registered, given twice or with a name already taken refuses the batch (RigConflictError).
 */
export function addRigsToSite(
  db: Db,
  siteId: number,
  devices: readonly NewRigInput[],
  opts: { nowMs: number; defaultPorts: Record<string, number>; allOrNothing?: boolean },
): AddRigsResult | null {
  return writeTransaction(db, () => {
    const site = db.orm.select({ id: sites.id, name: sites.name }).from(sites).where(eq(sites.id, siteId)).get();
    if (!site) return null;
    const result = insertRigs(db, site, false, devices, opts);
    if (opts.allOrNothing && result.skipped.length > 0) throw new RigConflictError(result.skipped); // rolls the batch back
    return result;
  });
}

function insertRigs(
  db: Db,
  site: { id: number; name: string },
  siteCreated: boolean,
  devices: readonly NewRigInput[],
  opts: { nowMs: number; defaultPorts: Record<string, number> },
): AddRigsResult {
  const siteName = site.name;
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
    const taken = (n: string) => db.orm.select({ id: rigs.id }).from(rigs).where(eq(rigs.name, n)).get() !== undefined;
    if (d.name && taken(d.name)) {
      result.skipped.push({ address: d.address, port: d.port, reason: `another rig is already called ${JSON.stringify(d.name)}` });
      continue;
    }
    const base = d.name || defaultRigName(siteName, d.address, d.port, opts.defaultPorts[d.driver] ?? d.port);
    let name = base;
    for (let n = 2; taken(name); n++) name = `${base}-${n}`;
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
    logChange(db, { tsMs: opts.nowMs, kind: 'rigs-changed', siteId: site.id });
  }
  return result;
}
