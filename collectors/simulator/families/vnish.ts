/** Vnish on an Antminer S19, stock-shaped cgminer API on 4028 read by the antminer driver (../vnish-replies.ts). */
import { VNISH_DESCRIPTION, vnishReply } from '../vnish-replies';
import { cgminerFamily } from './cgminer-family';

export const vnishFamily = cgminerFamily({
  family: 'vnish',
  driver: 'antminer',
  errorDescription: VNISH_DESCRIPTION,
  reply: (command, _parameter, rig, state) => vnishReply(command, rig, state),
});
