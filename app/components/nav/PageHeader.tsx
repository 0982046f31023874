/**
 * The header every live screen opens with: the brand and the page's name, the nav, and how fresh the
 * data is (link state and sweep age), so each screen shows staleness the same way.
 */
import { LinkIndicator, type LinkIndicatorProps } from '../overview/LinkIndicator';
import { SiteNav, type SitePath } from './SiteNav';

/** Props of PageHeader: the page's name and nav entry, and LinkIndicator's props. */
export interface PageHeaderProps extends LinkIndicatorProps {
  /** The page's name beside the brand (the page's h1). */
  title: string;
  current: SitePath;
}

/** "Hashwatt <title> · nav · ● Live · Updated 3 s ago". */
export function PageHeader({ title, current, ...freshness }: PageHeaderProps) {
  return (
    <header className="topbar">
      <div className="brand">
        <span className="brand-name">Hashwatt</span>
        <h1 className="brand-page">{title}</h1>
      </div>
      <SiteNav current={current} />
      <LinkIndicator {...freshness} />
    </header>
  );
}
