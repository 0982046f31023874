/** Simulated luxos devices (placeholder until the family's replies are written). */
import { unwrittenFamily } from './cgminer-family';

export const luxosFamily = unwrittenFamily('luxos', 'luxos', 'cgminer');
