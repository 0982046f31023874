/**
 * The port lifecycle every simulated device listener shares: serialized open/close, listen errors reported
 * to the caller, later accept errors swallowed, open connections tracked so closing the port drops them.
 * A subclass only builds its server (createServer) and handles its protocol.
 */
import type net from 'node:net';
import type { SimListener } from './types';

/** Where a listener binds. */
export interface ListenerAddress {
  host: string;
  port: number;
}

export abstract class PortListener implements SimListener {
  private server: net.Server | null = null;
  private readonly sockets = new Set<net.Socket>();
  private queue: Promise<void> = Promise.resolve();

  constructor(private readonly address: ListenerAddress) {}

  /** A fresh, not yet listening server with the protocol's handlers attached; called on every open. */
  protected abstract createServer(): net.Server;

  /** True while the port accepts connections. */
  get listening(): boolean {
    return this.server !== null;
  }

  /** Opens or closes the port; calls are serialized so a flap never races a stop(). */
  setOpen(open: boolean): Promise<void> {
    const next = this.queue.then(() => (open ? this.doOpen() : this.doClose()));
    this.queue = next.catch(() => undefined);
    return next;
  }

  /** Starts accepting connections (no-op when already open). */
  open(): Promise<void> {
    return this.setOpen(true);
  }

  /** Stops accepting and drops open connections (no-op when already closed). */
  close(): Promise<void> {
    return this.setOpen(false);
  }

  private doOpen(): Promise<void> {
    if (this.server) return Promise.resolve();
    const server = this.createServer();
    server.on('connection', (socket: net.Socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
    return new Promise<void>((resolve, reject) => {
      // The original error object: the simulator reports its address, port and code.
      const onError = (err: Error) => reject(err);
      server.once('error', onError);
      server.listen({ host: this.address.host, port: this.address.port }, () => {
        server.off('error', onError);
        // Accept errors (e.g. EMFILE) must not crash the fleet; the client sees a refused or reset connection.
        server.on('error', () => undefined);
        this.server = server;
        resolve();
      });
    });
  }

  private doClose(): Promise<void> {
    const server = this.server;
    if (!server) return Promise.resolve();
    this.server = null;
    return new Promise<void>((resolve) => {
      server.close(() => resolve());
      // A rig that drops off the network takes its open connections with it.
      for (const socket of this.sockets) socket.destroy();
    });
  }
}
