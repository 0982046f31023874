/** How the settings screen names a device a probe or scan found, and the body that adds it. Pure. */
import { makeAndModel } from '../../../lib/format/device-name';
import { formatHashrateThs } from '../../../lib/format/units';
import type { FoundDevice } from '../../../lib/rigs/device-request-types';

/** "Bitmain Antminer S19 Pro", or the driver when the device did not name its model. */
export function deviceLabel(d: FoundDevice): string {
  return d.model ? makeAndModel(d.make, d.model) : `unknown model (${d.driver})`;
}

/** "104 TH/s" from the poll after detection, or why that poll failed. */
export function deviceReadingLabel(d: FoundDevice): string {
  if (d.pollError) return `recognised, but its first poll failed: ${d.pollError}`;
  return d.hashrateThs === null ? 'no hash rate reported' : formatHashrateThs(d.hashrateThs);
}

/** One entry of POST /api/rigs. */
export function newRigOf(d: FoundDevice, name?: string) {
  return {
    address: d.address,
    port: d.port,
    driver: d.driver,
    model: d.model,
    algorithm: d.algorithm,
    ...(name?.trim() ? { name: name.trim() } : {}),
  };
}
