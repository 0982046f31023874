'use client';
/**
 * Each external source's last outcome: what it is, where it reads from, when it last succeeded and was
 * last tried, and its last error. A value older than its refresh interval ages visibly; an error shows
 * while the last good value stays in use.
 */
import type { SourceStateView } from '../../../lib/db/queries/sources-settings';
import { When } from '../alerts/When';
import { SettingsTable, type Column } from './SettingsTable';

/** Props of SourceStatesTable. */
export interface SourceStatesTableProps {
  states: SourceStateView[];
  /** Display names by key ("network" -> "Network state"); keys without one show as stored. */
  labels: Record<string, string>;
  nowMs: number | null;
  testId: string;
}

const COLUMNS: readonly Column[] = ['Source', 'Last success', 'Last attempt', 'Last error'];

/** The sources table, or a note when none has been tried yet. */
export function SourceStatesTable({ states, labels, nowMs, testId }: SourceStatesTableProps) {
  if (states.length === 0)
    return <p className="empty-note">Not fetched yet: the collector fetches at start and then every refresh interval.</p>;
  return (
    <SettingsTable testId={testId} caption="Source state" columns={COLUMNS}>
      {states.map((s) => (
        <tr key={s.key} data-testid="source-state-row" data-key={s.key} data-ok={s.lastError === null ? 'true' : 'false'}>
          <th scope="row" className="cell-name">
            {labels[s.key] ?? s.key}
            <span className="cell-sub">{s.source}</span>
          </th>
          <td data-label="Last success">
            <When tsMs={s.fetchedAtMs} nowMs={nowMs} testId="source-fetched" />
          </td>
          <td data-label="Last attempt">
            <When tsMs={s.attemptedAtMs} nowMs={nowMs} />
          </td>
          <td data-label="Last error" className="cell-error">
            {s.lastError ? (
              <span className="warn-text" data-testid="source-error">
                {s.lastError}
              </span>
            ) : (
              <span className="muted">—</span>
            )}
          </td>
        </tr>
      ))}
    </SettingsTable>
  );
}
