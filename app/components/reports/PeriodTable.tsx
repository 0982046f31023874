/** A realized report as a table: one row per day, ISO week or month, newest first, and the total. */
import type { RealizedReport } from '../../../lib/db/queries/realized-report';
import { scrollRegion } from '../table/scroll-region';
import { FigureCells, FigureHeadings } from './report-cells';
import './reports.css';

/** The report's rows (or its notice when it has none). */
export function PeriodTable({ report, testId }: { report: RealizedReport; testId: string }) {
  if (report.rows.length === 0) return <p className="empty-note">{report.notice ?? 'No realized figures in this range.'}</p>;
  return (
    <div className="data-table-wrap" {...scrollRegion(`${report.name} by ${report.period}`)}>
      <table className="data-table" data-testid={testId}>
        <caption className="visually-hidden">{`${report.name}: realized figures by ${report.period}, ${report.currency}`}</caption>
        <thead>
          <tr>
            <th scope="col">{report.period === 'day' ? 'Day' : report.period === 'week' ? 'ISO week' : 'Month'}</th>
            <FigureHeadings />
          </tr>
        </thead>
        <tbody>
          {[...report.rows].reverse().map((r) => (
            <tr key={r.period}>
              <th scope="row" title={`${r.start} to ${r.end}`}>
                {r.period}
              </th>
              <FigureCells f={r} currency={report.currency} />
            </tr>
          ))}
          {/* In the body, not a tfoot: on a phone the body's rows are the cards. */}
          <tr className="report-total">
            <th scope="row">Total</th>
            <FigureCells f={report.total} currency={report.currency} />
          </tr>
        </tbody>
      </table>
    </div>
  );
}
