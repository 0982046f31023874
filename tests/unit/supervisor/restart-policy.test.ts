/** The restart policy as scenarios: exits at given times, after given run lengths. */
import { describe, expect, it } from 'vitest';
import { createRestartPolicy } from '../../../bin/supervisor/restart-policy';
import { createLineTail } from '../../../bin/supervisor/line-tail';

const S = 1000;

describe('restart policy', () => {
  it('waits 0.5 s, then doubles up to 30 s while the child keeps dying, and gives up at the 5th exit within 2 minutes', () => {
    const p = createRestartPolicy();
    expect(p.onExit(0, 5 * S)).toEqual({ restart: true, delayMs: 0.5 * S, crashesInWindow: 1 });
    expect(p.onExit(10 * S, 5 * S)).toEqual({ restart: true, delayMs: 1 * S, crashesInWindow: 2 });
    expect(p.onExit(20 * S, 5 * S)).toEqual({ restart: true, delayMs: 2 * S, crashesInWindow: 3 });
    expect(p.onExit(30 * S, 5 * S)).toEqual({ restart: true, delayMs: 4 * S, crashesInWindow: 4 });
    expect(p.onExit(40 * S, 5 * S)).toEqual({ restart: false, crashesInWindow: 5 });
  });

  it('caps the delay at 30 s when exits are spread out, and forgets exits older than the window', () => {
    const p = createRestartPolicy();
    const delays = [0, 50, 100, 150, 200, 250, 300, 350].map((t) => {
      const d = p.onExit(t * S, 20 * S);
      return d.restart ? d.delayMs / S : 'gave up';
    });
    expect(delays).toEqual([0.5, 1, 2, 4, 8, 16, 30, 30]);
  });

  it('starts again from 0.5 s after a run of a minute or more', () => {
    const p = createRestartPolicy();
    p.onExit(0, S);
    p.onExit(5 * S, S);
    expect(p.onExit(200 * S, 60 * S)).toEqual({ restart: true, delayMs: 0.5 * S, crashesInWindow: 1 });
  });
});

describe('line tail', () => {
  it('keeps the last lines, joins chunks split mid-line, and cuts long lines', () => {
    const tail = createLineTail(3, 10);
    tail.push('one\ntw');
    tail.push('o\nthree\n\nfour is a long line\nfiv');
    expect(tail.lines()).toEqual(['three', 'four is a…', 'fiv']);
  });
});
