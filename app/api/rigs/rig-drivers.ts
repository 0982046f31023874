/** The driver names rigs may use and each one's default port (for default rig names), from the registry. */
import { ALL_DRIVERS } from '../../../collectors/drivers';

export const DRIVER_NAMES: readonly string[] = ALL_DRIVERS.map((d) => d.name);
export const DEFAULT_PORTS: Record<string, number> = Object.fromEntries(ALL_DRIVERS.map((d) => [d.name, d.defaultPort]));
