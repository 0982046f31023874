/**
 * `hashwatt gpu-revenue` as an operator runs it against a real database: a figure per algorithm is set,
 * shown and cleared; an out-of-range figure or a malformed algorithm is refused with one line naming it,
 * and what was stored stays.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { gpuRevenueBySite } from '../../../lib/db/queries/gpu-revenue';
import { tempDb } from '../../support/temp';

const BIN = fileURLToPath(new URL('../../../bin/hashwatt.mjs', import.meta.url));
let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

function hashwatt(args: string[], env: Record<string, string>) {
  const res = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, ...env }, timeout: 60_000 });
  return { code: res.status, stdout: res.stdout, stderr: res.stderr.replace(/^npm warn.*\n/gm, '') };
}

describe('hashwatt gpu-revenue', { timeout: 180_000 }, () => {
  it('sets, shows, refuses out of range and clears a site figure per algorithm', () => {
    const t = tempDb();
    cleanup = t.cleanup;
    t.db.sqlite
      .prepare(
        "insert into sites (name, time_zone, currency, pue, pool_fee_pct, created_at_ms) values ('Rockdale TX', 'America/Chicago', 'USD', 1, 2, 1)",
      )
      .run();
    const env = { HASHWATT_DB: t.path };
    const none = hashwatt(['gpu-revenue', 'show', '--site', 'Rockdale TX'], env);
    expect(none.stdout).toBe('Rockdale TX: GPU revenue not set (GPU rigs count their power, not their revenue)\n');
    const set = hashwatt(['gpu-revenue', 'set', '--site', 'Rockdale TX', '--algorithm', 'kawpow', '--per-mhs-day', '0.02'], env);
    expect(set.stderr).toBe('');
    expect(set.stdout).toBe('Rockdale TX:\n  kawpow: 0.02 USD per MH/s per day\n');
    const tooHigh = hashwatt(['gpu-revenue', 'set', '--site', 'Rockdale TX', '--algorithm', 'ethash', '--per-mhs-day', '500'], env);
    expect(tooHigh.code).toBe(2);
    expect(tooHigh.stderr).toBe('hashwatt gpu-revenue: invalid GPU revenue: ethash must be from 0 to 100 per MH/s per day (got 500)\n');
    const negative = hashwatt(['gpu-revenue', 'set', '--site', 'Rockdale TX', '--algorithm', 'ethash', '--per-mhs-day', '-1'], env);
    expect(negative.stderr).toBe('hashwatt gpu-revenue: invalid GPU revenue: ethash must be from 0 to 100 per MH/s per day (got -1)\n');
    expect(gpuRevenueBySite(t.db).get(1)).toEqual({ kawpow: 0.02 });
    expect(hashwatt(['gpu-revenue', 'clear', '--site', 'Rockdale TX'], env).code).toBe(0);
    expect(gpuRevenueBySite(t.db).get(1)).toBeUndefined();
  });
});
