/**
 * Scan benchmark: `scanRange` over a whole /16 on loopback with 48 simulated miners (simulator in its own
 * process), and over a block of addresses where nothing answers (connect timeouts, as on a LAN with mostly
 * empty addresses), extrapolated to a /16. Prints JSON.
 *   node --import tsx bench/scan.ts   (BENCH_SCAN_CONCURRENCY, BENCH_SILENT_RANGE override the defaults)
 */
import { fileURLToPath } from 'node:url';
import { parseIpv4Range } from '../lib/net/cidr';
import { scanRange } from '../collectors/detect/scan';
import { ALL_DRIVERS } from '../collectors/drivers';
import { startChild } from '../bin/supervisor/child';
import { tempDir } from '../lib/util/temp-dir';

const concurrency = Number(process.env.BENCH_SCAN_CONCURRENCY ?? 256);
// RFC 5737 TEST-NET-1: never routed, so every connect waits out its timeout (nothing answers, nothing refuses).
const silentRange = process.env.BENCH_SILENT_RANGE ?? '192.0.2.0/24';
const connectTimeoutMs = 1000;

async function main() {
  const dir = tempDir('hashwatt-bench-scan-');
  const sim = startChild('simulator', fileURLToPath(new URL('../collectors/simulator/main.ts', import.meta.url)), [], {
    ...process.env,
    HASHWATT_DEMO_MINERS: '48',
    HASHWATT_SIM_SUBNET: '127.4.0',
    HASHWATT_SIM_MANIFEST: `${dir.dir}/manifest.json`,
    HASHWATT_SIM_HTTP_PORT: '0',
  });
  try {
    await sim.ready;
    const base = { ports: [4028, 4433, 80], concurrency, connectTimeoutMs, timeoutMs: 3000, drivers: ALL_DRIVERS };
    const cpu0 = process.cpuUsage();
    const loopback = await scanRange({ ...base, range: parseIpv4Range('127.4.0.0/16') });
    const cpu = process.cpuUsage(cpu0);
    const silent = await scanRange({ ...base, range: parseIpv4Range(silentRange) });
    const perAddressMs = silent.durationMs / silent.addresses;
    console.log(
      JSON.stringify({
        bench: 'scan',
        concurrency,
        ports: base.ports.length,
        loopbackSlash16: {
          addresses: loopback.addresses,
          found: loopback.hits.filter((h) => h.status === 'recognised').length,
          durationMs: loopback.durationMs,
          cpuMs: Math.round((cpu.user + cpu.system) / 1000),
        },
        silent: { range: silentRange, addresses: silent.addresses, durationMs: silent.durationMs, connectTimeoutMs },
        silentSlash16EstimateS: Math.round((perAddressMs * 65_534) / 1000),
        peakRssMb: Math.round(process.memoryUsage().rss / 1e6),
      }),
    );
  } finally {
    await sim.stop();
    dir.cleanup();
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : String(err));
  process.exit(1);
});
