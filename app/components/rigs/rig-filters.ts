/**
 * The /rigs screen's filters and sort, pure: read from the URL query (so a view can be shared and survives
 * a reload), written back to it, and applied to the live rig list. Anything malformed in a query falls
 * back to its default rather than emptying the table.
 */
import type { Connectivity } from '../../../lib/domain/reading';
import { hashesSha256 } from '../../../lib/domain/reading';
import { makeAndModel } from '../../../lib/format/device-name';
import { rigLocationText } from '../../../lib/domain/rig-location';
import { compareRigNames, rigTextCollator } from '../../../lib/format/sort-rigs';
import type { EconomicsView, RigView } from '../../../lib/views/contracts';
import { isLosing } from '../overview/RigEconomicsCells';
import { rigRankWithLosses } from '../overview/sort-rigs-economics';

/** Which connectivity to show. */
export type StateFilter = 'all' | Connectivity;

/** What a rig hashes: Bitcoin SHA-256 ASICs or GPU rigs on another algorithm. */
export type RigKind = 'asic' | 'gpu';

/** Which kind of rig to show. */
export type KindFilter = 'all' | RigKind;

/** The columns a rig table can be sorted by. */
export type RigSortKey =
  'name' | 'site' | 'model' | 'driver' | 'state' | 'hashrate' | 'power' | 'efficiency' | 'temp' | 'profit' | 'breakeven' | 'seen' | 'error';

/** Sort direction. */
export type SortDir = 'asc' | 'desc';

/** A column and direction. */
export interface RigSort {
  sort: RigSortKey;
  dir: SortDir;
}

/** Everything the /rigs query can say. */
export interface RigFilters extends RigSort {
  /** Only this site's rigs; null for every site. */
  siteId: number | null;
  state: StateFilter;
  kind: KindFilter;
  /** Only rigs whose latest economics show a loss per kWh. */
  losingOnly: boolean;
  /** Free text matched against name, make and model, address, driver and location; '' for none. */
  q: string;
}

/**
 * The direction a column sorts in on its first click: problems and big numbers first. State ascending is
 * the overview's problems-first order; ages (last seen) descending puts the longest silent first; profit
 * ascending puts the biggest losses first and breakeven ascending the rigs that stop paying first.
 */
export const FIRST_DIR: Readonly<Record<RigSortKey, SortDir>> = {
  name: 'asc',
  site: 'asc',
  model: 'asc',
  driver: 'asc',
  state: 'asc',
  hashrate: 'desc',
  power: 'desc',
  efficiency: 'desc',
  temp: 'desc',
  profit: 'asc',
  breakeven: 'asc',
  seen: 'desc',
  error: 'asc',
};

const SORT_KEYS = Object.keys(FIRST_DIR) as RigSortKey[];
const STATES: readonly StateFilter[] = ['all', 'online', 'stale', 'offline'];
const KINDS: readonly KindFilter[] = ['all', 'asic', 'gpu'];

/** A search longer than this is cut: nobody types one, and it keeps shared URLs sane. */
export const MAX_QUERY_CHARS = 100;

/** No filter, problems first: what /rigs shows without a query. */
export const DEFAULT_FILTERS: Readonly<RigFilters> = {
  siteId: null,
  state: 'all',
  kind: 'all',
  losingOnly: false,
  q: '',
  sort: 'state',
  dir: FIRST_DIR.state,
};

/** What parseRigQuery reads: URLSearchParams, Next's ReadonlyURLSearchParams. */
export interface QueryLike {
  get(name: string): string | null;
}

function oneOf<T extends string>(value: string | null, allowed: readonly T[], fallback: T): T {
  return value !== null && (allowed as readonly string[]).includes(value) ? (value as T) : fallback;
}

/** Filters from `?site=2&state=offline&kind=asic&losing=1&q=s19&sort=profit&dir=asc`; bad values → defaults. */
export function parseRigQuery(query: QueryLike): RigFilters {
  const site = query.get('site');
  const siteId = site !== null && /^[1-9][0-9]{0,9}$/.test(site) ? Number(site) : null;
  const sort = oneOf(query.get('sort'), SORT_KEYS, DEFAULT_FILTERS.sort);
  const losing = query.get('losing');
  return {
    siteId,
    state: oneOf(query.get('state'), STATES, DEFAULT_FILTERS.state),
    kind: oneOf(query.get('kind'), KINDS, DEFAULT_FILTERS.kind),
    losingOnly: losing === '1' || losing === 'true',
    q: (query.get('q') ?? '').trim().slice(0, MAX_QUERY_CHARS),
    sort,
    dir: oneOf<SortDir>(query.get('dir'), ['asc', 'desc'], FIRST_DIR[sort]),
  };
}

/** The query string for `filters` without the "?", defaults left out; '' for the default view. */
export function rigQueryString(filters: RigFilters): string {
  const q = new URLSearchParams();
  if (filters.siteId !== null) q.set('site', String(filters.siteId));
  if (filters.state !== 'all') q.set('state', filters.state);
  if (filters.kind !== 'all') q.set('kind', filters.kind);
  if (filters.losingOnly) q.set('losing', '1');
  const text = filters.q.trim();
  if (text !== '') q.set('q', text);
  if (filters.sort !== DEFAULT_FILTERS.sort || filters.dir !== DEFAULT_FILTERS.dir) {
    q.set('sort', filters.sort);
    q.set('dir', filters.dir);
  }
  return q.toString();
}

/** True when any filter (not the sort) narrows the list. */
export function isFiltered(filters: RigFilters): boolean {
  return filters.siteId !== null || filters.state !== 'all' || filters.kind !== 'all' || filters.losingOnly || filters.q.trim() !== '';
}

/** The sort after a click on `key`: the same column flips, another starts at its first direction. */
export function nextSort(current: RigSort, key: RigSortKey): RigSort {
  if (current.sort === key) return { sort: key, dir: current.dir === 'asc' ? 'desc' : 'asc' };
  return { sort: key, dir: FIRST_DIR[key] };
}

/** A site a filter can pick. */
export interface SiteOption {
  id: number;
  name: string;
}

/** The sites the rigs belong to, by name. */
export function siteOptions(rigs: readonly RigView[]): SiteOption[] {
  const byId = new Map<number, string>();
  for (const r of rigs) byId.set(r.siteId, r.siteName);
  return [...byId].map(([id, name]) => ({ id, name })).sort((a, b) => rigTextCollator.compare(a.name, b.name) || a.id - b.id);
}

/** `filters` with a site no rig belongs to (a stale link, a typo) read as every site. */
export function withKnownSite(filters: RigFilters, sites: readonly SiteOption[]): RigFilters {
  if (filters.siteId === null || sites.some((s) => s.id === filters.siteId)) return filters;
  return { ...filters, siteId: null };
}

/** ASIC (SHA-256) or GPU from the latest reading; null for a rig never read (it shows under "all" only). */
export function rigKind(rig: RigView): RigKind | null {
  if (!rig.reading) return null;
  return hashesSha256(rig.reading) ? 'asic' : 'gpu';
}

/** Vendor and model as the table shows them, or null when unknown. */
function rigModelText(rig: RigView): string | null {
  const model = rig.model ?? rig.reading?.model ?? null;
  if (model === null) return null;
  return rig.reading ? makeAndModel(rig.reading.make, model) : model;
}

/** What the economics of a sort or filter need beside the rigs. */
export interface RigFilterContext {
  /** Latest economics by rig id, in each rig's site currency. */
  economics: Readonly<Record<number, EconomicsView>>;
  /**
   * Converts a site-currency amount into one currency so rigs of sites that bill in different currencies
   * compare fairly; null when no rate is known (the amount is then compared as is).
   */
  toCommonCurrency?: (amount: number, currency: string) => number | null;
}

function matchesText(rig: RigView, terms: readonly string[]): boolean {
  const haystack = [rig.name, rigModelText(rig) ?? '', rig.address, rig.driver, rigLocationText(rig.location) ?? '']
    .join('\n')
    .toLowerCase();
  return terms.every((t) => haystack.includes(t));
}

/** The rigs that pass every filter, in their input order. Search terms (split on spaces) must all match. */
export function filterRigs(rigs: readonly RigView[], filters: RigFilters, ctx: RigFilterContext): RigView[] {
  const terms = filters.q
    .toLowerCase()
    .split(/\s+/)
    .filter((t) => t !== '');
  return rigs.filter(
    (rig) =>
      (filters.siteId === null || rig.siteId === filters.siteId) &&
      (filters.state === 'all' || rig.connectivity === filters.state) &&
      (filters.kind === 'all' || rigKind(rig) === filters.kind) &&
      (!filters.losingOnly || isLosing(ctx.economics[rig.id])) &&
      (terms.length === 0 || matchesText(rig, terms)),
  );
}

type SortValue = number | string | null;

function money(amount: number | null | undefined, currency: string, ctx: RigFilterContext): number | null {
  if (typeof amount !== 'number' || !Number.isFinite(amount)) return null;
  return ctx.toCommonCurrency?.(amount, currency) ?? amount;
}

/** The value a column sorts by: what the cell shows (last known for a stale rig), null when it shows "—". */
function sortValue(rig: RigView, key: RigSortKey, ctx: RigFilterContext): SortValue {
  const r = rig.reading;
  const e = ctx.economics[rig.id];
  switch (key) {
    case 'name':
      return rig.name;
    case 'site':
      return rig.siteName;
    case 'model':
      return rigModelText(rig);
    case 'driver':
      return rig.driver;
    case 'state':
      return rigRankWithLosses(rig, isLosing(e));
    case 'hashrate':
      return r?.hashrateThs ?? null;
    case 'power':
      return r?.powerW ?? null;
    case 'efficiency':
      // J/TH only means something for SHA-256; the table shows "—" for GPU rigs.
      return r && hashesSha256(r) ? r.efficiencyJth : null;
    case 'temp':
      return r?.tempMaxC ?? null;
    case 'profit':
      return e ? money(e.profitPerKwh, e.currency, ctx) : null;
    case 'breakeven':
      return e ? money(e.breakevenPricePerKwh, e.currency, ctx) : null;
    case 'seen':
      // The column shows an age, so sort by age: ascending is the most recently seen first.
      return rig.lastSeenMs === null ? null : -rig.lastSeenMs;
    case 'error':
      return rig.lastError || null;
  }
}

function isMissing(v: SortValue): v is null {
  return v === null || (typeof v === 'number' && !Number.isFinite(v));
}

/**
 * A new array ordered by one column. Rigs without a value ("—") go last in either direction, so flipping
 * the order never buries the figures under blanks; ties go by name, then id.
 */
export function sortRigs(rigs: readonly RigView[], sort: RigSort, ctx: RigFilterContext): RigView[] {
  const sign = sort.dir === 'asc' ? 1 : -1;
  const keyed = rigs.map((rig) => ({ rig, value: sortValue(rig, sort.sort, ctx) }));
  keyed.sort((a, b) => {
    const aMissing = isMissing(a.value);
    const bMissing = isMissing(b.value);
    if (aMissing || bMissing) return aMissing === bMissing ? compareRigNames(a.rig, b.rig) : aMissing ? 1 : -1;
    const primary =
      typeof a.value === 'number' && typeof b.value === 'number'
        ? a.value - b.value
        : rigTextCollator.compare(String(a.value), String(b.value));
    return sign * primary || compareRigNames(a.rig, b.rig);
  });
  return keyed.map((k) => k.rig);
}

/** filterRigs, then sortRigs: the rows /rigs shows. */
export function applyRigFilters(rigs: readonly RigView[], filters: RigFilters, ctx: RigFilterContext): RigView[] {
  return sortRigs(filterRigs(rigs, filters, ctx), filters, ctx);
}
