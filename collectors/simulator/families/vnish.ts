/** Simulated vnish devices (placeholder until the family's replies are written). */
import { unwrittenFamily } from './cgminer-family';

export const vnishFamily = unwrittenFamily('vnish', 'antminer', 'cgminer');
