'use client';
/**
 * Rig settings ("/settings/rigs"): the registered rigs, live, with edit and remove; and the two ways to
 * add more, both carried out by the collector (the web app never talks to devices): probe one address, or
 * scan a range with progress and pick from what answered; and the rig list as CSV, exported or imported.
 */
import { useEffect, useMemo, useState } from 'react';
import type { FleetSnapshot } from '../../../lib/views/contracts';
import { useLiveFleet } from '../../../lib/realtime/use-live-fleet';
import { AddByAddressForm } from './AddByAddressForm';
import { RigCsvPanel } from './RigCsvPanel';
import { RigsSettingsTable } from './RigsSettingsTable';
import { ScanRangeForm } from './ScanRangeForm';
import type { SiteOption } from './SiteSelect';
import '../alerts/alerts.css';
import '../settings/settings.css';
import './settings-rigs.css';

/** Props of RigsSettingsView. */
export interface RigsSettingsViewProps {
  /** Server-rendered snapshot the live subscription starts from. */
  initial: FleetSnapshot;
  sites: SiteOption[];
}

/** The screen. */
export function RigsSettingsView({ initial, sites }: RigsSettingsViewProps) {
  // The list watches every rig the page listed, then every rig the stream's cells name: a rig added
  // (by a scan, a probe or an import) is watched, and so listed, as soon as its cell arrives.
  const [watchIds, setWatchIds] = useState<readonly number[]>(() => initial.rigs.map((r) => r.id));
  const { snapshot } = useLiveFleet(initial, watchIds);
  useEffect(() => {
    if (!snapshot.cells) return;
    const ids = snapshot.cells.map((c) => c.id);
    // eslint-disable-next-line react-hooks/set-state-in-effect -- follows the stream's rig list, which only the subscription knows
    setWatchIds((prev) => (prev.join(',') === ids.join(',') ? prev : ids));
  }, [snapshot.cells]);
  const [removed, setRemoved] = useState<ReadonlySet<number>>(new Set());
  // A removed rig disappears at once; the live update that follows restates the list without it.
  const rigs = useMemo(
    () =>
      snapshot.rigs.filter((r) => !removed.has(r.id)).sort((a, b) => a.siteName.localeCompare(b.siteName) || a.name.localeCompare(b.name)),
    [snapshot.rigs, removed],
  );

  return (
    <div className="rigs-settings">
      <section className="panel" aria-labelledby="rigs-list-title">
        <h2 className="panel-title" id="rigs-list-title">
          Rigs{' '}
          <span className="panel-count" data-testid="rigs-settings-count">
            {rigs.length}
          </span>
        </h2>
        <RigsSettingsTable
          rigs={rigs}
          sites={sites}
          onChanged={({ removedId }) => removedId !== undefined && setRemoved((s) => new Set([...s, removedId]))}
        />
      </section>

      {sites.length === 0 ? (
        <section className="panel">
          <p className="empty-note">
            No site yet: rigs belong to a site. Create one first (or run `hashwatt scan RANGE --add --site NAME`).
          </p>
        </section>
      ) : (
        <>
          <section className="panel" aria-labelledby="probe-title">
            <h2 className="panel-title" id="probe-title">
              Add by address
            </h2>
            <p className="settings-lede">The collector asks the device who it is; you see what answered before adding it.</p>
            <AddByAddressForm sites={sites} />
          </section>

          <section className="panel" aria-labelledby="scan-title">
            <h2 className="panel-title" id="scan-title">
              Scan a range
            </h2>
            <p className="settings-lede">Finds the miners and GPU rigs in a block of addresses. Devices already registered are marked.</p>
            <ScanRangeForm sites={sites} />
          </section>

          <section className="panel" aria-labelledby="csv-title">
            <h2 className="panel-title" id="csv-title">
              Import and export (CSV)
            </h2>
            <p className="settings-lede">
              Columns: name, address, port, driver, site, building, rack, position. A row matches a registered rig by address and port and
              updates it; an unknown address adds a rig; rigs the file leaves out stay as they are. You see a dry run first, and the import
              applies all rows or none. Up to 20,000 rigs (4 MiB) per file.
            </p>
            <RigCsvPanel />
          </section>
        </>
      )}
    </div>
  );
}
