/**
 * Issue 12, "a collector that never dies of its data": the steps after a sweep commits each fail alone,
 * against the demo simulator and a real SQLite file. A site whose stored tariff is not JSON, an alert step
 * and a rollup job whose tables are gone: the loop keeps sweeping, the other site's economics are stored,
 * and each failure is logged once, not every sweep. The notification worker and the sources loop get past
 * a channel config and a tariff that are not JSON the same way.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCollector, type SweepInfo } from '../../../collectors/collector';
import { newAlertStepMemory } from '../../../collectors/alerts-step';
import { getDriver } from '../../../collectors/drivers';
import { notifyTick } from '../../../collectors/notify-loop';
import { CLASSIC_MIX } from '../../../collectors/simulator/fleet-plan';
import { startSimulator, type RunningSimulator } from '../../../collectors/simulator/simulator';
import { loadSourcesConfig } from '../../../collectors/sources/config';
import { refreshSources } from '../../../collectors/sources/runner';
import { runSourcesLoop } from '../../../collectors/sources-loop';
import { getAlertRequest, recordAlertRequest } from '../../../lib/db/mutations/alert-requests';
import { latestEconomics } from '../../../lib/db/queries/economics';
import { getSourced } from '../../../lib/db/queries/source-state';
import { listRigViews } from '../../../lib/db/queries/rigs';
import { listSites } from '../../../lib/db/queries/sites';
import { setUpDemo } from '../../../bin/supervisor/demo-setup';
import { createOnceLog } from '../../../lib/util/once-log';
import { tempDb } from '../../support/temp';

let sim: RunningSimulator;
let t: ReturnType<typeof tempDb>;
const logged: string[] = [];
const sweeps: SweepInfo[] = [];
let loopError: unknown = null;
let brokenSite: { id: number; name: string };

beforeAll(async () => {
  sim = await startSimulator({ miners: 6, subnet: '127.0.174', port: 4028, seed: 5, httpPort: 0, mix: CLASSIC_MIX });
  t = tempDb();
  setUpDemo(t.db, sim.manifest, Date.now());
  await refreshSources({
    db: t.db,
    now: Date.now,
    config: { ...loadSourcesConfig({ HASHWATT_MEMPOOL_URL: sim.manifest.services!.mempoolBaseUrl }), timeoutMs: 5000 },
  });
  // Economics need both; a loaded machine must not turn a slow simulator reply into a skipped test.
  expect(getSourced(t.db, 'network').value, getSourced(t.db, 'network').lastError ?? '').not.toBeNull();
  expect(getSourced(t.db, 'price').value, getSourced(t.db, 'price').lastError ?? '').not.toBeNull();
  const sites = listSites(t.db);
  expect(sites.length).toBeGreaterThanOrEqual(2);
  brokenSite = sites[0];
  // What a half-written row or a hand edit leaves behind.
  t.db.sqlite.prepare('update sites set tariff_json = ? where id = ?').run('{"kind":', brokenSite.id);
  t.db.sqlite.exec('drop table alert_states; drop table rollups');

  const stop = new AbortController();
  await runCollector(
    {
      db: t.db,
      getDriver,
      pollIntervalMs: 200,
      requestTimeoutMs: 500,
      concurrency: 8,
      policy: { staleAfterPolls: 2, offlineAfterPolls: 3 },
      market: { currency: 'USD', networkStaleAfterMs: 600_000, priceStaleAfterMs: 600_000 },
      alerts: newAlertStepMemory(),
      problems: createOnceLog((line) => logged.push(line)),
      onSweep: (info) => {
        sweeps.push(info);
        if (sweeps.length >= 4) stop.abort();
      },
    },
    stop.signal,
  ).catch((err) => {
    loopError = err;
  });
}, 120_000);

afterAll(async () => {
  await sim?.stop();
  t?.cleanup();
});

describe('post-commit steps fail alone', () => {
  it('keeps sweeping through a broken tariff, a failing alert step and a failing rollup job', () => {
    expect(loopError).toBeNull();
    expect(sweeps).toHaveLength(4);
    expect(sweeps.every((s) => s.alerts !== null && 'error' in s.alerts && s.alerts.error === 'no such table: alert_states')).toBe(true);
  });

  it("stores the intact site's economics and names the broken site's rigs as left out", () => {
    const rigs = listRigViews(t.db).filter((r) => r.connectivity === 'online');
    const broken = rigs.filter((r) => r.siteId === brokenSite.id);
    const intact = rigs.filter((r) => r.siteId !== brokenSite.id);
    expect(broken.length).toBeGreaterThan(0);
    expect(intact.length).toBeGreaterThan(0);
    const eco = latestEconomics(t.db);
    for (const r of intact) expect(eco.rigs[r.id], r.name).toBeDefined();
    for (const r of broken) expect(eco.rigs[r.id], r.name).toBeUndefined();
    const last = sweeps[sweeps.length - 1].economics!;
    expect('skippedRigs' in last).toBe(true);
    const skipped = 'skippedRigs' in last ? last.skippedRigs : [];
    expect(skipped.map((s) => s.rigId).sort()).toEqual(broken.map((r) => r.id).sort());
    expect(skipped[0].reason).toMatch(new RegExp(`^the tariff of site "${brokenSite.name}" cannot be read: `));
  });

  it('logs each failure once over four sweeps', () => {
    expect(logged.filter((l) => l.startsWith('collector: alert rules'))).toEqual(['collector: alert rules: no such table: alert_states']);
    expect(logged.filter((l) => l.startsWith('collector: rollups'))).toEqual(['collector: rollups: no such table: rollups']);
    const brokenRigs = listRigViews(t.db).filter((r) => r.siteId === brokenSite.id && r.connectivity === 'online');
    for (const r of brokenRigs)
      expect(
        logged.filter((l) => l.includes(`"${r.name}"`)),
        r.name,
      ).toHaveLength(1);
  });

  it('the notification worker finishes a request for a channel whose config is not JSON, and logs the channel once', async () => {
    const now = Date.now();
    const id = t.db.sqlite
      .prepare('insert into alert_channels (name, enabled, config_json, created_at_ms, updated_at_ms) values (?, 1, ?, ?, ?)')
      .run('ops pager', '{"kind":"webhook",', now, now).lastInsertRowid as number;
    const request = recordAlertRequest(t.db, { kind: 'test', channelId: id }, now);
    const lines: string[] = [];
    const problems = createOnceLog((l) => lines.push(l));
    for (let i = 0; i < 3; i++) await notifyTick({ db: t.db, problems });
    expect(getAlertRequest(t.db, request.id)).toMatchObject({
      status: 'failed',
      error: expect.stringMatching(/^invalid channel config: not JSON/),
    });
    expect(lines.filter((l) => l.startsWith('notify: channel "ops pager"'))).toHaveLength(1);
  });

  it('the sources loop runs on past a tariff that is not JSON until it is stopped', async () => {
    const stop = new AbortController();
    const config = { ...loadSourcesConfig({ HASHWATT_MEMPOOL_URL: sim.manifest.services!.mempoolBaseUrl }), timeoutMs: 1000, intervalS: 5 };
    const loop = runSourcesLoop({ db: t.db, config }, stop.signal);
    let settled = false;
    void loop.then(
      () => (settled = true),
      () => (settled = true),
    );
    await new Promise((r) => setTimeout(r, 1500));
    expect(settled).toBe(false);
    stop.abort();
    await expect(loop).resolves.toBeUndefined();
  });
});
