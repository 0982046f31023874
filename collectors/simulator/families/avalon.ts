/** Simulated avalon devices (placeholder until the family's replies are written). */
import { unwrittenFamily } from './cgminer-family';

export const avalonFamily = unwrittenFamily('avalon', 'avalon', 'cgminer');
