/**
 * The /reports screen: realized money per day, ISO week or month for the fleet and each of the viewer's
 * sites, the sites side by side (adding up to the fleet), CSV downloads, and what each figure means.
 * Rendered on the server at request time: realized figures change once per sweep, a reload shows the latest.
 */
import Link from 'next/link';
import type { ReportsPageData } from '../../../lib/db/queries/reports-page';
import type { RealizedReport } from '../../../lib/db/queries/realized-report';
import { REPORT_PERIODS } from '../../../lib/realized/periods';
import { scrollRegion } from '../table/scroll-region';
import { FigureCells, FigureHeadings } from './report-cells';
import { PeriodTable } from './PeriodTable';

const PERIOD_LABELS = { day: 'Days', week: 'Weeks', month: 'Months' } as const;

function csvHref(site: string, r: RealizedReport): string {
  return `/api/reports?site=${site}&period=${r.period}&from=${r.from}&to=${r.to}&format=csv`;
}

/** The page body for the data read by app/reports/page.tsx. */
export function ReportsView({ data }: { data: ReportsPageData }) {
  const { fleet } = data;
  return (
    <>
      <nav className="panel report-periods" aria-label="Report period">
        {REPORT_PERIODS.map((p) => (
          <Link key={p} href={`/reports?period=${p}`} aria-current={p === data.period ? 'page' : undefined} className="report-period">
            {PERIOD_LABELS[p]}
          </Link>
        ))}
        {fleet && <span className="kpi-hint">{`${fleet.from} to ${fleet.to}${fleet.notice ? ` · ${fleet.notice}` : ''}`}</span>}
      </nav>

      {fleet && (
        <section className="panel" aria-labelledby="by-site-title">
          <h2 className="panel-title" id="by-site-title">
            Sites, {fleet.from} to {fleet.to}{' '}
            <span className="panel-count">
              {data.fleetCurrency}, fleet time zone {data.fleetTimeZone}
            </span>
          </h2>
          <div className="data-table-wrap" {...scrollRegion('Sites side by side')}>
            <table className="data-table" data-testid="report-by-site">
              <caption className="visually-hidden">Each site over the range in the fleet currency; the fleet row is their sum</caption>
              <thead>
                <tr>
                  <th scope="col">Site</th>
                  <FigureHeadings />
                </tr>
              </thead>
              <tbody>
                {data.bySite.map((s) => (
                  <tr key={s.id} data-site={s.id}>
                    <th scope="row">{s.name}</th>
                    <FigureCells f={s.figures} currency={data.fleetCurrency} />
                  </tr>
                ))}
                {data.total && (
                  <tr className="report-total" data-testid="report-fleet-row">
                    <th scope="row">Fleet (sum of the sites)</th>
                    <FigureCells f={data.total} currency={data.fleetCurrency} />
                  </tr>
                )}
              </tbody>
            </table>
          </div>
        </section>
      )}

      {fleet && (
        <section className="panel" aria-labelledby="fleet-title">
          <h2 className="panel-title" id="fleet-title">
            Fleet by {fleet.period} <span className="panel-count">{fleet.currency}</span>{' '}
            <a href={csvHref('fleet', fleet)} download>
              CSV
            </a>
          </h2>
          <PeriodTable report={fleet} testId="report-fleet" />
        </section>
      )}

      {data.sites.map((r) => (
        <section key={r.sites[0].id} className="panel" aria-labelledby={`site-${r.sites[0].id}-title`}>
          <h2 className="panel-title" id={`site-${r.sites[0].id}-title`}>
            {r.name} by {r.period} <span className="panel-count">{`${r.currency}, ${r.timeZone}`}</span>{' '}
            <a href={csvHref(String(r.sites[0].id), r)} download>
              CSV
            </a>
          </h2>
          <PeriodTable report={r} testId={`report-site-${r.sites[0].id}`} />
        </section>
      ))}

      <section className="panel" aria-labelledby="definitions-title">
        <h2 className="panel-title" id="definitions-title">
          What the figures mean
        </h2>
        <dl className="report-definitions" data-testid="report-definitions">
          <dt>Energy</dt>
          <dd>{data.definitions.kwh}</dd>
          <dt>Cost</dt>
          <dd>{data.definitions.cost}</dd>
          <dt>Revenue, BTC earned</dt>
          <dd>{data.definitions.revenue}</dd>
          <dt>Profit</dt>
          <dd>{data.definitions.profit}</dd>
          <dt>Avg price paid</dt>
          <dd>{data.definitions.avgPricePerKwh}</dd>
          <dt>Uptime</dt>
          <dd>{data.definitions.uptimePct}</dd>
          <dt>Hours losing</dt>
          <dd>{data.definitions.losingRigHours}</dd>
          <dt>Power source mix</dt>
          <dd>{data.definitions.mixPct}</dd>
          <dt>Days, weeks, months</dt>
          <dd>{data.definitions.calendar}</dd>
        </dl>
      </section>
    </>
  );
}
