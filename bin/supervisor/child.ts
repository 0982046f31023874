/**
 * One child process: forked with tsx and an IPC channel (its 'ready' message and the parent-gone
 * signal), in its own process group so a terminal's Ctrl-C reaches only the supervisor, which then stops
 * the children in order. Its stderr passes through the supervisor, which keeps the last lines to say why
 * it died.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { createLineTail } from './line-tail';

export interface ChildHandle {
  name: string;
  process: ChildProcess;
  /** Resolves with the first IPC message of type 'ready'. */
  ready: Promise<Record<string, unknown>>;
  /** Resolves with how the process ended ("exit code 1", "signal SIGKILL") once it has exited. */
  exited: Promise<string>;
  /** The last lines it wrote to stderr. */
  stderrTail(): string[];
  /** SIGTERM, then SIGKILL after `graceMs`; resolves when it has exited. */
  stop(graceMs?: number): Promise<string>;
}

/** Forks `script` under tsx with `env`. */
export function startChild(name: string, script: string, args: string[], env: NodeJS.ProcessEnv): ChildHandle {
  const child = fork(script, args, {
    execArgv: ['--import', 'tsx'],
    env,
    stdio: ['ignore', 'inherit', 'pipe', 'ipc'],
    detached: true,
  });
  const tail = createLineTail();
  child.stderr?.setEncoding('utf8');
  child.stderr?.on('data', (chunk: string) => {
    tail.push(chunk);
    process.stderr.write(chunk);
  });
  const stderrEnded = new Promise<void>((resolve) => (child.stderr ? child.stderr.once('close', resolve) : resolve()));
  const exited = new Promise<string>((resolve) => {
    child.once('exit', (code, signal) => {
      const how = signal ? `signal ${signal}` : `exit code ${code}`;
      // Its last words may still be in the pipe; a grandchild holding the pipe open must not delay us long.
      void Promise.race([stderrEnded, new Promise((r) => setTimeout(r, 250))]).then(() => resolve(how));
    });
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
    stderrTail: () => tail.lines(),
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
