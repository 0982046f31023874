'use client';
/**
 * Export and import of the rig list as CSV (name, address, port, driver, site, building, rack, position).
 * The export is a download. An import first shows its dry run (RigImportPreview); "Apply" writes it all or
 * nothing, and is offered only when no row is refused. Rows match registered rigs by address and port;
 * rigs the file does not list stay as they are.
 */
import { useRef, useState, type ChangeEvent } from 'react';
import type { RigImportPlan } from '../../../lib/rigs/rig-csv';
import { formatBytes } from '../../../lib/format/units';
import { ErrorList } from '../settings/ErrorList';
import { MAX_CSV_BYTES, sendRigCsv } from './rig-csv-client';
import { RigImportPreview } from './RigImportPreview';

type Phase =
  | { kind: 'idle' }
  | { kind: 'busy'; what: string }
  | { kind: 'preview'; fileName: string; text: string; plan: RigImportPlan }
  | { kind: 'done'; plan: RigImportPlan }
  | { kind: 'failed'; error: string; plan: RigImportPlan | null };

/** The export link and the import form with its preview. */
export function RigCsvPanel() {
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const input = useRef<HTMLInputElement>(null);

  const choose = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    if (!file) return;
    if (file.size > MAX_CSV_BYTES)
      return setPhase({
        kind: 'failed',
        error: `${file.name} is ${formatBytes(file.size)}: the most one import takes is ${formatBytes(MAX_CSV_BYTES)} (split the file)`,
        plan: null,
      });
    setPhase({ kind: 'busy', what: `Checking ${file.name}…` });
    const text = await file.text();
    const res = await sendRigCsv(text, false);
    setPhase(
      res.ok ? { kind: 'preview', fileName: file.name, text, plan: res.plan } : { kind: 'failed', error: res.error, plan: res.plan },
    );
  };

  const apply = async (text: string) => {
    setPhase({ kind: 'busy', what: 'Importing…' });
    const res = await sendRigCsv(text, true);
    setPhase(res.ok ? { kind: 'done', plan: res.plan } : { kind: 'failed', error: res.error, plan: res.plan });
  };

  const reset = () => {
    if (input.current) input.current.value = '';
    setPhase({ kind: 'idle' });
  };

  const refused = phase.kind === 'preview' ? phase.plan.counts.refused : 0;
  const writes = phase.kind === 'preview' ? phase.plan.counts.new + phase.plan.counts.updated : 0;
  return (
    <div className="rig-csv" data-testid="rig-csv">
      <p className="rig-csv-actions">
        <a className="ctl-button" href="/api/rigs/csv" download data-testid="rig-csv-export">
          Export CSV
        </a>
        <label className="ctl-button rig-csv-pick">
          Import CSV…
          <input
            ref={input}
            type="file"
            accept=".csv,text/csv"
            className="visually-hidden"
            onChange={(e) => void choose(e)}
            disabled={phase.kind === 'busy'}
            data-testid="rig-csv-file"
          />
        </label>
      </p>
      {phase.kind === 'busy' && (
        <p className="empty-note" role="status">
          {phase.what}
        </p>
      )}
      {phase.kind === 'failed' && (
        <>
          <ErrorList errors={[phase.error]} testId="rig-csv-error" />
          {phase.plan && <RigImportPreview plan={phase.plan} />}
        </>
      )}
      {phase.kind === 'done' && (
        <p className="rig-csv-done" role="status" data-testid="rig-csv-done">
          Imported: {phase.plan.counts.new} new, {phase.plan.counts.updated} updated, {phase.plan.counts.unchanged} unchanged.
        </p>
      )}
      {phase.kind === 'preview' && (
        <>
          <p className="settings-lede">
            Dry run of <strong>{phase.fileName}</strong>: nothing is written until you apply.
          </p>
          <RigImportPreview plan={phase.plan} />
          <p className="rig-csv-actions">
            <button
              type="button"
              className="ctl-button ctl-button--primary"
              disabled={refused > 0 || writes === 0}
              onClick={() => void apply(phase.text)}
              data-testid="rig-csv-apply"
            >
              {refused > 0
                ? 'Fix the refused rows to import'
                : writes === 0
                  ? 'Nothing to change'
                  : `Apply: ${phase.plan.counts.new} new, ${phase.plan.counts.updated} updated`}
            </button>
            <button type="button" className="ctl-button" onClick={reset} data-testid="rig-csv-cancel">
              Cancel
            </button>
          </p>
        </>
      )}
    </div>
  );
}
