import type { Metadata } from 'next';
import { connection } from 'next/server';
import { getAppConfig } from '../../lib/config';
import { getAppDb } from '../../lib/db/app-db';
import { getReportsPageData } from '../../lib/db/queries/reports-page';
import { REPORT_PERIODS, type ReportPeriod } from '../../lib/realized/periods';
import { SiteNav } from '../components/nav/SiteNav';
import { ReportsView } from '../components/reports/ReportsView';
import { viewer } from '../principal';
import '../components/reports/reports.css';

export const metadata: Metadata = { title: 'Reports · Hashwatt' };

/** Realized money of the viewer's sites per day, week or month (?period=), read at request time. */
export default async function ReportsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await connection(); // live data: never prerender at build time
  const asked = (await searchParams).period;
  const period: ReportPeriod =
    typeof asked === 'string' && (REPORT_PERIODS as readonly string[]).includes(asked) ? (asked as ReportPeriod) : 'day';
  const data = getReportsPageData(getAppDb(), (await viewer()).siteIds, period, Date.now(), getAppConfig().config.currency);
  return (
    <main className="page reports-page">
      <header className="topbar">
        <div className="brand">
          <span className="brand-name">Hashwatt</span>
          <h1 className="brand-page">Reports</h1>
        </div>
        <SiteNav current="/reports" />
      </header>
      <ReportsView data={data} />
    </main>
  );
}
