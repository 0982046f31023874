/**
 * Who is in the demo fleet: index -> name, site, model, family, address and scripted fault. Pure and
 * independent of the fleet size, so rig 7 is the same machine whether 12 or 1,000 miners are simulated and a
 * restart gives the same rigs.
 */
import { findNameplate } from '../../lib/domain/nameplate';
import { hash32 } from './prng';

/** Protocol family a simulated miner speaks on port 4028. */
export type SimFamily = 'antminer' | 'whatsminer';

/** Scripted misbehaviour of a rig (see FAULT_INDEXES for who gets which, miner-state.ts for the timing). */
export type SimRigFault = 'overheat' | 'flapping' | 'lost-board';

/** A demo site with the settings the dashboard needs to show it. */
export interface SimSite {
  name: string;
  /** Used in rig names, e.g. "rockdale-a01". */
  slug: string;
  timeZone: string;
  currency: string;
  /** Pool URLs every rig of the site is configured with, primary first (reserved example domains). */
  poolUrls: string[];
  /** Pool account; the worker name is "<account>.<rig name>". */
  poolAccount: string;
}

/** One simulated hardware model. */
export interface SimModel {
  /** Name as in lib/domain/nameplates.json, so findNameplate() resolves it. */
  model: string;
  family: SimFamily;
  nameplateHashrateThs: number;
  nameplatePowerW: number;
  /** Name the firmware itself uses: VERSION Type on Antminer, DEVDETAILS Model on Whatsminer. */
  firmwareModel: string;
  boards: number;
  chipsPerBoard: number;
  freqMhz: number;
}

/** Everything fixed about one simulated rig. */
export interface RigPlan {
  index: number;
  name: string;
  site: SimSite;
  model: SimModel;
  address: string;
  port: number;
  fault: SimRigFault | null;
  /** Stable identity bits (MAC, serials) derived from the index, not the seed. */
  idHash: number;
}

/** The two demo sites; rigs alternate between them (even index: Rockdale, odd: Baie-Comeau). */
export const SIM_SITES: readonly SimSite[] = [
  {
    name: 'Rockdale TX',
    slug: 'rockdale',
    timeZone: 'America/Chicago',
    currency: 'USD',
    poolUrls: [
      'stratum+tcp://btc.pool-one.example:3333',
      'stratum+tcp://btc.pool-one.example:443',
      'stratum+tcp://btc.pool-two.example:3333',
    ],
    poolAccount: 'hashwattdemo',
  },
  {
    name: 'Baie-Comeau QC',
    slug: 'baie-comeau',
    timeZone: 'America/Toronto',
    // A Canadian site bills in CAD: the demo shows per-site currencies converted into the fleet's.
    currency: 'CAD',
    poolUrls: [
      'stratum+tcp://btc.pool-two.example:3333',
      'stratum+tcp://btc.pool-two.example:25',
      'stratum+tcp://btc.pool-one.example:3333',
    ],
    poolAccount: 'hashwattdemo',
  },
];

// Chip counts: S19 Pro from the real capture (chain_acn 114); S21 108, M50S_VH50 135 and M60S_VK30 245 as
// listed by pyasic's model tables. Frequencies are typical stock values.
const MODEL_SHAPES: ReadonlyArray<Omit<SimModel, 'nameplateHashrateThs' | 'nameplatePowerW'>> = [
  { model: 'Antminer S19 Pro', family: 'antminer', firmwareModel: 'Antminer S19 Pro', boards: 3, chipsPerBoard: 114, freqMhz: 525 },
  { model: 'Whatsminer M50S', family: 'whatsminer', firmwareModel: 'M50S_VH50', boards: 3, chipsPerBoard: 135, freqMhz: 600 },
  { model: 'Antminer S21', family: 'antminer', firmwareModel: 'Antminer S21', boards: 3, chipsPerBoard: 108, freqMhz: 490 },
  { model: 'Whatsminer M60S', family: 'whatsminer', firmwareModel: 'M60S_VK30', boards: 3, chipsPerBoard: 245, freqMhz: 580 },
];

/**
 * Which rig index carries which scripted fault (only when the fleet has at least 12 miners):
 * - 5 "baie-comeau-a03" (Antminer S21): flapping, listener closed 2 minutes in every 8.
 * - 6 "rockdale-a04" (Whatsminer M60S): overheat, 10-minute cycle, throttles to ~50 % above 90 degC.
 * - 9 "baie-comeau-a05" (Antminer S19 Pro): lost hash board in slot 2, ~2/3 of nameplate.
 */
export const FAULT_INDEXES: Readonly<Record<SimRigFault, number>> = { flapping: 5, overheat: 6, 'lost-board': 9 };

/** Below this many miners the fleet is all healthy: a tiny demo should not be one-third broken. */
export const MIN_MINERS_FOR_FAULTS = 12;

const RIGS_PER_ROW = 24;

function resolveModel(shape: (typeof MODEL_SHAPES)[number]): SimModel {
  const plate = findNameplate(shape.model);
  if (!plate) throw new Error(`simulator: no nameplate for ${shape.model} in lib/domain/nameplates.json`);
  return { ...shape, nameplateHashrateThs: plate.hashrateThs, nameplatePowerW: plate.powerW };
}

/** Row label: a..z, then aa, ab... so a site of any size keeps unique names. */
function rowLabel(row: number): string {
  let label = '';
  let n = row;
  do {
    label = String.fromCharCode(97 + (n % 26)) + label;
    n = Math.floor(n / 26) - 1;
  } while (n >= 0);
  return label;
}

/** Deterministic rig name from its index, e.g. 0 -> "rockdale-a01", 1 -> "baie-comeau-a01". */
export function rigName(index: number): string {
  const site = SIM_SITES[index % SIM_SITES.length];
  const k = Math.floor(index / SIM_SITES.length);
  const pos = (k % RIGS_PER_ROW) + 1;
  return `${site.slug}-${rowLabel(Math.floor(k / RIGS_PER_ROW))}${String(pos).padStart(2, '0')}`;
}

/** Loopback address of rig `index`: 127.0.1.1 .. 127.0.1.254, then 127.0.2.1 ... for subnet "127.0.1". */
export function rigAddress(subnet: string, index: number): string {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(subnet);
  if (!m) throw new Error(`simulator: subnet must be three octets like "127.0.1", got "${subnet}"`);
  const third = Number(m[3]) + Math.floor(index / 254);
  if (Number(m[1]) > 255 || Number(m[2]) > 255 || third > 255) {
    throw new Error(`simulator: rig ${index} does not fit in subnet ${subnet}.x (third octet would be ${third})`);
  }
  return `${m[1]}.${m[2]}.${third}.${(index % 254) + 1}`;
}

/** Options for planFleet (a subset of SimulatorOptions). */
export interface FleetPlanOptions {
  miners: number;
  subnet?: string;
  port?: number;
  faults?: boolean;
}

/** The whole fleet: models alternate per site so each site gets all four models. */
export function planFleet(opts: FleetPlanOptions): RigPlan[] {
  if (!Number.isInteger(opts.miners) || opts.miners < 0) {
    throw new Error(`simulator: miners must be a non-negative integer, got ${opts.miners}`);
  }
  const subnet = opts.subnet ?? '127.0.1';
  const port = opts.port ?? 4028;
  const models = MODEL_SHAPES.map(resolveModel);
  const withFaults = (opts.faults ?? true) && opts.miners >= MIN_MINERS_FOR_FAULTS;
  const faultByIndex = new Map<number, SimRigFault>();
  if (withFaults) {
    for (const [fault, index] of Object.entries(FAULT_INDEXES) as Array<[SimRigFault, number]>) {
      faultByIndex.set(index, fault);
    }
  }
  const rigs: RigPlan[] = [];
  for (let index = 0; index < opts.miners; index++) {
    rigs.push({
      index,
      name: rigName(index),
      site: SIM_SITES[index % SIM_SITES.length],
      model: models[Math.floor(index / SIM_SITES.length) % models.length],
      address: rigAddress(subnet, index),
      port,
      fault: faultByIndex.get(index) ?? null,
      idHash: hash32(0x51a1, index),
    });
  }
  return rigs;
}
