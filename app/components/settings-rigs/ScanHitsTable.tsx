'use client';
/** The devices a scan recognised, one checkbox each; rigs already registered are marked and cannot be chosen. */
import type { FoundDevice } from '../../../lib/rigs/device-request-types';
import { deviceLabel, deviceReadingLabel } from './found-device';
import { SettingsTable, type Column } from '../settings/SettingsTable';

/** Props of ScanHitsTable. */
export interface ScanHitsTableProps {
  hits: readonly FoundDevice[];
  /** "address:port" of the chosen devices. */
  selected: ReadonlySet<string>;
  /** "address:port" -> name of the devices added from this result. */
  addedNow: ReadonlyMap<string, string>;
  onToggle: (key: string, on: boolean) => void;
}

const COLUMNS: readonly Column[] = ['Device', 'Model', 'Driver', { label: 'Reading', num: true }, 'Rig'];

/** The hits table. */
export function ScanHitsTable({ hits, selected, addedNow, onToggle }: ScanHitsTableProps) {
  return (
    <SettingsTable className="scan-hits" testId="scan-hits" caption="Devices found" scrollLabel="Scan results table" columns={COLUMNS}>
      {hits.map((h) => {
        const key = `${h.address}:${h.port}`;
        const rigName = h.knownRig?.name ?? addedNow.get(key) ?? null;
        return (
          <tr key={key} data-testid="scan-hit" data-endpoint={key} data-known={rigName ? 'true' : 'false'}>
            <th scope="row" className="cell-name">
              <label className="scan-hit-pick">
                <input
                  type="checkbox"
                  checked={!rigName && selected.has(key)}
                  disabled={rigName !== null}
                  onChange={(e) => onToggle(key, e.target.checked)}
                  data-testid="scan-hit-check"
                  aria-label={`Add ${key}`}
                />
                <span>{key}</span>
              </label>
            </th>
            <td data-label="Model">{deviceLabel(h)}</td>
            <td data-label="Driver">{h.driver}</td>
            <td data-label="Reading" className={h.pollError ? 'cell-error' : 'cell-num'}>
              {deviceReadingLabel(h)}
            </td>
            <td data-label="Rig" data-testid="scan-hit-rig">
              {rigName ? (
                <span className="muted">{h.knownRig ? `already registered as ${rigName}` : `added as ${rigName}`}</span>
              ) : (
                <span className="muted">new</span>
              )}
            </td>
          </tr>
        );
      })}
    </SettingsTable>
  );
}
