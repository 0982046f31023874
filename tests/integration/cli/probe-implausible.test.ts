/**
 * `hashwatt probe` gives the collector's verdict (issue 12): a device whose reading the plausibility check
 * refuses is reported as that error with a non-zero exit, not printed at 1e297 TH/s; a reading with an
 * impossible sensor value is printed with its warnings. Evil devices: loopback cgminer servers (127.0.175.x).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEvilWhatsminer, whatsminerSummary, type EvilDevice } from '../../support/evil-cgminer';
import { runHashwatt } from '../../support/run-cli';

const SUBNET = '127.0.175';
const devices: EvilDevice[] = [];

beforeAll(async () => {
  devices.push(await startEvilWhatsminer(`${SUBNET}.1`, 4028, whatsminerSummary({ 'MHS 1m': '1e303' })));
  devices.push(await startEvilWhatsminer(`${SUBNET}.2`, 4028, whatsminerSummary({ Elapsed: '-5' })));
});
afterAll(async () => {
  for (const d of devices) await d.close();
});

describe('hashwatt probe of an implausible device', { timeout: 60_000 }, () => {
  it('reports a refused reading as the rig error, exit 1', async () => {
    const res = await runHashwatt(['probe', `${SUBNET}.1`]);
    expect(res.stdout).toBe('');
    // No model named and none registered: the limit for a SHA-256 model without a nameplate.
    expect(res.stderr.trim()).toBe(
      `hashwatt probe: ${SUBNET}.1:4028: implausible reading: hashrateThs = 1e+297 (must be <= 2000: the limit for a SHA-256 model without a nameplate)`,
    );
    expect(res.code).toBe(1);
  });

  it('says the same in --json', async () => {
    const res = await runHashwatt(['probe', `${SUBNET}.1`, '--json']);
    const out = JSON.parse(res.stdout);
    expect(out).toMatchObject({ status: 'poll-failed', driver: 'whatsminer', reading: null });
    expect(out.error).toMatch(/^implausible reading: hashrateThs = 1e\+297 /);
    expect(res.code).toBe(1);
  });

  it('prints a reading with an impossible uptime, the uptime unknown and the warning shown', async () => {
    const res = await runHashwatt(['probe', `${SUBNET}.2`]);
    expect(res.code).toBe(0);
    expect(res.stdout).toMatch(/^hash rate\s+88(\.0+)? TH\/s/m);
    expect(res.stdout).toMatch(/^uptime\s+—$/m);
    expect(res.stdout).toMatch(/^warnings\s+uptimeS = -5 \(must be >= 0\): stored as unknown$/m);
  });
});
