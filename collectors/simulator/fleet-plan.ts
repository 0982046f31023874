/**
 * Who is in the demo fleet: index -> name, site, model, family, address and scripted fault. Pure and
 * independent of the fleet size, so rig 7 is the same machine whether 12 or 1,000 miners are simulated and a
 * restart gives the same rigs.
 */
import { SIM_MODELS, type SimFamily, type SimModel } from './model-catalogue';
import { hash32 } from './prng';

export { SIM_MODELS, type SimFamily, type SimModel };

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

/**
 * What each site's rigs are, in order (the k-th rig of a site gets DEMO_MIX[k % length]). The first five
 * keep the models the scripted faults were designed on (index 5 S21 flapping, 6 M60S overheating, 9 S19
 * Pro with a lost board); then every family once, so a 48-rig demo shows them all at both sites.
 */
export const FULL_MIX: readonly string[] = [
  'antminer-s19pro',
  'whatsminer-m50s',
  'antminer-s21',
  'whatsminer-m60s',
  'antminer-s19pro',
  'avalon-a1566',
  'braiins-s19jpro',
  'luxos-s19xp',
  'vnish-s19',
  'whatsminer-v3-m60s',
  'antminer-web-s21',
  'bitaxe-gamma',
  'nerdqaxe-plusplus',
  'trex-rtx3070',
  'gpu-agent-rtx4080s',
  'lolminer-rtx3080',
  'gminer-rtx3060ti',
  'nbminer-rtx3090',
  'teamredminer-rx6800',
  'srbminer-rx6700',
  'phoenixminer-rx580',
  'antminer-s21',
  'whatsminer-m50s',
  'antminer-s19pro',
];

/** The four stock-firmware models of the first demo: what tests of the cgminer framing and faults use. */
export const CLASSIC_MIX: readonly string[] = ['antminer-s19pro', 'whatsminer-m50s', 'antminer-s21', 'whatsminer-m60s'];

export const DEMO_MIX: readonly string[] = FULL_MIX;

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
  /** Port of the cgminer-protocol families (default 4028); other families listen on their own port. */
  port?: number;
  faults?: boolean;
  /** Catalogue ids each site cycles through (default DEMO_MIX); tests use it for a one-family fleet. */
  mix?: readonly string[];
}

/**
 * Port each family listens on: the cgminer ones on `cgminerPort` (4028), the others on their real default,
 * or a high port where the real one is 80 (AxeOS, Antminer web UI), so the simulator needs no root.
 */
export const FAMILY_PORTS: Readonly<Record<SimFamily, number | 'cgminer'>> = {
  antminer: 'cgminer',
  'antminer-web': 8080,
  whatsminer: 'cgminer',
  'whatsminer-v3': 4433,
  avalon: 'cgminer',
  braiins: 'cgminer',
  luxos: 'cgminer',
  vnish: 'cgminer',
  axeos: 8080,
  'gpu-agent': 9105,
  trex: 4067,
  lolminer: 4069,
  gminer: 4070,
  nbminer: 22333,
  teamredminer: 'cgminer',
  srbminer: 21550,
  phoenixminer: 3333,
};

function familyPort(family: SimFamily, cgminerPort: number): number {
  const p = FAMILY_PORTS[family];
  return p === 'cgminer' ? cgminerPort : p;
}

/** The whole fleet: each site cycles through the mix, so a 48-rig demo has every family at both sites. */
export function planFleet(opts: FleetPlanOptions): RigPlan[] {
  if (!Number.isInteger(opts.miners) || opts.miners < 0) {
    throw new Error(`simulator: miners must be a non-negative integer, got ${opts.miners}`);
  }
  const subnet = opts.subnet ?? '127.0.1';
  const cgminerPort = opts.port ?? 4028;
  const mix = opts.mix ?? DEMO_MIX;
  const models = mix.map((id) => {
    const m = SIM_MODELS[id];
    if (!m) throw new Error(`simulator: unknown model "${id}" (known: ${Object.keys(SIM_MODELS).join(', ')})`);
    return m;
  });
  if (models.length === 0) throw new Error('simulator: mix must name at least one model');
  const withFaults = (opts.faults ?? true) && opts.miners >= MIN_MINERS_FOR_FAULTS;
  const faultByIndex = new Map<number, SimRigFault>();
  if (withFaults) {
    for (const [fault, index] of Object.entries(FAULT_INDEXES) as Array<[SimRigFault, number]>) {
      faultByIndex.set(index, fault);
    }
  }
  const rigs: RigPlan[] = [];
  for (let index = 0; index < opts.miners; index++) {
    const model = models[Math.floor(index / SIM_SITES.length) % models.length];
    rigs.push({
      index,
      name: rigName(index),
      site: SIM_SITES[index % SIM_SITES.length],
      model,
      address: rigAddress(subnet, index),
      port: familyPort(model.family, cgminerPort),
      fault: faultByIndex.get(index) ?? null,
      idHash: hash32(0x51a1, index),
    });
  }
  return rigs;
}
