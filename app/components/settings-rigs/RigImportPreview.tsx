'use client';
/**
 * The dry run of a rig CSV import: how many rows are new, updated, unchanged and refused, then the rows
 * themselves, refused first (each with the line and field why), then new and updated (with what changes).
 * Unchanged rows are only counted. Each group shows its first MAX_SHOWN rows.
 */
import type { PlannedRow, RigImportPlan } from '../../../lib/rigs/rig-csv';

/** Rows listed per group; the rest are counted ("and 1,200 more"). */
const MAX_SHOWN = 100;

const LABEL: Record<PlannedRow['action'], string> = { new: 'New', updated: 'Updated', unchanged: 'Unchanged', refused: 'Refused' };

function rowName(r: PlannedRow): string {
  return r.action === 'refused' ? r.name || '—' : r.rig.name;
}

function rowEndpoint(r: PlannedRow): string {
  return r.action === 'refused' ? r.address || '—' : `${r.rig.address}:${r.rig.port}`;
}

function rowDetail(r: PlannedRow): string[] {
  if (r.action === 'refused') return r.reasons;
  if (r.action === 'updated') return r.changes;
  if (r.action === 'new') return [[r.rig.site, r.rig.driver, r.rig.building, r.rig.rack, r.rig.position].filter(Boolean).join(' · ')];
  return [];
}

/** One group's rows as a table. */
function Group({ action, rows }: { action: PlannedRow['action']; rows: PlannedRow[] }) {
  if (rows.length === 0) return null;
  const shown = rows.slice(0, MAX_SHOWN);
  const detailLabel = action === 'refused' ? 'Why' : action === 'updated' ? 'Changes' : 'Site · driver · location';
  return (
    <div className={`csv-group csv-group--${action}`} data-testid={`csv-group-${action}`}>
      <h3 className="csv-group-title">
        {LABEL[action]} ({rows.length.toLocaleString('en-US')})
      </h3>
      <div className="table-scroll">
        <table className="data-table csv-table">
          <thead>
            <tr>
              <th scope="col">Line</th>
              <th scope="col">Rig</th>
              <th scope="col">Address</th>
              <th scope="col">{detailLabel}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((r) => (
              <tr key={r.line} data-testid="csv-row" data-action={r.action} data-line={r.line}>
                <td className="cell-num" data-label="Line">
                  {r.line}
                </td>
                <th scope="row">{rowName(r)}</th>
                <td className="cell-endpoint" data-label="Address">
                  {rowEndpoint(r)}
                </td>
                <td data-label={detailLabel}>
                  {rowDetail(r).map((d) => (
                    <span key={d} className="csv-detail">
                      {d}
                    </span>
                  ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {rows.length > shown.length && <p className="empty-note">and {(rows.length - shown.length).toLocaleString('en-US')} more</p>}
    </div>
  );
}

/** The preview of `plan`. */
export function RigImportPreview({ plan }: { plan: RigImportPlan }) {
  const of = (action: PlannedRow['action']) => plan.rows.filter((r) => r.action === action);
  return (
    <div className="csv-preview" data-testid="csv-preview">
      <p className="csv-counts" role="status" data-testid="csv-counts">
        {(['new', 'updated', 'unchanged', 'refused'] as const).map((a) => (
          <span key={a} className={`csv-count csv-count--${a}`} data-testid={`csv-count-${a}`} data-count={plan.counts[a]}>
            {plan.counts[a].toLocaleString('en-US')} {LABEL[a].toLowerCase()}
          </span>
        ))}
      </p>
      <Group action="refused" rows={of('refused')} />
      <Group action="new" rows={of('new')} />
      <Group action="updated" rows={of('updated')} />
    </div>
  );
}
