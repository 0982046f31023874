/**
 * Properties over random observation sequences (fast-check): per key, events alternate firing/resolved
 * starting with firing, every resolved has a preceding firing with the same id, firing ids are never
 * reused, and nothing fires before its breach has lasted forMs.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluateAlerts, inactiveState, step, type AlertEvent, type AlertState, type StepEvent } from '../../../lib/alerts';
import { healthyRig, input, rigWith, settings } from './fixtures';

/** Checks one key's events; returns a reason when they break the rules, null when fine. */
function checkSequence(events: (StepEvent | AlertEvent)[]): string | null {
  let open: string | null = null;
  const seen = new Set<string>();
  for (const e of events) {
    if (e.kind === 'firing') {
      if (open !== null) return `firing ${e.alertId} while ${open} is open`;
      if (seen.has(e.alertId)) return `id ${e.alertId} reused`;
      seen.add(e.alertId);
      open = e.alertId;
    } else {
      if (open !== e.alertId) return `resolved ${e.alertId} without its firing (open: ${open})`;
      open = null;
    }
  }
  return null;
}

const timingArb = fc.record({ forMs: fc.integer({ min: 0, max: 600_000 }), clearForMs: fc.integer({ min: 0, max: 600_000 }) });
const stepsArb = fc.array(fc.record({ dtMs: fc.integer({ min: 1, max: 300_000 }), breached: fc.boolean() }), { maxLength: 200 });

describe('step over random sequences', () => {
  it('events alternate firing/resolved with matching ids, at most one per step, and fire only after forMs of breach', () => {
    fc.assert(
      fc.property(timingArb, stepsArb, (timing, steps) => {
        let state: AlertState = inactiveState('offline:rig:1');
        let nowMs = 1_700_000_000_000;
        const events: StepEvent[] = [];
        for (const s of steps) {
          nowMs += s.dtMs;
          const out = step(state, { breached: s.breached, value: null, detail: '' }, nowMs, timing);
          expect(out.events.length).toBeLessThanOrEqual(1);
          for (const e of out.events) {
            if (e.kind === 'firing') {
              expect(s.breached).toBe(true);
              expect(e.atMs - Number(e.alertId.split(':')[3])).toBeGreaterThanOrEqual(timing.forMs);
            } else {
              expect(s.breached).toBe(false);
            }
          }
          events.push(...out.events);
          state = out.state;
        }
        expect(checkSequence(events)).toBeNull();
      }),
      { numRuns: 500 },
    );
  });
});

/** One sweep of a two-rig fleet: each rig's temperature, presence and maintenance flag. */
const sweepArb = fc.record({
  dtMs: fc.integer({ min: 1_000, max: 240_000 }),
  rigs: fc.array(
    fc.record({ tempC: fc.integer({ min: 60, max: 100 }), present: fc.boolean(), maintenance: fc.boolean(), offline: fc.boolean() }),
    {
      minLength: 2,
      maxLength: 2,
    },
  ),
});

describe('evaluateAlerts over random fleets', () => {
  it('per key, events alternate firing/resolved and every resolved follows a firing with the same id', () => {
    fc.assert(
      fc.property(fc.array(sweepArb, { maxLength: 80 }), (sweeps) => {
        let states = new Map<string, AlertState>();
        let nowMs = 1_700_000_000_000;
        const byKey = new Map<string, AlertEvent[]>();
        for (const sweep of sweeps) {
          nowMs += sweep.dtMs;
          const rigs = sweep.rigs.flatMap((r, i) =>
            r.present
              ? [r.offline ? healthyRig({ id: i + 1, connectivity: 'offline' }) : rigWith({ tempMaxC: r.tempC }, { id: i + 1 })]
              : [],
          );
          const maintenanceRigIds = sweep.rigs.flatMap((r, i) => (r.maintenance ? [i + 1] : []));
          const out = evaluateAlerts(states, input(nowMs, { rigs }), settings({ maintenanceRigIds }));
          for (const e of out.events) {
            expect(e.key).toBe(`${e.rule}:${e.scope}:${e.subjectId}`);
            byKey.set(e.key, [...(byKey.get(e.key) ?? []), e]);
          }
          for (const [key, state] of out.states)
            expect(state.phase === 'firing').toBe(state.alertId !== null && byKey.get(key)?.at(-1)?.kind === 'firing');
          states = out.states;
        }
        for (const events of byKey.values()) expect(checkSequence(events)).toBeNull();
      }),
      { numRuns: 300 },
    );
  });
});
