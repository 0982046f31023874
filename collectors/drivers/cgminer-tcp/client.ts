/**
 * The cgminer-family TCP transport (protocols.md §1.1): one connection per request, write the JSON
 * request, read until the server closes the socket. Replies arrive in many segments and contain "}" long
 * before the end, so the only reliable end of a reply is the server's FIN.
 */
import { describeTarget, tcpExchange } from '../tcp-exchange';
import { DeviceError, isGoneQuiet, type PollTarget } from '../types';
import { parseCgminerReply, type CgminerReply } from './lenient-json';

/** Replies above this are not a cgminer reply (the largest real ones, Avalon estats, are ~10 kB). */
export const MAX_REPLY_BYTES = 1024 * 1024;

export { describeTarget };

/**
 * Sends `{"command":"<command>"[,"parameter":"<parameter>"]}` and returns the raw reply text (NUL and
 * all). Throws DeviceError 'timeout' (connect + read past target.timeoutMs), 'refused', 'aborted' or
 * 'garbage' (reply larger than MAX_REPLY_BYTES).
 */
export function cgminerRequest(target: PollTarget, command: string, parameter?: string): Promise<string> {
  const request: Record<string, string> = { command };
  if (parameter !== undefined) request.parameter = parameter;
  return cgminerSend(target, request, command);
}

/**
 * Sends any JSON request (e.g. btminer's `{"cmd":"status"}`) with the same transport rules as
 * cgminerRequest; `label` names the request in error messages.
 */
export function cgminerSend(
  target: PollTarget,
  request: Record<string, unknown>,
  label: string,
  maxBytes: number = MAX_REPLY_BYTES,
): Promise<string> {
  const chunks: Buffer[] = [];
  // Replies contain "}" long before their end: only the server's close ends them.
  const reader = {
    onChunk: (chunk: Buffer) => {
      chunks.push(chunk);
      return false;
    },
    result: () => Buffer.concat(chunks).toString('utf8'),
  };
  return tcpExchange(target, label, JSON.stringify(request), maxBytes, reader);
}

/** Request plus parse: the reply to one command, with errors naming the command and the address. */
export async function cgminerQuery(target: PollTarget, command: string, parameter?: string): Promise<CgminerReply> {
  const raw = await cgminerRequest(target, command, parameter);
  return parseCgminerReply(raw, command, describeTarget(target));
}

/** cgminerQuery for any JSON request, e.g. btminer's `{"cmd":"status"}`. */
export async function cgminerQueryRaw(target: PollTarget, request: Record<string, unknown>, label: string): Promise<CgminerReply> {
  const raw = await cgminerSend(target, request, label);
  return parseCgminerReply(raw, label, describeTarget(target));
}

/**
 * A runner for a poll's optional commands: each returns the reply body, or null when the command failed
 * (old firmware without it, a one-off glitch), so it does not cost the whole reading. After a timeout or
 * refusal the device has gone quiet, so later optional commands are skipped instead of each waiting out
 * its own timeout. An abort is not a glitch: it still ends the poll.
 */
export function optionalRunner(): (run: () => Promise<CgminerReply>) => Promise<Record<string, unknown> | null> {
  let quiet = false;
  return async (run) => {
    if (quiet) return null;
    try {
      return (await run()).body;
    } catch (err) {
      if (!(err instanceof DeviceError) || err.kind === 'aborted') throw err;
      if (isGoneQuiet(err)) quiet = true;
      return null;
    }
  };
}
