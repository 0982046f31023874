/**
 * What a failed TCP connection means to an operator, shared by every stream transport (cgminer,
 * btminer-v3, JSON-RPC): refused/unreachable/reset is 'refused', a kernel connect timeout is 'timeout'.
 */
import { DeviceError } from './types';

/** Socket error codes that mean "nothing usable is listening there". */
export const REFUSED_CODES: ReadonlySet<string> = new Set([
  'ECONNREFUSED',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ECONNRESET',
  'EPIPE',
  'ECONNABORTED',
  'EHOSTDOWN',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

/** The DeviceError for a socket error while sending `label` to `where` ("10.0.0.5:4028"). */
export function socketError(err: NodeJS.ErrnoException, label: string, where: string): DeviceError {
  const code = err.code ?? 'socket error';
  if (code === 'ETIMEDOUT') return new DeviceError('timeout', `connection to ${where} for "${label}" timed out (ETIMEDOUT)`);
  if (REFUSED_CODES.has(code)) return new DeviceError('refused', `connection to ${where} for "${label}" failed (${code})`);
  return new DeviceError('refused', `connection to ${where} for "${label}" failed (${code}: ${err.message})`);
}

/** The DeviceError when `timeoutMs` ran out: no connection at all, or a reply that never finished. */
export function stallError(label: string, where: string, timeoutMs: number, connected: boolean, receivedBytes: number): DeviceError {
  const partial = receivedBytes > 0 ? ` (${receivedBytes} bytes received)` : '';
  return new DeviceError(
    'timeout',
    connected
      ? `no complete reply to "${label}" from ${where} within ${timeoutMs} ms${partial}`
      : `no connection to ${where} for "${label}" within ${timeoutMs} ms`,
  );
}
