/**
 * The driver registry: rigs.driver names a protocol family, and the collector asks here for its Driver.
 */
import { antminerDriver } from './antminer';
import { antminerWebDriver } from './antminer-web';
import { avalonDriver } from './avalon';
import { axeosDriver } from './axeos';
import { bminerDriver } from './bminer';
import { braiinsDriver } from './braiins';
import { dcgmDriver } from './dcgm';
import { dragonmintDriver } from './dragonmint';
import { excavatorDriver } from './excavator';
import { gminerDriver } from './gminer';
import { gpuAgentDriver } from './gpu-agent';
import { innosiliconDriver } from './innosilicon';
import { lolminerDriver } from './lolminer';
import { luxosDriver } from './luxos';
import { minizDriver } from './miniz';
import { nanominerDriver } from './nanominer';
import { nbminerDriver } from './nbminer';
import { phoenixminerDriver } from './phoenixminer';
import { srbminerDriver } from './srbminer';
import { teamredminerDriver } from './teamredminer';
import { trexDriver } from './trex';
import type { Driver } from './types';
import { whatsminerDriver } from './whatsminer';
import { whatsminerV3Driver } from './whatsminer-v3';

/**
 * Every driver, in the order detection asks them: firmware that runs on another vendor's hardware, or
 * that imitates another's API, comes before the generic family it would otherwise be taken for.
 */
export const ALL_DRIVERS: readonly Driver[] = [
  braiinsDriver,
  luxosDriver,
  whatsminerDriver,
  whatsminerV3Driver,
  avalonDriver,
  teamredminerDriver,
  antminerDriver,
  antminerWebDriver,
  trexDriver,
  lolminerDriver,
  gminerDriver,
  nbminerDriver,
  axeosDriver,
  gpuAgentDriver,
  dcgmDriver,
  dragonmintDriver,
  innosiliconDriver,
  srbminerDriver,
  nanominerDriver,
  bminerDriver,
  phoenixminerDriver,
  minizDriver,
  excavatorDriver,
];

/** Every driver by its stable name (the value stored in rigs.driver). */
export const DRIVERS: Record<string, Driver> = Object.fromEntries(ALL_DRIVERS.map((d) => [d.name, d]));

/** The driver called `name`; throws an Error listing the known names when there is none. */
export function getDriver(name: string): Driver {
  const driver = Object.hasOwn(DRIVERS, name) ? DRIVERS[name] : undefined;
  if (!driver) {
    throw new Error(`unknown driver "${name}" (known: ${Object.keys(DRIVERS).sort().join(', ')})`);
  }
  return driver;
}
