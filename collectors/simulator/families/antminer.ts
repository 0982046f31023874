/** Stock Antminer S19 Pro / S21 on the cgminer API (replies in ../antminer-replies.ts). */
import { ANTMINER_DESCRIPTION, antminerReply } from '../antminer-replies';
import { cgminerFamily } from './cgminer-family';

export const antminerFamily = cgminerFamily({
  family: 'antminer',
  driver: 'antminer',
  errorDescription: ANTMINER_DESCRIPTION,
  reply: (command, _parameter, rig, state) => antminerReply(command, rig, state),
});
