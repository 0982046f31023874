/** TeamRedMiner's cgminer-compatible API on 4028 (replies in ../gpu-replies/teamredminer.ts). */
import { TRM_DESCRIPTION, teamredminerReply } from '../gpu-replies/teamredminer';
import { cgminerFamily } from './cgminer-family';

export const teamredminerFamily = cgminerFamily({
  family: 'teamredminer',
  driver: 'teamredminer',
  errorDescription: TRM_DESCRIPTION,
  reply: (command, _parameter, rig, state) => teamredminerReply(command, rig, state),
});
