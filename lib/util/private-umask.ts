/**
 * Every file a Hashwatt process creates is its owner's alone: the database and its -wal/-shm, backups, the
 * key file, manifests, logs. Each process entry calls this first; children inherit it.
 */

/** umask 077: new files 0600 (or narrower), new folders 0700. */
export const PRIVATE_UMASK = 0o077;

/** Sets the process's umask to 077 (from its entry point, never at import). */
export function usePrivateUmask(): void {
  process.umask(PRIVATE_UMASK);
}
