/**
 * The cells of a realized-figures row, shared by every report table: energy, cost, BTC, revenue, profit,
 * average price paid, uptime, losing rig-hours and power source mix. Profit says when it excludes GPU revenue.
 */
import type { ReportRow } from '../../../lib/realized/report';
import { formatBtc, formatMoney, formatPricePerKwh } from '../../../lib/format/money';
import { MISSING } from '../../../lib/format/units';

type Figures = Omit<ReportRow, 'period' | 'start' | 'end'>;

const kwhFormat = (kwh: number) => new Intl.NumberFormat('en-US', { maximumFractionDigits: Math.abs(kwh) < 10 ? 3 : 1 }).format(kwh);

/** Money with cents, or to 1/10,000 of the unit below 10 (a day's first hours are fractions of a cent). */
export function moneyText(amount: number, currency: string): string {
  if (Math.abs(amount) >= 10) return formatMoney(amount, currency);
  try {
    return new Intl.NumberFormat('en-US', { style: 'currency', currency, minimumFractionDigits: 4, maximumFractionDigits: 4 }).format(
      amount,
    );
  } catch {
    return formatMoney(amount, currency);
  }
}
const pct = (n: number | null) => (n === null ? MISSING : `${n.toFixed(1)} %`);

/** The column headings, in the order FigureCells draws them. */
export function FigureHeadings() {
  return (
    <>
      <th scope="col" className="cell-num">
        Energy
      </th>
      <th scope="col" className="cell-num">
        Cost
      </th>
      <th scope="col" className="cell-num">
        BTC earned
      </th>
      <th scope="col" className="cell-num">
        Revenue
      </th>
      <th scope="col" className="cell-num">
        Profit
      </th>
      <th scope="col" className="cell-num">
        Avg price paid
      </th>
      <th scope="col" className="cell-num">
        Uptime
      </th>
      <th scope="col" className="cell-num">
        Hours losing
      </th>
      <th scope="col">Power source mix</th>
    </>
  );
}

/** The mix as "meter 40 % · firmware 60 %", leaving out sources with none. */
function mixText(m: Figures['mixPct']): string {
  if (!m) return MISSING;
  const parts = (['meter', 'firmware', 'override', 'estimate'] as const).filter((k) => m[k] > 0.05).map((k) => `${k} ${m[k].toFixed(0)} %`);
  return parts.length > 0 ? parts.join(' · ') : MISSING;
}

/** One row's figure cells in `currency`. */
export function FigureCells({ f, currency }: { f: Figures; currency: string }) {
  const gpu = f.kwhRevenueUnknown > 0;
  return (
    <>
      <td className="cell-num" data-label="Energy" data-col="kwh" data-value={f.kwh}>
        {kwhFormat(f.kwh)} kWh
      </td>
      <td className="cell-num" data-label="Cost" data-col="cost" data-value={f.cost}>
        {moneyText(f.cost, currency)}
      </td>
      <td className="cell-num" data-label="BTC earned">
        {formatBtc(f.btc)}
      </td>
      <td className="cell-num" data-label="Revenue">
        {moneyText(f.revenue, currency)}
      </td>
      <td
        className={`cell-num report-profit${f.profit < 0 ? ' count-offline' : ''}`}
        data-label="Profit"
        data-col="profit"
        data-value={f.profit}
      >
        {moneyText(f.profit, currency)}
        {gpu && (
          <span
            className="kpi-hint"
            title={`GPU revenue not set: ${kwhFormat(f.kwhRevenueUnknown)} kWh (${formatMoney(f.costRevenueUnknown, currency)}) of rigs with unknown revenue is counted as cost only`}
          >
            {' '}
            excl. GPU revenue
          </span>
        )}
      </td>
      <td className="cell-num" data-label="Avg price paid">
        {formatPricePerKwh(f.avgPricePerKwh, currency)}
      </td>
      <td className="cell-num" data-label="Uptime">
        {pct(f.uptimePct)}
      </td>
      <td className="cell-num" data-label="Hours losing">
        {f.losingRigHours.toFixed(1)} h
      </td>
      <td data-label="Power source mix">{mixText(f.mixPct)}</td>
    </>
  );
}
