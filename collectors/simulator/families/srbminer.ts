/** Simulated srbminer devices (placeholder until the family's replies are written). */
import { unwrittenFamily } from './cgminer-family';

export const srbminerFamily = unwrittenFamily('srbminer', 'srbminer', 'http');
