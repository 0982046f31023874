/**
 * Per-site economics: each site's currency, tariff and price now, facility overhead and pool fee, then
 * what its rigs earn. Every money figure is in the site's own currency (a Quebec site reads CA$), because
 * that is what its power bill is in.
 */
import type { EconomicsView, SiteEconomicsView } from '../../../lib/views/contracts';
import { formatMoney, formatPricePerKwh, shownProfitPerKwh } from '../../../lib/format/money';
import { formatHashrateThs, formatPowerW, MISSING } from '../../../lib/format/units';
import { scrollRegion } from '../table/scroll-region';

/** Props of SiteEconomicsTable. */
export interface SiteEconomicsTableProps {
  sites: SiteEconomicsView[];
  /** Live economics by site id (site currency); a site without rigs online has none. */
  economics: Record<number, EconomicsView>;
}

const TARIFF_LABELS: Record<string, string> = {
  flat: 'Flat',
  tou: 'Time of use',
  realtime: 'Real-time',
  'real-time': 'Real-time',
};

/** The tariff's kind from its stored JSON, in words; null when none is set. */
function tariffKind(tariff: unknown): string | null {
  if (tariff === null || typeof tariff !== 'object') return null;
  const kind = (tariff as { kind?: unknown }).kind;
  return typeof kind === 'string' ? (TARIFF_LABELS[kind] ?? kind) : 'Custom';
}

function exact(n: number | null | undefined): string | undefined {
  return typeof n === 'number' && Number.isFinite(n) ? String(n) : undefined;
}

/** One row per site. */
export function SiteEconomicsTable({ sites, economics }: SiteEconomicsTableProps) {
  if (sites.length === 0) return <p className="empty-note">No sites yet.</p>;
  return (
    <div className="data-table-wrap" {...scrollRegion('Sites table')}>
      <table className="data-table economics-table" data-testid="site-economics">
        <caption className="visually-hidden">Economics by site, in each site&apos;s currency</caption>
        <thead>
          <tr>
            <th scope="col">Site</th>
            <th scope="col">Tariff</th>
            <th scope="col" className="cell-num">
              Price now
            </th>
            <th scope="col" className="cell-num">
              PUE
            </th>
            <th scope="col" className="cell-num">
              Pool fee
            </th>
            <th scope="col" className="cell-num">
              Hash rate
            </th>
            <th scope="col" className="cell-num">
              Power
            </th>
            <th scope="col" className="cell-num" title="Per day at today's tariff: the next 24 h at today's network figures">
              Profit/day <span className="cell-sub">at today&apos;s tariff</span>
            </th>
            <th scope="col" className="cell-num" title="Breakeven minus the price now">
              Profit/kWh now
            </th>
            <th scope="col" className="cell-num">
              Breakeven
            </th>
          </tr>
        </thead>
        <tbody>
          {sites.map((s) => {
            const e = economics[s.id];
            const kind = tariffKind(s.tariff);
            const price = e?.pricePerKwh ?? s.pricePerKwh;
            const losing = e !== undefined && e.profitPerKwh !== null && e.profitPerKwh < 0;
            return (
              <tr key={s.id} data-testid="site-row" data-site-name={s.name} data-losing={losing ? 'true' : 'false'}>
                <th scope="row" className="cell-name">
                  {s.name} <span className="cell-sub">{s.currency}</span>
                </th>
                <td data-label="Tariff" className={kind === null ? 'is-warn' : undefined}>
                  {kind ?? 'none set'}
                </td>
                <td className="cell-num" data-label="Price now" data-testid="site-price" data-value={exact(price)}>
                  {formatPricePerKwh(price, s.currency)}
                </td>
                <td className="cell-num" data-label="PUE">
                  {s.pue.toFixed(2)}
                </td>
                <td className="cell-num" data-label="Pool fee">
                  {`${s.poolFeePct}%`}
                </td>
                <td className="cell-num" data-label="Hash rate">
                  {formatHashrateThs(e?.hashrateThs)}
                </td>
                <td className="cell-num" data-label="Power">
                  {formatPowerW(e?.powerW)}
                </td>
                <td
                  className={`cell-num${e && e.profitPerDay < 0 ? ' is-loss' : ''}`}
                  data-label="Profit/day"
                  data-testid="site-profit-day"
                  data-value={exact(e?.profitPerDay)}
                >
                  {e ? formatMoney(e.profitPerDay, e.currency) : MISSING}
                  {e?.gpuRevenueUnset && <span className="cell-sub"> excl. GPU revenue</span>}
                </td>
                <td
                  className={`cell-num${losing ? ' is-loss' : ''}`}
                  data-label="Profit/kWh"
                  data-testid="site-profit-kwh"
                  data-value={exact(e?.profitPerKwh)}
                >
                  {e ? formatPricePerKwh(shownProfitPerKwh(e), e.currency) : MISSING}
                </td>
                <td className="cell-num" data-label="Breakeven" data-testid="site-breakeven" data-value={exact(e?.breakevenPricePerKwh)}>
                  {e ? formatPricePerKwh(e.breakevenPricePerKwh, e.currency) : MISSING}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
