/** Braiins OS (BOSer) on an Antminer S19j Pro, cgminer-compatible API on 4028 (replies in ../braiins-replies.ts). */
import { BRAIINS_DESCRIPTION, braiinsReply } from '../braiins-replies';
import { cgminerFamily } from './cgminer-family';

export const braiinsFamily = cgminerFamily({
  family: 'braiins',
  driver: 'braiins',
  // The BOSer Code 23 "Invalid JSON" capture carries the same Description as its successful replies.
  errorDescription: BRAIINS_DESCRIPTION,
  reply: (command, _parameter, rig, state) => braiinsReply(command, rig, state),
});
