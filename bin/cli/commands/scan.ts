/**
 * `hashwatt scan <cidr>`: find the miners and GPU rigs in an address range, with a progress bar on stderr
 * and a summary table on stdout; --add --site NAME registers the recognised ones (and keeps the raw
 * replies of the unrecognised ones in the database).
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { ALL_DRIVERS } from '../../../collectors/drivers';
import { parseIpv4Range } from '../../../lib/net/cidr';
import { isTransportFailure } from '../../../collectors/detect/failure-line';
import { scanRange, type ScanHit, type ScanResult } from '../../../collectors/detect/scan';
import { formatEndpoint } from '../../../lib/net/device-spec';
import { openDb } from '../../../lib/db/client';
import { migrateDb } from '../../../lib/db/migrate';
import { addRigs } from '../../../lib/db/mutations/add-rigs';
import { recordUnrecognised } from '../../../lib/db/mutations/record-unrecognised';
import { makeAndModel } from '../../../lib/format/device-name';
import { formatHashrateThs, formatPowerW } from '../../../lib/format/units';
import { intFlag, parseFlags } from '../args';
import { CliError } from '../cli-error';
import { progressReporter } from '../progress';
import { secondsFlagMs } from '../seconds-flag';
import { cliConfig } from '../cli-config';

const USAGE =
  'Usage: hashwatt scan <cidr | first-last> [--ports 4028,4433,80] [--concurrency N] [--timeout SECONDS] [--json] [--add --site NAME]';

/** Default ports: the cgminer API, the Whatsminer v3 API and the web UI (AxeOS, Antminer CGI). */
export const DEFAULT_SCAN_PORTS = [4028, 4433, 80];

/** "4028,80" -> [4028, 80]; a usage error names a bad entry. */
export function parsePorts(raw: string | undefined): number[] {
  if (raw === undefined) return DEFAULT_SCAN_PORTS;
  const ports = raw.split(',').map((p) => p.trim());
  const out: number[] = [];
  for (const p of ports) {
    const n = Number(p);
    if (!/^\d+$/.test(p) || n < 1 || n > 65535) throw new CliError(`--ports: ${JSON.stringify(p)} is not a port from 1 to 65535`);
    if (!out.includes(n)) out.push(n);
  }
  return out;
}

function endpointOf(h: ScanHit): string {
  return formatEndpoint(h.protocol === 'http' ? 'http' : 'tcp', h.address, h.port);
}

/** The summary table: one row per device that answered. Pure. */
export function scanTable(result: ScanResult): string {
  const header = ['device', 'driver', 'make / model', 'firmware', 'hash rate', 'power', 'state'];
  const rows = result.hits.map((h) => {
    const r = h.reading;
    // The reading names the device best (an Antminer's web UI challenge alone does not say which model).
    const id = r ? { make: r.make, model: r.model, firmware: r.firmware } : h.identity;
    const power = r?.powerW == null ? '—' : `${formatPowerW(r.powerW)}${r.powerSource === 'estimated' ? ' est.' : ''}`;
    const state =
      h.status === 'unrecognised'
        ? isTransportFailure(h.error)
          ? `no usable reply: ${h.error!.kind}`
          : 'unrecognised'
        : r
          ? r.status
          : `poll failed: ${h.error?.kind ?? '?'}`;
    return [
      endpointOf(h),
      h.driver?.name ?? '—',
      id ? makeAndModel(id.make, id.model) : '—',
      (id?.firmware || '—').slice(0, 40),
      !r || r.algorithm === null ? '—' : formatHashrateThs(r.hashrateThs),
      power,
      state,
    ];
  });
  const widths = header.map((_, i) => Math.max(header[i].length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i]))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

export const scanCommand = {
  summary: 'Discover miners and GPU rigs in an address range (at most a /16); --add registers them.',
  usage: USAGE,
  async run(argv: string[]): Promise<number> {
    const { values, positionals } = parseFlags(
      argv,
      {
        ports: { type: 'string' },
        concurrency: { type: 'string' },
        timeout: { type: 'string' },
        json: { type: 'boolean' },
        add: { type: 'boolean' },
        site: { type: 'string' },
      },
      true,
    );
    if (positionals.length !== 1) throw new CliError(`scan needs exactly one range. ${USAGE}`);
    let range;
    try {
      range = parseIpv4Range(positionals[0]);
    } catch (err) {
      throw new CliError((err as Error).message);
    }
    const ports = parsePorts(values.ports);
    const concurrency = intFlag('concurrency', values.concurrency, 256, 1, 4096);
    const timeoutMs = secondsFlagMs('timeout', values.timeout, 3, 0.1, 60);
    if (values.add && !values.site?.trim()) throw new CliError('--add needs --site NAME (the site the rigs belong to)');
    if (values.site !== undefined && !values.add) throw new CliError('--site only makes sense with --add');

    const progress = progressReporter();
    const result = await scanRange({
      range,
      ports,
      concurrency,
      connectTimeoutMs: Math.min(timeoutMs, 1000),
      timeoutMs,
      drivers: ALL_DRIVERS,
      onProgress: (p) => progress.update(p),
    });
    progress.finish();
    const recognised = result.hits.filter((h) => h.status === 'recognised');
    const unrecognised = result.hits.filter((h) => h.status === 'unrecognised');
    const seconds = (result.durationMs / 1000).toFixed(1);

    if (values.json) {
      console.log(
        JSON.stringify(
          {
            addresses: result.addresses,
            ports,
            durationMs: result.durationMs,
            devices: result.hits.map((h) => ({
              endpoint: endpointOf(h),
              status: h.status,
              driver: h.driver?.name ?? null,
              identity: h.identity,
              reading: h.reading,
              error: h.error?.toLine() ?? null,
            })),
          },
          null,
          2,
        ),
      );
    } else {
      if (result.hits.length) console.log(scanTable(result));
      console.log(
        `scanned ${result.addresses.toLocaleString('en-US')} addresses x ${ports.length} port(s) in ${seconds} s: ` +
          `${recognised.length} recognised, ${unrecognised.length} answered but not recognised`,
      );
    }

    if (values.add) {
      const config = cliConfig();
      mkdirSync(dirname(config.dbPath), { recursive: true });
      const db = openDb(config.dbPath);
      try {
        migrateDb(db);
        const nowMs = Date.now();
        const defaultPorts = Object.fromEntries(ALL_DRIVERS.map((d) => [d.name, d.defaultPort]));
        const devices = recognised.map((h) => ({
          address: h.address,
          port: h.port,
          driver: h.driver!.name,
          model: h.reading?.model ?? h.identity?.model ?? null,
          algorithm: h.reading?.algorithm ?? (h.driver!.name === 'gpu-agent' ? 'unknown' : 'sha256'),
        }));
        const site = values.site!.trim();
        const added = addRigs(db, site, devices, { nowMs, currency: config.currency, defaultPorts });
        for (const h of unrecognised)
          recordUnrecognised(db, { address: h.address, port: h.port, protocol: h.protocol ?? 'tcp', raw: h.raw }, nowMs);
        const out = values.json ? console.error : console.log;
        if (added.siteCreated) out(`created site "${site}" (time zone UTC, currency ${config.currency}; change them in the settings)`);
        out(`added ${added.added.length} rig(s) to "${site}"${added.added.length ? `: ${added.added.map((a) => a.name).join(', ')}` : ''}`);
        for (const s of added.skipped) out(`skipped ${s.address}:${s.port}: ${s.reason}`);
        if (unrecognised.length)
          out(`kept ${unrecognised.length} unrecognised device(s) with their raw replies (table unrecognised_devices)`);
      } finally {
        db.close();
      }
    }
    return 0;
  },
};
