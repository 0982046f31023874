/**
 * One supervised child process: forked with tsx and an IPC channel (its 'ready' message and the
 * parent-gone signal), in its own process group so a terminal's Ctrl-C reaches only the supervisor,
 * which then stops the children in order.
 */
import { fork, type ChildProcess } from 'node:child_process';

export interface ChildHandle {
  name: string;
  process: ChildProcess;
  /** Resolves with the first IPC message of type 'ready'. */
  ready: Promise<Record<string, unknown>>;
  /** Resolves with the exit code (or signal) once the process has exited. */
  exited: Promise<string>;
  /** SIGTERM, then SIGKILL after `graceMs`; resolves when it has exited. */
  stop(graceMs?: number): Promise<string>;
}

/** Forks `script` under tsx with `env`. */
export function startChild(name: string, script: string, args: string[], env: NodeJS.ProcessEnv): ChildHandle {
  const child = fork(script, args, {
    execArgv: ['--import', 'tsx'],
    env,
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    detached: true,
  });
  const exited = new Promise<string>((resolve) => {
    child.once('exit', (code, signal) => resolve(signal ? `signal ${signal}` : `code ${code}`));
  });
  const ready = new Promise<Record<string, unknown>>((resolve, reject) => {
    child.on('message', (msg) => {
      if (msg && typeof msg === 'object' && (msg as { type?: unknown }).type === 'ready') resolve(msg as Record<string, unknown>);
    });
    void exited.then((how) => reject(new Error(`${name} exited (${how}) before it was ready`)));
  });
  ready.catch(() => undefined); // observed by whoever awaits it
  return {
    name,
    process: child,
    ready,
    exited,
    async stop(graceMs = 10_000) {
      if (child.exitCode !== null || child.signalCode !== null) return exited;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      const how = await exited;
      clearTimeout(timer);
      return how;
    },
  };
}
