/**
 * The tariff kinds' descriptors (kinds.ts), the parser (schema.ts), the pricing (price-in-force.ts) and
 * the site form's editor name the same kinds with the same fields.
 */
import { describe, expect, it } from 'vitest';
import { TARIFF_JSON_HINT, TARIFF_JSON_PLACEHOLDER, TARIFF_MODES } from '../../../app/components/settings/tariff-form';
import { TARIFF_KIND_LIST, tariffFieldLabel, tariffKindInfo } from '../../../lib/economics/tariffs/kinds';
import { priceInForce } from '../../../lib/economics/tariffs/price-in-force';
import { flatTariffSchema, parseTariff, TARIFF_KINDS, touBandSchema } from '../../../lib/economics/tariffs/schema';

const NOON_UTC_MS = Date.UTC(2026, 0, 7, 12);

describe('tariff kinds', () => {
  it('are the kinds the parser accepts, each example parsing as its own kind', () => {
    expect(TARIFF_KINDS).toEqual(TARIFF_KIND_LIST.map((k) => k.name));
    for (const kind of TARIFF_KIND_LIST) {
      const parsed = parseTariff(kind.example);
      expect(parsed.ok ? parsed.value.kind : parsed.error).toBe(kind.name);
    }
    expect(parseTariff({ kind: 'hourly' })).toEqual({ ok: false, error: ['kind must be one of flat, tou, realtime (got "hourly")'] });
  });

  it('are each priced, by their own rule', () => {
    const prices = TARIFF_KIND_LIST.map((kind) => {
      const parsed = parseTariff(kind.example);
      if (!parsed.ok) throw new Error(parsed.error.join('; '));
      return [kind.name, priceInForce(parsed.value, null, NOON_UTC_MS, 'Europe/Berlin')];
    });
    expect(prices).toEqual([
      ['flat', { pricePerKwh: 0.065, basis: 'flat', stale: false }],
      ['tou', { pricePerKwh: 0.05, basis: 'tou', stale: false }],
      ['realtime', { pricePerKwh: 0.08, basis: 'fallback', stale: true }],
    ]);
  });

  it('give the form fields the parser knows, under the labels the editor shows', () => {
    const flat = tariffKindInfo('flat')?.fields ?? [];
    const band = tariffKindInfo('tou')?.fields ?? [];
    for (const f of flat) expect(Object.keys(flatTariffSchema.shape)).toContain(f.key);
    for (const f of band) expect(Object.keys(touBandSchema.shape)).toContain(f.key);
    expect(flat.map((f) => tariffFieldLabel(f, 'EUR'))).toEqual(['Price per kWh (EUR)']);
    expect(band.map((f) => tariffFieldLabel(f, 'EUR'))).toEqual(['From h', 'To h', 'EUR/kWh']);
    expect(tariffKindInfo('toString')).toBeNull();
  });

  it('are each reachable from the editor, which offers the choices it always has', () => {
    expect(TARIFF_MODES).toEqual([
      { mode: 'none', label: 'None' },
      { mode: 'flat', label: 'Flat price' },
      { mode: 'tou', label: 'Time of use' },
      { mode: 'json', label: 'Other (JSON, e.g. real-time feed)' },
    ]);
    for (const kind of TARIFF_KIND_LIST) expect(TARIFF_MODES.map((m) => m.mode)).toContain(kind.editor);
    expect(TARIFF_JSON_HINT).toBe('kind flat, tou or realtime; checked with the same rules as the forms.');
    expect(TARIFF_JSON_PLACEHOLDER).toContain('"kind": "realtime"');
  });

  it('are all named where a tariff without a kind is refused', () => {
    const refused = parseTariff(null);
    expect(refused.ok).toBe(false);
    const message = refused.ok ? '' : refused.error[0];
    for (const kind of TARIFF_KIND_LIST) expect(message).toContain(kind.name);
  });
});
