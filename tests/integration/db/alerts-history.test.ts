/** The alert history in a real SQLite file: keyset paging through alerts that fired in the same sweep. */
import { afterAll, describe, expect, it } from 'vitest';
import type { AlertEvent } from '../../../lib/alerts/types';
import { writeAlertEvaluation } from '../../../lib/db/mutations/write-alerts';
import { listAlerts } from '../../../lib/db/queries/alerts';
import { tempDb } from '../../support/temp';

const t = tempDb();
afterAll(() => t.cleanup());

function event(kind: 'firing' | 'resolved', rigId: number, atMs: number): AlertEvent {
  const key = `offline:rig:${rigId}`;
  return { kind, key, rule: 'offline', scope: 'rig', subjectId: rigId, siteId: 1, alertId: `${key}:1000`, atMs, value: null, detail: `rig ${rigId} is offline` };
}

describe('alert history paging', () => {
  it('pages through 250 alerts of one sweep 100 at a time, each exactly once, newest first', () => {
    const names = { rigs: new Map<number, string>(), sites: new Map([[1, 'North']]), pools: new Map<number, string>() };
    const rigs = Array.from({ length: 250 }, (_, i) => i + 1);
    writeAlertEvaluation(t.db, new Map(), rigs.map((id) => event('firing', id, 5_000)), names, [], 5_000);
    writeAlertEvaluation(t.db, new Map(), rigs.slice(0, 10).map((id) => event('firing', id + 1000, 9_000)), names, [], 9_000);
    writeAlertEvaluation(t.db, new Map(), [...rigs, ...rigs.slice(0, 10).map((id) => id + 1000)].map((id) => event('resolved', id, 20_000)), names, [], 20_000);

    const seen: string[] = [];
    let page = listAlerts(t.db, { status: 'resolved', limit: 100 });
    while (page.length > 0) {
      seen.push(...page.map((a) => a.id));
      const last = page[page.length - 1];
      page = listAlerts(t.db, { status: 'resolved', limit: 100, beforeMs: last.firingAtMs, beforeId: last.id });
    }
    expect(seen).toHaveLength(260);
    expect(new Set(seen).size).toBe(260);
    expect(seen.slice(0, 10).every((id) => /^offline:rig:10\d\d:/.test(id))).toBe(true); // the later sweep first
    // Unknown subjects are named by scope and id rather than left blank.
    expect(listAlerts(t.db, { status: 'all', limit: 1 })[0]).toMatchObject({ subjectName: expect.stringMatching(/^rig \d+$/), siteName: 'North', title: expect.stringMatching(/is offline$/) });
  });
});
