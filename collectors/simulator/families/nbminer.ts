/** Simulated nbminer devices (placeholder until the family's replies are written). */
import { unwrittenFamily } from './cgminer-family';

export const nbminerFamily = unwrittenFamily('nbminer', 'nbminer', 'http');
