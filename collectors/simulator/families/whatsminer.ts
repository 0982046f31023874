/** Whatsminer btminer API v1/v2 on 4028 (replies in ../whatsminer-replies.ts). */
import { WHATSMINER_ERROR_DESCRIPTION, whatsminerReply } from '../whatsminer-replies';
import { cgminerFamily } from './cgminer-family';

export const whatsminerFamily = cgminerFamily({
  family: 'whatsminer',
  driver: 'whatsminer',
  errorDescription: WHATSMINER_ERROR_DESCRIPTION,
  reply: (command, _parameter, rig, state) => whatsminerReply(command, rig, state),
});
