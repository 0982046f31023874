/**
 * The alert history in a real SQLite file: keyset paging through alerts that fired in the same sweep, and
 * a principal's sites filtering in the query (full pages of their own alerts, never another site's).
 */
import { afterAll, describe, expect, it } from 'vitest';
import type { AlertEvent } from '../../../lib/alerts/types';
import { writeAlertEvaluation } from '../../../lib/db/mutations/write-alerts';
import { listAlerts } from '../../../lib/db/queries/alerts';
import { tempDb } from '../../support/temp';

const t = tempDb();
afterAll(() => t.cleanup());

function event(kind: 'firing' | 'resolved', rigId: number, atMs: number, siteId: number | null = 1): AlertEvent {
  const key = `offline:rig:${rigId}`;
  return {
    kind,
    key,
    rule: 'offline',
    scope: 'rig',
    subjectId: rigId,
    siteId,
    alertId: `${key}:1000`,
    atMs,
    value: null,
    detail: `rig ${rigId} is offline`,
  };
}

describe('alert history paging', () => {
  it('pages through 250 alerts of one sweep 100 at a time, each exactly once, newest first', () => {
    const names = { rigs: new Map<number, string>(), sites: new Map([[1, 'North']]), pools: new Map<number, string>() };
    const rigs = Array.from({ length: 250 }, (_, i) => i + 1);
    writeAlertEvaluation(
      t.db,
      new Map(),
      rigs.map((id) => event('firing', id, 5_000)),
      names,
      [],
      5_000,
    );
    writeAlertEvaluation(
      t.db,
      new Map(),
      rigs.slice(0, 10).map((id) => event('firing', id + 1000, 9_000)),
      names,
      [],
      9_000,
    );
    writeAlertEvaluation(
      t.db,
      new Map(),
      [...rigs, ...rigs.slice(0, 10).map((id) => id + 1000)].map((id) => event('resolved', id, 20_000)),
      names,
      [],
      20_000,
    );

    const seen: string[] = [];
    let page = listAlerts(t.db, { status: 'resolved', limit: 100, siteIds: null });
    while (page.length > 0) {
      seen.push(...page.map((a) => a.id));
      const last = page[page.length - 1];
      page = listAlerts(t.db, { status: 'resolved', limit: 100, siteIds: null, beforeMs: last.firingAtMs, beforeId: last.id });
    }
    expect(seen).toHaveLength(260);
    expect(new Set(seen).size).toBe(260);
    expect(seen.slice(0, 10).every((id) => /^offline:rig:10\d\d:/.test(id))).toBe(true); // the later sweep first
    // Unknown subjects are named by scope and id rather than left blank.
    expect(listAlerts(t.db, { status: 'all', limit: 1, siteIds: null })[0]).toMatchObject({
      subjectName: expect.stringMatching(/^rig \d+$/),
      siteName: 'North',
      title: expect.stringMatching(/is offline$/),
    });
  });
});

describe('alert history of some sites', () => {
  it("gives a site-limited principal full pages of its sites' alerts only, and fleet-wide ones to nobody limited", () => {
    const s = tempDb();
    try {
      const names = {
        rigs: new Map<number, string>(),
        sites: new Map([
          [1, 'North'],
          [2, 'South'],
        ]),
        pools: new Map<number, string>(),
      };
      // 30 alerts of South, then 5 of North and one fleet-wide (no site), each sweep later than the last.
      writeAlertEvaluation(
        s.db,
        new Map(),
        Array.from({ length: 5 }, (_, i) => event('firing', 100 + i, 1_000, 1)),
        names,
        [],
        1_000,
      );
      writeAlertEvaluation(
        s.db,
        new Map(),
        Array.from({ length: 30 }, (_, i) => event('firing', 200 + i, 2_000, 2)),
        names,
        [],
        2_000,
      );
      writeAlertEvaluation(s.db, new Map(), [event('firing', 999, 3_000, null)], names, [], 3_000);
      const north = listAlerts(s.db, { status: 'all', limit: 10, siteIds: [1] });
      expect(north.map((a) => a.siteId)).toEqual([1, 1, 1, 1, 1]);
      expect(listAlerts(s.db, { status: 'active', limit: 500, siteIds: [2] })).toHaveLength(30);
      expect(listAlerts(s.db, { status: 'all', limit: 500, siteIds: [1, 2] }).some((a) => a.siteId === null)).toBe(false);
      expect(listAlerts(s.db, { status: 'all', limit: 500, siteIds: [] })).toEqual([]);
      expect(listAlerts(s.db, { status: 'all', limit: 1, siteIds: null })[0].siteId).toBeNull(); // every site: the fleet-wide one too
    } finally {
      s.cleanup();
    }
  });
});
