/**
 * The Whatsminer API v3 reply envelope (protocols.md §1.7): `{"code":0,"when":…,"msg":{…}|"ok"|"<text>",
 * "desc":"<cmd>"}`. code 0 ok, -1 fail, -2 invalid command, -3 invalid json, -4 no permission, -5 OOM.
 * Pure: no I/O.
 */
import { num, obj, previewJson } from '../cgminer-tcp/coerce';
import { parseCgminerReply, type CgminerReply } from '../cgminer-tcp/lenient-json';
import { DeviceError } from '../types';

/** What the v3 codes mean, for messages. */
const CODE_MEANINGS: Record<number, string> = {
  [-1]: 'failed',
  [-2]: 'invalid command',
  [-3]: 'invalid JSON',
  [-4]: 'no permission',
  [-5]: 'out of memory',
};

/** Label of a request in messages and --raw output: "get.miner.status summary". */
export function v3Label(cmd: string, param?: string): string {
  return param === undefined ? cmd : `${cmd} ${param}`;
}

/**
 * Throws DeviceError 'api-error' ("<label>: <msg> (code -2, invalid command)") when the envelope's code is
 * not 0, or 'unexpected' when there is no numeric code at all (not an API v3 reply).
 */
export function checkV3Code(body: Record<string, unknown>, label: string): void {
  const code = num(body.code);
  if (code === null) throw new DeviceError('unexpected', `reply to "${label}" has no numeric "code" (not an API v3 envelope)`);
  if (code === 0) return;
  const msg = typeof body.msg === 'string' ? body.msg : body.msg === undefined ? '' : previewJson(body.msg);
  const meaning = CODE_MEANINGS[code];
  throw new DeviceError('api-error', `"${label}" failed: ${msg || 'no message'} (code ${code}${meaning ? `, ${meaning}` : ''})`);
}

/**
 * One reply frame's text -> its checked envelope, the same entry the driver uses: lenient JSON (see
 * lenient-json.ts), then the code check. Throws 'garbage', 'truncated', 'api-error' or 'unexpected'.
 */
export function parseV3Frame(text: string, label: string, source?: string): CgminerReply {
  const reply = parseCgminerReply(text, label, source);
  checkV3Code(reply.body, label);
  return reply;
}

/** The `msg` object of an envelope, or null when msg is a string or missing. */
export function v3Msg(body: unknown): Record<string, unknown> | null {
  return obj(obj(body)?.msg);
}
