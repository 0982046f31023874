/**
 * Stores a sweep's economics and tells browsers, in one transaction: the site and fleet rows of the sweep,
 * each rig's latest row (upserted: no per-rig row per sweep is kept) and each rig's profit per kWh, the raw
 * tier of its history chart. Per-rig writes go through statements prepared once per database.
 */
import type { Statement } from 'better-sqlite3';
import type { SweepEconomics, Flagged } from '../../economics/fleet-economics';
import type { Db } from '../client';
import { logChange } from './change-log';
import { writeTransaction } from '../transactions';

const FIGURES = [
  'ts_ms',
  'currency',
  'hashrate_ths',
  'power_w',
  'kwh_per_day',
  'btc_per_day',
  'revenue_per_day',
  'cost_per_day',
  'profit_per_day',
  'revenue_per_kwh',
  'profit_per_kwh',
  'breakeven_price_per_kwh',
  'breakeven_btc_price',
  'hashprice_per_th_day',
  'price_per_kwh',
  'power_estimated_share',
  'stale_json',
] as const;

const marks = (n: number) => Array(n).fill('?').join(', ');

interface EconomicsStatements {
  scopeRow: Statement;
  rigRow: Statement;
  rigProfit: Statement;
}

const prepared = new WeakMap<Db, EconomicsStatements>();

function statementsOf(db: Db): EconomicsStatements {
  let st = prepared.get(db);
  if (!st) {
    st = {
      scopeRow: db.sqlite.prepare(
        `insert into economics (sweep_id, scope, scope_id, ${FIGURES.join(', ')}) values (${marks(3 + FIGURES.length)}) on conflict do nothing`,
      ),
      rigRow: db.sqlite.prepare(
        `insert into rig_economics (rig_id, sweep_id, ${FIGURES.join(', ')}) values (${marks(2 + FIGURES.length)})
         on conflict (rig_id) do update set sweep_id = excluded.sweep_id, ${FIGURES.map((c) => `${c} = excluded.${c}`).join(', ')}`,
      ),
      rigProfit: db.sqlite.prepare('insert into rig_profit (rig_id, ts_ms, profit_per_kwh) values (?, ?, ?) on conflict do nothing'),
    };
    prepared.set(db, st);
  }
  return st;
}

/** The figures' parameters, in FIGURES order. */
function figures(tsMs: number, f: Flagged): (number | string | null)[] {
  return [
    tsMs,
    f.currency,
    f.hashrateThs,
    f.powerW,
    f.kwhPerDay,
    f.btcPerDay,
    f.revenuePerDay,
    f.costPerDay,
    f.profitPerDay,
    f.revenuePerKwh,
    f.profitPerKwh,
    f.breakevenPricePerKwh,
    f.breakevenBtcPrice,
    f.hashpricePerThDay,
    f.pricePerKwh,
    f.powerEstimatedShare,
    JSON.stringify(f.stale),
  ];
}

/** Writes every scope of `result` for the sweep; returns the number of scopes written (rigs, sites, fleet). */
export function writeEconomics(db: Db, sweepId: number, tsMs: number, result: SweepEconomics): number {
  const count = result.rigs.size + result.sites.size + (result.fleet ? 1 : 0);
  if (count === 0) return 0;
  const st = statementsOf(db);
  writeTransaction(db, () => {
    for (const [id, f] of result.rigs) {
      st.rigRow.run(id, sweepId, ...figures(tsMs, f));
      st.rigProfit.run(id, tsMs, f.profitPerKwh);
    }
    for (const [id, f] of result.sites) st.scopeRow.run(sweepId, 'site', id, ...figures(tsMs, f));
    if (result.fleet) st.scopeRow.run(sweepId, 'fleet', 0, ...figures(tsMs, result.fleet));
    logChange(db, { tsMs, kind: 'economics', payload: { sweepId } });
  });
  return count;
}
