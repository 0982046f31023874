/**
 * The network panel: the four variables that set what a terahash earns (BTC price, subsidy, fees,
 * difficulty), the hashprice they make, the next difficulty adjustment and the halving countdown, with the
 * age of the data. Values older than their limit, or whose last fetch failed, are marked: a price feed that
 * stopped must never look current.
 */
import type { ReactNode } from 'react';
import type { MarketView } from '../../../lib/views/contracts';
import { formatAge, MISSING } from '../../../lib/format/units';
import {
  formatBtc,
  formatChangePercent,
  formatCountdown,
  formatDate,
  formatDifficulty,
  formatHashpricePerTh,
  formatMoney,
  formatMoneyWhole,
} from '../../../lib/format/money';

const SATS_PER_BTC = 1e8;
const blocksFormat = new Intl.NumberFormat('en-US');

/** Props of NetworkPanel. */
export interface NetworkPanelProps {
  market: MarketView;
  /** The ticking clock; null until mounted, so dates and countdowns render only in the browser. */
  nowMs: number | null;
}

interface ItemProps {
  label: string;
  testId?: string;
  exact?: number | null;
  value: string;
  /** Drawn smaller after the value, so "$38.67" stays the figure the eye reads. */
  unit?: string;
  sub?: ReactNode;
}

function Item({ label, testId, exact, value, unit, sub }: ItemProps) {
  return (
    <div className="net-item">
      <dt className="net-label">{label}</dt>
      <dd
        className="net-value"
        data-testid={testId}
        data-value={exact !== null && exact !== undefined && Number.isFinite(exact) ? String(exact) : undefined}
      >
        {value}
        {unit && value !== MISSING && <span className="net-unit">{unit}</span>}
      </dd>
      {sub && <dd className="net-sub">{sub}</dd>}
    </div>
  );
}

function blocks(n: number): string {
  return `${blocksFormat.format(n)} ${n === 1 ? 'block' : 'blocks'}`;
}

/** "2 min ago (mempool.space)", with the failure when the last fetch did not succeed. */
function ageLine(what: string, fetchedAtMs: number | null, source: string, error: string | null, nowMs: number | null) {
  const age = fetchedAtMs === null ? 'never fetched' : nowMs === null ? '…' : formatAge(nowMs - fetchedAtMs);
  return (
    <span className="net-age-item">
      {what} {age}
      {source && <span className="net-source"> ({source})</span>}
      {error && (
        <span className="net-error" title={error}>
          {' '}
          · last fetch failed: {error}
        </span>
      )}
    </span>
  );
}

/** The panel; every value reads "—" until the first network fetch succeeds. */
export function NetworkPanel({ market, nowMs }: NetworkPanelProps) {
  const n = market.network;
  const cur = market.currency;
  const adj = n?.nextAdjustment ?? null;
  const failed = market.networkError !== null || market.priceError !== null;
  return (
    <section
      className={`panel net-panel${market.stale ? ' is-stale' : ''}`}
      aria-labelledby="net-title"
      data-testid="network-panel"
      data-stale={market.stale ? 'true' : 'false'}
    >
      <h2 className="panel-title" id="net-title">
        Network{' '}
        {market.stale && (
          <span className="badge badge--stale" data-testid="net-stale">
            Stale
          </span>
        )}
        {failed && <span className="badge badge--error">Fetch error</span>}
      </h2>
      {n === null && <p className="empty-note">Waiting for network data…</p>}
      <dl className="net-grid">
        <Item label={`BTC price (${cur})`} testId="net-price" exact={market.btcPrice} value={formatMoneyWhole(market.btcPrice, cur)} />
        <Item
          label="Subsidy"
          value={formatBtc(n ? n.subsidySats / SATS_PER_BTC : null)}
          sub={n ? `at block ${blocksFormat.format(n.tipHeight)}` : undefined}
        />
        <Item
          label="Fees / block"
          value={formatBtc(n ? n.feesPerBlockSats / SATS_PER_BTC : null)}
          sub={n ? 'mean of the last 144 blocks' : undefined}
        />
        <Item label="Difficulty" testId="net-difficulty" exact={n?.difficulty} value={formatDifficulty(n?.difficulty)} />
        <Item
          label="Hashprice"
          testId="net-hashprice"
          exact={market.hashpricePerThDay}
          // Quoted per PH/s per day, as miners do (formatHashprice's figure, split so the unit is drawn small).
          value={formatMoney(market.hashpricePerThDay === null ? null : market.hashpricePerThDay * 1000, cur)}
          unit="/PH/s/day"
          sub={market.hashpricePerThDay !== null ? formatHashpricePerTh(market.hashpricePerThDay, cur) : undefined}
        />
        <Item
          label="Next adjustment"
          value={formatChangePercent(adj?.estimatedChangePct)}
          sub={adj ? `in ${blocks(adj.blocksLeft)}${nowMs === null ? '' : ` · ~${formatDate(adj.estimatedDateMs)}`}` : undefined}
        />
        <Item
          label="Halving in"
          value={n && nowMs !== null ? formatCountdown(n.halving.estimatedDateMs - nowMs) : MISSING}
          sub={n ? `${blocks(n.halving.blocksLeft)}${nowMs === null ? '' : ` · ~${formatDate(n.halving.estimatedDateMs)}`}` : undefined}
        />
      </dl>
      <p className="net-age" data-testid="net-age">
        {ageLine('Network', market.networkFetchedAtMs, market.networkSource, market.networkError, nowMs)}
        {ageLine('Price', market.priceFetchedAtMs, market.priceSource, market.priceError, nowMs)}
      </p>
    </section>
  );
}
