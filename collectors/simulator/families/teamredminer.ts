/** Simulated teamredminer devices (placeholder until the family's replies are written). */
import { unwrittenFamily } from './cgminer-family';

export const teamredminerFamily = unwrittenFamily('teamredminer', 'teamredminer', 'cgminer');
