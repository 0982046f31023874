/** superviseChild with stand-in processes: restarts, the cause it logs, giving up, a veto, and stop. */
import type { ChildProcess } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import type { ChildHandle } from '../../../bin/supervisor/child';
import { createRestartPolicy } from '../../../bin/supervisor/restart-policy';
import { superviseChild, type SupervisedChildOptions } from '../../../bin/supervisor/supervised-child';

interface Script {
  ready: boolean;
  /** How it ends by itself, after ms; absent: runs until stopped. */
  exit?: { afterMs: number; how: string };
  stderr?: string[];
}

let nextPid = 100;
/** A stand-in process following `script`. */
function fake(script: Script): ChildHandle & { killedWith: string[] } {
  let endWith!: (how: string) => void;
  const exited = new Promise<string>((r) => (endWith = r));
  const killedWith: string[] = [];
  const proc = { pid: nextPid++, kill: (sig: string) => (killedWith.push(sig), endWith(`signal ${sig}`), true) } as unknown as ChildProcess;
  const ready = script.ready ? Promise.resolve({ type: 'ready' }) : exited.then((how) => Promise.reject(new Error(`exited (${how})`)));
  ready.catch(() => undefined);
  if (script.exit) setTimeout(() => endWith(script.exit!.how), script.exit.afterMs);
  return {
    name: 'x',
    process: proc,
    ready,
    exited,
    stderrTail: () => script.stderr ?? [],
    stop: async () => (endWith('exit code 0'), exited),
    killedWith,
  };
}

const fast = () => createRestartPolicy({ firstDelayMs: 5, maxDelayMs: 20, stableAfterMs: 60_000, maxCrashes: 3, windowMs: 10_000 });

function run(scripts: Script[], extra: Partial<SupervisedChildOptions> = {}) {
  const logs: string[] = [];
  const spawned: ReturnType<typeof fake>[] = [];
  const gaveUp: string[] = [];
  const child = superviseChild({
    name: 'collector',
    spawn: () => {
      const c = fake(scripts[Math.min(spawned.length, scripts.length - 1)]);
      spawned.push(c);
      return c;
    },
    policy: fast(),
    readyTimeoutMs: 1_000,
    log: (l) => logs.push(l),
    onGiveUp: (m) => gaveUp.push(m),
    ...extra,
  });
  return { child, logs, spawned, gaveUp };
}

const until = async (cond: () => boolean) => {
  for (let i = 0; i < 200 && !cond(); i++) await new Promise((r) => setTimeout(r, 5));
  expect(cond()).toBe(true);
};

describe('superviseChild', () => {
  it('restarts a child that dies after the delay, logging how it ended and its last stderr lines, then runs the restart hook', async () => {
    const restarted: number[] = [];
    const crashes: string[] = [];
    const { child, logs, spawned } = run(
      [{ ready: true, exit: { afterMs: 10, how: 'signal SIGKILL' }, stderr: ['collector: sweep 9', 'RangeError: boom'] }, { ready: true }],
      {
        afterRestart: () => void restarted.push(1),
        onCrash: (_c, cause) => crashes.push(cause),
      },
    );
    await child.ready;
    await until(() => restarted.length === 1);
    expect(spawned).toHaveLength(2);
    expect(crashes).toEqual(['exited (signal SIGKILL)']);
    expect(logs[0]).toMatch(/^collector exited \(signal SIGKILL\) after 0\.0 s; its last lines on stderr:$/);
    expect(logs.slice(1, 4)).toEqual([
      '  | collector: sweep 9',
      '  | RangeError: boom',
      'restarting collector in 0.0 s (1 exit within 10 s; 3 stop the system)',
    ]);
    expect(logs[4]).toBe(`collector is back (pid ${spawned[1].process.pid})`);
    expect(child.pid()).toBe(spawned[1].process.pid);
    await child.stop();
  });

  it('gives up at the policy’s limit, naming the child and its last error; a first start that never got ready rejects', async () => {
    const { child, spawned, gaveUp } = run([
      { ready: false, exit: { afterMs: 1, how: 'exit code 3' }, stderr: ['collector: cannot open the database'] },
    ]);
    await expect(child.ready).rejects.toThrow(
      'collector crashed 3 times within 10 s; last: exited (exit code 3): collector: cannot open the database',
    );
    expect(gaveUp).toEqual(['collector crashed 3 times within 10 s; last: exited (exit code 3): collector: cannot open the database']);
    expect(spawned).toHaveLength(3);
  });

  it('kills a child not ready in time, which counts as a crash', async () => {
    const { child, spawned, logs } = run([{ ready: false }, { ready: true }], { readyTimeoutMs: 20 });
    await child.ready;
    expect(spawned[0].killedWith).toEqual(['SIGKILL']);
    expect(logs[0]).toMatch(/^collector was not ready within 0\.0 s \(killed\) after/);
    await child.stop();
  });

  it('keeps a vetoed child down, and stop cancels a pending restart', async () => {
    const vetoed = run([{ ready: true, exit: { afterMs: 5, how: 'exit code 1' } }], { restartVeto: () => 'the demo was removed' });
    await until(() => vetoed.logs.includes('collector not restarted: the demo was removed'));
    expect(vetoed.spawned).toHaveLength(1);

    const stopped = run([{ ready: true, exit: { afterMs: 5, how: 'exit code 1' } }], {
      policy: createRestartPolicy({ firstDelayMs: 50, maxDelayMs: 50, stableAfterMs: 1, maxCrashes: 9, windowMs: 1 }),
    });
    await until(() => stopped.logs.some((l) => l.startsWith('restarting collector')));
    expect(await stopped.child.stop()).toBeNull();
    await new Promise((r) => setTimeout(r, 80));
    expect(stopped.spawned).toHaveLength(1);
  });
});
