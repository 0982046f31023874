/**
 * Props for a `.data-table-wrap`: a table that may scroll sideways on a narrow screen must be reachable
 * by keyboard (focusable) and named, so keyboard and screen-reader users can scroll it too (WCAG 2.1.1).
 */
export function scrollRegion(label: string) {
  return { tabIndex: 0, role: 'region', 'aria-label': label } as const;
}
