/**
 * The tariff editor's form state and its round trip to a tariff: a flat price, time-of-use bands, or the
 * tariff as JSON for the kinds without a form (real-time feeds). Validation is parseTariff's, so the form
 * and the API refuse the same things with the same words. Pure.
 */
import { TARIFF_KIND_LIST, tariffKindNamesText, type TariffEditorForm, type TariffKindInfo } from '../../../lib/economics/tariffs/kinds';
import { parseTariff, WEEKDAYS, type Tariff, type Weekday } from '../../../lib/economics/tariffs/schema';
import { typedNumber as typed } from './typed-number';
import { err, ok, type Parsed } from '../../../lib/util/result';

/** Which editor is shown: no tariff yet, a flat price, time-of-use bands, or JSON. */
export type TariffMode = 'none' | TariffEditorForm;

/** The tariff kinds the JSON box is for (those without a form of their own). */
const JSON_KINDS: readonly TariffKindInfo[] = TARIFF_KIND_LIST.filter((k) => k.editor === 'json');

/**
 * The editor's "Kind" choices, from the tariff kinds' descriptors: none, each kind with its own form
 * under its label, then JSON for the rest ("Other (JSON, e.g. real-time feed)").
 */
export const TARIFF_MODES: readonly { mode: TariffMode; label: string }[] = [
  { mode: 'none', label: 'None' },
  ...TARIFF_KIND_LIST.filter((k) => k.editor !== 'json').map((k) => ({ mode: k.editor, label: k.label })),
  { mode: 'json', label: `Other (JSON, e.g. ${JSON_KINDS.map((k) => k.label.toLowerCase()).join(', ')})` },
];

/** The JSON box's hint: a tariff of the first kind edited as JSON. */
export const TARIFF_JSON_PLACEHOLDER: string = JSON_KINDS[0]?.jsonPlaceholder ?? '';

/** The line under the JSON box: which kinds it takes. */
export const TARIFF_JSON_HINT = `kind ${tariffKindNamesText()}; checked with the same rules as the forms.`;

/** One time-of-use band as typed. */
export interface BandRow {
  days: Weekday[];
  fromHour: string;
  toHour: string;
  price: string;
}

/** A band's text for the input of the tariff field `key` (the descriptors' band fields). */
export function bandValue(band: BandRow, key: string): string {
  if (key === 'pricePerKwh') return band.price;
  return key === 'fromHour' || key === 'toHour' ? band[key] : '';
}

/** The change to a band when the input of the tariff field `key` reads `text`. */
export function bandPatch(key: string, text: string): Partial<BandRow> {
  if (key === 'pricePerKwh') return { price: text };
  return key === 'fromHour' || key === 'toHour' ? { [key]: text } : {};
}

/** Everything the editor holds; switching mode keeps what was typed in the others. */
export interface TariffFormState {
  mode: TariffMode;
  flatPrice: string;
  bands: BandRow[];
  json: string;
}

const WEEKDAYS_ONLY: Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri'];
const WEEKEND: Weekday[] = ['sat', 'sun'];

/** A week's starting point for a new time-of-use tariff: weekday days, weekday nights, the weekend. */
export function starterBands(): BandRow[] {
  return [
    { days: [...WEEKDAYS_ONLY], fromHour: '0', toHour: '7', price: '' },
    { days: [...WEEKDAYS_ONLY], fromHour: '7', toHour: '22', price: '' },
    { days: [...WEEKDAYS_ONLY], fromHour: '22', toHour: '24', price: '' },
    { days: [...WEEKEND], fromHour: '0', toHour: '24', price: '' },
  ];
}

/** The editor's state for a stored tariff (or none). */
export function formFromTariff(tariff: Tariff | null): TariffFormState {
  const base: TariffFormState = { mode: 'none', flatPrice: '', bands: starterBands(), json: '' };
  if (tariff === null) return base;
  const json = JSON.stringify(tariff, null, 2);
  if (tariff.kind === 'flat') return { ...base, mode: 'flat', flatPrice: String(tariff.pricePerKwh), json };
  if (tariff.kind === 'tou') {
    const bands = tariff.bands.map((b) => ({
      days: [...b.days],
      fromHour: String(b.fromHour),
      toHour: String(b.toHour),
      price: String(b.pricePerKwh),
    }));
    return { ...base, mode: 'tou', bands, json };
  }
  return { ...base, mode: 'json', json };
}

/** The tariff the form describes, validated by parseTariff; null tariff for mode 'none'. */
export function tariffFromForm(state: TariffFormState): Parsed<Tariff | null> {
  if (state.mode === 'none') return ok(null);
  let input: unknown;
  if (state.mode === 'flat') input = { kind: 'flat', pricePerKwh: typed(state.flatPrice) };
  else if (state.mode === 'tou') {
    const bands = state.bands.map((b) => ({
      days: WEEKDAYS.filter((d) => b.days.includes(d)),
      fromHour: typed(b.fromHour),
      toHour: typed(b.toHour),
      pricePerKwh: typed(b.price),
    }));
    input = { kind: 'tou', bands };
  } else {
    try {
      input = JSON.parse(state.json);
    } catch (cause) {
      return err([`the tariff JSON does not parse: ${cause instanceof Error ? cause.message : String(cause)}`]);
    }
  }
  const parsed = parseTariff(input);
  return parsed.ok ? ok(parsed.value) : err(parsed.error);
}

/** True when an error message is about `path` (e.g. "pricePerKwh", "bands[1].toHour"). */
export function errorNames(errors: readonly string[], path: string): boolean {
  return errors.some((e) => e === path || e.startsWith(`${path} `));
}

/** "Flat 0.065 USD/kWh", "Time of use, 4 bands (0.04-0.12 USD/kWh)", "Real-time feed (fallback 0.08 USD/kWh)". */
export function describeTariff(tariff: Tariff | null, currency: string): string {
  if (tariff === null) return 'None set';
  if (tariff.kind === 'flat') return `Flat ${tariff.pricePerKwh} ${currency}/kWh`;
  if (tariff.kind === 'tou') {
    const prices = tariff.bands.map((b) => b.pricePerKwh);
    const [lo, hi] = [Math.min(...prices), Math.max(...prices)];
    const range = lo === hi ? `${lo}` : `${lo}-${hi}`;
    return `Time of use, ${tariff.bands.length} band${tariff.bands.length === 1 ? '' : 's'} (${range} ${currency}/kWh)`;
  }
  return `Real-time feed (fallback ${tariff.fallbackPricePerKwh} ${currency}/kWh)`;
}
