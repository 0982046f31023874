/**
 * One request over a fresh TCP connection, the skeleton the cgminer and JSON-RPC transports share: connect,
 * write, read until the reader says the reply is complete or the server closes, within one timeout for
 * connect + read, abortable, cut at maxBytes (nothing beyond the cap is kept), with every socket error
 * mapped to a DeviceError naming the request, the address and how many bytes had come. The reader decides
 * what "complete" means and what the reply text is.
 */
import { createConnection } from 'node:net';
import { closedError, quoted, socketError, stallError, tooLargeError } from './socket-errors';
import { DeviceError, type PollTarget } from './types';

export interface ReplyReader {
  /** Takes the next chunk; true once the reply is complete (the connection is then closed). */
  onChunk(chunk: Buffer): boolean;
  /** The reply text once the exchange ended (complete, or the server closed). */
  result(): string;
}

/** "10.0.0.5:4028", or "[fe80::1]:4028" for IPv6, as used in every message. */
export function describeTarget(target: Pick<PollTarget, 'address' | 'port'>): string {
  return target.address.includes(':') ? `[${target.address}]:${target.port}` : `${target.address}:${target.port}`;
}

/** Sends `payload` and resolves with the reply text; rejects with a DeviceError saying what happened. */
export function tcpExchange(target: PollTarget, label: string, payload: string, maxBytes: number, reader: ReplyReader): Promise<string> {
  const where = describeTarget(target);
  const what = quoted(label);
  const signal = target.signal;
  return new Promise<string>((resolve, reject) => {
    if (signal?.aborted) {
      reject(new DeviceError('aborted', `"${label}" to ${where} aborted before sending`));
      return;
    }
    let received = 0;
    let connected = false;
    let settled = false;
    const socket = createConnection({ host: target.address, port: target.port });

    const finish = (error: DeviceError | null) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      socket.destroy();
      if (error) {
        reject(error);
        return;
      }
      const text = reader.result();
      target.recorder?.(label, text);
      resolve(text);
    };

    const onAbort = () => finish(new DeviceError('aborted', `"${label}" to ${where} aborted`));
    signal?.addEventListener('abort', onAbort, { once: true });

    const timer = setTimeout(() => finish(stallError(what, where, target.timeoutMs, connected, received)), target.timeoutMs);
    // The server's close ends a reply; a close before any byte is no reply at all.
    const onClose = () => finish(received === 0 ? closedError(what, where) : null);

    socket.on('connect', () => {
      connected = true;
      // No half-close after the request: some firmware treats an early FIN as a dropped client.
      socket.write(payload);
    });
    socket.on('data', (chunk: Buffer) => {
      received += chunk.length;
      target.onReplyBytes?.(chunk.length);
      if (received > maxBytes) {
        finish(tooLargeError(what, where, maxBytes));
        return;
      }
      if (reader.onChunk(chunk)) finish(null);
    });
    socket.on('end', onClose);
    socket.on('close', onClose);
    socket.on('error', (err: NodeJS.ErrnoException) => finish(socketError(err, what, where, received)));
  });
}
