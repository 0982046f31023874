/** lolMiner GPU miner HTTP API on 4069 in the demo (replies in ../gpu-replies/lolminer.ts). */
import { lolminerHttpReply } from '../gpu-replies/lolminer';
import type { SimFamilyDef } from './types';

export const lolminerFamily: SimFamilyDef = {
  family: 'lolminer',
  driver: 'lolminer',
  protocol: 'http',
  replyHttp: lolminerHttpReply,
};
