/** Simulated gpu-agent devices (placeholder until the family's replies are written). */
import { unwrittenFamily } from './cgminer-family';

export const gpuAgentFamily = unwrittenFamily('gpu-agent', 'gpu-agent', 'http');
