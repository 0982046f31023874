'use client';
/**
 * The rigs screen ("/rigs"): every rig in one live table, sortable by any column and filtered by site,
 * state, kind, losing money and free text. Filters and sort live in the URL query so a view can be shared
 * and survives a reload; the table itself is the overview's RigTable with sortable headers.
 */
import { usePathname, useSearchParams } from 'next/navigation';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { FleetSnapshot } from '../../../lib/views/contracts';
import { useLiveFleet } from '../../../lib/realtime/use-live-fleet';
import { AlertBanner } from '../alerts/AlertBanner';
import { fxRate } from '../economics/fx';
import { PageHeader } from '../nav/PageHeader';
import { RigTable } from '../overview/RigTable';
import { DEFAULT_POLL_INTERVAL_MS, sweepNotCurrent } from '../overview/sweep-staleness';
import { useNowMs } from '../overview/use-now-ms';
import {
  applyRigFilters,
  DEFAULT_FILTERS,
  isFiltered,
  MAX_QUERY_CHARS,
  nextSort,
  parseRigQuery,
  rigQueryString,
  siteOptions,
  withKnownSite,
  type KindFilter,
  type RigFilterContext,
  type RigFilters,
  type RigSortKey,
  type StateFilter,
} from './rig-filters';
import './rigs.css';

/** Props of RigsView. */
export interface RigsViewProps {
  /** Server-rendered snapshot the live subscription starts from. */
  initial: FleetSnapshot;
  /** The collector's poll interval, if the page knows it; 30 s otherwise. */
  pollIntervalMs?: number;
}

/** One choice of a filter select. */
interface Choice<T extends string> {
  value: T;
  label: string;
}

const STATE_OPTIONS: readonly Choice<StateFilter>[] = [
  { value: 'all', label: 'All states' },
  { value: 'online', label: 'Online' },
  { value: 'stale', label: 'Stale' },
  { value: 'offline', label: 'Offline' },
];

const KIND_OPTIONS: readonly Choice<KindFilter>[] = [
  { value: 'all', label: 'All kinds' },
  { value: 'asic', label: 'ASIC (SHA-256)' },
  { value: 'gpu', label: 'GPU' },
];

/** For the phone's sort picker (column headers are hidden when rows become cards). */
const SORT_OPTIONS: readonly Choice<RigSortKey>[] = [
  { value: 'state', label: 'Problems first' },
  { value: 'name', label: 'Name' },
  { value: 'site', label: 'Site' },
  { value: 'model', label: 'Model' },
  { value: 'driver', label: 'Driver' },
  { value: 'hashrate', label: 'Hash rate' },
  { value: 'power', label: 'Power' },
  { value: 'efficiency', label: 'J/TH' },
  { value: 'temp', label: 'Max temp' },
  { value: 'profit', label: 'Profit/kWh' },
  { value: 'breakeven', label: 'Breakeven' },
  { value: 'seen', label: 'Last seen' },
  { value: 'error', label: 'Last error' },
];

function Options<T extends string>({ options }: { options: readonly Choice<T>[] }) {
  return options.map((o) => (
    <option key={o.value} value={o.value}>
      {o.label}
    </option>
  ));
}

/** A labelled select in the filter bar; `onChange` gets one of the options' values. */
function FilterSelect<T extends string>(props: {
  label: string;
  value: T;
  options: readonly Choice<T>[];
  onChange: (value: T) => void;
  testId: string;
}) {
  return (
    <label className="rigs-filter">
      <span className="rigs-filter-label">{props.label}</span>
      <select className="ctl-select" value={props.value} onChange={(e) => props.onChange(e.target.value as T)} data-testid={props.testId}>
        <Options options={props.options} />
      </select>
    </label>
  );
}

/**
 * Filters from the URL, and a setter that writes them back. history.replaceState rather than
 * router.replace: Next's router would fetch this dynamic page again from the server (a whole fleet
 * snapshot) on every keystroke in the search box, while replaceState only updates useSearchParams.
 * Replace, not push: refining a filter should not fill the back button's history.
 */
function useUrlFilters(): [RigFilters, (next: RigFilters) => void] {
  const params = useSearchParams();
  const pathname = usePathname();
  const filters = useMemo(() => parseRigQuery(params), [params]);
  const setFilters = useCallback(
    (next: RigFilters) => {
      const query = rigQueryString(next);
      // null state: Next reads a state of its own shape as its own navigation and would not sync the params.
      window.history.replaceState(null, '', query ? `${pathname}?${query}` : pathname);
    },
    [pathname],
  );
  return [filters, setFilters];
}

/** Live, filterable, sortable table of every rig. */
export function RigsView({ initial, pollIntervalMs = DEFAULT_POLL_INTERVAL_MS }: RigsViewProps) {
  const { snapshot, link } = useLiveFleet(
    initial,
    initial.rigs.map((r) => r.id),
  ); // every rig the page listed (transitional: up to MAX_WATCHED_RIGS stream)
  const nowMs = useNowMs();
  const notCurrent = sweepNotCurrent(snapshot.fleet.updatedAtMs, nowMs, pollIntervalMs);
  const { rigs, economics, market } = snapshot;

  const [urlFilters, setUrlFilters] = useUrlFilters();
  // The search box answers each keystroke from local state; the URL follows. The URL's own value wins
  // only when it changes from elsewhere (a link, the nav), not when it is catching up with typing.
  const [draftQ, setDraftQ] = useState(urlFilters.q);
  const writtenQ = useRef(urlFilters.q);
  useEffect(() => {
    if (urlFilters.q !== writtenQ.current) {
      writtenQ.current = urlFilters.q;
      setDraftQ(urlFilters.q);
    }
  }, [urlFilters.q]);

  const sites = useMemo(() => siteOptions(rigs), [rigs]);
  const filters = withKnownSite({ ...urlFilters, q: draftQ }, sites);
  const update = (change: Partial<RigFilters>) => {
    const next = { ...filters, ...change };
    writtenQ.current = next.q.trim().slice(0, MAX_QUERY_CHARS);
    setUrlFilters(next);
  };

  // Profit and breakeven are in each site's currency; sorting compares them in the fleet's.
  const ctx = useMemo<RigFilterContext>(
    () => ({
      economics: economics.rigs,
      toCommonCurrency: (amount, currency) => {
        const rate = fxRate(market.prices, currency, market.currency);
        return rate === null ? null : amount * rate;
      },
    }),
    [economics.rigs, market.prices, market.currency],
  );
  const shown = useMemo(() => applyRigFilters(rigs, filters, ctx), [rigs, filters, ctx]);
  const filtered = isFiltered(filters);

  return (
    <main className="page rigs">
      <PageHeader title="Rigs" current="/rigs" link={link} updatedAtMs={snapshot.fleet.updatedAtMs} nowMs={nowMs} sweepStale={notCurrent} />

      <AlertBanner alerts={snapshot.alerts} nowMs={nowMs} />

      <section className="panel" aria-labelledby="rigs-title">
        <div className="panel-head">
          <h2 className="panel-title" id="rigs-title">
            Rigs
          </h2>
          <p className="rigs-count" role="status" data-testid="rigs-count" data-shown={shown.length} data-total={rigs.length}>
            {shown.length} of {rigs.length} rigs
          </p>
        </div>

        <form className="rigs-filters" role="search" aria-label="Filter rigs" onSubmit={(e) => e.preventDefault()}>
          <label className="rigs-filter rigs-filter--search">
            <span className="rigs-filter-label">Search</span>
            <input
              type="search"
              className="ctl-input"
              placeholder="Name, model, address, driver"
              value={draftQ}
              maxLength={MAX_QUERY_CHARS}
              onChange={(e) => {
                setDraftQ(e.target.value);
                update({ q: e.target.value });
              }}
              data-testid="rigs-search"
            />
          </label>
          <FilterSelect
            label="Site"
            value={filters.siteId === null ? '' : String(filters.siteId)}
            options={[{ value: '', label: 'All sites' }, ...sites.map((s) => ({ value: String(s.id), label: s.name }))]}
            onChange={(v) => update({ siteId: v === '' ? null : Number(v) })}
            testId="rigs-filter-site"
          />
          <FilterSelect
            label="State"
            value={filters.state}
            options={STATE_OPTIONS}
            onChange={(state) => update({ state })}
            testId="rigs-filter-state"
          />
          <FilterSelect
            label="Kind"
            value={filters.kind}
            options={KIND_OPTIONS}
            onChange={(kind) => update({ kind })}
            testId="rigs-filter-kind"
          />
          <label className="rigs-filter rigs-filter--check">
            <input
              type="checkbox"
              checked={filters.losingOnly}
              onChange={(e) => update({ losingOnly: e.target.checked })}
              data-testid="rigs-filter-losing"
            />
            <span>Losing money only</span>
          </label>
          <div className="rigs-filter rigs-filter--sort">
            <label className="rigs-filter-label" htmlFor="rigs-sort">
              Sort
            </label>
            <span className="rigs-sort-pick">
              <select
                id="rigs-sort"
                className="ctl-select"
                value={filters.sort}
                onChange={(e) => update(nextSort(filters, e.target.value as RigSortKey))}
                data-testid="rigs-sort-select"
              >
                <Options options={SORT_OPTIONS} />
              </select>
              <button
                type="button"
                className="ctl-button"
                onClick={() => update(nextSort(filters, filters.sort))}
                aria-label={filters.dir === 'asc' ? 'Ascending: reverse' : 'Descending: reverse'}
                data-testid="rigs-sort-dir"
              >
                {filters.dir === 'asc' ? '▲' : '▼'}
              </button>
            </span>
          </div>
          {filtered && (
            <button
              type="button"
              className="ctl-button rigs-clear"
              onClick={() => {
                setDraftQ('');
                update({ ...DEFAULT_FILTERS, sort: filters.sort, dir: filters.dir });
              }}
              data-testid="rigs-clear"
            >
              Clear filters
            </button>
          )}
        </form>

        {rigs.length > 0 && shown.length === 0 ? (
          <p className="empty-note" data-testid="rigs-empty">
            No rigs match these filters.
          </p>
        ) : (
          <RigTable
            rigs={shown}
            nowMs={nowMs}
            economics={economics.rigs}
            sort={{ sort: filters.sort, dir: filters.dir, onSort: (key) => update(nextSort(filters, key)) }}
            linkNames
            showDriver
          />
        )}
      </section>
    </main>
  );
}
