/** Simulated lolminer devices (placeholder until the family's replies are written). */
import { unwrittenFamily } from './cgminer-family';

export const lolminerFamily = unwrittenFamily('lolminer', 'lolminer', 'http');
