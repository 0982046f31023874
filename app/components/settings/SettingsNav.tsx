'use client';
/**
 * The tabs between the settings screens, under the page header. The current tab comes from the URL
 * (the settings layout wraps every settings page, so it cannot be passed in) and is marked with
 * aria-current, which also styles it.
 */
import Link from 'next/link';
import { usePathname } from 'next/navigation';

/** The settings screens, in display order. */
export const SETTINGS_TABS = [
  { href: '/settings/sites', label: 'Sites' },
  { href: '/settings/rigs', label: 'Rigs' },
  { href: '/settings/pools', label: 'Pools' },
  { href: '/settings/network', label: 'Network' },
  { href: '/settings/alerts', label: 'Alerts' },
  { href: '/settings/users', label: 'Users & tokens' },
  { href: '/settings/storage', label: 'Storage' },
] as const;

/** The tab `pathname` belongs to (a sub-path such as /settings/rigs/3 belongs to Rigs), or null. */
export function currentSettingsTab(pathname: string | null): string | null {
  if (!pathname) return null;
  return SETTINGS_TABS.find((t) => pathname === t.href || pathname.startsWith(`${t.href}/`))?.href ?? null;
}

/** "Sites · Rigs · Pools · Network · Alerts · Users & tokens · Storage". */
export function SettingsNav() {
  const current = currentSettingsTab(usePathname());
  return (
    <nav className="site-nav settings-nav" aria-label="Settings">
      {SETTINGS_TABS.map((t) => (
        <Link
          key={t.href}
          href={t.href}
          className="site-nav-link"
          // Settings screens read the database per request: a prefetch buys nothing but a request.
          prefetch={false}
          aria-current={t.href === current ? 'page' : undefined}
          data-testid={`settings-tab-${t.href.slice('/settings/'.length)}`}
        >
          {t.label}
        </Link>
      ))}
    </nav>
  );
}
