/**
 * Realized money so far: today's and this month's profit and power cost over the viewer's sites, in the
 * fleet currency and time zone (the accounts the collector keeps, not a rate times a duration). Drawn
 * from the server's read at page load, with a link to /reports for the days behind them.
 */
import Link from 'next/link';
import type { RealizedSoFar } from '../../../lib/db/queries/reports-page';
import { MISSING } from '../../../lib/format/units';
import { MoneyTile } from './ProfitKpis';
import { moneyText } from '../reports/report-cells';
import './realized.css';

type Figures = NonNullable<RealizedSoFar['today']>;
const kwhFormat = (kwh: number) => new Intl.NumberFormat('en-US', { maximumFractionDigits: kwh < 10 ? 2 : 0 }).format(kwh);

function tiles(label: string, id: string, f: Figures | null, currency: string) {
  const none = { value: MISSING, unit: '' };
  const gpu = f !== null && f.kwhRevenueUnknown > 0 ? ' · excl. GPU revenue' : '';
  return (
    <>
      <MoneyTile
        label={`Profit ${label}`}
        testId={`realized-profit-${id}`}
        exact={f?.profit ?? null}
        parts={f ? { value: moneyText(f.profit, currency), unit: '' } : none}
        loss={f !== null && f.profit < 0}
        sub={f ? `revenue ${moneyText(f.revenue, currency)}${gpu}` : <span className="kpi-hint">no realized figures yet</span>}
      />
      <MoneyTile
        label={`Power cost ${label}`}
        testId={`realized-cost-${id}`}
        exact={f?.cost ?? null}
        parts={f ? { value: moneyText(f.cost, currency), unit: '' } : none}
        sub={f ? `${kwhFormat(f.kwh)} kWh` : <span className="kpi-hint">—</span>}
      />
    </>
  );
}

/** Four tiles: profit and power cost today so far and this month so far. */
export function RealizedSoFarKpis({ soFar }: { soFar: RealizedSoFar }) {
  return (
    <section className="kpis kpis--money" aria-label="Realized so far" data-testid="realized-so-far">
      <p className="realized-note">
        Realized so far (accounts kept by the collector) · <Link href="/reports">Reports</Link>
      </p>
      <dl className="kpi-grid">
        {tiles('today so far', 'today', soFar.today, soFar.currency)}
        {tiles('this month so far', 'month', soFar.month, soFar.currency)}
      </dl>
    </section>
  );
}
