/**
 * Rig rules from connectivity and the latest reading: offline, stale, hash rate low, temperature high,
 * fan stopped, board missing, pool dead, no accepted shares. Readings are only judged while the rig is
 * online (a stale or offline rig's last reading is old; the offline/stale alerts speak for it), and a
 * sleeping rig is not expected to hash, spin fans or find shares.
 */
import type { AlertRig, AlertSettings } from './inputs';
import { rigThresholds } from './scope-thresholds';
import type { AlertThresholds } from './thresholds';
import type { Observation, RuleKind } from './types';

type Verdict = Pick<Observation, 'breached' | 'value' | 'detail' | 'holding'>;

function round(n: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}

function hashrateLow(reading: NonNullable<AlertRig['reading']>, t: AlertThresholds['hashrate-low']): Verdict | null {
  const expected = reading.expectedHashrateThs;
  if (expected === null || !(expected > 0)) return null;
  const pct = round((reading.hashrateThs / expected) * 100, 1);
  return { breached: pct < t.belowPct, value: pct, detail: `hash rate ${round(reading.hashrateThs)} TH/s is ${pct} % of expected ${round(expected)} TH/s (limit ${t.belowPct} %)` };
}

function tempHigh(reading: NonNullable<AlertRig['reading']>, t: AlertThresholds['temp-high']): Verdict | null {
  const tempC = reading.tempMaxC;
  if (tempC === null) return null;
  return { breached: tempC > t.maxC, holding: tempC > t.maxC - t.clearBandC, value: tempC, detail: `hottest ${tempC} degC (limit ${t.maxC} degC)` };
}

function fanStopped(reading: NonNullable<AlertRig['reading']>): Verdict | null {
  if (reading.fansRpm.length === 0) return null;
  const stopped = reading.fansRpm.flatMap((rpm, i) => (rpm <= 0 ? [i] : []));
  const detail = stopped.length ? `fan ${stopped.join(', ')} at 0 rpm` : 'all fans spinning';
  return { breached: stopped.length > 0, value: stopped.length, detail };
}

/** A board that reports no chips or no hash rate, a gap in the board numbering, or fewer boards than expected. */
function boardMissing(reading: NonNullable<AlertRig['reading']>, t: AlertThresholds['board-missing']): Verdict {
  const dead = reading.boards.filter((b) => b.chips === 0 || b.hashrateThs === 0).map((b) => b.index);
  const present = new Set(reading.boards.map((b) => b.index));
  const highest = Math.max(-1, ...present, (t.expectedBoards ?? 0) - 1);
  const absent: number[] = [];
  for (let i = 0; i <= highest; i++) if (!present.has(i)) absent.push(i);
  const missing = [...new Set([...dead, ...absent])].sort((a, b) => a - b);
  const detail = missing.length ? `board ${missing.join(', ')} missing or dead (${reading.boards.length - dead.length} hashing)` : `${reading.boards.length} boards hashing`;
  return { breached: missing.length > 0, value: missing.length, detail };
}

function poolDead(reading: NonNullable<AlertRig['reading']>): Verdict | null {
  if (reading.pools.length === 0) return null;
  const alive = reading.pools.filter((p) => p.status.trim().toLowerCase() === 'alive');
  const detail = alive.length ? `${alive.length} of ${reading.pools.length} pools alive` : `no pool alive (${reading.pools.map((p) => `${p.url}: ${p.status}`).join('; ')})`;
  return { breached: alive.length === 0, value: alive.length, detail };
}

function noShares(rig: AlertRig, nowMs: number, t: AlertThresholds['no-shares']): Verdict | null {
  if (rig.sharesAcceptedAtMs === undefined) return null;
  if (rig.sharesAcceptedAtMs === null) return { breached: true, value: null, detail: 'no accepted share seen yet' };
  const minutes = round((nowMs - rig.sharesAcceptedAtMs) / 60_000, 1);
  return { breached: nowMs - rig.sharesAcceptedAtMs >= t.afterMs, value: minutes, detail: `last accepted share ${minutes} min ago (limit ${t.afterMs / 60_000} min)` };
}

function readingVerdicts(rig: AlertRig, nowMs: number, t: AlertThresholds): [RuleKind, Verdict | null][] {
  const reading = rig.reading;
  if (rig.connectivity !== 'online' || reading === null || reading.status === 'sleeping') return [];
  return [
    ['hashrate-low', hashrateLow(reading, t['hashrate-low'])],
    ['temp-high', tempHigh(reading, t['temp-high'])],
    ['fan-stopped', fanStopped(reading)],
    ['board-missing', boardMissing(reading, t['board-missing'])],
    ['pool-dead', poolDead(reading)],
    ['no-shares', noShares(rig, nowMs, t['no-shares'])],
  ];
}

/** Observations of every hardware rule for one rig. */
export function rigHardwareObservations(rig: AlertRig, nowMs: number, settings: AlertSettings): Observation[] {
  const t = rigThresholds(settings, rig.id, rig.siteId);
  const verdicts: [RuleKind, Verdict | null][] = [
    ['offline', { breached: rig.connectivity === 'offline', value: null, detail: `${rig.name} is ${rig.connectivity}` }],
    ['stale', { breached: rig.connectivity === 'stale', value: null, detail: `${rig.name} is ${rig.connectivity}` }],
    ...readingVerdicts(rig, nowMs, t),
  ];
  const out: Observation[] = [];
  for (const [rule, verdict] of verdicts) {
    if (verdict === null || !t[rule].enabled) continue;
    out.push({ rule, scope: 'rig', subjectId: rig.id, siteId: rig.siteId, ...verdict });
  }
  return out;
}
