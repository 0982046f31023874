/**
 * nvidia-smi for the gpu-agent (protocols.md §2.1): the fields it asks for, running the binary with a
 * timeout and clear errors, and a pure parser of `--query-gpu=... --format=csv[,noheader][,nounits]` output.
 */
import { execFile } from 'node:child_process';
import { DeviceError } from '../device-error';
import type { MigDevice } from './nvidia-smi-list';

/** The minimal collector query of protocols.md §2.1, in the order asked (and printed). */
export const GPU_QUERY_FIELDS = [
  'index',
  'uuid',
  'name',
  'pci.bus_id',
  'temperature.gpu',
  'power.draw',
  'power.limit',
  'utilization.gpu',
  'fan.speed',
  'clocks.current.graphics',
  'clocks.current.memory',
  'memory.used',
  'memory.total',
  'pstate',
  'clocks_event_reasons.active',
] as const;

/** One GPU as the agent reports it; null wherever nvidia-smi printed a sentinel ([N/A], [Not Supported]...). */
export interface NvidiaGpu {
  index: number;
  uuid: string | null;
  name: string;
  busId: string | null;
  tempC: number | null;
  powerW: number | null;
  powerLimitW: number | null;
  /** null under MIG (the whole-GPU figure is [N/A] there) and where unsupported. */
  utilizationPct: number | null;
  /** Intended fan speed in % of max (not RPM); null on fanless data-centre GPUs. */
  fanPct: number | null;
  clocks: { graphicsMhz: number | null; memoryMhz: number | null };
  memory: { usedMiB: number | null; totalMiB: number | null };
  /** "P0" (max performance) .. "P12" (idle). */
  pstate: string | null;
  /** clocks_event_reasons.active bitmask (older name clocks_throttle_reasons): see gpu-agent/status.ts. */
  clocksEventReasons: number | null;
  /** MIG instances of this GPU, from `nvidia-smi -L`, when it is partitioned. */
  mig?: MigDevice[];
}

/** Tokens nvidia-smi prints for "no value"; any other [bracketed] token is treated the same. */
export const NVIDIA_SMI_SENTINELS: readonly string[] = [
  '[N/A]',
  'N/A',
  '[Not Supported]',
  '[Requested functionality has been deprecated]',
  '[Unknown Error]',
];

const FIELD_NAME = /^[a-z][a-z0-9_.]*$/i;
const NUMBER_WITH_UNIT = /^(-?\d+(?:\.\d+)?)(?: ?[A-Za-z%]+)?$/;

function cells(line: string): string[] {
  return line.split(',').map((c) => c.trim());
}

/** "power.draw [W]" -> "power.draw"; "temperature.gpu" stays. */
function headerName(cell: string): string {
  return cell.replace(/\s*\[[^\]]*\]$/, '');
}

function isSentinel(v: string): boolean {
  return NVIDIA_SMI_SENTINELS.includes(v) || /^\[.*\]$/.test(v);
}

/**
 * Parses nvidia-smi's CSV. Without a header the columns are `fields` in order (what the agent asks for);
 * with a header (`--format=csv`) each column is found by its name, units stripped from names and values.
 * Blank output is no GPU. Throws DeviceError 'garbage' (not this CSV) or 'truncated' (a row cut short).
 */
export function parseNvidiaSmiCsv(text: string, fields: readonly string[] = GPU_QUERY_FIELDS): NvidiaGpu[] {
  const lines = text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .filter((l) => l.trim() !== '');
  if (lines.length === 0) return [];
  const first = cells(lines[0]).map(headerName);
  const header = first.includes('index') && first.every((c) => FIELD_NAME.test(c));
  const columns = header ? first : [...fields];
  const rows = header ? lines.slice(1) : lines;
  for (const need of ['index', 'name']) {
    if (!columns.includes(need)) throw new DeviceError('garbage', `nvidia-smi CSV has no "${need}" column`);
  }
  return rows.map((line, i) => parseRow(line, header ? i + 2 : i + 1, columns, i === rows.length - 1));
}

function parseRow(line: string, lineNo: number, columns: string[], last: boolean): NvidiaGpu {
  const values = cells(line);
  if (values.length !== columns.length) {
    const cut = last && values.length > 1 && values.length < columns.length;
    const head = JSON.stringify(line.slice(0, 40));
    throw new DeviceError(
      cut ? 'truncated' : 'garbage',
      `nvidia-smi output line ${lineNo} has ${values.length} comma-separated values, expected ${columns.length} ` +
        `(${cut ? 'cut short' : 'not the --query-gpu CSV'}; starts ${head})`,
    );
  }
  const raw = (field: string): string | null => {
    const at = columns.indexOf(field);
    if (at < 0) return null;
    const v = values[at];
    return v === '' || isSentinel(v) ? null : v;
  };
  const number = (field: string): number | null => {
    const v = raw(field);
    if (v === null) return null;
    const m = NUMBER_WITH_UNIT.exec(v);
    if (!m)
      throw new DeviceError('garbage', `nvidia-smi output line ${lineNo}: ${field} ${JSON.stringify(v.slice(0, 40))} is not a number`);
    return Number(m[1]);
  };
  const indexText = raw('index');
  const index = indexText !== null && /^\d{1,6}$/.test(indexText) ? Number(indexText) : null;
  if (index === null) {
    throw new DeviceError(
      'garbage',
      `nvidia-smi output line ${lineNo}: index ${JSON.stringify(values[columns.indexOf('index')].slice(0, 40))} is not a GPU index`,
    );
  }
  const name = raw('name');
  if (name === null) throw new DeviceError('garbage', `nvidia-smi output line ${lineNo}: GPU ${index} has no name`);
  return {
    index,
    uuid: raw('uuid'),
    name,
    busId: raw('pci.bus_id'),
    tempC: number('temperature.gpu'),
    powerW: number('power.draw'),
    powerLimitW: number('power.limit'),
    utilizationPct: number('utilization.gpu'),
    fanPct: number('fan.speed'),
    clocks: { graphicsMhz: number('clocks.current.graphics'), memoryMhz: number('clocks.current.memory') },
    memory: { usedMiB: number('memory.used'), totalMiB: number('memory.total') },
    pstate: raw('pstate'),
    clocksEventReasons: bitmask(raw('clocks_event_reasons.active') ?? raw('clocks_throttle_reasons.active'), lineNo),
  };
}

/** "0x0000000000000001" -> 1 (the defined reasons fit well within 2^53). */
function bitmask(v: string | null, lineNo: number): number | null {
  if (v === null) return null;
  if (!/^(0x[0-9a-f]{1,16}|\d{1,15})$/i.test(v)) {
    throw new DeviceError(
      'garbage',
      `nvidia-smi output line ${lineNo}: clocks_event_reasons.active ${JSON.stringify(v.slice(0, 40))} is not a bitmask`,
    );
  }
  return Number(BigInt(v) & BigInt(Number.MAX_SAFE_INTEGER));
}

/** nvidia-smi could not be run or printed something other than what was asked; the message says which. */
export class NvidiaSmiError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NvidiaSmiError';
  }
}

/** Default limit of one nvidia-smi run (it can hang for seconds while the driver wakes a GPU). */
export const NVIDIA_SMI_TIMEOUT_MS = 10_000;

/** Runs nvidia-smi and resolves with its stdout; rejects with an NvidiaSmiError that says what went wrong. */
export function runNvidiaSmi(bin: string, args: readonly string[], timeoutMs = NVIDIA_SMI_TIMEOUT_MS): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      bin,
      [...args],
      { timeout: timeoutMs, maxBuffer: 4 * 1024 * 1024, windowsHide: true, encoding: 'utf8' },
      (err, stdout, stderr) => {
        if (!err) {
          resolve(stdout);
          return;
        }
        const e = err as NodeJS.ErrnoException & { killed?: boolean; code?: string | number };
        const said = firstLine(stdout) ?? firstLine(stderr);
        if (e.code === 'ENOENT') {
          reject(new NvidiaSmiError(`nvidia-smi not found at "${bin}" (is the NVIDIA driver installed? pass --nvidia-smi PATH)`));
        } else if (e.code === 'EACCES') {
          reject(new NvidiaSmiError(`cannot run "${bin}" (permission denied)`));
        } else if (e.killed) {
          reject(new NvidiaSmiError(`"${bin}" did not finish within ${timeoutMs} ms`));
        } else if (typeof e.code === 'number') {
          reject(new NvidiaSmiError(`"${bin}" exited with code ${e.code}${said ? `: ${said}` : ''}`));
        } else {
          reject(new NvidiaSmiError(`"${bin}" failed: ${e.message.split('\n')[0]}`));
        }
      },
    );
  });
}

function firstLine(text: string | undefined): string | null {
  const line = (text ?? '')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .find((l) => l !== '');
  return line ? line.slice(0, 200) : null;
}

/** Runs the agent's query and parses it; a reply that is not the CSV asked for is an NvidiaSmiError. */
export async function queryGpus(bin: string, timeoutMs = NVIDIA_SMI_TIMEOUT_MS): Promise<NvidiaGpu[]> {
  const out = await runNvidiaSmi(bin, [`--query-gpu=${GPU_QUERY_FIELDS.join(',')}`, '--format=csv,noheader,nounits'], timeoutMs);
  try {
    return parseNvidiaSmiCsv(out);
  } catch (err) {
    if (err instanceof DeviceError) throw new NvidiaSmiError(`"${bin}" printed output that is not the GPU CSV asked for: ${err.message}`);
    throw err;
  }
}
