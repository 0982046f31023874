/**
 * The plausibility table (issue 12), each bound at and just past its edge, with the expected verdicts
 * written out by hand from the numbers and the nameplate table (S21: 200 TH/s, 3,500 W).
 */
import { describe, expect, it } from 'vitest';
import { checkedReading } from '../../../collectors/drivers/checked-reading';
import { DeviceError } from '../../../collectors/drivers/types';
import { checkPlausibility, readingLimits } from '../../../lib/domain/plausibility';
import type { Reading } from '../../../lib/domain/reading';

const S21: Reading = {
  driver: 'antminer',
  make: 'Bitmain',
  model: 'Antminer S21',
  firmware: 'test',
  status: 'mining',
  hashrateThs: 200,
  expectedHashrateThs: 200,
  powerW: 3500,
  powerSource: 'firmware',
  efficiencyJth: 17.5,
  boards: [{ index: 0, hashrateThs: 66.7, chips: 108, tempC: 65 }],
  tempMaxC: 65,
  fansRpm: [5000, 5100],
  pools: [{ url: 'stratum+tcp://pool.example:3333', user: 'w1', status: 'Alive', accepted: 10, rejected: 1 }],
  uptimeS: 3600,
  hardwareErrors: 3,
};

const GPU: Reading = {
  ...S21,
  driver: 'trex',
  make: 'NVIDIA',
  model: '8x RTX 3070',
  algorithm: 'ethash',
  hashrateThs: 480e-6,
  expectedHashrateThs: null,
  powerW: 1040,
  efficiencyJth: null,
  boards: [],
};

/** The refusal message for `patch`, or 'ok'. */
function verdict(patch: Partial<Reading>, base: Reading = S21, hint?: string): string {
  const v = checkPlausibility({ ...base, ...patch }, hint);
  return v.ok ? 'ok' : v.error.message;
}

/** The stored reading and its warnings for `patch` (which must be accepted). */
function kept(patch: Partial<Reading>, base: Reading = S21): Reading {
  const v = checkPlausibility({ ...base, ...patch });
  if (!v.ok) throw new Error(`refused: ${v.error.message}`);
  return v.value;
}

describe('hash rate and power refuse the reading', () => {
  it.each([
    [{ hashrateThs: 0 }, 'ok'],
    [{ hashrateThs: 600 }, 'ok'],
    [{ hashrateThs: 600.5 }, 'hashrateThs = 600.5 (must be <= 600: 3x the Antminer S21 nameplate of 200 TH/s)'],
    [{ hashrateThs: -5 }, 'hashrateThs = -5 (must be >= 0)'],
    [{ hashrateThs: 1e297 }, 'hashrateThs = 1e+297 (must be <= 600: 3x the Antminer S21 nameplate of 200 TH/s)'],
    [{ hashrateThs: NaN }, 'hashrateThs = NaN (must be a finite number)'],
    [{ hashrateThs: Infinity }, 'hashrateThs = Infinity (must be a finite number)'],
    [{ hashrateThs: '12' as unknown as number }, 'hashrateThs = "12" (must be a finite number)'],
    [{ powerW: 7000 }, 'ok'],
    [{ powerW: null, powerSource: null }, 'ok'],
    [{ powerW: 7001 }, 'powerW = 7001 (must be <= 7000: 2x the Antminer S21 nameplate of 3500 W)'],
    [{ powerW: -1 }, 'powerW = -1 (must be >= 0)'],
    [{ powerW: 2.95e298 }, 'powerW = 2.95e+298 (must be <= 7000: 2x the Antminer S21 nameplate of 3500 W)'],
    [{ powerW: -Infinity }, 'powerW = -Infinity (must be a finite number)'],
  ] as Array<[Partial<Reading>, string]>)('S21 %o: %s', (patch, expected) => {
    expect(verdict(patch)).toBe(expected);
  });

  it.each([
    [{ hashrateThs: 2000 }, 'ok'],
    [{ hashrateThs: 2000.5 }, 'hashrateThs = 2000.5 (must be <= 2000: the limit for a SHA-256 model without a nameplate)'],
    [{ powerW: 20_000 }, 'ok'],
    [{ powerW: 20_001 }, 'powerW = 20001 (must be <= 20000: the limit for a model without a nameplate)'],
  ] as Array<[Partial<Reading>, string]>)('a model without a nameplate (Antminer S9) %o: %s', (patch, expected) => {
    expect(verdict({ model: 'Antminer S9', ...patch })).toBe(expected);
  });

  it('uses the registered model when the firmware names none the table knows', () => {
    // S19: 95 TH/s, 3,250 W.
    expect(verdict({ model: 'Antminer', hashrateThs: 285 }, S21, 'Antminer S19')).toBe('ok');
    expect(verdict({ model: 'Antminer', hashrateThs: 286, powerW: 3000 }, S21, 'Antminer S19')).toBe(
      'hashrateThs = 286 (must be <= 285: 3x the Antminer S19 nameplate of 95 TH/s)',
    );
  });

  it('asks of an estimated power only that it is a finite number >= 0 (it follows from the checked hash rate)', () => {
    expect(verdict({ hashrateThs: 550, powerW: 9625, powerSource: 'estimated' })).toBe('ok');
    expect(verdict({ powerW: -1, powerSource: 'estimated' })).toBe('powerW = -1 (must be >= 0)');
  });

  it.each([
    // ethash: 5e8 H/s per GPU x 32 GPUs = 1.6e10 H/s = 0.016 TH/s.
    ['ethash', 0.016, 'ok'],
    ['ethash', 0.0161, 'hashrateThs = 0.0161 (must be <= 0.016: 32 GPUs x 5e+8 H/s of ethash)'],
    ['etchash', 0.016, 'ok'],
    // kawpow: 2e8 x 32 = 6.4e9 H/s.
    ['kawpow', 0.0065, 'hashrateThs = 0.0065 (must be <= 0.0064: 32 GPUs x 2e+8 H/s of progpow)'],
    // Equihash 150,5 (sol/s): 1e5 x 32 = 3.2e6.
    ['equihash 150,5', 3.3e-6, 'hashrateThs = 0.0000033 (must be <= 0.0000032: 32 GPUs x 1e+5 H/s of equihash (sol/s))'],
    // Not in the table: 1e11 x 32 = 3.2e12 H/s = 3.2 TH/s.
    ['blake2s', 3.2, 'ok'],
    ['blake2s', 3.3, 'hashrateThs = 3.3 (must be <= 3.2: 32 GPUs x 1e+11 H/s (algorithm not in the table))'],
  ])('a GPU rig on %s at %f TH/s: %s', (algorithm, hashrateThs, expected) => {
    expect(verdict({ algorithm, hashrateThs }, GPU)).toBe(expected);
  });

  it('gives a GPU rig the 20 kW of a model without a nameplate', () => {
    expect(verdict({ powerW: 20_000 }, GPU)).toBe('ok');
    expect(verdict({ powerW: 20_001 }, GPU)).toBe('powerW = 20001 (must be <= 20000: the limit for a model without a nameplate)');
  });

  it('reads a GPU (board) ceiling as one GPU of the algorithm', () => {
    const limits = readingLimits({ model: '8x RTX 3070', algorithm: 'ethash' });
    expect(limits.boardHashrateMaxThs).toBe(0.0005);
    const r = kept(
      {
        boards: [
          { index: 0, hashrateThs: 0.0005, chips: null, tempC: 60 },
          { index: 1, hashrateThs: 0.0006, chips: null, tempC: 60 },
        ],
      },
      GPU,
    );
    expect(r.boards.map((b) => b.hashrateThs)).toEqual([0.0005, null]);
    expect(r.warnings).toEqual(['boards[1].hashrateThs = 0.0006 (must be <= 0.0005): stored as unknown']);
  });
});

describe('optional fields become unknown with a warning, the rest is kept', () => {
  it.each([
    [{ tempMaxC: 150 }, null],
    [{ tempMaxC: -40 }, null],
    [{ tempMaxC: 150.5 }, 'tempMaxC = 150.5 (must be <= 150): stored as unknown'],
    [{ tempMaxC: -41 }, 'tempMaxC = -41 (must be >= -40): stored as unknown'],
    // 20 years of 365 days.
    [{ uptimeS: 630_720_000 }, null],
    [{ uptimeS: 630_720_001 }, 'uptimeS = 630720001 (must be <= 630720000): stored as unknown'],
    [{ uptimeS: -1 }, 'uptimeS = -1 (must be >= 0): stored as unknown'],
    [{ hardwareErrors: -3 }, 'hardwareErrors = -3 (must be >= 0): stored as unknown'],
    [{ hardwareErrors: 1e300 }, 'hardwareErrors = 1e+300 (must be <= 9007199254740991): stored as unknown'],
    [{ expectedHashrateThs: 601 }, 'expectedHashrateThs = 601 (must be <= 600): stored as unknown'],
    [{ efficiencyJth: NaN }, 'efficiencyJth = NaN (must be a finite number): stored as unknown'],
    [{ efficiencyJth: -17.5 }, 'efficiencyJth = -17.5 (must be >= 0): stored as unknown'],
  ] as Array<[Partial<Reading>, string | null]>)('%o', (patch, warning) => {
    const r = kept(patch);
    const [field] = Object.keys(patch) as Array<keyof Reading>;
    expect(r[field]).toBe(warning === null ? patch[field] : null);
    expect(r.warnings).toEqual(warning === null ? undefined : [warning]);
    expect(r.hashrateThs).toBe(200);
    expect(r.powerW).toBe(3500);
  });

  it('sets a board value to unknown and keeps the board', () => {
    const r = kept({ boards: [{ index: 0, hashrateThs: -1, chips: 1001, tempC: 400 }] });
    expect(r.boards).toEqual([{ index: 0, hashrateThs: null, chips: null, tempC: null }]);
    expect(r.warnings).toEqual([
      'boards[0].hashrateThs = -1 (must be >= 0): stored as unknown',
      'boards[0].chips = 1001 (must be <= 1000): stored as unknown',
      'boards[0].tempC = 400 (must be <= 150): stored as unknown',
    ]);
  });

  it('leaves out an impossible fan and a pool with an impossible counter', () => {
    const pool = S21.pools[0];
    const r = kept({ fansRpm: [5000, -5, 30_000, 30_001], pools: [pool, { ...pool, accepted: -1 }, { ...pool, rejected: Infinity }] });
    expect(r.fansRpm).toEqual([5000, 30_000]);
    expect(r.pools).toEqual([pool]);
    expect(r.warnings).toEqual([
      'fansRpm[1] = -5 (must be >= 0): left out',
      'fansRpm[3] = 30001 (must be <= 30000): left out',
      'pools[1].accepted = -1 (must be >= 0): pool left out',
      'pools[2].rejected = Infinity (must be a finite number): pool left out',
    ]);
  });

  it('keeps at most ten warnings, the tenth counting the rest', () => {
    const r = kept({ fansRpm: Array.from({ length: 15 }, () => -1) });
    expect(r.fansRpm).toEqual([]);
    expect(r.warnings).toHaveLength(10);
    expect(r.warnings![9]).toBe('and 6 more implausible values left out');
  });

  it('returns a plausible reading unchanged, without a warnings field', () => {
    expect(kept({})).toEqual(S21);
    expect('warnings' in kept({})).toBe(false);
  });
});

describe('checkedReading', () => {
  it("turns a refusal into the rig's typed device error", () => {
    let err: unknown;
    try {
      checkedReading({ ...S21, hashrateThs: -5 });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(DeviceError);
    expect((err as DeviceError).kind).toBe('implausible');
    expect((err as DeviceError).toLine()).toBe('implausible reading: hashrateThs = -5 (must be >= 0)');
  });
});
