/** Simulated gminer devices (placeholder until the family's replies are written). */
import { unwrittenFamily } from './cgminer-family';

export const gminerFamily = unwrittenFamily('gminer', 'gminer', 'http');
