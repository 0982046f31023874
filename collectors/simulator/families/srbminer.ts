/** SRBMiner-Multi HTTP API on 21550 (replies in ../gpu-replies/srbminer.ts). */
import { srbminerHttpReply } from '../gpu-replies/srbminer';
import type { SimFamilyDef } from './types';

export const srbminerFamily: SimFamilyDef = {
  family: 'srbminer',
  driver: 'srbminer',
  protocol: 'http',
  replyHttp: srbminerHttpReply,
};
