/**
 * The driver registry: rigs.driver names a protocol family, and the collector asks here for its Driver.
 */
import { antminerDriver } from './antminer';
import type { Driver } from './types';
import { whatsminerDriver } from './whatsminer';

/** Every driver by its stable name (the value stored in rigs.driver). */
export const DRIVERS: Record<string, Driver> = {
  [antminerDriver.name]: antminerDriver,
  [whatsminerDriver.name]: whatsminerDriver,
};

/** The driver called `name`; throws an Error listing the known names when there is none. */
export function getDriver(name: string): Driver {
  const driver = Object.hasOwn(DRIVERS, name) ? DRIVERS[name] : undefined;
  if (!driver) {
    throw new Error(`unknown driver "${name}" (known: ${Object.keys(DRIVERS).sort().join(', ')})`);
  }
  return driver;
}
