/**
 * A Web Push channel delivers each alert only to the subscribers whose user may see it, from the database
 * through the delivery worker to a loopback push endpoint (this file's subnet is 127.0.124.x): a site's
 * alert to that site's people and those of every site, a fleet-wide alert only to those of every site,
 * a test to everyone, a disabled user nothing; an admin's stored site list does not narrow them.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { notifyTick } from '../../../collectors/notify-loop';
import type { Db } from '../../../lib/db/client';
import { createChannelRow } from '../../../lib/db/mutations/alert-channels';
import { recordAlertRequest } from '../../../lib/db/mutations/alert-requests';
import { setNotifyPolicy } from '../../../lib/db/mutations/alert-settings';
import { upsertPushSubscription } from '../../../lib/db/mutations/push-subscriptions';
import { createUser } from '../../../lib/db/mutations/users';
import { writeAlertEvaluation } from '../../../lib/db/mutations/write-alerts';
import { parseChannelConfig } from '../../../lib/notify';
import { tempDb } from '../../support/temp';
import { browserKeys, decryptPush, pushNet, startPushEndpoint, type BrowserKeys, type PushEndpoint } from './push-endpoint';

const NORTH = 1;
const SOUTH = 2;
let push: PushEndpoint;
let t: ReturnType<typeof tempDb>;
let db: Db;
const keys = new Map<string, BrowserKeys>();

beforeAll(async () => {
  push = await startPushEndpoint('127.0.124.1');
});
afterAll(async () => {
  await push.close();
  t?.cleanup();
});

beforeEach(() => {
  t?.cleanup();
  t = tempDb();
  db = t.db;
  push.requests.length = 0;
  const phone = (name: string, role: 'admin' | 'operator' | 'viewer', siteIds: number[] | null, disabled = false) => {
    const id = createUser(db, name, role, 'x', siteIds, 1);
    if (disabled) db.sqlite.prepare('update users set disabled = 1 where id = ?').run(id);
    const k = browserKeys();
    keys.set(name, k);
    upsertPushSubscription(db, id, { endpoint: `${push.baseUrl}/push/${name}`, p256dh: k.p256dh, auth: k.auth }, 'test-agent', 1);
  };
  phone('nora', 'viewer', [NORTH]);
  phone('sam', 'operator', [SOUTH]);
  phone('wendy', 'viewer', null);
  phone('ada', 'admin', [NORTH]); // a site list stored on an admin (before they were refused): ignored
  phone('dave', 'viewer', null, true); // disabled
  setNotifyPolicy(db, { groupWaitMs: 0, cooldownMs: 0, renotifyMs: 3_600_000 }, 1);
});

/** Fires one alert of `siteId` (null: fleet-wide) through a webpush channel for every subscriber; returns who got it. */
async function fire(rule: 'temp-high' | 'price-stale', subjectId: number, siteId: number | null, nowMs: number): Promise<string[]> {
  const parsed = parseChannelConfig({ kind: 'webpush', timeoutMs: 2000 });
  if (!parsed.ok) throw new Error(parsed.error.join('; '));
  const channelId = createChannelRow(db, `phones ${nowMs}`, true, parsed.value, nowMs);
  const scope = siteId === null ? 'fleet' : 'rig';
  const key = `${rule}:${scope}:${subjectId}`;
  const alertId = `${key}:${nowMs}`;
  const state = {
    key,
    phase: 'firing' as const,
    pendingSinceMs: nowMs,
    firingSinceMs: nowMs,
    clearSinceMs: null,
    alertId,
    value: 99,
    detail: 'chip 99 C',
  };
  const names = {
    rigs: new Map([[subjectId, `rig-${subjectId}`]]),
    sites: new Map([
      [NORTH, 'North'],
      [SOUTH, 'South'],
    ]),
    pools: new Map<number, string>(),
  };
  writeAlertEvaluation(
    db,
    new Map([[key, state]]),
    [{ kind: 'firing', alertId, atMs: nowMs, value: 99, detail: state.detail, key, rule, scope, subjectId, siteId }],
    names,
    [channelId],
    nowMs,
  );
  push.requests.length = 0;
  const result = await notifyTick({ db, now: () => nowMs, random: () => 0, log: () => {}, net: pushNet(push) });
  expect(result).toMatchObject({ sent: 1, failed: 0 });
  return received(alertId);
}

/** Whose phones got a message holding `text`, checked by decrypting it with that phone's keys. */
function received(text: string): string[] {
  return push.requests
    .map((r) => {
      const name = r.path.split('/').pop()!;
      expect(decryptPush(r.body, keys.get(name)!)).toContain(text);
      return name;
    })
    .sort();
}

describe('Web Push per alert', () => {
  it("sends a site's alert to that site's people and those of every site, never to another site's or a disabled user", async () => {
    expect(await fire('temp-high', 11, NORTH, 10_000)).toEqual(['ada', 'nora', 'wendy']);
    expect(await fire('temp-high', 22, SOUTH, 20_000)).toEqual(['ada', 'sam', 'wendy']);
  });

  it('sends a fleet-wide alert (no site) only to people who see every site', async () => {
    expect(await fire('price-stale', 0, null, 30_000)).toEqual(['ada', 'wendy']);
  });

  it('counts an alert that none of the subscribers may see as delivered to nobody, not as a failure', async () => {
    db.sqlite.prepare("delete from push_subscriptions where endpoint not like '%/nora'").run();
    expect(await fire('temp-high', 22, SOUTH, 40_000)).toEqual([]);
  });

  it("sends a channel's test to every subscriber who is not disabled", async () => {
    const parsed = parseChannelConfig({ kind: 'webpush', timeoutMs: 2000 });
    if (!parsed.ok) throw new Error(parsed.error.join('; '));
    const channelId = createChannelRow(db, 'phones', true, parsed.value, 1);
    recordAlertRequest(db, { kind: 'test', channelId }, 50_000);
    await notifyTick({ db, now: () => 50_000, random: () => 0, log: () => {}, net: pushNet(push) });
    expect(received('Test notification')).toEqual(['ada', 'nora', 'sam', 'wendy']);
  });
});
