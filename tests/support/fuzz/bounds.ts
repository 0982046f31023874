/**
 * The fuzz property's judge, written from issue 12's numbers and independent of lib/domain/plausibility.ts:
 * what a stored reading may hold. Only the nameplate table (data) is shared with the code under test.
 */
import { expect } from 'vitest';
import { checkedReading } from '../../../collectors/drivers/checked-reading';
import { DeviceError, type DeviceErrorKind } from '../../../collectors/drivers/types';
import { findNameplate } from '../../../lib/domain/nameplate';
import type { Reading } from '../../../lib/domain/reading';

const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const within = (v: unknown, min: number, max: number) => finite(v) && v >= min && v <= max;
const nullOrWithin = (v: unknown, min: number, max: number) => v === null || within(v, min, max);
/** The loosest GPU ceiling: 32 GPUs at 1e11 H/s, in TH/s. */
const ANY_GPU_MAX_THS = 3.2;

/** Fails the test unless every bound of the issue holds for `r`. */
export function expectPlausible(r: Reading, modelHint: string | null): void {
  const plate = findNameplate(r.model) ?? (modelHint ? findNameplate(modelHint) : null);
  const sha256 = r.algorithm === undefined || r.algorithm === 'sha256';
  const maxThs = sha256 ? (plate ? 3 * plate.hashrateThs : 2000) : ANY_GPU_MAX_THS;
  const problems: string[] = [];
  const need = (ok: boolean, what: string) => {
    if (!ok) problems.push(what);
  };
  need(within(r.hashrateThs, 0, maxThs), `hashrateThs ${r.hashrateThs} in 0..${maxThs}`);
  const maxW = r.powerSource === 'estimated' ? (plate ? 3 * plate.powerW * (1 + 1e-9) : Infinity) : plate ? 2 * plate.powerW : 20_000;
  need(
    r.powerW === null ? r.powerSource === null : finite(r.powerW) && r.powerW >= 0 && r.powerW <= maxW,
    `powerW ${r.powerW} (${r.powerSource}) in 0..${maxW}`,
  );
  need(nullOrWithin(r.expectedHashrateThs, 0, maxThs), `expectedHashrateThs ${r.expectedHashrateThs}`);
  need(nullOrWithin(r.efficiencyJth, 0, Number.MAX_VALUE), `efficiencyJth ${r.efficiencyJth}`);
  need(nullOrWithin(r.tempMaxC, -40, 150), `tempMaxC ${r.tempMaxC}`);
  need(nullOrWithin(r.uptimeS, 0, 20 * 365 * 86400), `uptimeS ${r.uptimeS}`);
  need(nullOrWithin(r.hardwareErrors, 0, Number.MAX_SAFE_INTEGER), `hardwareErrors ${r.hardwareErrors}`);
  for (const b of r.boards) {
    need(
      nullOrWithin(b.hashrateThs, 0, maxThs) && nullOrWithin(b.tempC, -40, 150) && nullOrWithin(b.chips, 0, 1000) && finite(b.index),
      `board ${JSON.stringify(b)}`,
    );
  }
  for (const f of r.fansRpm) need(within(f, 0, 30_000), `fan ${f}`);
  for (const p of r.pools)
    need(
      within(p.accepted, 0, Number.MAX_SAFE_INTEGER) && within(p.rejected, 0, Number.MAX_SAFE_INTEGER) && typeof p.url === 'string',
      `pool ${JSON.stringify(p)}`,
    );
  for (const k of ['driver', 'make', 'model', 'firmware', 'status'] as const) need(typeof r[k] === 'string', `${k} is a string`);
  need(['mining', 'sleeping', 'throttled', 'error'].includes(r.status), `status ${r.status}`);
  // What storage does with it: one JSON document.
  need(JSON.parse(JSON.stringify(r)) !== null, 'serializes');
  expect(problems, `implausible reading stored: ${problems.join('; ')}`).toEqual([]);
}

/**
 * Runs a parse followed by the plausibility check and judges the outcome: a reading within every bound,
 * or a DeviceError with a message. Anything else thrown fails the property. Returns which it was.
 */
export function judge(run: () => Reading, modelHint: string | null): 'reading' | DeviceErrorKind {
  let reading: Reading;
  try {
    reading = checkedReading(run(), modelHint);
  } catch (err) {
    if (err instanceof DeviceError && err.message.length > 0) return err.kind;
    throw err;
  }
  expectPlausible(reading, modelHint);
  return 'reading';
}
