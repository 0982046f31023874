/**
 * Bitaxe (AxeOS) and NerdQAxe++ (NerdOS) on HTTP: one family, the reply shape chosen by the catalogue model
 * (replies in ../axeos-replies.ts and ../axeos-nerd-replies.ts).
 */
import { bitaxeAsic, bitaxeInfo, isNerdRig, nerdAsic } from '../axeos-replies';
import { nerdInfo } from '../axeos-nerd-replies';
import type { SimFamilyDef } from './types';

export const axeosFamily: SimFamilyDef = {
  family: 'axeos',
  driver: 'axeos',
  protocol: 'http',
  replyHttp(request, rig, state) {
    const nerd = isNerdRig(rig);
    if (request.method === 'GET' && request.path === '/api/system/info') {
      return { status: 200, body: nerd ? nerdInfo(rig, state) : bitaxeInfo(rig, state) };
    }
    if (request.method === 'GET' && request.path === '/api/system/asic') {
      return { status: 200, body: nerd ? nerdAsic(rig) : bitaxeAsic(rig) };
    }
    // unverified: the body of ESP-Miner's 404 (its web server answers unknown URIs with 404 and a short text).
    return { status: 404, body: 'Not found' };
  },
};
