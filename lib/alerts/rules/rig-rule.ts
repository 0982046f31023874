/**
 * The two shapes of rig rule: one judged on every rig (connectivity), and one judged on the latest reading,
 * only while the rig is online (a stale or offline rig's last reading is old; the offline and stale alerts
 * speak for it) and not sleeping (a sleeping rig is not expected to hash, spin fans or find shares). Pure.
 */
import type { z } from 'zod';
import type { AlertRig } from '../inputs';
import { defineRule, type AlertRule, type RuleDescriptor, type RuleVerdict } from './rule';

/** A rule's verdict before it is placed at its rig. */
export type Verdict = Pick<RuleVerdict, 'breached' | 'value' | 'detail' | 'holding'>;

/** The reading of an online rig. */
export type RigReading = NonNullable<AlertRig['reading']>;

/** `n` rounded to `digits` decimals, for details people read. */
export function round(n: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}

/** A rule judged on every rig where it is enabled; `judge` null: not judged. */
export function rigRule<D extends RuleDescriptor>(
  descriptor: D,
  judge: (rig: AlertRig, t: z.output<D['thresholds']>, nowMs: number) => Verdict | null,
): AlertRule<D> {
  return defineRule(descriptor, (ctx) =>
    ctx.input.rigs.flatMap((rig): RuleVerdict[] => {
      const t = ctx.rig(rig);
      const verdict = t.enabled ? judge(rig, t, ctx.input.nowMs) : null;
      return verdict === null ? [] : [{ subjectId: rig.id, siteId: rig.siteId, ...verdict }];
    }),
  );
}

/** A rule judged on the latest reading of each online, awake rig. */
export function readingRule<D extends RuleDescriptor>(
  descriptor: D,
  judge: (reading: RigReading, t: z.output<D['thresholds']>, rig: AlertRig, nowMs: number) => Verdict | null,
): AlertRule<D> {
  return rigRule(descriptor, (rig, t, nowMs) => {
    const reading = rig.reading;
    if (rig.connectivity !== 'online' || reading === null || reading.status === 'sleeping') return null;
    return judge(reading, t, rig, nowMs);
  });
}
