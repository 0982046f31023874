/** A small fleet and a clock for alert stories: 1 June 2026, UTC, one sweep a minute unless a test says otherwise. */
import {
  DEFAULT_THRESHOLDS,
  evaluateAlerts,
  type AlertEvent,
  type AlertInput,
  type AlertRig,
  type AlertSettings,
  type AlertState,
} from '../../../lib/alerts';

/** Epoch ms of "HH:MM" or "HH:MM:SS" on 1 June 2026, UTC. */
export function at(hhmm: string): number {
  const [h, m, s] = hhmm.split(':').map(Number);
  return Date.UTC(2026, 5, 1, h, m, s ?? 0);
}

/** "HH:MM" of an epoch ms (for readable assertions). */
export function clock(ms: number): string {
  return new Date(ms).toISOString().slice(11, 16);
}

/** An S19 Pro at site 1, online and healthy: 110 of 110 TH/s, three boards, four fans, one alive pool. */
export function healthyRig(overrides: Partial<AlertRig> = {}): AlertRig {
  return {
    id: 1,
    name: 'baie-comeau-a01',
    siteId: 1,
    connectivity: 'online',
    reading: {
      status: 'mining',
      hashrateThs: 110,
      expectedHashrateThs: 110,
      boards: [0, 1, 2].map((index) => ({ index, hashrateThs: 36.7, chips: 114, tempC: 70 })),
      tempMaxC: 72,
      fansRpm: [5400, 5400, 5520, 5460],
      pools: [{ url: 'stratum+tcp://pool.example:3333', user: 'w.1', status: 'Alive', accepted: 100, rejected: 0 }],
    },
    ...overrides,
  };
}

/** A healthy rig whose reading fields are replaced. */
export function rigWith(reading: Partial<NonNullable<AlertRig['reading']>>, rig: Partial<AlertRig> = {}): AlertRig {
  const base = healthyRig(rig);
  return { ...base, reading: { ...base.reading!, ...reading } };
}

export function settings(overrides: Partial<AlertSettings> = {}): AlertSettings {
  return { global: DEFAULT_THRESHOLDS, sites: {}, rigs: {}, maintenanceRigIds: [], ...overrides };
}

export function input(nowMs: number, parts: Partial<Omit<AlertInput, 'nowMs'>> = {}): AlertInput {
  return { nowMs, rigs: [], rigEconomics: {}, siteEconomics: {}, pools: [], market: {}, ...parts };
}

/** Runs sweeps in order, carrying the states; returns every event and the last states. */
export function runSweeps(
  sweeps: AlertInput[],
  config: AlertSettings = settings(),
  start: Map<string, AlertState> = new Map(),
): { events: AlertEvent[]; states: Map<string, AlertState>; history: Map<string, AlertState>[] } {
  let states = start;
  const events: AlertEvent[] = [];
  const history: Map<string, AlertState>[] = [];
  for (const sweep of sweeps) {
    const out = evaluateAlerts(states, sweep, config);
    states = out.states;
    events.push(...out.events);
    history.push(states);
  }
  return { events, states, history };
}

/** Epoch ms of every minute from `from` to `to` inclusive. */
export function minutes(from: string, to: string): number[] {
  const out: number[] = [];
  for (let t = at(from); t <= at(to); t += 60_000) out.push(t);
  return out;
}

/** Events as "HH:MM kind rule subject" lines. */
export function story(events: AlertEvent[]): string[] {
  return events.map(
    (e) => `${clock(e.atMs)} ${e.kind} ${e.rule} ${e.scope} ${e.subjectId}${e.reason && e.reason !== 'cleared' ? ` (${e.reason})` : ''}`,
  );
}
