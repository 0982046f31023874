/**
 * What the tariff API may set beyond what parseTariff checks: a real-time feed read from a `file:` URL
 * names a file on this server, which the collector reads and then shows parts of (a price, or why the
 * file is not a feed), so only the command line sets one (`hashwatt tariff set --realtime-url file:...`,
 * run by whoever runs the server). The API keeps a site's file feed unchanged when it sends the same
 * URL back (the settings screen does, when only the fallback price changes) and refuses any other. Pure.
 */
import type { Tariff } from '../economics';

/** Null when `tariff` may be set through the API for a site whose tariff is `stored`, else why not. */
export function apiTariffProblem(tariff: Tariff, stored: Tariff | null): string | null {
  if (tariff.kind !== 'realtime' || !tariff.url.trim().toLowerCase().startsWith('file:')) return null;
  if (stored?.kind === 'realtime' && stored.url === tariff.url) return null;
  return 'url: a file: feed can be set only on the command line (`npx hashwatt tariff set --site NAME --realtime-url file:///path ...`), not through the API: it names a file on the server; use an http or https feed here';
}
