/** Simulated NVIDIA GPU hosts running `hashwatt gpu-agent` (replies in ../gpu-agent-replies.ts). */
import { gpuAgentHttpReply } from '../gpu-agent-replies';
import type { SimFamilyDef } from './types';

export const gpuAgentFamily: SimFamilyDef = {
  family: 'gpu-agent',
  driver: 'gpu-agent',
  protocol: 'http',
  replyHttp: gpuAgentHttpReply,
};
