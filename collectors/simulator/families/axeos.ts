/** Simulated axeos devices (placeholder until the family's replies are written). */
import { unwrittenFamily } from './cgminer-family';

export const axeosFamily = unwrittenFamily('axeos', 'axeos', 'http');
