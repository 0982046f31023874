/** The additive figures every realized bucket keeps, and adding them up (pure). */

/** Sums of one bucket: energy, money in one currency, rig-hours and kWh by power provenance. */
export interface RealizedSums {
  kwh: number;
  kwhUnpriced: number;
  cost: number;
  btc: number;
  revenue: number;
  kwhRevenueUnknown: number;
  costRevenueUnknown: number;
  observedRigHours: number;
  upRigHours: number;
  losingRigHours: number;
  kwhMeter: number;
  kwhFirmware: number;
  kwhOverride: number;
  kwhEstimated: number;
  /** SHA-256 hash rate times hours (TH/s x h): divided by a bucket's hours, its mean hash rate. */
  thsHours: number;
}

/** Column names of RealizedSums, in order. */
export const SUM_FIELDS = [
  'kwh',
  'kwhUnpriced',
  'cost',
  'btc',
  'revenue',
  'kwhRevenueUnknown',
  'costRevenueUnknown',
  'observedRigHours',
  'upRigHours',
  'losingRigHours',
  'kwhMeter',
  'kwhFirmware',
  'kwhOverride',
  'kwhEstimated',
  'thsHours',
] as const satisfies readonly (keyof RealizedSums)[];

/** All zeros. */
export function emptySums(): RealizedSums {
  return Object.fromEntries(SUM_FIELDS.map((k) => [k, 0])) as unknown as RealizedSums;
}

/** Adds `b` into `a` (in place) and returns `a`. */
export function addSums(a: RealizedSums, b: Readonly<RealizedSums>): RealizedSums {
  for (const k of SUM_FIELDS) a[k] += b[k];
  return a;
}
