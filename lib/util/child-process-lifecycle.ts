/**
 * Shutdown wiring shared by the processes the supervisor starts: stop on SIGINT/SIGTERM, and also when
 * the supervisor's IPC channel closes (it died), so no child lingers as an orphan.
 */

/** Calls `stop` once on the first of SIGINT, SIGTERM or a lost parent. */
export function onShutdown(stop: (reason: string) => void): void {
  let called = false;
  const once = (reason: string) => {
    if (called) return;
    called = true;
    stop(reason);
  };
  process.once('SIGINT', () => once('SIGINT'));
  process.once('SIGTERM', () => once('SIGTERM'));
  process.once('disconnect', () => once('parent gone'));
}

/** Lets the process exit once its work is done: the IPC channel would otherwise keep it alive. */
export function releaseParent(): void {
  if (process.connected) process.disconnect();
}
