/**
 * Braiins OS (BOSminer, BOSminer+, BOSer) over its cgminer-compatible read-only API on 4028: replies ->
 * Reading. Pure; see protocols.md §1.4. Keys arrive sorted alphabetically, hash rates are MH/s floats, and
 * boards are identified by their hardware chain ID (6..8 on the S9, 1..3 on later models) in devs,
 * devdetails, temps and tunerstatus alike.
 */
import { efficiencyJth, type BoardReading, type MinerStatus, type Reading } from '../../../lib/domain/reading';
import { powerWithSource } from '../../../lib/domain/nameplate';
import { DeviceError } from '../types';
import { firstNum, maxOf, num, obj, str, validTempC } from '../cgminer-tcp/coerce';
import { poolsFromReply, replyStatus, sectionRows, summaryRow } from '../cgminer-tcp/lenient-json';

/** Parsed bodies of one poll; only summary is required. */
export interface BraiinsReplies {
  summary: object;
  version?: object | null;
  devs?: object | null;
  devdetails?: object | null;
  pools?: object | null;
  fans?: object | null;
  temps?: object | null;
  tunerstatus?: object | null;
}

/**
 * Hash-rate window, first present wins: "MHS 1m" is steady enough to chart and still drops within a
 * minute of a fault ("MHS 5s" of the BOSminer+ capture reads 15.7 TH/s against 14.0 over 1 min).
 */
const HASHRATE_KEYS = ['MHS 1m', 'MHS 5m', 'MHS av', 'MHS 5s'];
const MHS_PER_THS = 1e6;
/** BOS's default temperature target is 89 degC (tempctrl); a shortfall above it is the firmware protecting itself. */
const THROTTLE_TEMP_C = 90;
const THROTTLE_RATIO = 0.8;

/** Normalizes a Braiins OS miner's summary (+ the optional extras) into a Reading. */
export function parseBraiins(replies: BraiinsReplies, opts: { modelHint?: string | null } = {}): Reading {
  const s = summaryRow(replies.summary);
  const mhs = firstNum(s, HASHRATE_KEYS);
  if (mhs === null) throw new DeviceError('unexpected', 'summary has no "MHS 1m"/"MHS av" hash rate');
  if (mhs < 0) throw new DeviceError('unexpected', `summary reports a negative hash rate (${mhs} MH/s)`);
  const hashrateThs = mhs / MHS_PER_THS;

  const { make, model } = braiinsHardware(replies.devdetails ?? null, opts.modelHint ?? null);
  const boards = readBoards(replies.devs ?? null, replies.devdetails ?? null, replies.temps ?? null);
  const tempMaxC = maxOf(boards.map((b) => b.tempC));
  const fansRpm = sectionRows(replies.fans, 'FANS')
    .map((r) => num(r.RPM))
    .filter((rpm): rpm is number => rpm !== null && rpm > 0);

  const tuner = sectionRows(replies.tunerstatus, 'TUNERSTATUS')[0] ?? null;
  const tunerPowerW = num(tuner?.ApproximateMinerPowerConsumption);
  const { powerW, powerSource } = powerWithSource(tunerPowerW, model, hashrateThs);
  const expectedHashrateThs = nominalThs(replies.devs ?? null);

  const status = braiinsStatus({
    hashrateThs,
    expectedHashrateThs,
    tempMaxC,
    tunerPowerW,
    unavailable: devdetailsUnavailable(replies.devdetails ?? null),
  });

  return {
    driver: 'braiins',
    make,
    model,
    firmware: braiinsFirmware(replies.version ?? null, replies.summary),
    status,
    hashrateThs,
    expectedHashrateThs,
    powerW,
    powerSource,
    efficiencyJth: efficiencyJth(powerW, hashrateThs),
    boards,
    tempMaxC,
    fansRpm,
    pools: replies.pools ? poolsFromReply(replies.pools) : [],
    uptimeS: num(s.Elapsed),
    hardwareErrors: num(s['Hardware Errors']),
  };
}

/**
 * Make and model from devdetails, the only place the API names the hardware: "Bitmain Antminer S19 XP"
 * -> Bitmain + "Antminer S19 XP" (the nameplate name). Without devdetails: the registered model, else
 * "Antminer" (Braiins OS's cgminer API runs on Antminer hardware).
 */
export function braiinsHardware(devdetails: object | null, modelHint: string | null): { make: string; model: string } {
  const raw = sectionRows(devdetails, 'DEVDETAILS')
    .map((r) => str(r.Model))
    .find((m): m is string => m !== null);
  if (!raw) return { make: 'Bitmain', model: modelHint?.trim() || 'Antminer' };
  const bitmain = /^bitmain\s+(.+)$/i.exec(raw);
  if (bitmain) return { make: 'Bitmain', model: bitmain[1].trim() };
  if (/^antminer\b/i.test(raw)) return { make: 'Bitmain', model: raw };
  return { make: raw.split(/\s+/)[0], model: raw };
}

/**
 * The firmware as it names itself in the STATUS Description of the version reply, else of the other
 * replies given ("BOSminer+ 0.2.0-36c56a9363", "BOSer boser-openwrt 0.1.0-26ba61b9"), else from the
 * VERSION key ("BOSminer+": "0.2.0-36c56a9363").
 */
export function braiinsFirmware(versionBody: object | null, ...otherBodies: Array<object | null>): string {
  for (const body of [versionBody, ...otherBodies]) {
    const description = body ? replyStatus(obj(body) ?? {})?.description : null;
    if (description) return description;
  }
  const row = sectionRows(versionBody, 'VERSION')[0] ?? {};
  const key = Object.keys(row).find((k) => /bosminer|boser|braiins/i.test(k) && str(row[k]) !== null);
  return key ? `${key} ${str(row[key])}` : 'Braiins OS';
}

/**
 * One board per chain ID seen in devs, devdetails or temps, in ID order (the S9's 6, 7, 8 become boards
 * 0, 1, 2). The S9 has no chip sensor and reports "Chip": 0.0, so the board sensor stands in for it.
 */
function readBoards(devs: object | null, devdetails: object | null, temps: object | null): BoardReading[] {
  const byId = (body: object | null, section: string) => {
    const map = new Map<number, Record<string, unknown>>();
    for (const r of sectionRows(body, section)) {
      const id = num(r.ID);
      if (id !== null && !map.has(id)) map.set(id, r);
    }
    return map;
  };
  const devRows = byId(devs, 'DEVS');
  const detailRows = byId(devdetails, 'DEVDETAILS');
  const tempRows = byId(temps, 'TEMPS');
  const ids = [...new Set([...devRows.keys(), ...detailRows.keys(), ...tempRows.keys()])].sort((a, b) => a - b);
  return ids.map((id, index) => {
    const dev = devRows.get(id);
    const mhs = dev ? firstNum(dev, HASHRATE_KEYS) : null;
    const temp = tempRows.get(id);
    return {
      index,
      hashrateThs: mhs === null ? null : mhs / MHS_PER_THS,
      chips: num(detailRows.get(id)?.Chips),
      tempC: temp ? (validTempC(temp.Chip) ?? validTempC(temp.Board)) : null,
    };
  });
}

/** Sum of the boards' "Nominal MHS" (the firmware's ideal rate), null when none reports one. */
function nominalThs(devs: object | null): number | null {
  const nominal = sectionRows(devs, 'DEVS')
    .map((r) => num(r['Nominal MHS']))
    .filter((n): n is number => n !== null && n > 0);
  return nominal.length ? nominal.reduce((a, b) => a + b, 0) / MHS_PER_THS : null;
}

/** devdetails answers Msg "Unavailable" while mining is paused (pyasic's is_mining reads the same). */
function devdetailsUnavailable(devdetails: object | null): boolean {
  return /unavailable/i.test(replyStatus(obj(devdetails) ?? {})?.msg ?? '');
}

/**
 * Throttled: hot with a shortfall against the nominal rate (or none at all). Sleeping: no hash rate while
 * the tuner reports no power draw or devdetails says mining is unavailable (paused). Error otherwise.
 */
function braiinsStatus(x: {
  hashrateThs: number;
  expectedHashrateThs: number | null;
  tempMaxC: number | null;
  tunerPowerW: number | null;
  unavailable: boolean;
}): MinerStatus {
  const hot = x.tempMaxC !== null && x.tempMaxC >= THROTTLE_TEMP_C;
  if (x.hashrateThs > 0) {
    const short = x.expectedHashrateThs !== null && x.hashrateThs < THROTTLE_RATIO * x.expectedHashrateThs;
    return hot && short ? 'throttled' : 'mining';
  }
  if (hot) return 'throttled';
  if (x.unavailable || x.tunerPowerW === 0) return 'sleeping';
  return 'error';
}
