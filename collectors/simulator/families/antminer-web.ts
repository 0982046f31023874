/** Simulated antminer-web devices (placeholder until the family's replies are written). */
import { unwrittenFamily } from './cgminer-family';

export const antminerWebFamily = unwrittenFamily('antminer-web', 'antminer-web', 'http');
