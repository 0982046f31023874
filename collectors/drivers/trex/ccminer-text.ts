/**
 * T-Rex's ccminer-compatible telnet API (TCP 4068, protocols.md §2.3): the reply to "summary" is one
 * record of semicolon-separated KEY=VALUE pairs ended by "|":
 *   NAME=t-rex;VER=0.9.2;API=3.1;ALGO=x16r;GPUS=1;KHS=5798.28;SOLV=0;ACC=5;REJ=0;DIFF=82589.499837;UPTIME=45;TS=1551674517|
 * Pure parser only: the trex driver polls the HTTP API (see index.ts for why), so nothing sends this
 * request today. It has no per-GPU data, no power and no pool URL, hence no boards, power or pools.
 */
import type { Reading } from '../../../lib/domain/reading';
import { num, str } from '../cgminer-tcp/coerce';
import { gpuMinerReading, minerAlgorithm, nonNegative, seconds } from '../gpu-miner/reading';
import { DeviceError } from '../types';

/** The KEY=VALUE pairs of the first record; DeviceError 'garbage' or 'truncated' when there is none. */
export function ccminerRecord(text: string): Record<string, string> {
  const body = text.replace(/\0+$/, '').trim();
  if (!/^[A-Za-z_]+=/.test(body)) {
    throw new DeviceError('garbage', `ccminer API reply is not KEY=VALUE text (starts ${JSON.stringify(body.slice(0, 40))})`);
  }
  const end = body.indexOf('|');
  // Without its "|" the record may have lost its last pairs, or half of a number ("KHS=579").
  if (end < 0) throw new DeviceError('truncated', `ccminer API reply ends without its "|" terminator after ${body.length} characters`);
  const record: Record<string, string> = {};
  for (const pair of body.slice(0, end).split(';')) {
    const eq = pair.indexOf('=');
    if (eq > 0) record[pair.slice(0, eq).trim().toUpperCase()] = pair.slice(eq + 1).trim();
  }
  return record;
}

/** Normalizes the reply to "summary" into a Reading without boards (KHS is kH/s: x 1e3 = H/s). */
export function parseTrexCcminerSummary(text: string, opts: { modelHint?: string | null } = {}): Reading {
  const r = ccminerRecord(text);
  const khs = nonNegative(r.KHS);
  if (khs === null) throw new DeviceError('unexpected', 'ccminer summary has no KHS hash rate');
  const name = str(r.NAME);
  const version = str(r.VER);
  const miner = name === null || /^t-rex$/i.test(name) ? 'T-Rex' : name;
  const gpuCount = num(r.GPUS);
  const hint = opts.modelHint?.trim() || (gpuCount !== null && gpuCount > 0 ? `${Math.floor(gpuCount)}x GPU` : null);
  return gpuMinerReading(
    {
      driver: 'trex',
      firmware: version ? `${miner} ${version}` : miner,
      algorithm: minerAlgorithm(r.ALGO),
      totalHs: khs * 1e3,
      gpus: [],
      pools: [],
      uptimeS: seconds(r.UPTIME),
    },
    { modelHint: hint },
  );
}
