/**
 * A child kept running: when its process exits without being asked, the cause is logged (how it ended
 * and its last stderr lines), and it is started again after the policy's delay; when the policy gives
 * up, the supervisor hears it once and stops the system.
 */
import type { ChildHandle } from './child';
import type { RestartPolicy } from './restart-policy';

/** What a supervised child needs. */
export interface SupervisedChildOptions {
  name: string;
  /** Starts a new process. */
  spawn: () => ChildHandle;
  policy: RestartPolicy;
  /** A process not ready by then is killed, which counts as a crash. */
  readyTimeoutMs: number;
  log: (line: string) => void;
  now?: () => number;
  /** After a restarted process is ready (e.g. the simulator's manifest is read again); a throw is logged. */
  afterRestart?: (ready: Record<string, unknown>) => Promise<void> | void;
  /** Hears each unexpected exit before any restart (e.g. the collector's heartbeat is marked stopped). */
  onCrash?: (child: ChildHandle, cause: string) => void;
  /** Why not to restart (the child then stays down), or null to restart. */
  restartVeto?: () => string | null;
  /** The policy gave up: called once, with the message naming the child and its last error. */
  onGiveUp: (message: string) => void;
}

/** A child under supervision. */
export interface SupervisedChild {
  name: string;
  /** Resolves when a first process is ready (after restarts if it crashed on the way); rejects if given up or stopped first. */
  ready: Promise<Record<string, unknown>>;
  /** The running process's id, if one runs. */
  pid(): number | null;
  /** Stops supervising: cancels a pending restart and stops the process; resolves with how it ended (null: none ran). */
  stop(graceMs?: number): Promise<string | null>;
}

function duration(ms: number): string {
  return ms < 120_000 ? `${(ms / 1000).toFixed(ms < 10_000 ? 1 : 0)} s` : `${Math.round(ms / 60_000)} min`;
}

/** Starts `spawn()` now and keeps it running. */
export function superviseChild(o: SupervisedChildOptions): SupervisedChild {
  const now = o.now ?? Date.now;
  let current: ChildHandle | null = null;
  let stopped = false;
  let restartTimer: NodeJS.Timeout | null = null;
  let everReady = false;
  let resolveReady!: (msg: Record<string, unknown>) => void;
  let rejectReady!: (err: Error) => void;
  const ready = new Promise<Record<string, unknown>>((resolve, reject) => {
    resolveReady = resolve;
    rejectReady = reject;
  });
  ready.catch(() => undefined); // observed by whoever awaits it

  const onExit = (child: ChildHandle, startedAtMs: number, how: string, timedOut: boolean) => {
    if (stopped) return;
    current = null;
    const ranMs = now() - startedAtMs;
    const cause = timedOut ? `was not ready within ${duration(o.readyTimeoutMs)} (killed)` : `exited (${how})`;
    const tail = child.stderrTail();
    o.log(`${o.name} ${cause} after ${duration(ranMs)}${tail.length > 0 ? '; its last lines on stderr:' : ''}`);
    for (const line of tail.slice(-5)) o.log(`  | ${line}`);
    o.onCrash?.(child, cause);
    const veto = o.restartVeto?.() ?? null;
    if (veto !== null) {
      o.log(`${o.name} not restarted: ${veto}`);
      return;
    }
    const decision = o.policy.onExit(now(), ranMs);
    const { maxCrashes, windowMs } = o.policy.options;
    if (!decision.restart) {
      stopped = true;
      const last = tail.at(-1);
      const message = `${o.name} crashed ${decision.crashesInWindow} times within ${duration(windowMs)}; last: ${cause}${last ? `: ${last}` : ''}`;
      rejectReady(new Error(message));
      o.onGiveUp(message);
      return;
    }
    const exits = `${decision.crashesInWindow} exit${decision.crashesInWindow === 1 ? '' : 's'}`;
    o.log(`restarting ${o.name} in ${duration(decision.delayMs)} (${exits} within ${duration(windowMs)}; ${maxCrashes} stop the system)`);
    restartTimer = setTimeout(() => {
      restartTimer = null;
      if (!stopped) launch();
    }, decision.delayMs);
  };

  const launch = () => {
    const child = o.spawn();
    const startedAtMs = now();
    current = child;
    let timedOut = false;
    const readyTimer = setTimeout(() => {
      timedOut = true;
      child.process.kill('SIGKILL');
    }, o.readyTimeoutMs);
    child.ready.then(
      async (msg) => {
        clearTimeout(readyTimer);
        if (!everReady) {
          everReady = true;
          resolveReady(msg);
          return;
        }
        if (stopped) return;
        try {
          await o.afterRestart?.(msg);
          o.log(`${o.name} is back (pid ${child.process.pid})`);
        } catch (err) {
          o.log(`${o.name} restarted, but setting it up failed: ${err instanceof Error ? err.message : String(err)}`);
        }
      },
      () => clearTimeout(readyTimer),
    );
    void child.exited.then((how) => onExit(child, startedAtMs, how, timedOut));
  };

  launch();
  return {
    name: o.name,
    ready,
    pid: () => current?.process.pid ?? null,
    async stop(graceMs) {
      stopped = true;
      if (restartTimer) clearTimeout(restartTimer);
      rejectReady(new Error(`${o.name} stopped`));
      return current ? current.stop(graceMs) : null;
    },
  };
}
