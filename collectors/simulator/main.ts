/**
 * Process entry of the demo simulator: start the fleet, write the manifest, tell the supervisor, and shut down
 * cleanly on a signal. Runs as `node --import tsx collectors/simulator/main.ts` or forked by the supervisor.
 * It never opens the database: the supervisor upserts the manifest's rigs.
 */
import { pathToFileURL } from 'node:url';
import { loadSimulatorConfig, processEnv } from '../../lib/config';
import { usePrivateUmask } from '../../lib/util/private-umask';
import { startSimulator, writeManifest } from './simulator';

/** Options of the simulator process (the CLI and the supervisor fill them from flags or environment). */
export interface SimulatorProcessOptions {
  miners: number;
  subnet: string;
  port: number;
  manifestPath: string;
  seed?: number;
  /** Port of the demo's HTTP services (mempool-compatible and pool APIs) on <subnet>.250; default 8999. */
  httpPort?: number;
}

/** Starts the fleet and returns once it is serving; the listeners keep the process alive until a signal. */
export async function runSimulatorProcess(opts: SimulatorProcessOptions): Promise<void> {
  const sim = await startSimulator({ miners: opts.miners, subnet: opts.subnet, port: opts.port, seed: opts.seed, httpPort: opts.httpPort });
  await writeManifest(opts.manifestPath, sim.manifest);

  const rigs = sim.manifest.rigs;
  const range = rigs.length ? `${rigs[0].address}-${rigs[rigs.length - 1].address}` : `${opts.subnet}.x`;
  const families = new Set(rigs.map((r) => r.driver)).size;
  console.log(
    `simulator: ${rigs.length} devices of ${families} driver families on ${range} (cgminer API on ${opts.port}; manifest ${opts.manifestPath})`,
  );
  if (sim.manifest.services) console.log(`simulator: mempool-compatible and pool APIs on ${sim.manifest.services.mempoolBaseUrl}`);

  let stopping = false;
  const shutdown = () => {
    if (stopping) return;
    stopping = true;
    sim.stop().then(
      () => process.exit(0),
      (err: unknown) => {
        console.error(`simulator: error while stopping: ${err instanceof Error ? err.message : String(err)}`);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
  // Forked by the supervisor: if it dies without signalling us, do not keep 48 ports bound as an orphan.
  if (process.send) process.once('disconnect', shutdown);

  process.send?.({ type: 'ready', manifestPath: opts.manifestPath });
}

async function mainFromEnv(): Promise<void> {
  usePrivateUmask();
  await runSimulatorProcess(loadSimulatorConfig(processEnv()));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  mainFromEnv().catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : String(err));
    process.exit(1);
  });
}
