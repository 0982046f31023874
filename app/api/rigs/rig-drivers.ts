/** The driver names rigs may use and each one's default port (for default rig names), from the descriptors. */
import { DRIVER_DEFAULT_PORTS, DRIVER_NAMES as NAMES } from '../../../lib/domain/driver-kinds';

export const DRIVER_NAMES: readonly string[] = NAMES;
export const DEFAULT_PORTS: Record<string, number> = DRIVER_DEFAULT_PORTS;
