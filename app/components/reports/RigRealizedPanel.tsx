/** A rig's realized money per day (last 31 days, its site's calendar and currency), with its CSV. */
import type { RealizedReport } from '../../../lib/db/queries/realized-report';
import { PeriodTable } from './PeriodTable';

/** The panel on the rig page. */
export function RigRealizedPanel({ rigId, report }: { rigId: number; report: RealizedReport }) {
  return (
    <section className="panel" aria-labelledby="rig-realized-title" data-testid="rig-realized">
      <h2 className="panel-title" id="rig-realized-title">
        Realized per day <span className="panel-count">{`${report.currency}, ${report.timeZone}`}</span>{' '}
        <a href={`/api/rigs/${rigId}/realized?from=${report.from}&to=${report.to}&format=csv`} download>
          CSV
        </a>
      </h2>
      <PeriodTable report={report} testId="rig-realized-table" />
    </section>
  );
}
