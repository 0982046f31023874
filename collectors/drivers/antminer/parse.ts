/**
 * Antminer stock bmminer/cgminer (S9..S21) and the aftermarket firmware that keeps its `stats` layout
 * (Hiveon, asicseer, mskminer, NiceHash, Vnish): replies -> Reading. Pure; see protocols.md §1.3, §1.6.
 */
import { efficiencyJth, type BoardReading, type MinerStatus, type PowerSource, type Reading } from '../../../lib/domain/reading';
import { powerWithSource } from '../../../lib/domain/nameplate';
import { DeviceError } from '../types';
import { leadingNum, maxOf, num, obj, parseDashTemps, slotNumbers, str, validTempC } from '../cgminer-tcp/coerce';
import { poolsFromReply, replyStatus, sectionRows } from '../cgminer-tcp/lenient-json';

/** Parsed bodies of the replies one poll collected; only stats is required (STATS[0] repeats VERSION[0]). */
export interface AntminerReplies {
  version?: object | null;
  stats: object;
  summary?: object | null;
  pools?: object | null;
}

/** Hot enough that a hash-rate shortfall is the firmware protecting itself (chip temperature, degC). */
const THROTTLE_CHIP_C = 85;
/** Below this share of the ideal hash rate a hot miner counts as throttled. */
const THROTTLE_RATIO = 0.8;
/** No SHA-256 ASIC is below ~13 J/TH; a firmware figure under this is not watts (Hiveon "34.65 (AB)"). */
const MIN_PLAUSIBLE_JTH = 5;

/** Normalizes an Antminer's version + stats (+ summary, pools) replies into a Reading. */
export function parseAntminer(replies: AntminerReplies, opts: { modelHint?: string | null } = {}): Reading {
  const statsRows = sectionRows(replies.stats, 'STATS');
  // STATS[0] is the version block, STATS[1] the device block; find the latter by content to be safe.
  const dev = statsRows.find((r) => 'GHS 5s' in r || 'chain_rate1' in r || 'ID' in r) ?? statsRows[1];
  if (!dev) throw new DeviceError('unexpected', 'stats reply has no device block (STATS[1])');
  const versionRow = sectionRows(replies.version, 'VERSION')[0] ?? statsRows[0] ?? {};
  const summaryRow = replies.summary ? (sectionRows(replies.summary, 'SUMMARY')[0] ?? null) : null;

  // Both replies carry the same STATUS Description, the firmware's last resort for a name.
  const { model, firmware } = describeFirmware(versionRow, replies.version ?? replies.stats, opts.modelHint ?? null);

  const ghs5s = num(dev['GHS 5s']) ?? num(dev.total_rate) ?? num(dev['GHS av']) ?? num(summaryRow?.['GHS 5s']);
  if (ghs5s === null) throw new DeviceError('unexpected', 'stats device block has no "GHS 5s" hash rate');
  const hashrateThs = ghs5s / 1000;
  const unitToThs = rateUnitToThs(dev.rate_unit);
  const ideal = num(dev.total_rateideal);
  const expectedHashrateThs = ideal !== null && ideal > 0 ? ideal * unitToThs : null;

  const chains = readChains(dev, unitToThs);
  const boards = chains.map((c) => c.board);
  const tempMaxC = maxOf(boards.map((b) => b.tempC));
  const fansRpm = slotNumbers(dev, /^fan(\d+)$/)
    .map((n) => num(dev[`fan${n}`]))
    .filter((rpm): rpm is number => rpm !== null && rpm > 0);

  const hwSlots = slotNumbers(dev, /^chain_hw(\d+)$/);
  const hardwareErrors = hwSlots.length
    ? hwSlots.reduce((sum, n) => sum + (num(dev[`chain_hw${n}`]) ?? 0), 0)
    : num(summaryRow?.['Hardware Errors']);

  const { powerW, powerSource } = readPower(dev, model, hashrateThs);
  const status = antminerStatus({ dev, hashrateThs, expectedHashrateThs, tempMaxC, chains, fansRpm });

  return {
    driver: 'antminer',
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
    pools: replies.pools ? poolsFromReply(replies.pools) : [],
    uptimeS: num(dev.Elapsed) ?? num(summaryRow?.Elapsed),
    hardwareErrors,
  };
}

interface Chain {
  board: BoardReading;
  /** chain_rate as sent: "" while a board is not hashing at all, "0.00" while asleep. */
  rateReported: boolean;
}

/** Present chains in slot order; a slot is absent when it found no chips and reports no hash rate. */
function readChains(dev: Record<string, unknown>, unitToThs: number): Chain[] {
  const chains: Chain[] = [];
  for (const n of slotNumbers(dev, /^chain_acn(\d+)$/, /^chain_rate(\d+)$/)) {
    const chips = num(dev[`chain_acn${n}`]);
    const rate = num(dev[`chain_rate${n}`]);
    if (!((chips ?? 0) > 0 || (rate ?? 0) > 0)) continue;
    chains.push({
      board: {
        index: chains.length,
        hashrateThs: rate === null ? null : rate * unitToThs,
        chips,
        tempC: chainTempC(dev, n),
      },
      rateReported: rate !== null,
    });
  }
  return chains;
}

/** Hottest chip sensor of slot n (S17+ dash strings, else S9 temp2_N), else the PCB sensors. */
function chainTempC(dev: Record<string, unknown>, n: number): number | null {
  const dash = (key: string) => {
    const v = dev[key];
    return typeof v === 'string' ? maxOf(parseDashTemps(v).map(validTempC)) : null;
  };
  return dash(`temp_chip${n}`) ?? validTempC(dev[`temp2_${n}`]) ?? dash(`temp_pcb${n}`) ?? validTempC(dev[`temp${n}`]);
}

/** GH/s unless the firmware says otherwise (S19-era "rate_unit":"GH"). */
function rateUnitToThs(unit: unknown): number {
  const u = str(unit)?.toUpperCase().replace(/\/S$/, '') ?? 'GH';
  if (u === 'TH') return 1;
  if (u === 'MH') return 1e-6;
  if (u === 'PH') return 1000;
  return 1e-3;
}

/**
 * Firmware power where an aftermarket firmware reports it (Vnish chain_consumption{N}, mskminer
 * total_power / chain_power), else an estimate from the nameplate; stock firmware has no power field.
 */
function readPower(
  dev: Record<string, unknown>,
  model: string,
  hashrateThs: number,
): { powerW: number | null; powerSource: PowerSource | null } {
  const consumption = slotNumbers(dev, /^chain_consumption(\d+)$/);
  const candidates = [
    consumption.length ? consumption.reduce((s, n) => s + (num(dev[`chain_consumption${n}`]) ?? 0), 0) : null,
    num(dev.total_power),
    leadingNum(dev.chain_power),
  ];
  for (const w of candidates) {
    if (w === null || !(w > 0)) continue;
    if (hashrateThs > 0 && w / hashrateThs < MIN_PLAUSIBLE_JTH) continue;
    return { powerW: w, powerSource: 'firmware' };
  }
  return powerWithSource(null, model, hashrateThs);
}

/**
 * Throttled: hot chips with a hash-rate shortfall (or none at all, antminer-s19-overheating-stats.json).
 * Sleeping: no hash rate and the firmware says so: work mode 2, every board reporting "0.00", or no board
 * enumerated with all fans stopped (antminer-s17plus-sleeping-stats.json). Error: no hash rate otherwise.
 */
function antminerStatus(x: {
  dev: Record<string, unknown>;
  hashrateThs: number;
  expectedHashrateThs: number | null;
  tempMaxC: number | null;
  chains: Chain[];
  fansRpm: number[];
}): MinerStatus {
  const hot = x.tempMaxC !== null && x.tempMaxC >= THROTTLE_CHIP_C;
  if (x.hashrateThs > 0) {
    const short = x.expectedHashrateThs !== null && x.hashrateThs < THROTTLE_RATIO * x.expectedHashrateThs;
    return hot && short ? 'throttled' : 'mining';
  }
  if (hot) return 'throttled';
  const allBoardsIdle = x.chains.length > 0 && x.chains.every((c) => c.rateReported && c.board.hashrateThs === 0);
  const poweredDown = x.chains.length === 0 && x.fansRpm.length === 0;
  if (num(x.dev.Mode) === 2 || allBoardsIdle || poweredDown) return 'sleeping';
  return 'error';
}

/** Aftermarket brands that firmware writes into `Type`; they name the firmware, not the model. */
const AFTERMARKET_WORDS = /\b(hiveon|vnish|asicseer|mskminer|nicehash|braiins)\b/gi;
const ENGINE_KEYS = ['BMMiner', 'CGMiner', 'Cgminer', 'bmminer', 'cgminer'];

/**
 * Model and firmware from VERSION[0] (or STATS[0]): "Antminer S9\nV1.3.58" -> "Antminer S9" + "V1.3.58",
 * "Antminer S17+ (vnish 2.0.3)" -> "Antminer S17+" + "vnish 2.0.3", "S19-88 v.2.6.0.39 " -> "Antminer S19-88".
 * Firmware reads "<tag>, <engine> <version>, miner <Miner>, <CompileTime>", leaving out what is missing.
 */
export function describeFirmware(
  row: Record<string, unknown>,
  versionBody: object | null,
  modelHint: string | null,
): { model: string; firmware: string } {
  const type = str(row.Type);
  const tags: string[] = [];
  let model = modelHint ?? 'Antminer';
  if (type) {
    const [first, ...more] = type.split(/\r?\n/);
    tags.push(...more.map((l) => l.trim()).filter(Boolean));
    let rest = first.replace(/\(([^)]*)\)/g, (_m, inner: string) => {
      tags.push(inner.trim());
      return ' ';
    });
    rest = rest.replace(/\s+v\.?\d[\w.]*\s*$/i, (m) => {
      tags.push(m.trim());
      return '';
    });
    rest = rest.replace(AFTERMARKET_WORDS, (m) => {
      tags.push(m);
      return ' ';
    });
    rest = rest.replace(/\s+/g, ' ').trim();
    if (rest) model = /^antminer\b/i.test(rest) ? rest : `Antminer ${rest}`;
  }
  const engine = ENGINE_KEYS.find((k) => str(row[k]) !== null);
  const parts = [
    tags.filter(Boolean).join(' '),
    engine ? `${engine} ${str(row[engine])}` : '',
    str(row.Miner) ? `miner ${str(row.Miner)}` : '',
    str(row.CompileTime) ?? '',
  ].filter(Boolean);
  const fallback = versionBody ? (replyStatus(obj(versionBody) ?? {})?.description ?? '') : '';
  return { model, firmware: parts.length ? parts.join(', ') : fallback };
}
