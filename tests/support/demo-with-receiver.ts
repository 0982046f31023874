/**
 * The alert end-to-end tests' setting: `hashwatt start` with a small demo fleet on its own loopback
 * subnet, a loopback HTTP receiver standing in for a webhook on `<subnet>.251` (listed, as an operator
 * lists a LAN service, in HASHWATT_NOTIFY_PRIVATE_HOSTS), and Chromium.
 */
import type { Browser } from 'playwright';
import { startReceiver, type Receiver } from '../integration/notify/receiver';
import { launchBrowser } from './browser';
import { freePort, startSystem, type RunningSystem } from './system';
import { tempDir } from './temp';

export interface DemoWithReceiver {
  system: RunningSystem;
  base: string;
  hook: Receiver;
  browser: Browser;
  stop(): Promise<void>;
}

export async function startDemoWithReceiver(opts: {
  subnet: string;
  miners: number;
  env?: Record<string, string>;
}): Promise<DemoWithReceiver> {
  const dir = tempDir('hashwatt-alerts-e2e-');
  const hook = await startReceiver(`${opts.subnet}.251`);
  const system = await startSystem({
    PORT: String(await freePort()),
    HASHWATT_DB: `${dir.dir}/hashwatt.db`,
    HASHWATT_DEMO: '1',
    HASHWATT_DEMO_MINERS: String(opts.miners),
    HASHWATT_POLL_INTERVAL_S: '1',
    HASHWATT_SIM_SUBNET: opts.subnet,
    HASHWATT_NOTIFY_PRIVATE_HOSTS: `${opts.subnet}.251`,
    ...opts.env,
  });
  const browser = await launchBrowser();
  return {
    system,
    base: system.baseUrl,
    hook,
    browser,
    stop: async () => {
      await browser.close();
      await system.interrupt();
      await hook.close();
      dir.cleanup();
    },
  };
}
