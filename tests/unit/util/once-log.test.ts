/** createOnceLog: a failure that repeats every sweep is logged once per distinct error, and once when it clears. */
import { describe, expect, it } from 'vitest';
import { createOnceLog, errorShape } from '../../../lib/util/once-log';

function logger() {
  const lines: string[] = [];
  return { lines, problems: createOnceLog((l) => lines.push(l)) };
}

describe('createOnceLog', () => {
  it('logs a repeated error once, a different one again, and the recovery once', () => {
    const { lines, problems } = logger();
    for (let i = 0; i < 5; i++) problems.fail('collector: rollups', 'database is locked');
    problems.fail('collector: rollups', 'no such table: rollups');
    problems.fail('collector: rollups', 'database is locked'); // seen before: not again
    problems.ok('collector: rollups');
    problems.ok('collector: rollups');
    problems.fail('collector: rollups', 'database is locked'); // it worked in between: a new episode
    expect(lines).toEqual([
      'collector: rollups: database is locked',
      'collector: rollups: no such table: rollups',
      'collector: rollups: ok again',
      'collector: rollups: database is locked',
    ]);
  });

  it('counts errors that differ only in their numbers as one', () => {
    const { lines, problems } = logger();
    problems.fail('notify: "ops"', 'group a: HTTP 503; retry in 3 s');
    problems.fail('notify: "ops"', 'group a: HTTP 503; retry in 12 s');
    problems.fail('notify: "ops"', 'group a: HTTP 404 (gave up: not retryable)');
    expect(lines).toEqual(['notify: "ops": group a: HTTP 503; retry in 3 s', 'notify: "ops": group a: HTTP 404 (gave up: not retryable)']);
    expect(errorShape('hashrateThs must be >= 0 (got -5.25e+3)')).toBe('hashrateThs must be >= # (got #)');
  });

  it('settles a round: new failures logged, the ones gone from the round ok again', () => {
    const { lines, problems } = logger();
    const kind = 'collector: economics of rig';
    problems.round(
      kind,
      new Map([
        [`${kind} "a"`, 'left out: x'],
        [`${kind} "b"`, 'left out: y'],
      ]),
    );
    problems.round(kind, new Map([[`${kind} "a"`, 'left out: x']]));
    problems.round(kind, new Map([[`${kind} "a"`, 'left out: x']]));
    problems.fail('other', 'z');
    problems.round(kind, new Map());
    expect(lines).toEqual([
      `${kind} "a": left out: x`,
      `${kind} "b": left out: y`,
      `${kind} "b": ok again`,
      'other: z',
      `${kind} "a": ok again`,
    ]);
  });

  it('forgets the oldest keys past its bound, so its memory stays small', () => {
    const lines: string[] = [];
    const small = createOnceLog((l) => lines.push(l), 2);
    small.fail('a', 'e');
    small.fail('b', 'e');
    small.fail('c', 'e'); // forgets a
    small.fail('a', 'e'); // logged again
    small.fail('c', 'e');
    expect(lines).toEqual(['a: e', 'b: e', 'c: e', 'a: e']);
  });
});
