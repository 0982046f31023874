/** Simulated trex devices (placeholder until the family's replies are written). */
import { unwrittenFamily } from './cgminer-family';

export const trexFamily = unwrittenFamily('trex', 'trex', 'http');
