'use client';
/**
 * Links between the screens, shown in every page header. The current page is marked with aria-current
 * (and styled from it), so the highlight and what a screen reader announces cannot disagree.
 */
import Link from 'next/link';
import { useSession } from './session-context';
import { UserMenu } from './UserMenu';

/** The pages the nav links to, in display order. */
const PAGES = [
  { href: '/', label: 'Overview' },
  { href: '/rigs', label: 'Rigs' },
  { href: '/economics', label: 'Economics' },
  { href: '/reports', label: 'Reports' },
  { href: '/alerts', label: 'Alerts' },
  { href: '/settings', label: 'Settings' },
] as const;

/** Pages reached from the user menu rather than the row of links. */
type MenuPath = '/account';

/** A path the nav knows; any settings screen marks "Settings" as current. */
export type SitePath = (typeof PAGES)[number]['href'] | `/settings/${string}` | MenuPath;

function isCurrent(href: string, current: SitePath): boolean {
  return href === current || (href === '/settings' && current.startsWith('/settings/'));
}

/** Props of SiteNav. */
export interface SiteNavProps {
  /** The page being shown; passed in rather than read from the router so it works in server and client trees. */
  current: SitePath;
}

/** "Overview · Rigs · Economics · Alerts · Settings" as a row of links. */
export function SiteNav({ current }: SiteNavProps) {
  const session = useSession();
  // Settings show configuration: only admins may open them (the server refuses the others anyway).
  const pages = PAGES.filter((p) => p.href !== '/settings' || session?.role === 'admin');
  return (
    <nav className="site-nav" aria-label="Pages">
      {pages.map((p) => (
        <Link
          key={p.href}
          href={p.href}
          className="site-nav-link"
          aria-current={isCurrent(p.href, current) ? 'page' : undefined}
          data-testid={`nav-${p.label.toLowerCase()}`}
        >
          {p.label}
        </Link>
      ))}
      <UserMenu />
    </nav>
  );
}
