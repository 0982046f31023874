/** Every simulated protocol family by name (the keys of SimFamily). */
import type { SimFamily } from '../fleet-plan';
import type { SimFamilyDef } from './types';
import { antminerFamily } from './antminer';
import { antminerWebFamily } from './antminer-web';
import { avalonFamily } from './avalon';
import { axeosFamily } from './axeos';
import { braiinsFamily } from './braiins';
import { gminerFamily } from './gminer';
import { gpuAgentFamily } from './gpu-agent';
import { lolminerFamily } from './lolminer';
import { luxosFamily } from './luxos';
import { nbminerFamily } from './nbminer';
import { phoenixminerFamily } from './phoenixminer';
import { srbminerFamily } from './srbminer';
import { teamredminerFamily } from './teamredminer';
import { trexFamily } from './trex';
import { vnishFamily } from './vnish';
import { whatsminerFamily } from './whatsminer';
import { whatsminerV3Family } from './whatsminer-v3';

export const SIM_FAMILIES: Readonly<Record<SimFamily, SimFamilyDef>> = {
  antminer: antminerFamily,
  whatsminer: whatsminerFamily,
  'antminer-web': antminerWebFamily,
  'whatsminer-v3': whatsminerV3Family,
  avalon: avalonFamily,
  braiins: braiinsFamily,
  luxos: luxosFamily,
  vnish: vnishFamily,
  axeos: axeosFamily,
  'gpu-agent': gpuAgentFamily,
  trex: trexFamily,
  lolminer: lolminerFamily,
  gminer: gminerFamily,
  nbminer: nbminerFamily,
  teamredminer: teamredminerFamily,
  srbminer: srbminerFamily,
  phoenixminer: phoenixminerFamily,
};
