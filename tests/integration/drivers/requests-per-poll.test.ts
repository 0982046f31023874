/**
 * Each driver's declared maxRequestsPerPoll (its poll deadline is that many request timeouts) holds in a
 * real poll: one simulated rig of every model of the demo (127.0.130.x, loopback TCP and HTTP), polled
 * through the sweep's deadline, every request counted as the transports record it. The stock Antminer
 * driver is also run down its web UI fallback (cgminer API refused, then the CGIs with their digest
 * challenge), its longest path.
 */
import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDriver } from '../../../collectors/drivers';
import { pollWithDeadline } from '../../../collectors/drivers/poll-deadline';
import { SIM_FAMILIES } from '../../../collectors/simulator/families';
import { FULL_MIX, SIM_MODELS } from '../../../collectors/simulator/fleet-plan';
import { startSimulator, type RunningSimulator } from '../../../collectors/simulator/simulator';

const T0 = Date.UTC(2026, 10, 24, 15, 0, 0);
const ids = [...new Set(FULL_MIX)];
let sim: RunningSimulator;

beforeAll(async () => {
  sim = await startSimulator({
    miners: ids.length * 2,
    mix: ids,
    subnet: '127.0.130',
    httpPort: null,
    seed: 5,
    faults: false,
    now: () => T0,
  });
});
afterAll(async () => {
  await sim?.stop();
});

/** The rig of model `id` at the first site (several ids share a model name: the driver tells them apart). */
function rigOf(id: string) {
  const { model, family } = SIM_MODELS[id];
  return sim.manifest.rigs.find((r, i) => i % 2 === 0 && r.model === model && r.driver === SIM_FAMILIES[family].driver)!;
}

describe('a poll sends no more requests than its driver declares', () => {
  it.each(ids)('%s', async (id) => {
    const rig = rigOf(id);
    const driver = getDriver(rig.driver);
    const requests: string[] = [];
    const reading = await pollWithDeadline(driver, {
      address: rig.address,
      port: rig.port,
      timeoutMs: 3000,
      recorder: (label) => requests.push(label),
    });
    expect(reading.driver).toBe(rig.driver);
    expect(requests.length).toBeGreaterThan(0);
    expect(requests.length, requests.join(', ')).toBeLessThanOrEqual(driver.maxRequestsPerPoll);
  });

  it('antminer down its web UI fallback: one refused request, then the CGIs and their digest challenge', async () => {
    const rig = rigOf('antminer-web-s21');
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, rig.address, resolve));
    const refusedPort = (closed.address() as { port: number }).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const driver = getDriver('antminer');
    const requests: string[] = [];
    const reading = await pollWithDeadline(driver, {
      address: rig.address,
      port: refusedPort,
      webPort: rig.port,
      timeoutMs: 3000,
      recorder: (label) => requests.push(label),
    });
    expect(reading.model).toMatch(/S21/);
    expect(requests.filter((r) => r === 'GET /cgi-bin/stats.cgi')).toHaveLength(2); // 401 challenge, then answered
    expect(1 + requests.length, requests.join(', ')).toBeLessThanOrEqual(driver.maxRequestsPerPoll);
  });
});
