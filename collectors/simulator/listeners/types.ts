/** What every simulated device listener offers the fleet: open/close its port and forced faults. */

/** Misbehaviour of an open listener; 'offline' is handled by closing it instead. */
export type ListenerFault = 'silent' | 'garbage' | 'half' | null;

/** One device's port: open to accept, closed to refuse connections (ECONNREFUSED) like a rig gone dark. */
export interface SimListener {
  readonly listening: boolean;
  /** Opens or closes the port; calls are serialized so a flap never races a stop(). */
  setOpen(open: boolean): Promise<void>;
  close(): Promise<void>;
}
