/**
 * After a sweep's economics: gather what the rule engine reads (rigs, this sweep's economics, pools,
 * source ages, the operator's settings), evaluate (pure), and store states, alerts and deliveries in one
 * transaction. The delivery worker (notify-loop) sends what this queued.
 */
import { evaluateAlerts, type AlertInput } from '../lib/alerts';
import { sharesAcceptedAtMs, trackShares, type SharesSeen } from '../lib/alerts/shares';
import type { AlertEvent } from '../lib/alerts/types';
import type { Db } from '../lib/db/client';
import { writeAlertEvaluation } from '../lib/db/mutations/write-alerts';
import { listChannelRows } from '../lib/db/queries/alert-channels';
import { loadAlertSettings } from '../lib/db/queries/alert-settings';
import { loadAlertStates } from '../lib/db/queries/alerts';
import { economicsOfSweep } from '../lib/db/queries/economics';
import { poolReconciliation } from '../lib/db/queries/pool-reconciliation';
import { listRigViews } from '../lib/db/queries/rigs';
import type { RigView } from '../lib/views/contracts';
import { listSites } from '../lib/db/queries/sites';
import { getSourced } from '../lib/db/queries/source-state';

/** What the step keeps in memory between sweeps. */
export interface AlertStepMemory {
  shares: Map<number, SharesSeen>;
}

export function newAlertStepMemory(): AlertStepMemory {
  return { shares: new Map() };
}

/** Evaluates the rules for sweep `sweepId` and stores the outcome; returns the transitions. */
export function runAlertStep(
  db: Db,
  sweepId: number,
  nowMs: number,
  memory: AlertStepMemory,
  rigs: readonly RigView[] = listRigViews(db),
): AlertEvent[] {
  memory.shares = trackShares(memory.shares, rigs, nowMs);
  const economics = economicsOfSweep(db, sweepId);
  const pools = poolReconciliation(db, rigs, nowMs);
  const input: AlertInput = {
    nowMs,
    rigs: rigs.map((r) => ({
      id: r.id,
      name: r.name,
      siteId: r.siteId,
      connectivity: r.connectivity,
      reading: r.reading,
      sharesAcceptedAtMs: sharesAcceptedAtMs(memory.shares, r.id),
    })),
    rigEconomics: economics.rigs,
    siteEconomics: economics.sites,
    pools,
    market: { networkFetchedAtMs: getSourced(db, 'network').fetchedAtMs, priceFetchedAtMs: getSourced(db, 'price').fetchedAtMs },
  };
  const { states, events } = evaluateAlerts(loadAlertStates(db), input, loadAlertSettings(db, nowMs));
  const names = {
    rigs: new Map(rigs.map((r) => [r.id, r.name])),
    sites: new Map(listSites(db).map((s) => [s.id, s.name])),
    pools: new Map(pools.map((p) => [p.poolId, p.name])),
  };
  const channelIds = listChannelRows(db)
    .filter((c) => c.enabled)
    .map((c) => c.id);
  writeAlertEvaluation(db, states, events, names, channelIds, nowMs);
  return events;
}
