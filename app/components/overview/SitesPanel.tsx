/**
 * The sites at a glance: per site its rigs by state (adding up to its rig count), hash rate and power of its
 * online rigs, and its money now (profit per day at today's tariff and profit per kWh now, in the site's
 * currency). From the snapshot's site summaries, so it costs the same at 10,000 rigs as at 10.
 */
import { RIG_STATES } from '../../../lib/domain/rig-cell';
import type { EconomicsView, SiteSummary } from '../../../lib/views/contracts';
import { formatMoney, formatPricePerKwh, shownProfitPerKwh } from '../../../lib/format/money';
import { formatHashrateThs, formatPowerW, MISSING } from '../../../lib/format/units';

/** Props of SitesPanel. */
export interface SitesPanelProps {
  sites: SiteSummary[];
  /** Economics by site id (site currency). */
  economics: Readonly<Record<number, EconomicsView>>;
}

function problems(site: SiteSummary): string {
  const parts = RIG_STATES.filter((s) => s !== 'mining' && site.counts[s] > 0).map((s) => `${site.counts[s].toLocaleString('en-US')} ${s}`);
  return parts.length === 0 ? 'all mining' : parts.join(' · ');
}

/** One card per site. */
export function SitesPanel({ sites, economics }: SitesPanelProps) {
  return (
    <section className="panel sites-panel" aria-labelledby="sites-title">
      <h2 className="panel-title" id="sites-title">
        Sites <span className="panel-count">{sites.length}</span>
      </h2>
      {sites.length === 0 ? (
        <p className="empty-note">No sites yet</p>
      ) : (
        <ul className="site-cards">
          {sites.map((site) => {
            const e = economics[site.id];
            const total = RIG_STATES.reduce((sum, s) => sum + site.counts[s], 0);
            return (
              <li key={site.id} className="site-card" data-testid="site-card" data-site-id={site.id} data-total={total}>
                <h3 className="site-card-name">{site.name}</h3>
                <p className="site-card-rigs">
                  <strong>{site.counts.mining.toLocaleString('en-US')}</strong> of {total.toLocaleString('en-US')} mining
                  <span className="site-card-problems"> · {problems(site)}</span>
                </p>
                <dl className="site-card-figures">
                  <div>
                    <dt>Hash rate</dt>
                    <dd>{formatHashrateThs(site.totals.hashrateThs)}</dd>
                  </div>
                  <div>
                    <dt>Power</dt>
                    <dd>{formatPowerW(site.totals.powerW)}</dd>
                  </div>
                  <div>
                    <dt>Profit / day</dt>
                    <dd className={e && e.profitPerDay < 0 ? 'is-loss' : undefined}>
                      {e ? formatMoney(e.profitPerDay, e.currency) : MISSING}
                    </dd>
                  </div>
                  <div>
                    <dt>Profit / kWh now</dt>
                    <dd className={e && e.profitPerKwh !== null && e.profitPerKwh < 0 ? 'is-loss' : undefined}>
                      {e ? formatPricePerKwh(shownProfitPerKwh(e), e.currency) : MISSING}
                    </dd>
                  </div>
                </dl>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
