/** NBMiner GPU miner HTTP API on 22333 (replies in ../gpu-replies/nbminer.ts). */
import { nbminerHttpReply } from '../gpu-replies/nbminer';
import type { SimFamilyDef } from './types';

export const nbminerFamily: SimFamilyDef = {
  family: 'nbminer',
  driver: 'nbminer',
  protocol: 'http',
  replyHttp: nbminerHttpReply,
};
