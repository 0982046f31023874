/**
 * Pure parser of `nvidia-smi dmon` (fx:gpu/nvidia-smi-rtx4080super-595.71.05-linux-dmon-load.txt): a
 * "# gpu pwr gtemp ..." name line, a "# Idx W C ..." unit line, then one whitespace-separated row per GPU
 * per sample, "-" where a metric is not available. The agent uses the CSV query; this reads dmon logs an
 * operator pastes, and lets tests tell the two formats apart.
 */
import { DeviceError } from '../device-error';

/** One dmon row: metric name -> value (null for "-"), with the units of the header. */
export interface DmonSample {
  gpu: number;
  values: Record<string, number | null>;
}

/** The parsed output: column names, their units, and every sample row. */
export interface DmonOutput {
  columns: string[];
  units: string[];
  samples: DmonSample[];
}

/** Parses dmon text; DeviceError 'garbage' when the header is missing or a row does not fit it. */
export function parseNvidiaSmiDmon(text: string): DmonOutput {
  const lines = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '');
  const names = lines[0]?.startsWith('#') ? lines[0].slice(1).trim().split(/\s+/) : [];
  if (names[0] !== 'gpu') throw new DeviceError('garbage', 'nvidia-smi dmon output has no "# gpu ..." header line');
  const hasUnits = lines[1]?.startsWith('#') ?? false;
  const units = hasUnits ? lines[1].slice(1).trim().split(/\s+/) : names.map(() => '');
  const samples: DmonSample[] = [];
  lines.slice(hasUnits ? 2 : 1).forEach((line, i) => {
    if (line.startsWith('#')) return; // dmon repeats its header every screenful
    const cols = line.split(/\s+/);
    const bad = cols.length !== names.length || cols.some((c) => c !== '-' && !/^-?\d+(\.\d+)?$/.test(c)) || !/^\d+$/.test(cols[0]);
    if (bad)
      throw new DeviceError(
        'garbage',
        `nvidia-smi dmon row ${i + 1} does not fit its ${names.length} columns: ${JSON.stringify(line.slice(0, 60))}`,
      );
    const values: Record<string, number | null> = {};
    names.slice(1).forEach((name, k) => (values[name] = cols[k + 1] === '-' ? null : Number(cols[k + 1])));
    samples.push({ gpu: Number(cols[0]), values });
  });
  return { columns: names, units, samples };
}
