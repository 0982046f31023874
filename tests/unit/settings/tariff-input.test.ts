/** A file: feed is the command line's to set: the API refuses a new one and keeps an unchanged one. */
import { describe, expect, it } from 'vitest';
import { parseTariff, type Tariff } from '../../../lib/economics';
import { apiTariffProblem } from '../../../lib/settings/tariff-input';

const realtime = (url: string): Tariff => {
  const parsed = parseTariff({ kind: 'realtime', url, priceField: 'price', fallbackPricePerKwh: 0.06 });
  if (!parsed.ok) throw new Error(parsed.error.join('; '));
  return parsed.value;
};
const REFUSED =
  'url: a file: feed can be set only on the command line (`npx hashwatt tariff set --site NAME --realtime-url file:///path ...`), not through the API: it names a file on the server; use an http or https feed here';

describe('apiTariffProblem', () => {
  it('refuses a file: feed that is not the one already stored', () => {
    expect(apiTariffProblem(realtime('file:///etc/passwd'), null)).toBe(REFUSED);
    expect(apiTariffProblem(realtime('FILE:///proc/self/environ'), realtime('file:///var/lib/grid/price.json'))).toBe(REFUSED);
    expect(apiTariffProblem(realtime('file:///etc/passwd'), realtime('https://grid.example/price.json'))).toBe(REFUSED);
  });

  it('keeps the stored file: feed when it comes back unchanged, and lets http(s) feeds and other kinds through', () => {
    expect(apiTariffProblem(realtime('file:///var/lib/grid/price.json'), realtime('file:///var/lib/grid/price.json'))).toBeNull();
    expect(apiTariffProblem(realtime('https://grid.example/price.json'), null)).toBeNull();
    expect(apiTariffProblem({ kind: 'flat', pricePerKwh: 0.05 }, realtime('file:///var/lib/grid/price.json'))).toBeNull();
  });
});
