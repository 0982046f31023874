'use client';
/** The /rigs pager: which rows of how many, first/previous/next/last, and the rows per page. */
import { PAGE_SIZES, type RigPaging } from './rig-page';

/** Props of RigsPager. */
export interface RigsPagerProps {
  page: number;
  pageCount: number;
  size: number;
  /** Rigs that pass the filters. */
  matched: number;
  onChange: (paging: RigPaging) => void;
}

const fmt = (n: number) => n.toLocaleString('en-US');

/** Pager under the rig table; hidden when everything fits one page at the smallest size. */
export function RigsPager({ page, pageCount, size, matched, onChange }: RigsPagerProps) {
  if (matched <= PAGE_SIZES[0]) return null;
  const from = (page - 1) * size + 1;
  const to = Math.min(page * size, matched);
  const go = (p: number) => onChange({ page: p, size });
  return (
    <nav className="rigs-pager" aria-label="Pages of rigs" data-testid="rigs-pager">
      <p className="rigs-pager-range" data-testid="rigs-pager-range">
        {fmt(from)}–{fmt(to)} of {fmt(matched)} · page {fmt(page)} of {fmt(pageCount)}
      </p>
      <span className="rigs-pager-buttons">
        <button type="button" className="ctl-button" disabled={page <= 1} onClick={() => go(1)} aria-label="First page">
          «
        </button>
        <button type="button" className="ctl-button" disabled={page <= 1} onClick={() => go(page - 1)} data-testid="rigs-page-prev">
          Previous
        </button>
        <button type="button" className="ctl-button" disabled={page >= pageCount} onClick={() => go(page + 1)} data-testid="rigs-page-next">
          Next
        </button>
        <button type="button" className="ctl-button" disabled={page >= pageCount} onClick={() => go(pageCount)} aria-label="Last page">
          »
        </button>
      </span>
      <label className="rigs-filter rigs-pager-size">
        <span className="rigs-filter-label">Rows per page</span>
        <select
          className="ctl-select"
          value={size}
          onChange={(e) => onChange({ page: 1, size: Number(e.target.value) })}
          data-testid="rigs-page-size"
        >
          {PAGE_SIZES.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
      </label>
    </nav>
  );
}
