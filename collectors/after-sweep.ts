/**
 * The steps after a sweep commits: economics, realized money, then the alert rules, then housekeeping (rollups,
 * retention). The telemetry is already stored, so none of them may stop the collector: each fails alone
 * (a rig, a site, a step), is logged once per distinct error through a OnceLog, and is tried again on the
 * next sweep.
 */
import type { Db } from '../lib/db/client';
import type { MarketPolicy } from '../lib/domain/market-policy';
import { listRigViews } from '../lib/db/queries/rigs';
import type { RigView } from '../lib/views/contracts';
import type { OnceLog } from '../lib/util/once-log';
import { runAlertStep, type AlertStepMemory } from './alerts-step';
import { storeSweepEconomics, type EconomicsOutcome } from './economics-step';
import { accumulateRealized, type RealizedOutcome } from './realized-step';
import { err, ok, type Result } from '../lib/util/result';

/** What the post-commit steps need. */
export interface AfterSweepDeps {
  db: Db;
  market?: MarketPolicy;
  alerts?: AlertStepMemory;
  problems: OnceLog;
  /** The collector's poll interval: realized intervals are capped at REALIZED_CAP_POLLS of it. */
  pollIntervalMs?: number;
}

/** What they came to: the economics outcome and the alert transitions, or the error of a step that failed. */
export interface AfterSweepOutcome {
  economics: EconomicsOutcome | null;
  alerts: { events: number } | { error: string } | null;
  realized?: RealizedOutcome | { error: string } | null;
}

const messageOf = (err: unknown) => (err instanceof Error ? err.message : String(err));

/**
 * Runs `step`; a throw is logged under `key` (once per distinct error) and returned as `{ error }`. The
 * caller says when the key works again (problems.ok), since a step may succeed and still report trouble.
 */
export function isolated<T>(problems: OnceLog, key: string, step: () => T): Result<T, string> {
  try {
    return ok(step());
  } catch (cause) {
    const error = messageOf(cause);
    problems.fail(key, error);
    return err(error);
  }
}

/**
 * Economics, then alerts, for sweep `sweepId`; never throws. `sweepViews`: the rig views the sweep write
 * read (reused, not read again).
 */
export function afterSweep(
  deps: AfterSweepDeps,
  sweepId: number,
  sweepStartMs: number,
  now: () => number,
  sweepViews?: readonly RigView[],
): AfterSweepOutcome {
  const { db, problems } = deps;
  // The rigs are read once for both steps; when that fails, each step reads them itself (and fails alone).
  const viewsKey = 'collector: reading the rigs after a sweep';
  const views = sweepViews ? ok(sweepViews) : deps.market || deps.alerts ? isolated(problems, viewsKey, () => listRigViews(db)) : null;
  if (views?.ok) problems.ok(viewsKey);
  const rigs: readonly RigView[] | undefined = views?.ok ? views.value : undefined;

  let economics: EconomicsOutcome | null = null;
  if (deps.market) {
    const market = deps.market;
    const run = isolated(problems, 'collector: economics', () => storeSweepEconomics(db, sweepId, sweepStartMs, now(), market, rigs));
    economics = run.ok ? run.value : { error: run.error };
    if (run.ok && 'skipped' in run.value) problems.fail('collector: economics', `skipped: ${run.value.skipped}`);
    else if (run.ok) problems.ok('collector: economics');
    // Only a computed sweep says which rigs are fine again; a skipped or failed one says nothing about them.
    if (run.ok && 'skippedRigs' in run.value) {
      const leftOut = run.value.skippedRigs;
      problems.round(
        'collector: economics of rig',
        new Map(leftOut.map((r) => [`collector: economics of rig "${r.name}"`, `left out: ${r.reason}`])),
      );
    }
  }

  // Realized money: each rig's interval since its last counted reading, into the hour and day buckets.
  let realized: AfterSweepOutcome['realized'] = null;
  if (deps.market && deps.pollIntervalMs) {
    const { currency } = deps.market;
    const pollIntervalMs = deps.pollIntervalMs;
    const run = isolated(problems, 'collector: realized money', () => accumulateRealized(db, currency, pollIntervalMs));
    realized = run.ok ? run.value : { error: run.error };
    if (run.ok) problems.ok('collector: realized money');
  }

  let alerts: AfterSweepOutcome['alerts'] = null;
  if (deps.alerts) {
    const memory = deps.alerts;
    const run = isolated(problems, 'collector: alert rules', () => runAlertStep(db, sweepId, now(), memory, rigs));
    alerts = run.ok ? { events: run.value.length } : { error: run.error };
    if (run.ok) problems.ok('collector: alert rules');
  }
  return { economics, alerts, realized };
}
