/**
 * The tariff kinds, described apart from the code that parses and prices them: what the site form and
 * the docs need (name, label, one line on what it charges, which editor it gets and that editor's
 * fields, a valid example). The parser (schema.ts) is keyed by these names and pricing
 * (price-in-force.ts) switches over them; a unit test keeps all three in step. Pure data, no imports.
 */

/** Which editor the site form shows for a kind: its own fields, or the tariff as JSON. */
export type TariffEditorForm = 'flat' | 'tou' | 'json';

/** One input of a kind's form. In the label, `{currency}` stands for the site's currency. */
export interface TariffFormField {
  /** The tariff's field it sets (for time of use: a band's field), as parseTariff's messages name it. */
  key: string;
  label: string;
  placeholder?: string;
}

/** One tariff kind as the site form knows it. */
export interface TariffKindInfo {
  /** The tariff's `kind` value. */
  name: string;
  label: string;
  /** One line on what the kind charges. */
  description: string;
  editor: TariffEditorForm;
  /** The inputs of the kind's own editor: the tariff's (flat) or one band's (time of use); none for JSON. */
  fields: readonly TariffFormField[];
  /** For kinds edited as JSON: the text the empty JSON box shows as a hint. */
  jsonPlaceholder?: string;
  /** A valid tariff of this kind (documentation, and the test that the parser and pricing know it). */
  example: { readonly kind: string; readonly [field: string]: unknown };
}

/** Every tariff kind, in the order the site form offers them. */
export const TARIFF_KIND_LIST = [
  {
    name: 'flat',
    label: 'Flat price',
    description: 'One price per kWh at every hour.',
    editor: 'flat',
    fields: [{ key: 'pricePerKwh', label: 'Price per kWh ({currency})', placeholder: '0.065' }],
    example: { kind: 'flat', pricePerKwh: 0.065 },
  },
  {
    name: 'tou',
    label: 'Time of use',
    description: "Price bands by weekday and hour in the site's local time, covering every hour of the week exactly once.",
    editor: 'tou',
    fields: [
      { key: 'fromHour', label: 'From h' },
      { key: 'toHour', label: 'To h' },
      { key: 'pricePerKwh', label: '{currency}/kWh' },
    ],
    example: {
      kind: 'tou',
      bands: [{ days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'], fromHour: 0, toHour: 24, pricePerKwh: 0.05 }],
    },
  },
  {
    name: 'realtime',
    label: 'Real-time feed',
    description: 'The last price read from a market or utility feed (JSON or CSV), flagged once the feed stops, then a fallback price.',
    editor: 'json',
    fields: [],
    jsonPlaceholder: '{ "kind": "realtime", "url": "https://…", "priceField": "price", "unit": "MWh", "fallbackPricePerKwh": 0.08 }',
    example: { kind: 'realtime', url: 'https://grid.example/price.json', priceField: 'price', unit: 'MWh', fallbackPricePerKwh: 0.08 },
  },
] as const satisfies readonly TariffKindInfo[];

/** A tariff kind's name, one of TARIFF_KIND_LIST. */
export type TariffKindName = (typeof TARIFF_KIND_LIST)[number]['name'];

/** The kind's description, or null for a kind Hashwatt does not know. */
export function tariffKindInfo(name: string): TariffKindInfo | null {
  return TARIFF_KIND_LIST.find((k) => k.name === name) ?? null;
}

/** "flat, tou or realtime": the kinds as a message lists them. */
export function tariffKindNamesText(): string {
  const names = TARIFF_KIND_LIST.map((k) => k.name);
  return names.length < 2 ? names.join('') : `${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}`;
}

/** A form field's label for a site in `currency` ("Price per kWh (EUR)"). */
export function tariffFieldLabel(field: TariffFormField, currency: string): string {
  return field.label.replaceAll('{currency}', currency);
}
