/** T-Rex GPU miner HTTP API on 4067 (replies in ../gpu-replies/trex.ts). */
import { trexHttpReply } from '../gpu-replies/trex';
import type { SimFamilyDef } from './types';

export const trexFamily: SimFamilyDef = {
  family: 'trex',
  driver: 'trex',
  protocol: 'http',
  replyHttp: trexHttpReply,
};
