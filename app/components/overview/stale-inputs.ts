/**
 * Human words for the stale-input flags the economics engine attaches to its figures
 * (EconomicsView.stale: "network", "price", "tariff", "no-tariff", "no-price-CAD"), so an operator reads
 * why a profit figure is not to be trusted instead of a code.
 */

const LABELS: Record<string, string> = {
  network: 'network data',
  price: 'BTC price',
  tariff: 'tariff feed stopped (last price)',
  'tariff-fallback': 'tariff feed stopped (fallback price)',
  'no-tariff': 'no tariff set',
};

/** "network data, BTC price"; unknown flags are shown as they are rather than dropped. */
export function describeStaleInputs(flags: readonly string[]): string {
  return flags.map((f) => LABELS[f] ?? (f.startsWith('no-price-') ? `no ${f.slice('no-price-'.length)} price` : f)).join(', ');
}
