/** GMiner GPU miner HTTP API on 4070 in the demo (replies in ../gpu-replies/gminer.ts). */
import { gminerHttpReply } from '../gpu-replies/gminer';
import type { SimFamilyDef } from './types';

export const gminerFamily: SimFamilyDef = {
  family: 'gminer',
  driver: 'gminer',
  protocol: 'http',
  replyHttp: gminerHttpReply,
};
