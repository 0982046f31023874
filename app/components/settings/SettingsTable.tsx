/**
 * The frame every settings list draws its rows in: the `.data-table-wrap` (a named, keyboard-scrollable
 * region when `scrollLabel` is given), the table with its visually hidden caption, the column headings,
 * and the body the caller fills with rows.
 */
import type { ReactNode } from 'react';
import { scrollRegion } from '../table/scroll-region';

/** A column heading: its text, or a label with a key (when not text) and `num` for right-aligned figures. */
export type Column = string | { label: ReactNode; key?: string; num?: boolean };

/** Props of SettingsTable. */
export interface SettingsTableProps {
  /** Classes after `data-table settings-table` (e.g. "sites-table"). */
  className?: string;
  testId: string;
  /** The caption, for screen readers only. */
  caption: string;
  columns: readonly Column[];
  /** When given, the wrapper scrolls as a focusable region of this name. */
  scrollLabel?: string;
  /** A `<tfoot>` after the body. */
  foot?: ReactNode;
  /** The body's rows. */
  children: ReactNode;
}

const columnKey = (c: Column, i: number) => (typeof c === 'string' ? c : (c.key ?? (typeof c.label === 'string' ? c.label : String(i))));

/** The table, its caption and headings, around the caller's rows. */
export function SettingsTable({ className, testId, caption, columns, scrollLabel, foot, children }: SettingsTableProps) {
  return (
    <div className="data-table-wrap" {...(scrollLabel ? scrollRegion(scrollLabel) : {})}>
      <table className={className ? `data-table settings-table ${className}` : 'data-table settings-table'} data-testid={testId}>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {columns.map((c, i) =>
              typeof c === 'string' ? (
                <th key={c} scope="col">
                  {c}
                </th>
              ) : (
                <th key={columnKey(c, i)} scope="col" className={c.num ? 'cell-num' : undefined}>
                  {c.label}
                </th>
              ),
            )}
          </tr>
        </thead>
        <tbody>{children}</tbody>
        {foot}
      </table>
    </div>
  );
}
