/**
 * cgminer's joined report commands (protocols.md §1.1): `{"command":"summary+version+pools"}` is answered
 * on ONE connection with an object keyed by command, each value a one-element array holding that command's
 * full reply (fx:asic/avalon-1047-pools+summary+stats.json). One connection instead of one per command is
 * most of a poll's cost. It does not work everywhere (pyasic: stock S19 firmware needs split commands), so
 * a driver uses it only for a family whose joined reply is documented, and falls back to one command per
 * connection when the device refuses the joined form.
 */
import { cgminerQuery } from './client';
import { splitJoinedReply, type JoinedParts } from './joined-reply';
import { DeviceError, isGoneQuiet, type PollTarget } from '../types';

export type { JoinedParts };

/** What a joined request came to: the parts, or the reason the device would not answer it joined. */
export type JoinedOutcome = { kind: 'answered'; parts: JoinedParts } | { kind: 'refused'; reason: DeviceError };

/**
 * Sends `commands` joined with "+" on one connection. A device gone quiet (timeout, refused, unreachable)
 * or an abort throws, as a single command would: asking again command by command would only wait out
 * more timeouts. Anything else that is not a joined reply (STATUS E "Invalid command" from firmware
 * without joins, a closed or reset connection, garbage, a plain single reply) is 'refused', and the
 * caller asks command by command.
 */
export async function cgminerJoined(target: PollTarget, commands: readonly string[]): Promise<JoinedOutcome> {
  const joined = commands.join('+');
  let body: Record<string, unknown>;
  try {
    body = (await cgminerQuery(target, joined)).body;
  } catch (err) {
    if (!(err instanceof DeviceError) || err.kind === 'aborted' || isGoneQuiet(err)) throw err;
    return { kind: 'refused', reason: err };
  }
  // The first command's part must be there: a firmware that answers only one command, or an unrelated
  // envelope, is not a joined reply.
  if (!Array.isArray(body[commands[0]])) {
    return { kind: 'refused', reason: new DeviceError('unexpected', `reply to "${joined}" is not keyed by command`) };
  }
  return { kind: 'answered', parts: splitJoinedReply(body) };
}
