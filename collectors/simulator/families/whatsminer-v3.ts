/** Simulated Whatsminer M60S on API v3: framed JSON on 4433 (replies in ../whatsminer-v3-replies.ts). */
import { whatsminerV3Reply } from '../whatsminer-v3-replies';
import type { SimFamilyDef } from './types';

export const whatsminerV3Family: SimFamilyDef = {
  family: 'whatsminer-v3',
  driver: 'whatsminer-v3',
  protocol: 'btminer-v3',
  reply: (request, rig, state) => JSON.stringify(whatsminerV3Reply(request, rig, state)),
};
