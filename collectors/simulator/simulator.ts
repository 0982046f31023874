/**
 * The demo fleet: one process, one loopback listener per simulated miner, plus the manifest the supervisor
 * upserts as demo rigs. Faults scripted in fleet-plan.ts run on the injected clock; tests can force more.
 */
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { DEMO_SERVICES_OCTET } from '../../lib/domain/demo';
import { planFleet, SIM_SITES, type RigPlan, type SimRigFault } from './fleet-plan';
import { DEFAULT_HTTP_PORT, DEMO_POOL_TOKEN, demoPoolRates, demoServices, type SimManifestServices } from './http/demo-services';
import { startHttpServices, type RunningHttpServices } from './http/server';
import { flappingOffline, minerStateAt } from './miner-state';
import { SIM_FAMILIES } from './families';
import { createListener } from './listeners';
import type { SimListener } from './listeners/types';

/** One rig as the supervisor registers it. */
export interface SimManifestRig {
  name: string;
  site: string;
  address: string;
  port: number;
  /** Hashwatt driver that reads it (rigs.driver). */
  driver: string;
  model: string;
  /** "sha256" for Bitcoin ASICs, the coin algorithm of a GPU rig. */
  algorithm: string;
  nameplateHashrateThs: number;
  nameplatePowerW: number;
  fault: SimRigFault | null;
}

/** One demo site. */
export interface SimManifestSite {
  name: string;
  timeZone: string;
  currency: string;
}

/** What the simulator serves, written to disk for the supervisor (the simulator never opens the database). */
export interface SimManifest {
  generatedAtMs: number;
  sites: SimManifestSite[];
  rigs: SimManifestRig[];
  /** Absent when started with httpPort: null. */
  services?: SimManifestServices;
}

/** How to start the fleet. */
export interface SimulatorOptions {
  miners: number;
  /** First three octets, default '127.0.1'. */
  subnet?: string;
  /** Default 4028. */
  port?: number;
  seed?: number;
  now?: () => number;
  /** Scripted faults on rigs 5, 6 and 9 (fleets of 12 or more); default true. */
  faults?: boolean;
  /** Catalogue ids each site cycles through (fleet-plan.ts DEMO_MIX by default). */
  mix?: readonly string[];
  /** Port of the HTTP services on <subnet>.250 (default 8999; 0 picks a free one; null: none). */
  httpPort?: number | null;
}

/** A misbehaviour forced from a test. */
export type ForcedFault = 'offline' | 'silent' | 'garbage' | 'half';

/** A running fleet. */
export interface RunningSimulator {
  manifest: SimManifest;
  /** The values a miner reports right now (for tests that compare what the dashboard shows). */
  truth(name: string): {
    /** Instant (5 s) rate, the figure Antminer's "GHS 5s" carries. */
    hashrateThs: number;
    /** One-minute rate, the figure Whatsminer's "MHS 1m" carries (what its driver reads). */
    hashrate1mThs: number;
    powerW: number;
    tempMaxC: number;
    online: boolean;
    status: 'mining' | 'sleeping' | 'throttled' | 'error';
  };
  /** Force a misbehaviour on one miner: 'offline', 'silent', 'garbage', 'half', or null to clear. */
  setFault(name: string, fault: ForcedFault | null): Promise<void>;
  stop(): Promise<void>;
}

interface SimRig {
  plan: RigPlan;
  listener: SimListener;
  forced: ForcedFault | null;
}

/** Flapping is checked this often; a test driving the clock sees the change within this delay. */
const FLAP_CHECK_MS = 250;
/** Ports opened concurrently at start: enough for speed, few enough not to spike file descriptors. */
const OPEN_BATCH = 200;

/** Default seed: any fixed value, so the demo looks the same on every machine. */
export const DEFAULT_SEED = 20240420;

function manifestOf(rigs: RigPlan[], generatedAtMs: number): SimManifest {
  return {
    generatedAtMs,
    sites: SIM_SITES.map((s) => ({ name: s.name, timeZone: s.timeZone, currency: s.currency })),
    rigs: rigs.map((r) => ({
      name: r.name,
      site: r.site.name,
      address: r.address,
      port: r.port,
      driver: SIM_FAMILIES[r.model.family].driver,
      model: r.model.model,
      algorithm: r.model.algorithm,
      nameplateHashrateThs: r.model.nameplateHashrateThs,
      nameplatePowerW: r.model.nameplatePowerW,
      fault: r.fault,
    })),
  };
}

/** Starts every miner's listener; rejects (with all ports released) if any address cannot be bound. */
export async function startSimulator(opts: SimulatorOptions): Promise<RunningSimulator> {
  const now = opts.now ?? Date.now;
  const seed = opts.seed ?? DEFAULT_SEED;
  const plans = planFleet(opts);
  const rigs = new Map<string, SimRig>();
  for (const plan of plans) {
    const rig: SimRig = {
      plan,
      forced: null,
      listener: createListener({ plan, seed, now, fault: () => (rig.forced === 'offline' ? null : rig.forced) }),
    };
    rigs.set(plan.name, rig);
  }

  const shouldListen = (rig: SimRig): boolean => rig.forced !== 'offline' && !(rig.plan.fault === 'flapping' && flappingOffline(now()));
  const reconcile = (rig: SimRig): Promise<void> => rig.listener.setOpen(shouldListen(rig));
  const closeAll = () => Promise.all([...rigs.values()].map((r) => r.listener.close()));

  const all = [...rigs.values()];
  try {
    for (let i = 0; i < all.length; i += OPEN_BATCH) await Promise.all(all.slice(i, i + OPEN_BATCH).map(reconcile));
  } catch (err) {
    await closeAll();
    const e = err as { address?: string; port?: number; code?: string; message: string };
    throw new Error(`simulator: cannot listen on ${e.address ?? '?'}:${e.port ?? '?'} (${e.code ?? e.message})`, { cause: err });
  }

  // After the miners, so a taken miner address is still the error a second fleet on one subnet reports.
  const httpPort = opts.httpPort === undefined ? DEFAULT_HTTP_PORT : opts.httpPort;
  let http: RunningHttpServices | null = null;
  if (httpPort !== null) {
    const address = `${opts.subnet ?? '127.0.1'}.${DEMO_SERVICES_OCTET}`;
    try {
      const rigHashrateThs = () => demoPoolRates(rigs.values(), seed, now());
      http = await startHttpServices({ address, port: httpPort, now, seed, rigHashrateThs, poolToken: DEMO_POOL_TOKEN });
    } catch (err) {
      await closeAll();
      const e = err as { code?: string; message: string };
      throw new Error(`simulator: cannot listen on ${address}:${httpPort} (${e.code ?? e.message})`, { cause: err });
    }
  }

  const flapping = all.filter((r) => r.plan.fault === 'flapping');
  const timer = flapping.length
    ? setInterval(() => flapping.forEach((r) => void reconcile(r).catch(() => undefined)), FLAP_CHECK_MS)
    : null;
  timer?.unref(); // the listeners keep the process alive, not the flap check
  let stopped: Promise<void> | null = null;

  const find = (name: string): SimRig => {
    const rig = rigs.get(name);
    if (!rig) throw new Error(`simulator: no miner named "${name}"`);
    return rig;
  };

  const manifest = manifestOf(plans, now());
  if (http) manifest.services = demoServices(http);
  return {
    manifest,
    truth(name) {
      const rig = find(name);
      const state = minerStateAt(rig.plan, seed, now());
      return {
        hashrateThs: state.hashrateThs,
        hashrate1mThs: state.hashrate1mThs,
        powerW: state.powerW,
        tempMaxC: state.tempMaxC,
        // A forced fault of any kind means no valid reply reaches a collector.
        online: state.online && rig.forced === null,
        status: state.status,
      };
    },
    async setFault(name, fault) {
      const rig = find(name);
      rig.forced = fault;
      if (!stopped) await reconcile(rig);
    },
    stop() {
      if (!stopped) {
        if (timer) clearInterval(timer);
        stopped = Promise.all([closeAll(), http?.stop()]).then(() => undefined);
      }
      return stopped;
    },
  };
}

/**
 * Writes the manifest atomically (temp file, then rename) so the supervisor never reads half a file. On a
 * failure (a full disk: ENOSPC) the temp file is removed, never left behind empty, and the error names the
 * manifest and the cause.
 */
export async function writeManifest(path: string, manifest: SimManifest): Promise<void> {
  const tmp = `${path}.${process.pid}.tmp`;
  try {
    // Beside the database: owner-only, like it (its pool token is the demo's, but the folder is not).
    await mkdir(dirname(path), { recursive: true, mode: 0o700 });
    await writeFile(tmp, JSON.stringify(manifest, null, 2) + '\n', { encoding: 'utf8', mode: 0o600 });
    await rename(tmp, path);
  } catch (err) {
    await rm(tmp, { force: true }).catch(() => undefined);
    const code = (err as NodeJS.ErrnoException).code;
    const cause = code === 'ENOSPC' ? 'the disk is full (ENOSPC)' : err instanceof Error ? err.message : String(err);
    throw Object.assign(new Error(`could not write the simulator manifest ${path}: ${cause}`, { cause: err }), { code });
  }
}
