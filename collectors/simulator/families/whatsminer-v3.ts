/** Simulated whatsminer-v3 devices (placeholder until the family's replies are written). */
import { unwrittenFamily } from './cgminer-family';

export const whatsminerV3Family = unwrittenFamily('whatsminer-v3', 'whatsminer-v3', 'btminer-v3');
