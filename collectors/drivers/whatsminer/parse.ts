/**
 * MicroBT Whatsminer API v1/v2 ("btminer" and the older cgminer-4.9.2-based firmware, port 4028):
 * replies -> Reading. Pure; see protocols.md §1.7.
 */
import { efficiencyJth, type BoardReading, type MinerStatus, type Reading } from '../../../lib/domain/reading';
import { powerWithSource } from '../../../lib/domain/nameplate';
import { DeviceError } from '../types';
import { firstNum, maxOf, num, obj, str, validTempC } from '../cgminer-tcp/coerce';
import { poolsFromReply, replyStatus, sectionRows, summaryRow } from '../cgminer-tcp/lenient-json';

/** Parsed bodies of one poll; only summary is required. `status` is the reply to `{"cmd":"status"}`. */
export interface WhatsminerReplies {
  summary: object;
  devdetails?: object | null;
  /** `edevs` reply, or `devs` on firmware without edevs (same DEVS shape). */
  edevs?: object | null;
  pools?: object | null;
  status?: object | null;
}

/**
 * Hash-rate window, first present wins. "MHS 1m" is steady enough to chart and alert on (the 5 s figure
 * of the M31S capture reads 92.8 TH/s against 77.9 TH/s over 1 min) and still drops within a minute of a
 * fault, unlike "MHS av", the average since start-up. Older firmware may lack the windows, hence the tail.
 */
const HASHRATE_KEYS = ['MHS 1m', 'MHS 5m', 'MHS av', 'MHS 5s'];
/** Whatsminer chips run hotter than Antminer ones (the M31S capture hashes at full rate with a 93 degC chip). */
const THROTTLE_CHIP_C = 90;
const THROTTLE_RATIO = 0.8;
/** With hash boards off a Whatsminer draws only control board and fans, far below this. */
const BOARDS_POWERED_W = 500;

/** Normalizes a Whatsminer's summary (+ devdetails, edevs, pools, status) replies into a Reading. */
export function parseWhatsminer(replies: WhatsminerReplies, opts: { modelHint?: string | null } = {}): Reading {
  const s = summaryRow(replies.summary);

  const mhs = firstNum(s, HASHRATE_KEYS);
  if (mhs === null) throw new DeviceError('unexpected', 'summary has no "MHS 1m"/"MHS av" hash rate');
  const hashrateThs = mhs / 1e6;
  const factoryGhs = num(s['Factory GHS']);
  const expectedHashrateThs = factoryGhs !== null && factoryGhs > 0 ? factoryGhs / 1000 : null;

  const model = whatsminerModel(replies.devdetails ?? null, opts.modelHint ?? null);
  const boards = readBoards(replies.edevs ?? null);
  const chipMaxC = validTempC(s['Chip Temp Max']);
  const tempMaxC = chipMaxC ?? maxOf(boards.map((b) => b.tempC)) ?? validTempC(s.Temperature);

  // Both fans always exist on these models, so 0 RPM is a stopped fan, not an empty slot (the M31S
  // capture reports "Fan Speed Out": 0 together with error codes 110/111).
  const fansRpm = [num(s['Fan Speed In']), num(s['Fan Speed Out'])].filter((r): r is number => r !== null);

  const firmwarePowerW = num(s.Power) ?? num(s.Power_RT);
  const { powerW, powerSource } = powerWithSource(firmwarePowerW, model, hashrateThs);

  const status = whatsminerStatus({
    hashrateThs,
    expectedHashrateThs,
    hottestC: chipMaxC ?? tempMaxC,
    firmwarePowerW,
    off: btminerOff(replies.status ?? null),
  });

  return {
    driver: 'whatsminer',
    make: 'MicroBT',
    model,
    firmware: whatsminerFirmware(s, replies.summary),
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
 * "M60S_VK30" -> "Whatsminer M60S", "M31S+V40" -> "Whatsminer M31S+": the suffix is the hash-board
 * revision, which the nameplate table does not distinguish. Falls back to the registered model.
 */
export function whatsminerModel(devdetails: object | null, modelHint: string | null): string {
  const raw = sectionRows(devdetails, 'DEVDETAILS')
    .map((r) => str(r.Model))
    .find((m): m is string => m !== null);
  const name = raw ? raw.split('_')[0].replace(/V\d+$/i, '') : modelHint?.trim();
  if (!name) return 'Whatsminer';
  return /^whatsminer\b/i.test(name) ? name : `Whatsminer ${name}`;
}

/** One board per DEVS row in slot order, with the same hash-rate window as the summary. */
function readBoards(edevs: object | null): BoardReading[] {
  const rows = sectionRows(edevs, 'DEVS');
  const slot = (r: Record<string, unknown>) => num(r.Slot) ?? num(r.ASC) ?? num(r.ID) ?? 0;
  return [...rows]
    .sort((a, b) => slot(a) - slot(b))
    .map((r, index) => {
      const mhs = firstNum(r, HASHRATE_KEYS);
      return {
        index,
        hashrateThs: mhs === null ? null : mhs / 1e6,
        chips: num(r['Effective Chips']),
        tempC: validTempC(r['Chip Temp Max']) ?? validTempC(r.Temperature),
      };
    });
}

/** "Firmware Version" without the apostrophes btminer wraps it in; the old firmware only names cgminer. */
function whatsminerFirmware(s: Record<string, unknown>, summaryBody: object): string {
  const fw = str(s['Firmware Version'])?.replace(/'/g, '').trim();
  if (fw) return fw;
  return replyStatus(obj(summaryBody) ?? {})?.description ?? '';
}

/** `{"cmd":"status"}` says `"btmineroff":"true"` while the miner is put to sleep (pyasic reads the same). */
function btminerOff(status: object | null): boolean {
  const body = obj(status);
  const msg = obj(body?.Msg);
  return String(msg?.btmineroff ?? '').toLowerCase() === 'true';
}

/**
 * Sleeping: btminer says it is off, or no hash rate while the boards draw no real power. Throttled: hot
 * chips with a shortfall against the factory hash rate (or none). Error: no hash rate, boards powered.
 */
function whatsminerStatus(x: {
  hashrateThs: number;
  expectedHashrateThs: number | null;
  hottestC: number | null;
  firmwarePowerW: number | null;
  off: boolean;
}): MinerStatus {
  if (x.off) return 'sleeping';
  const hot = x.hottestC !== null && x.hottestC >= THROTTLE_CHIP_C;
  if (x.hashrateThs > 0) {
    const short = x.expectedHashrateThs !== null && x.hashrateThs < THROTTLE_RATIO * x.expectedHashrateThs;
    return hot && short ? 'throttled' : 'mining';
  }
  if (hot) return 'throttled';
  if (x.firmwarePowerW !== null && x.firmwarePowerW >= BOARDS_POWERED_W) return 'error';
  return 'sleeping';
}
