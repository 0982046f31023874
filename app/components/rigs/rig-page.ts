/**
 * One page of the /rigs table, pure: the rigs that pass the filters, in the chosen order, cut to the page
 * the URL asks for. The server runs it (the page and GET /api/rigs/page) so a browser gets 50 rows of a
 * 10,000-rig fleet, not the fleet; the URL carries `page` and `size` beside the filters.
 */
import type { BtcPrices } from '../../../lib/domain/network';
import type { EconomicsView, RigView } from '../../../lib/views/contracts';
import { fxRate } from '../economics/fx';
import { applyRigFilters, siteOptions, withKnownSite, type QueryLike, type RigFilters, type SiteOption } from './rig-filters';

/** The page sizes offered; any other size in a URL reads as the default. */
export const PAGE_SIZES: readonly number[] = [25, 50, 100, 200];

/** Rows per page when the URL names none: a screen or two of a laptop. */
export const DEFAULT_PAGE_SIZE = 50;

/** Which page, 1-based, and how many rows on it. */
export interface RigPaging {
  page: number;
  size: number;
}

/** `?page=3&size=100`; a malformed or absent value reads as page 1 or the default size. */
export function parseRigPaging(query: QueryLike): RigPaging {
  const rawPage = query.get('page');
  const page = rawPage !== null && /^[1-9][0-9]{0,5}$/.test(rawPage) ? Number(rawPage) : 1;
  const size = Number(query.get('size'));
  return { page, size: PAGE_SIZES.includes(size) ? size : DEFAULT_PAGE_SIZE };
}

/** `params` with the paging added, defaults left out. */
export function withPagingParams(params: URLSearchParams, paging: RigPaging): URLSearchParams {
  if (paging.page !== 1) params.set('page', String(paging.page));
  if (paging.size !== DEFAULT_PAGE_SIZE) params.set('size', String(paging.size));
  return params;
}

/** What the table shows of one page, and what its header and pager say. */
export interface RigPageReply {
  /** This page's rigs, in order. */
  rows: RigView[];
  /** The economics of this page's rigs only, by rig id (site currency). */
  economics: Record<number, EconomicsView>;
  /** Rigs that pass the filters, on every page. */
  matched: number;
  /** Rigs the viewer may see, filtered or not. */
  total: number;
  /** The page shown (a page past the end is read as the last). */
  page: number;
  size: number;
  pageCount: number;
  /** The sites the viewer's rigs belong to (the site filter's choices). */
  sites: SiteOption[];
  /** The filters as applied (a site no rig belongs to reads as every site). */
  filters: RigFilters;
}

/** What the page is cut from: the viewer's rigs, their latest economics and the quotes money is compared at. */
export interface RigPageSource {
  rigs: readonly RigView[];
  economics: Readonly<Record<number, EconomicsView>>;
  /** Fleet currency and BTC quotes: profit in several site currencies sorts in one. */
  currency: string;
  prices: BtcPrices | null;
}

/** The page `paging` of `source.rigs` filtered and sorted by `filters`. */
export function rigPage(source: RigPageSource, filters: RigFilters, paging: RigPaging): RigPageReply {
  const sites = siteOptions(source.rigs);
  const applied = withKnownSite(filters, sites);
  const matching = applyRigFilters(source.rigs, applied, {
    economics: source.economics,
    toCommonCurrency: (amount, currency) => {
      const rate = fxRate(source.prices, currency, source.currency);
      return rate === null ? null : amount * rate;
    },
  });
  const pageCount = Math.max(1, Math.ceil(matching.length / paging.size));
  const page = Math.min(paging.page, pageCount);
  const rows = matching.slice((page - 1) * paging.size, page * paging.size);
  const economics: Record<number, EconomicsView> = {};
  for (const r of rows) if (source.economics[r.id]) economics[r.id] = source.economics[r.id];
  return {
    rows,
    economics,
    matched: matching.length,
    total: source.rigs.length,
    page,
    size: paging.size,
    pageCount,
    sites,
    filters: applied,
  };
}
