/** The site form's tariff editor: a stored tariff round-trips, and typed mistakes get parseTariff's messages. */
import { describe, expect, it } from 'vitest';
import {
  describeTariff,
  errorNames,
  formFromTariff,
  starterBands,
  tariffFromForm,
  type TariffFormState,
} from '../../../app/components/settings/tariff-form';
import type { Tariff } from '../../../lib/economics/tariffs/schema';

const tou: Tariff = {
  kind: 'tou',
  bands: [
    { days: ['mon', 'tue', 'wed', 'thu', 'fri'], fromHour: 0, toHour: 24, pricePerKwh: 0.09 },
    { days: ['sat', 'sun'], fromHour: 0, toHour: 24, pricePerKwh: 0.05 },
  ],
};

function state(over: Partial<TariffFormState>): TariffFormState {
  return { ...formFromTariff(null), ...over };
}

describe('tariff form', () => {
  it('round-trips flat, time-of-use and real-time tariffs', () => {
    const realtime: Tariff = {
      kind: 'realtime',
      url: 'https://grid.example/price.json',
      format: 'json',
      priceField: 'price',
      unit: 'MWh',
      staleAfterS: 900,
      fallbackPricePerKwh: 0.08,
    };
    for (const t of [{ kind: 'flat', pricePerKwh: 0.065 } as Tariff, tou, realtime]) {
      const form = formFromTariff(t);
      expect(form.mode).toBe(t.kind === 'realtime' ? 'json' : t.kind);
      expect(tariffFromForm(form)).toEqual({ ok: true, value: t });
    }
  });

  it('no tariff yet reads as none', () => {
    expect(tariffFromForm(formFromTariff(null))).toEqual({ ok: true, value: null });
  });

  it('names an empty, a non-numeric and a negative flat price', () => {
    expect(tariffFromForm(state({ mode: 'flat', flatPrice: '' }))).toEqual({ ok: false, error: ['pricePerKwh is required'] });
    expect(tariffFromForm(state({ mode: 'flat', flatPrice: 'cheap' }))).toEqual({
      ok: false,
      error: ['pricePerKwh must be a number (got "cheap")'],
    });
    expect(tariffFromForm(state({ mode: 'flat', flatPrice: '-0.01' }))).toEqual({
      ok: false,
      error: ['pricePerKwh must be >= 0 (got -0.01)'],
    });
  });

  it('the starter bands cover the week once prices are typed, and a gap is named', () => {
    const bands = starterBands().map((b) => ({ ...b, price: '0.07' }));
    expect(tariffFromForm(state({ mode: 'tou', bands })).ok).toBe(true);
    const gap = tariffFromForm(state({ mode: 'tou', bands: bands.slice(0, 3) }));
    expect(gap).toEqual({ ok: false, error: ['hours 00:00-24:00 on Sat, Sun are not covered by any band'] });
  });

  it('names the band and field of a missing price', () => {
    const bands = starterBands().map((b, i) => ({ ...b, price: i === 1 ? '' : '0.07' }));
    const res = tariffFromForm(state({ mode: 'tou', bands }));
    expect(res).toEqual({ ok: false, error: ['bands[1].pricePerKwh is required'] });
    expect(errorNames(res.ok ? [] : res.error, 'bands[1].pricePerKwh')).toBe(true);
    expect(errorNames(res.ok ? [] : res.error, 'bands[1].price')).toBe(false);
  });

  it('reports JSON that does not parse, and JSON that is not a tariff', () => {
    const bad = tariffFromForm(state({ mode: 'json', json: '{ kind: flat' }));
    expect(bad.ok).toBe(false);
    expect(bad.ok ? '' : bad.error[0]).toMatch(/^the tariff JSON does not parse: /);
    expect(tariffFromForm(state({ mode: 'json', json: '{"kind":"spot"}' }))).toEqual({
      ok: false,
      error: ['kind must be one of flat, tou, realtime (got "spot")'],
    });
  });

  it('describes a tariff in one line', () => {
    expect(describeTariff(null, 'USD')).toBe('None set');
    expect(describeTariff({ kind: 'flat', pricePerKwh: 0.065 }, 'EUR')).toBe('Flat 0.065 EUR/kWh');
    expect(describeTariff(tou, 'USD')).toBe('Time of use, 2 bands (0.05-0.09 USD/kWh)');
  });
});
