/**
 * Logging that does not flood: a failure that repeats every sweep or tick (a rig whose economics are
 * skipped, a step that keeps failing, a corrupt channel config) is logged once per distinct error, and once
 * more when it clears. Messages that differ only in their numbers ("got -5" and "got -5.2", "retry in 3 s")
 * count as the same error. Memory is bounded: the oldest keys are forgotten first.
 */

/** One failing thing's log. */
export interface OnceLog {
  /** `key` failed with `message`: logged unless this key already logged the same error since it last worked. */
  fail(key: string, message: string): void;
  /** `key` works (again): logs "<key>: ok again" once when it had failed. */
  ok(key: string): void;
  /**
   * This round's failures of one kind at once (keys start with `kind`): new ones are logged, and every key
   * of that kind that failed before and is not in `failures` any more is ok again.
   */
  round(kind: string, failures: ReadonlyMap<string, string>): void;
}

/** At most this many distinct errors are remembered per key (a key cycling through more logs again). */
const MAX_ERRORS_PER_KEY = 20;

/** The shape of an error: its numbers stripped, so a drifting value is not a new error. */
export function errorShape(message: string): string {
  return message.replace(/[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[-+]?\d+)?/gi, '#');
}

/** A OnceLog writing to `log`, remembering at most `maxKeys` failing keys. */
export function createOnceLog(log: (line: string) => void, maxKeys = 10_000): OnceLog {
  const failing = new Map<string, Set<string>>();
  const self: OnceLog = {
    fail(key, message) {
      const seen = failing.get(key) ?? new Set<string>();
      const shape = errorShape(message);
      if (seen.has(shape)) return;
      if (seen.size >= MAX_ERRORS_PER_KEY) seen.delete(seen.values().next().value!);
      seen.add(shape);
      failing.delete(key); // re-inserted last: the map's order is the forgetting order
      failing.set(key, seen);
      if (failing.size > maxKeys) failing.delete(failing.keys().next().value!);
      log(`${key}: ${message}`);
    },
    ok(key) {
      if (failing.delete(key)) log(`${key}: ok again`);
    },
    round(kind, failures) {
      for (const [key, message] of failures) self.fail(key, message);
      for (const key of [...failing.keys()]) if (key.startsWith(kind) && !failures.has(key)) self.ok(key);
    },
  };
  return self;
}
