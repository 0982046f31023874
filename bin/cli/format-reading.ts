/** A Reading as the readable table `hashwatt probe` prints. Pure. */
import type { Reading } from '../../lib/domain/reading';
import { makeAndModel } from '../../lib/format/device-name';
import { formatHashrateThs, formatJth, formatPowerW, formatTempC } from '../../lib/format/units';

const POWER_SOURCE_WORDS: Record<string, string> = {
  firmware: 'reported by the firmware',
  meter: 'metered',
  override: 'set by the operator',
  estimated: 'estimated from the nameplate',
};

/** "3d 4h 05m", "12m 30s". */
export function formatUptime(s: number | null): string {
  if (s === null || !Number.isFinite(s)) return '—';
  const d = Math.floor(s / 86400);
  const h = Math.floor((s % 86400) / 3600);
  const m = Math.floor((s % 3600) / 60);
  if (d > 0) return `${d}d ${h}h ${String(m).padStart(2, '0')}m`;
  if (h > 0) return `${h}h ${String(m).padStart(2, '0')}m`;
  return `${m}m ${String(Math.floor(s % 60)).padStart(2, '0')}s`;
}

/** The reading as "label  value" lines under a heading naming the device. */
export function formatReadingTable(endpoint: string, r: Reading): string {
  const algo = r.algorithm && r.algorithm !== 'sha256' ? ` (${r.algorithm})` : '';
  const expected = r.expectedHashrateThs !== null ? `, expected ${formatHashrateThs(r.expectedHashrateThs)}` : '';
  const power =
    r.powerW === null
      ? '— (not reported, model unknown)'
      : `${formatPowerW(r.powerW)} (${POWER_SOURCE_WORDS[r.powerSource ?? ''] ?? 'source unknown'})`;
  const boards = r.boards.length
    ? r.boards
        .map((b) => `#${b.index} ${formatHashrateThs(b.hashrateThs)}${b.chips !== null ? ` ${b.chips} chips` : ''} ${formatTempC(b.tempC)}`)
        .join(' | ')
    : '—';
  const pools = r.pools.length
    ? r.pools.map((p) => `${p.url} ${p.user} ${p.status} (${p.accepted} accepted, ${p.rejected} rejected)`)
    : ['—'];
  const rows: Array<[string, string]> = [
    ['status', r.status],
    [
      'hash rate',
      r.algorithm === null ? '— (the gpu-agent reports GPUs, not a miner)' : `${formatHashrateThs(r.hashrateThs)}${algo}${expected}`,
    ],
    ['power', power],
    ['efficiency', r.efficiencyJth === null ? '—' : formatJth(r.efficiencyJth)],
    ['temperature', r.tempMaxC === null ? '—' : `max ${formatTempC(r.tempMaxC)}`],
    [r.algorithm && r.algorithm !== 'sha256' ? 'GPUs' : 'boards', boards],
    ['fans', r.fansRpm.length ? `${r.fansRpm.map((f) => f.toLocaleString('en-US')).join(', ')} rpm` : '—'],
    ['pools', pools[0]],
    ...pools.slice(1).map((p): [string, string] => ['', p]),
    ['uptime', formatUptime(r.uptimeS)],
    ['hw errors', r.hardwareErrors === null ? '—' : String(r.hardwareErrors)],
    ...(r.warnings ?? []).map((w, i): [string, string] => [i === 0 ? 'warnings' : '', w]),
  ];
  const width = Math.max(...rows.map(([k]) => k.length));
  return [
    `${endpoint}  ${r.driver}  ${makeAndModel(r.make, r.model)}`,
    `firmware  ${r.firmware || '—'}`,
    ...rows.map(([k, v]) => `${k.padEnd(width)}  ${v}`),
  ].join('\n');
}
