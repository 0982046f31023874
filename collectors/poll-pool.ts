/**
 * Polls that may outlive their sweep, so that a slow device costs only its own time. A sweep waits for its
 * polls until every rig's poll has started and then at most a straggler grace (a little more than one
 * request timeout) has passed. A poll still running then is a straggler: it goes on within its own deadline
 * (request timeout x its driver's requests), its rig is not polled again while it runs, and its result is
 * handed to the next sweep. Without this, one slow but valid device held every other rig's reading back by
 * up to its whole deadline, every sweep.
 */
import type { PollResult, SweepRecord } from '../lib/domain/sweep-record';
import { pollOne, type SweepDeps, type SweepTarget } from './sweep';

/** How long a sweep waits, after its last poll started, for polls still running: one request timeout and a fifth. */
export function stragglerGraceMs(requestTimeoutMs: number): number {
  return Math.ceil(requestTimeoutMs * 1.2);
}

/** The polls of one collector across its sweeps. */
export interface PollPool {
  /** Polls `targets` (but the rigs whose poll still runs) and returns the sweep: this sweep's finished polls and the stragglers finished since the last one. */
  sweep(targets: readonly SweepTarget[], deps: SweepDeps): Promise<SweepRecord>;
  /** Rigs whose poll is running (stragglers between sweeps). */
  running(): ReadonlySet<number>;
}

/** A pool whose polls, stragglers included, never number more than `deps.concurrency` at once. */
export function createPollPool(): PollPool {
  const running = new Set<number>();
  let late: PollResult[] = [];
  let slotsInUse = 0;
  const waiting: Array<() => void> = [];
  const acquire = (limit: number) =>
    new Promise<void>((resolve) => {
      if (slotsInUse < limit) {
        slotsInUse++;
        resolve();
      } else waiting.push(resolve);
    });
  const release = () => {
    const next = waiting.shift();
    if (next) next();
    else slotsInUse--;
  };

  return {
    running: () => running,
    async sweep(targets, deps) {
      const startedAtMs = deps.now();
      const results = late;
      late = [];
      const todo = targets.filter((t) => !running.has(t.id));
      let open = true;
      let started = 0;
      let markAllStarted!: () => void;
      const allStarted = new Promise<void>((resolve) => (markAllStarted = resolve));
      if (todo.length === 0) markAllStarted();
      const polls = todo.map(async (target) => {
        running.add(target.id);
        await acquire(Math.max(1, deps.concurrency));
        if (++started === todo.length) markAllStarted();
        try {
          const result = await pollOne(target, deps);
          (open ? results : late).push(result);
        } finally {
          release();
          running.delete(target.id);
        }
      });
      let timer: NodeJS.Timeout | undefined;
      const graceOver = allStarted.then(
        () => new Promise<void>((resolve) => (timer = setTimeout(resolve, stragglerGraceMs(deps.requestTimeoutMs)))),
      );
      try {
        await Promise.race([Promise.all(polls), graceOver]);
      } finally {
        clearTimeout(timer);
        open = false;
      }
      return { startedAtMs, durationMs: deps.now() - startedAtMs, results };
    },
  };
}
