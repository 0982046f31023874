/**
 * Collector process entry: wiring and shutdown order. Started by `hashwatt start` (or alone with
 * `node --import tsx collectors/main.ts`). On SIGINT/SIGTERM, or when the supervisor goes away, it aborts
 * in-flight polls, skips the half sweep and closes the database.
 */
import { setMaxListeners } from 'node:events';
import { pathToFileURL } from 'node:url';
import { historyRetention, loadConfig, loadSourcesConfig, envBitcoindCookie, marketPolicy, processEnv } from '../lib/config';
import { onShutdown, releaseParent } from '../lib/util/child-process-lifecycle';
import { openDb } from '../lib/db/client';
import { unlockWithConfiguredKey } from '../lib/db/secret-key-check';
import { usePrivateUmask } from '../lib/util/private-umask';
import { newAlertStepMemory } from './alerts-step';
import { runCollector } from './collector';
import { runDeviceRequestLoop } from './device-requests-loop';
import { ALL_DRIVERS, getDriver } from './drivers';
import { startHeartbeat } from './heartbeat';
import { notifyNet } from '../lib/notify/net';
import { channelDeps, enabledChannels, runNotifyLoop } from './notify-loop';
import { runSourcesLoop } from './sources-loop';
import { createStorageNotices } from './storage-notices';
import { createSweepWriter } from './sweep-writer';
import { createOnceLog } from '../lib/util/once-log';

/** Runs the collector with the environment's configuration until a signal. */
export async function main(): Promise<void> {
  usePrivateUmask();
  // The environment, parsed once; a malformed source setting stops the start here (the supervisor checked it too).
  const env = processEnv();
  const config = loadConfig(env);
  const sourcesConfig = loadSourcesConfig(env);
  const envCookie = envBitcoindCookie(env);
  const db = openDb(config.dbPath);
  // The key `hashwatt start` checked (HASHWATT_SECRET_KEY or <db>.key): pools and channels read their secrets with it.
  unlockWithConfiguredKey(db, config, Date.now(), (line) => console.error(`collector: ${line}`));
  const stop = new AbortController();
  // Every in-flight request listens on this one signal: hundreds at a time is expected, not a leak.
  setMaxListeners(0, stop.signal);
  let stopReason = 'stopped';
  onShutdown((reason) => {
    stopReason = `stopped (${reason})`;
    stop.abort();
  });
  const markStopped = startHeartbeat(db, config.pollIntervalS * 1000);
  console.log(`collector: polling every ${config.pollIntervalS} s, ${config.pollConcurrency} at a time, db ${config.dbPath}`);
  process.send?.({ type: 'ready' });
  let lastLogMs = 0;
  let lastFailed = 0;
  const sources = runSourcesLoop({ db, config: sourcesConfig, envCookie, limits: marketPolicy(config) }, stop.signal);
  const net = notifyNet(config.notifyPrivateHosts);
  const notify = runNotifyLoop({ db, dashboardUrl: config.publicUrl, net }, stop.signal);
  const deviceRequests = runDeviceRequestLoop({ db, drivers: ALL_DRIVERS }, stop.signal);
  // Sweeps wait in memory while storage fails; the alert channels hear of it from memory too.
  const notices = createStorageNotices({
    dbPath: config.dbPath,
    loadChannels: () => enabledChannels(db, createOnceLog(console.error)),
    channelDeps: channelDeps({ db, dashboardUrl: config.publicUrl, net }),
  });
  const sweepWriter = createSweepWriter({ db, policy: config, maxHeldReadings: config.heldReadingsMax, listener: notices });
  await runCollector(
    {
      db,
      getDriver,
      pollIntervalMs: config.pollIntervalS * 1000,
      requestTimeoutMs: config.requestTimeoutMs,
      concurrency: config.pollConcurrency,
      policy: config,
      retention: historyRetention(config),
      market: marketPolicy(config),
      alerts: newAlertStepMemory(),
      sweepWriter,
      // Failed or skipped post-commit steps are logged by the collector itself, once per distinct error.
      onSweep: (s) => {
        if (s.alerts && 'events' in s.alerts && s.alerts.events > 0)
          console.log(`collector: sweep ${s.sweepId}: ${s.alerts.events} alert transition(s)`);
        // A minute apart, or at once when the number of failed rigs changed (not every sweep of a rig that stays down).
        if (Date.now() - lastLogMs < 60_000 && s.failed === lastFailed) return;
        lastLogMs = Date.now();
        lastFailed = s.failed;
        console.log(
          `collector: sweep ${s.sweepId}: ${s.ok} ok, ${s.failed} failed in ${s.durationMs} ms; fleet ${s.fleet.hashrateThs.toFixed(1)} TH/s, ${(s.fleet.powerW / 1000).toFixed(1)} kW`,
        );
      },
    },
    stop.signal,
  );
  await Promise.all([sources, notify, deviceRequests]);
  const held = sweepWriter.heldSweeps();
  if (held > 0)
    console.error(`collector: stopping with ${held} sweep(s) held in memory and not stored (storage failing: ${sweepWriter.failing()})`);
  markStopped(stopReason);
  db.close();
  console.log('collector: stopped');
  releaseParent();
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((err) => {
    console.error(`collector: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  });
}
