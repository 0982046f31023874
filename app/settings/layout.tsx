/**
 * Every settings screen: the page header with the main nav, the settings tabs, then the screen's own
 * panels (each settings page renders its sections only).
 */
import type { ReactNode } from 'react';
import { SiteNav } from '../components/nav/SiteNav';
import { SettingsNav } from '../components/settings/SettingsNav';
import '../components/alerts/alerts.css';
import '../components/settings/settings.css';
import '../components/settings/settings-screens.css';

/** Header, tabs and the screen below them. */
export default function SettingsLayout({ children }: { children: ReactNode }) {
  return (
    <div className="page settings-page">
      <header className="topbar">
        <div className="brand">
          <span className="brand-name">Hashwatt</span>
          <h1 className="brand-page">Settings</h1>
        </div>
        <SiteNav current="/settings" />
      </header>
      <SettingsNav />
      <main className="settings-main">{children}</main>
    </div>
  );
}
