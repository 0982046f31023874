/**
 * What a failed device exchange means to an operator, shared by every transport (cgminer, btminer-v3,
 * JSON-RPC, HTTP), so `hashwatt probe` and a rig's last error say what actually happened: refused,
 * unreachable, reset after N bytes, closed without a reply, over the byte cap, or timed out with or
 * without bytes received. `what` names the request as messages show it ("\"stats\"", "GET /api/summary"),
 * `where` the device ("10.0.0.5:4028", "http://10.0.0.5:80/api/summary").
 */
import { DeviceError } from './types';

const RESET_CODES: ReadonlySet<string> = new Set(['ECONNRESET', 'EPIPE', 'ECONNABORTED']);
const UNREACHABLE_CODES: ReadonlySet<string> = new Set(['EHOSTUNREACH', 'ENETUNREACH', 'EHOSTDOWN']);
const UNRESOLVED_CODES: ReadonlySet<string> = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_FAIL', 'EAI_NONAME']);

/** `"stats"`: a protocol command as messages quote it. */
export function quoted(label: string): string {
  return `"${label}"`;
}

/** The DeviceError for a socket error during `what`, after `receivedBytes` bytes of the reply had come. */
export function socketError(err: NodeJS.ErrnoException, what: string, where: string, receivedBytes: number): DeviceError {
  const code = err.code ?? 'socket error';
  if (code === 'ETIMEDOUT') return new DeviceError('timeout', `connection to ${where} for ${what} timed out (ETIMEDOUT)`);
  if (code === 'ECONNREFUSED') return new DeviceError('refused', `${where} refused the connection for ${what} (ECONNREFUSED)`);
  if (UNREACHABLE_CODES.has(code)) return new DeviceError('unreachable', `${where} is unreachable (${code}) for ${what}`);
  if (UNRESOLVED_CODES.has(code)) return new DeviceError('unreachable', `the host name of ${where} does not resolve (${code}) for ${what}`);
  if (RESET_CODES.has(code)) return resetError(what, where, receivedBytes);
  return new DeviceError('refused', `connection to ${where} for ${what} failed (${code}: ${err.message})`);
}

/** The device reset the connection: before its reply, or after `receivedBytes` bytes of it. */
export function resetError(what: string, where: string, receivedBytes: number): DeviceError {
  return new DeviceError(
    'reset',
    receivedBytes > 0
      ? `connection reset by ${where} after ${receivedBytes} bytes of the reply to ${what}`
      : `connection reset by ${where} before any reply to ${what}`,
  );
}

/** The device closed the connection without sending a byte (e.g. an API access list that leaves us out). */
export function closedError(what: string, where: string): DeviceError {
  return new DeviceError('closed', `${where} closed the connection without replying to ${what}`);
}

/** A reply over the transport's cap; the exchange is cut there, so nothing beyond it is buffered. */
export function tooLargeError(what: string, where: string, maxBytes: number): DeviceError {
  return new DeviceError('too-large', `reply to ${what} from ${where} larger than ${maxBytes} bytes`);
}

/** The DeviceError when `timeoutMs` ran out: no connection, no byte of a reply, or a reply still incomplete. */
export function stallError(what: string, where: string, timeoutMs: number, connected: boolean, receivedBytes: number): DeviceError {
  if (!connected) return new DeviceError('timeout', `no connection to ${where} for ${what} within ${timeoutMs} ms`);
  if (receivedBytes === 0) return new DeviceError('timeout', `no reply to ${what} from ${where} within ${timeoutMs} ms`);
  return new DeviceError('timeout', `reply to ${what} from ${where} incomplete after ${timeoutMs} ms (${receivedBytes} bytes received)`);
}

/** The first bytes of a reply as a short JSON string with control bytes blanked, safe for a log line. */
export function snippet(bytes: Buffer | string, max = 40): string {
  const text = typeof bytes === 'string' ? bytes : bytes.toString('utf8');
  const s = text.slice(0, max).replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ');
  return JSON.stringify(text.length > max ? `${s}…` : s);
}
