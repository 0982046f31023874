/** PhoenixMiner JSON-RPC on 3333 (replies in ../gpu-replies/phoenixminer.ts; the listener adds "\n"). */
import { phoenixReply } from '../gpu-replies/phoenixminer';
import type { SimFamilyDef } from './types';

export const phoenixminerFamily: SimFamilyDef = {
  family: 'phoenixminer',
  driver: 'phoenixminer',
  protocol: 'jsonrpc',
  reply: phoenixReply,
};
