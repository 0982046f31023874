/** Simulated phoenixminer devices (placeholder until the family's replies are written). */
import { unwrittenFamily } from './cgminer-family';

export const phoenixminerFamily = unwrittenFamily('phoenixminer', 'phoenixminer', 'jsonrpc');
