/**
 * What a tariff is (zod schemas, the single definition of the types) and `parseTariff`, which refuses an
 * invalid one with messages an operator can act on: the field, the rule and the value given. Prices are
 * per kWh in the site's currency; the tariff itself carries no currency.
 */
import { z } from '../../util/zod-browser';
import { describeValue } from '../../util/describe-value';
import { MAX_MESSAGES } from '../../util/message-list';
import { issueMessages } from '../../util/zod-issues';
import { err, ok, type Parsed } from '../../util/result';
import { TARIFF_KIND_LIST, type TariffKindName } from './kinds';
import { HOURS_PER_WEEK, touBandErrors, WEEKDAYS } from './tou-bands';

export { WEEKDAYS, type Weekday } from './tou-bands';

/**
 * No currency's kWh costs this much (the dearest, such as the rupiah, cost a few thousand units): a price
 * above it is a slip of units or digits, refused. Between 1 and this a price is kept with a warning
 * (tariffWarnings): above 1 per kWh in dollars or euros is almost always a price per MWh.
 */
export const PRICE_CEILING_PER_KWH = 10_000;
/** Above this a price per kWh is kept but warned about (a likely price per MWh, or cents). */
export const PRICE_WARN_ABOVE_PER_KWH = 1;

/** Flat and time-of-use prices: >= 0 and below the ceiling. */
const pricePerKwh = z.number().min(0).max(PRICE_CEILING_PER_KWH);

export const flatTariffSchema = z.strictObject({ kind: z.literal('flat'), pricePerKwh });

export const touBandSchema = z.strictObject({
  days: z.array(z.enum(WEEKDAYS)).min(1),
  /** First hour of the band, local time (0-23). */
  fromHour: z.number().int().min(0).max(23),
  /** Hour the band ends, exclusive (1-24): 0-24 is the whole day. */
  toHour: z.number().int().min(1).max(24),
  pricePerKwh,
});

/** At most one band per weekday-hour: a week has 168. */
export const touTariffSchema = z.strictObject({ kind: z.literal('tou'), bands: z.array(touBandSchema).min(1).max(HOURS_PER_WEEK) });

const FEED_PROTOCOLS = ['http:', 'https:', 'file:'];
function isFeedUrl(url: string): boolean {
  try {
    return FEED_PROTOCOLS.includes(new URL(url).protocol);
  } catch {
    return false;
  }
}

export const realtimeTariffSchema = z.strictObject({
  kind: z.literal('realtime'),
  url: z.string().refine(isFeedUrl, { message: 'must be an http, https or file URL' }),
  format: z.enum(['json', 'csv']).default('json'),
  /** JSON path such as "data.0.price" (an array met by a name is read at its last item), or a CSV column. */
  priceField: z.string().trim().min(1),
  /** Where the price's own time is, to judge its age; without it the fetch time is used. */
  timeField: z.string().trim().min(1).optional(),
  /** The feed's price unit: grid operators publish per MWh. */
  unit: z.enum(['kWh', 'MWh']).default('kWh'),
  /** After this long without a fresh price the feed has stopped: its last price holds, flagged stale. */
  staleAfterS: z
    .number()
    .int()
    .min(1)
    .max(7 * 86_400)
    .default(900),
  /** The feed's fallback time: after this long without a fresh price the fallback applies (default 4 x staleAfterS). */
  fallbackAfterS: z
    .number()
    .int()
    .min(1)
    .max(7 * 86_400)
    .optional(),
  /** Real-time prices may be negative (markets do pay consumers), and so may the price assumed when the feed stops. */
  fallbackPricePerKwh: z.number().min(-PRICE_CEILING_PER_KWH).max(PRICE_CEILING_PER_KWH),
});

export type FlatTariff = z.infer<typeof flatTariffSchema>;
export type TouBand = z.infer<typeof touBandSchema>;
export type TouTariff = z.infer<typeof touTariffSchema>;
export type RealtimeTariff = z.infer<typeof realtimeTariffSchema>;
/** A site's tariff, one of the three kinds. */
export type Tariff = FlatTariff | TouTariff | RealtimeTariff;
export type TariffKind = Tariff['kind'];

/** The parser of each kind, keyed by the kinds' descriptors (kinds.ts): the type makes it name each once. */
const SCHEMAS = { flat: flatTariffSchema, tou: touTariffSchema, realtime: realtimeTariffSchema } as const satisfies Record<
  TariffKindName,
  z.ZodType
>;
/** Every tariff kind's name, in the descriptors' order. */
export const TARIFF_KINDS: TariffKind[] = TARIFF_KIND_LIST.map((k) => k.name);

/** The value given, as a message quotes it: short, and safe however large or deep it is. */
const shown = (input: unknown): string => describeValue(input, 60);

/** Tariff messages are the house wording (lib/util/zod-issues.ts), "the tariff" at the root. */
const TARIFF_WORDING = { subject: 'the tariff' };

/** The outcome of validating a tariff. */
export type ParsedTariff = Parsed<Tariff>;

/** Validates `input` as a tariff: shape, then (time of use) that the bands cover the week exactly once. */
export function parseTariff(input: unknown): ParsedTariff {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return err(['a tariff must be a JSON object with a kind (flat, tou or realtime)']);
  }
  const kind = (input as { kind?: unknown }).kind;
  if (typeof kind !== 'string' || !Object.hasOwn(SCHEMAS, kind)) {
    const got = kind === undefined ? 'none' : shown(kind);
    return err([`kind must be one of ${TARIFF_KINDS.join(', ')} (got ${got})`]);
  }
  const bands = (input as { bands?: unknown }).bands;
  if (kind === 'tou' && Array.isArray(bands) && bands.length > HOURS_PER_WEEK) {
    // Refused before each band is checked: the cost of a refusal must not grow with what was sent.
    return err([`bands must list at most ${HOURS_PER_WEEK} items, one per weekday-hour at most (got ${bands.length})`]);
  }
  const result = SCHEMAS[kind as TariffKind].safeParse(input, { reportInput: true });
  if (!result.success) {
    return err(issueMessages(result.error.issues, TARIFF_WORDING, MAX_MESSAGES));
  }
  const tariff = result.data as Tariff;
  if (tariff.kind === 'tou') {
    const errors = touBandErrors(tariff.bands);
    if (errors.length > 0) return err(errors);
  }
  const timing = realtimeTimingError(tariff);
  if (timing) return err([timing]);
  return ok(tariff);
}

/** The prices of a tariff an operator sets by hand (real-time feed values are the market's). */
function setPrices(tariff: Tariff): { field: string; pricePerKwh: number }[] {
  if (tariff.kind === 'flat') return [{ field: 'pricePerKwh', pricePerKwh: tariff.pricePerKwh }];
  if (tariff.kind === 'tou') return tariff.bands.map((b, i) => ({ field: `bands[${i}].pricePerKwh`, pricePerKwh: b.pricePerKwh }));
  return [{ field: 'fallbackPricePerKwh', pricePerKwh: tariff.fallbackPricePerKwh }];
}

/**
 * Warnings for a valid tariff that looks like a unit slip: a price above 1 per kWh (likely per MWh, or in
 * cents). Kept, not refused: in some currencies a kWh does cost more than 1 unit.
 */
export function tariffWarnings(tariff: Tariff, currency: string): string[] {
  const high = setPrices(tariff).filter((p) => p.pricePerKwh > PRICE_WARN_ABOVE_PER_KWH);
  if (high.length === 0) return [];
  const first = high[0];
  const more = high.length > 1 ? ` (and ${high.length - 1} more)` : '';
  return [
    `${first.field} is ${first.pricePerKwh} ${currency}/kWh${more}: above ${PRICE_WARN_ABOVE_PER_KWH} per kWh, is it a price per MWh or in cents? Kept as given.`,
  ];
}

/** A real-time fallback time shorter than its stale time would skip the "last price, flagged" phase. */
export function realtimeTimingError(tariff: Tariff): string | null {
  if (tariff.kind !== 'realtime' || tariff.fallbackAfterS === undefined || tariff.fallbackAfterS >= tariff.staleAfterS) return null;
  return `fallbackAfterS must be >= staleAfterS (got ${tariff.fallbackAfterS} < ${tariff.staleAfterS})`;
}
