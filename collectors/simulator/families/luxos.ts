/** LuxOS (LUXminer) on an Antminer S19 XP, cgminer-compatible API on 4028 (replies in ../luxos-replies.ts). */
import { sortKeys } from '../braiins-replies';
import { LUXOS_DESCRIPTION, luxosReply } from '../luxos-replies';
import { cgminerFamily } from './cgminer-family';
import type { SimFamilyDef } from './types';

const unsorted = cgminerFamily({
  family: 'luxos',
  driver: 'luxos',
  errorDescription: LUXOS_DESCRIPTION,
  reply: (command, _parameter, rig, state) => luxosReply(command, rig, state),
});

/**
 * LUXminer sorts the keys of every object it sends, STATUS included (fx:asic/luxos-error-invalid-command.json),
 * so every reply, the shared envelope errors too, is re-serialised with sorted keys.
 */
export const luxosFamily: SimFamilyDef = {
  ...unsorted,
  reply: (request, rig, state) => JSON.stringify(sortKeys(JSON.parse(unsorted.reply!(request, rig, state)))),
};
