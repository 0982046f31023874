/**
 * The driver registry: rigs.driver names a protocol family, and the collector asks here for its Driver.
 * Built from the descriptors in lib/domain/driver-kinds.ts (the web reads those, never this).
 */
import { DRIVER_KINDS, type DriverName } from '../../lib/domain/driver-kinds';
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
 * Each driver's code by its descriptor's name (lib/domain/driver-kinds.ts): the only list here, and the
 * type makes it name every descriptor once. Adding a driver is its folder, its descriptor and one line here.
 */
export const DRIVER_IMPLEMENTATIONS = {
  braiins: braiinsDriver,
  luxos: luxosDriver,
  whatsminer: whatsminerDriver,
  'whatsminer-v3': whatsminerV3Driver,
  avalon: avalonDriver,
  teamredminer: teamredminerDriver,
  antminer: antminerDriver,
  'antminer-web': antminerWebDriver,
  trex: trexDriver,
  lolminer: lolminerDriver,
  gminer: gminerDriver,
  nbminer: nbminerDriver,
  axeos: axeosDriver,
  'gpu-agent': gpuAgentDriver,
  dcgm: dcgmDriver,
  dragonmint: dragonmintDriver,
  innosilicon: innosiliconDriver,
  srbminer: srbminerDriver,
  nanominer: nanominerDriver,
  bminer: bminerDriver,
  phoenixminer: phoenixminerDriver,
  miniz: minizDriver,
  excavator: excavatorDriver,
} as const satisfies Record<DriverName, Driver>;

/** Every driver, in the descriptors' order, which is the order detection asks them (see DRIVER_KINDS). */
export const ALL_DRIVERS: readonly Driver[] = DRIVER_KINDS.map((d) => DRIVER_IMPLEMENTATIONS[d.name]);

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
