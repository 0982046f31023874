/**
 * The pure half of cgminer's joined report commands (protocols.md §1.1): a joined reply is an object keyed
 * by command, each value a one-element array holding that command's full reply
 * (fx:asic/avalon-1047-pools+summary+stats.json). The request itself is in joined.ts.
 */
import { DeviceError } from '../types';
import { replyStatus } from './lenient-json';

/** Each command's reply body, or the DeviceError its own STATUS E/F part says; absent when not answered. */
export type JoinedParts = Record<string, Record<string, unknown> | DeviceError>;

/** The parts of a joined reply by command; a part with STATUS E/F becomes its DeviceError. Pure. */
export function splitJoinedReply(body: object): JoinedParts {
  const out: JoinedParts = {};
  for (const [command, value] of Object.entries(body)) {
    const first = Array.isArray(value) ? value[0] : value;
    const reply = typeof first === 'object' && first !== null && !Array.isArray(first) ? (first as Record<string, unknown>) : null;
    if (!reply) continue;
    const s = replyStatus(reply);
    out[command] =
      s && (s.letter === 'E' || s.letter === 'F') ? new DeviceError('api-error', `${command}: ${s.msg} (code ${s.code ?? '?'})`) : reply;
  }
  return out;
}

/** The body of one part, or null when the part failed or is missing (an optional command's rule). */
export function joinedPart(parts: JoinedParts, command: string): Record<string, unknown> | null {
  const p = parts[command];
  return p instanceof DeviceError ? null : (p ?? null);
}
