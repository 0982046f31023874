/**
 * Antminer stock web UI (lighttpd CGIs behind HTTP Digest, protocols.md §1.3 "Web API"): replies -> Reading.
 * New firmware (uart_trans, S19XP/S19Pro+/S21) serves stats.cgi, summary.cgi and pools.cgi with a STATUS
 * object (or array), INFO.type and rates in `rate_unit`; old firmware only get_system_info.cgi and
 * get_miner_conf.cgi. Pure: no I/O.
 */
import { efficiencyJth, type BoardReading, type MinerStatus, type PoolReading, type Reading } from '../../../lib/domain/reading';
import { powerWithSource } from '../../../lib/domain/nameplate';
import { maxOf, num, obj, str, validTempC } from '../cgminer-tcp/coerce';
import { replyStatus, sectionRows } from '../cgminer-tcp/lenient-json';
import { DeviceError } from '../types';

/** Parsed bodies of one poll: stats or summary must be there; the rest is optional. */
export interface AntminerWebReplies {
  stats?: unknown;
  summary?: unknown;
  pools?: unknown;
  /** get_system_info.cgi (old firmware: model, firmware build). */
  systemInfo?: unknown;
  /** get_miner_conf.cgi (configured pools, work mode). */
  minerConf?: unknown;
}

/** Hot enough that a shortfall is the firmware protecting itself (same as the cgminer-API driver). */
const THROTTLE_CHIP_C = 85;
const THROTTLE_RATIO = 0.8;
/** "bitmain-work-mode" / stats "miner-mode" value of a miner put to sleep (pyasic: 0 normal, 1 sleep, 3 low). */
const SLEEP_MODE = 1;

/** Normalizes an Antminer web UI's replies into a Reading. */
export function parseAntminerWeb(replies: AntminerWebReplies, opts: { modelHint?: string | null } = {}): Reading {
  const stats = envelope(replies.stats, 'stats.cgi');
  const summary = envelope(replies.summary, 'summary.cgi');
  const pools = envelope(replies.pools, 'pools.cgi');
  if (!stats && !summary) throw new DeviceError('unexpected', 'web UI answered neither stats.cgi nor summary.cgi');
  const st = stats ? (sectionRows(stats, 'STATS')[0] ?? null) : null;
  const sm = summary ? (sectionRows(summary, 'SUMMARY')[0] ?? null) : null;
  if (!st && !sm) throw new DeviceError('unexpected', 'stats.cgi has no STATS[0] and summary.cgi no SUMMARY[0]');

  const unitToThs = rateUnitToThs(st?.rate_unit ?? sm?.rate_unit);
  const rate = firstNonNeg([st?.rate_5s, st?.rate_30m, st?.rate_avg, sm?.rate_5s, sm?.rate_30m, sm?.rate_avg]);
  if (rate === null) throw new DeviceError('unexpected', 'neither stats.cgi nor summary.cgi has a "rate_5s" hash rate');
  const hashrateThs = rate * unitToThs;
  const ideal = firstNonNeg([st?.rate_ideal, sm?.rate_ideal]);
  const expectedHashrateThs = ideal !== null && ideal > 0 ? ideal * unitToThs : null;

  const chains = st && Array.isArray(st.chain) ? st.chain.map(obj).filter((c): c is Record<string, unknown> => c !== null) : [];
  const boards = readBoards(chains, unitToThs);
  const tempMaxC = maxOf(boards.map((b) => b.tempC));
  const fansRpm = (st && Array.isArray(st.fan) ? st.fan : []).map(num).filter((r): r is number => r !== null && r > 0);

  const { model, firmware } = describeAntminerWeb([stats, summary, pools], replies.systemInfo, opts.modelHint ?? null);
  const { powerW, powerSource } = powerWithSource(null, model, hashrateThs);
  // A count: summary hw_all, else the chains' hw. (hwp_total / hwp are percentages, not counts.)
  const chainHw = chains.map((c) => num(c.hw)).filter((n): n is number => n !== null && n >= 0);
  const hwAll = num(sm?.hw_all);
  const hardwareErrors = hwAll !== null && hwAll >= 0 ? hwAll : chainHw.length ? chainHw.reduce((a, b) => a + b, 0) : null;

  const conf = obj(replies.minerConf);
  const status = webStatus({
    hashrateThs,
    expectedHashrateThs,
    tempMaxC,
    sleepMode: num(st?.['miner-mode']) === SLEEP_MODE || num(conf?.['bitmain-work-mode']) === SLEEP_MODE,
    flags: healthFlags(sm),
    noBoards: boards.length === 0 && fansRpm.length === 0,
  });

  const uptime = num(st?.elapsed) ?? num(sm?.elapsed);
  return {
    driver: 'antminer-web',
    make: 'Bitmain',
    model,
    firmware,
    status,
    hashrateThs,
    expectedHashrateThs,
    powerW,
    powerSource,
    efficiencyJth: efficiencyJth(powerW, hashrateThs),
    boards,
    tempMaxC,
    fansRpm,
    pools: pools ? readPools(pools) : confPools(conf),
    uptimeS: uptime !== null && uptime >= 0 ? uptime : null,
    hardwareErrors,
  };
}

/**
 * Model and firmware: INFO.type / INFO.miner_version + CompileTime of the first new-firmware reply
 * ("Antminer S21", "uart_trans.1.3, Thu Jul 11 16:38:25 CST 2024"), else get_system_info.cgi's minertype
 * and firmware_type + system_filesystem_version ("Release, Mon Jun 1 20:27:44 CST 2020").
 */
export function describeAntminerWeb(bodies: unknown[], systemInfo: unknown, modelHint: string | null): { model: string; firmware: string } {
  const info = bodies.map((b) => obj(obj(b)?.INFO)).find((i) => i !== null && i !== undefined) ?? null;
  const sys = obj(systemInfo);
  const type = str(info?.type) ?? str(sys?.minertype);
  const model = type ? (/^antminer\b/i.test(type) ? type : `Antminer ${type}`) : modelHint?.trim() || 'Antminer';
  const parts = info ? [str(info.miner_version), str(info.CompileTime)] : [str(sys?.firmware_type), str(sys?.system_filesystem_version)];
  return { model, firmware: parts.filter((p): p is string => p !== null).join(', ') };
}

/** The body as a record after its STATUS check; null when absent. Throws 'api-error' for STATUS E/F. */
function envelope(body: unknown, label: string): Record<string, unknown> | null {
  if (body === undefined || body === null) return null;
  const rec = obj(body);
  if (!rec) throw new DeviceError('unexpected', `${label} reply is not a JSON object`);
  const status = replyStatus(rec);
  if (status && (status.letter === 'E' || status.letter === 'F')) {
    throw new DeviceError('api-error', `${label} answered STATUS ${status.letter}: ${status.msg || 'no message'}`);
  }
  return rec;
}

/** rate_unit "GH/s" (default), "TH/s", "MH/s", "H/s" (KS5-era firmware) -> factor to TH/s. */
function rateUnitToThs(unit: unknown): number {
  const u = str(unit)?.toUpperCase().replace(/\/S$/, '') ?? 'GH';
  const factors: Record<string, number> = { H: 1e-12, KH: 1e-9, MH: 1e-6, GH: 1e-3, TH: 1, PH: 1e3 };
  return factors[u] ?? 1e-3;
}

/** Chains that found chips or hash, in index order; board index is the position among them (zero-based). */
function readBoards(chains: Record<string, unknown>[], unitToThs: number): BoardReading[] {
  const present = chains
    .map((c, i) => ({ c, key: num(c.index) ?? i }))
    .filter(({ c }) => (num(c.asic_num) ?? 0) > 0 || (num(c.rate_real) ?? 0) > 0)
    .sort((a, b) => a.key - b.key);
  return present.map(({ c }, index) => {
    const rate = num(c.rate_real);
    const chips = num(c.asic_num);
    return {
      index,
      hashrateThs: rate !== null && rate >= 0 ? rate * unitToThs : null,
      chips: chips !== null && chips >= 0 ? chips : null,
      tempC: maxTemp(c.temp_chip) ?? maxTemp(c.temp_pcb),
    };
  });
}

function maxTemp(v: unknown): number | null {
  return Array.isArray(v) ? maxOf(v.map(validTempC)) : null;
}

/** SUMMARY[0].status[] health flags, e.g. {type:"temp", status:"s"}: type -> lower-case status letter. */
function healthFlags(sm: Record<string, unknown> | null): Record<string, string> {
  const flags: Record<string, string> = {};
  for (const f of Array.isArray(sm?.status) ? sm.status : []) {
    const rec = obj(f);
    const type = str(rec?.type);
    const s = str(rec?.status);
    if (type && s) flags[type.toLowerCase()] = s.toLowerCase();
  }
  return flags;
}

/** pools.cgi POOLS[]: lower-case keys on the web API (url/user/status/accepted/rejected), cgminer case tolerated. */
function readPools(body: Record<string, unknown>): PoolReading[] {
  const out: PoolReading[] = [];
  for (const p of sectionRows(body, 'POOLS')) {
    const url = str(p.url) ?? str(p.URL);
    if (!url) continue;
    const count = (v: unknown) => {
      const n = num(v);
      return n !== null && n >= 0 ? n : 0;
    };
    out.push({
      url,
      user: str(p.user) ?? str(p.User) ?? '',
      status: str(p.status) ?? str(p.Status) ?? '',
      accepted: count(p.accepted ?? p.Accepted),
      rejected: count(p.rejected ?? p.Rejected),
    });
  }
  return out;
}

/** Configured pools of get_miner_conf.cgi when pools.cgi is missing: no live status or counts there. */
function confPools(conf: Record<string, unknown> | null): PoolReading[] {
  const list = Array.isArray(conf?.pools) ? conf.pools : [];
  return list
    .map(obj)
    .filter((p): p is Record<string, unknown> => p !== null && str(p.url) !== null)
    .map((p) => ({ url: str(p.url)!, user: str(p.user) ?? '', status: 'Configured', accepted: 0, rejected: 0 }));
}

/**
 * Hashing: throttled when hot (chips >= 85 degC or the temp flag not "s") with a shortfall, else mining.
 * Not hashing: throttled when hot; sleeping in sleep work mode or with no board and no fan running;
 * error otherwise (the "rate" flag then usually says why).
 */
function webStatus(x: {
  hashrateThs: number;
  expectedHashrateThs: number | null;
  tempMaxC: number | null;
  sleepMode: boolean;
  flags: Record<string, string>;
  noBoards: boolean;
}): MinerStatus {
  const tempFlag = x.flags.temp;
  const hot = (x.tempMaxC !== null && x.tempMaxC >= THROTTLE_CHIP_C) || (tempFlag !== undefined && tempFlag !== 's');
  if (x.hashrateThs > 0) {
    const short = x.expectedHashrateThs !== null && x.hashrateThs < THROTTLE_RATIO * x.expectedHashrateThs;
    return hot && short ? 'throttled' : 'mining';
  }
  if (hot) return 'throttled';
  if (x.sleepMode || x.noBoards) return 'sleeping';
  return 'error';
}

function firstNonNeg(values: unknown[]): number | null {
  for (const v of values) {
    const n = num(v);
    if (n !== null && n >= 0) return n;
  }
  return null;
}
