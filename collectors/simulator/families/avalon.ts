/** Canaan Avalon A1566 on the cgminer API (replies in ../avalon-replies.ts, ../avalon-stats.ts, ../avalon-mm-blob.ts). */
import { AVALON_DESCRIPTION, avalonReply } from '../avalon-replies';
import { cgminerFamily } from './cgminer-family';

export const avalonFamily = cgminerFamily({
  family: 'avalon',
  driver: 'avalon',
  errorDescription: AVALON_DESCRIPTION,
  reply: (command, _parameter, rig, state) => avalonReply(command, rig, state),
});
