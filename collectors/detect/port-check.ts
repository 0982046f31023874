/** Is anything listening? One TCP connect, closed at once; the first stage of a scan. */
import { createConnection } from 'node:net';

/** 'open' (connected), 'closed' (refused, unreachable) or 'silent' (no answer within the timeout). */
export type PortState = 'open' | 'closed' | 'silent';

export function checkPort(host: string, port: number, timeoutMs: number): Promise<PortState> {
  return new Promise((resolve) => {
    const socket = createConnection({ host, port });
    let done = false;
    const finish = (state: PortState) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      socket.destroy();
      resolve(state);
    };
    const timer = setTimeout(() => finish('silent'), timeoutMs);
    socket.once('connect', () => finish('open'));
    socket.once('error', () => finish('closed'));
  });
}
