/** Simulated braiins devices (placeholder until the family's replies are written). */
import { unwrittenFamily } from './cgminer-family';

export const braiinsFamily = unwrittenFamily('braiins', 'braiins', 'cgminer');
