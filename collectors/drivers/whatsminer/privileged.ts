/**
 * The btminer API v2 privileged (write) handshake, read side only (protocols.md §1.7 "Write/privileged
 * v2"): `{"cmd":"get_token"}` answers time/salt/newsalt, and every reply to an encrypted write comes back
 * as `{"enc":"<base64 AES>"}`. Hashwatt only reads miners, so an encrypted reply is reported as such
 * rather than decrypted. Pure: no I/O.
 */
import { obj, str } from '../cgminer-tcp/coerce';
import { replyStatus } from '../cgminer-tcp/lenient-json';
import { DeviceError } from '../types';

/** The get_token Msg: the values the write handshake hashes the admin password with. */
export interface BtminerToken {
  /** Device time token, e.g. "6915" (kept as sent: a string). */
  time: string;
  salt: string;
  newsalt: string;
}

/** Throws DeviceError 'api-error' when the body is an encrypted `{"enc":…}` reply. */
export function assertNotEncrypted(body: unknown): void {
  const rec = obj(body);
  if (rec && 'enc' in rec) {
    throw new DeviceError('api-error', 'encrypted reply: API writes are not used by Hashwatt');
  }
}

/**
 * time, salt and newsalt of a get_token reply (whatsminer-get_token.json). Throws 'api-error' for an
 * encrypted reply or STATUS E, 'unexpected' when a field is missing.
 */
export function parseBtminerToken(body: unknown): BtminerToken {
  assertNotEncrypted(body);
  const rec = obj(body);
  if (!rec) throw new DeviceError('unexpected', 'get_token reply is not a JSON object');
  const status = replyStatus(rec);
  if (status && (status.letter === 'E' || status.letter === 'F')) {
    throw new DeviceError('api-error', `get_token refused: ${status.msg || 'no message'} (code ${status.code ?? '?'})`);
  }
  const msg = obj(rec.Msg);
  if (!msg) throw new DeviceError('unexpected', 'get_token reply has no Msg object');
  const field = (name: keyof BtminerToken): string => {
    const v = msg[name];
    const s = typeof v === 'number' && Number.isFinite(v) ? String(v) : str(v);
    if (s === null) throw new DeviceError('unexpected', `get_token reply has no Msg.${name}`);
    return s;
  };
  return { time: field('time'), salt: field('salt'), newsalt: field('newsalt') };
}
