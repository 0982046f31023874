/**
 * The webpush channel against a loopback HTTPS push endpoint that holds the browser's keys (this file's
 * subnet is 127.0.123.x), reached through the resolver and CA this test injects (`pushNet`): what arrives
 * is VAPID-signed for the endpoint's origin and decrypts to the alert; each answer's effect on the stored
 * subscription; VAPID keys stored once; the delivery worker sending a firing alert from the database to
 * the phone. Then where pushes may not go: the production resolver's checks over a fake DNS, refusing a
 * private answer when the subscription is saved and again at connect (a name that rebinds after the
 * check); and what a push service's reply may cost: never quoted, never read past its cap.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { notifyTick } from '../../../collectors/notify-loop';
import type { Db } from '../../../lib/db/client';
import { createChannelRow } from '../../../lib/db/mutations/alert-channels';
import { getAlertRequest, recordAlertRequest } from '../../../lib/db/mutations/alert-requests';
import { setNotifyPolicy } from '../../../lib/db/mutations/alert-settings';
import { pushSubscriptionStore, upsertPushSubscription } from '../../../lib/db/mutations/push-subscriptions';
import { createUser } from '../../../lib/db/mutations/users';
import { getOrCreateVapidKeys, VAPID_KEYS_KEY } from '../../../lib/db/mutations/vapid-keys';
import { writeAlertEvaluation } from '../../../lib/db/mutations/write-alerts';
import { listChannelViews } from '../../../lib/db/queries/alert-channels';
import { pushSubscriptions, appSettings } from '../../../lib/db/schema';
import { NotifyError, createChannel, parseChannelConfig, type ChannelConfigInput } from '../../../lib/notify';
import { checkedResolve, type ResolvedAddress } from '../../../lib/net/checked-resolve';
import { PUBLIC_ONLY } from '../../../lib/net/outbound-policy';
import { NOTIFY_REPLY_MAX_BYTES, type NotifyNet } from '../../../lib/notify/net';
import { pushEndpointHostProblem } from '../../../lib/notify/webpush/endpoint-check';
import { single } from '../../unit/notify/fixtures';
import { tempDb } from '../../support/temp';
import {
  browserKeys,
  decryptPush,
  HUGE_REPLY_BYTES,
  pushNet,
  startPushEndpoint,
  verifyVapid,
  type BrowserKeys,
  type PushEndpoint,
} from './push-endpoint';

const HOST = '127.0.123.1';
let push: PushEndpoint;
let t: ReturnType<typeof tempDb>;
let db: Db;
let alice = 0;
let bob = 0;

beforeAll(async () => {
  push = await startPushEndpoint(HOST);
});
afterAll(async () => {
  await push.close();
});
beforeEach(() => {
  t?.cleanup();
  t = tempDb();
  db = t.db;
  alice = createUser(db, 'alice', 'admin', 'x', null, 1);
  bob = createUser(db, 'bob', 'viewer', 'x', null, 1);
  push.requests.length = 0;
});
afterAll(() => t?.cleanup());

/** A subscription of `userId` at `path` on the endpoint, with keys the test holds. */
function subscribe(userId: number, path: string): BrowserKeys {
  const keys = browserKeys();
  upsertPushSubscription(db, userId, { endpoint: `${push.baseUrl}${path}`, p256dh: keys.p256dh, auth: keys.auth }, 'test-agent', 1000);
  return keys;
}
const rows = () => db.orm.select().from(pushSubscriptions).all();
const channel = (
  config: Partial<Extract<ChannelConfigInput, { kind: 'webpush' }>> = {},
  publicUrl: string | null = null,
  net: NotifyNet = pushNet(push),
) =>
  createChannel(
    { kind: 'webpush', ...config },
    { webPush: { store: pushSubscriptionStore(db), vapidKeys: () => getOrCreateVapidKeys(db, Date.now()), publicUrl }, net },
  );
const failure = (p: Promise<void>) =>
  p.then(
    () => null,
    (e: unknown) => e as NotifyError,
  );

describe('webpush channel', () => {
  it('sends an aes128gcm body the subscriber decrypts, signed with the stored VAPID key for the endpoint origin', async () => {
    const keys = subscribe(alice, '/push/alice-phone');
    const before = Date.now();
    await channel({ ttlSeconds: 600, urgency: 'normal' }).send(single());
    expect(push.requests).toHaveLength(1);
    const req = push.requests[0];
    expect(req.path).toBe('/push/alice-phone');
    expect([req.headers['content-encoding'], req.headers['content-type'], req.headers.ttl, req.headers.urgency]).toEqual([
      'aes128gcm',
      'application/octet-stream',
      '600',
      'normal',
    ]);

    const claims = verifyVapid(req.headers.authorization);
    expect(claims.aud).toBe(push.baseUrl);
    expect(claims.sub).toBe('mailto:hashwatt@localhost');
    expect(claims.exp * 1000).toBeGreaterThan(before);
    expect(claims.exp * 1000).toBeLessThanOrEqual(Date.now() + 24 * 3_600_000);
    const stored = JSON.parse(
      db.orm
        .select()
        .from(appSettings)
        .all()
        .find((r) => r.key === VAPID_KEYS_KEY)!.valueJson,
    ) as { publicKey: string };
    expect(claims.key).toBe(stored.publicKey);

    const payload = JSON.parse(decryptPush(req.body, keys));
    expect(payload.title).toBe('[FIRING] S19-07 is losing money');
    expect(payload.body).toContain('profit -0.012/kWh below margin 0/kWh');
    expect(payload.url).toBe('http://hashwatt.local/alerts/a-101');
    expect(() => decryptPush(req.body, browserKeys())).toThrow(); // only the subscriber can read it
    expect(rows()[0].lastSuccessMs).toBeGreaterThanOrEqual(before);
  });

  it('sends to every subscription of the named users only', async () => {
    subscribe(alice, '/push/alice-phone');
    const bobPhone = subscribe(bob, '/push/bob-phone');
    const bobLaptop = subscribe(bob, '/push/bob-laptop');
    await channel({ userNames: ['bob'] }).send(single());
    expect(push.requests.map((r) => r.path).sort()).toEqual(['/push/bob-laptop', '/push/bob-phone']);
    for (const r of push.requests)
      expect(JSON.parse(decryptPush(r.body, r.path.endsWith('phone') ? bobPhone : bobLaptop)).title).toContain('S19-07');
  });

  it('410 Gone deletes the subscription; with nobody left the channel fails for good', async () => {
    subscribe(alice, '/push/status/410');
    const err = await failure(channel().send(single()));
    expect(err).toBeInstanceOf(NotifyError);
    expect([err!.retryable, err!.message]).toEqual([
      false,
      'webpush channel: every subscription (1) has expired or was withdrawn (404/410) and is removed; nobody is subscribed now',
    ]);
    expect(rows()).toEqual([]);
  });

  it('500 is retryable and keeps the subscription with its error: the status, never the reply', async () => {
    subscribe(alice, '/push/status/500');
    const err = await failure(channel().send(single()));
    expect(err!.retryable).toBe(true);
    expect(err!.message).toBe(
      `webpush channel: no subscription accepted (1 tried, 1 may succeed later): webpush channel: HTTP 500 from ${new URL(push.baseUrl).host}`,
    );
    expect(rows()).toHaveLength(1);
    expect(rows()[0].lastError).toBe(`webpush channel: HTTP 500 from ${new URL(push.baseUrl).host}`);
    expect(JSON.stringify([err!.message, rows()])).not.toContain('push service says');
  });

  it('one subscription accepting is a delivery; the refusing one keeps its error, the gone one is removed', async () => {
    subscribe(alice, '/push/ok');
    subscribe(bob, '/push/status/403');
    subscribe(bob, '/push/status/404');
    await channel().send(single());
    const byPath = new Map(rows().map((r) => [new URL(r.endpoint).pathname, r]));
    expect([...byPath.keys()].sort()).toEqual(['/push/ok', '/push/status/403']);
    expect(byPath.get('/push/ok')!.lastSuccessMs).not.toBeNull();
    expect(byPath.get('/push/status/403')!.lastError).toContain('HTTP 403');
  });

  it('no subscriber: fails for good and says so', async () => {
    const err = await failure(channel({ userNames: ['carol'] }).send(single()));
    expect([err!.retryable, err!.message]).toEqual([
      false,
      'webpush channel: no device has subscribed for carol; turn on "Notifications on this device" in Hashwatt on the phone',
    ]);
    expect(push.requests).toEqual([]);
  });
});

describe('through the delivery worker', () => {
  it('a firing alert stored with a webpush channel reaches the phone, linked to the public URL', async () => {
    const keys = subscribe(alice, '/push/alice-phone');
    const parsed = parseChannelConfig({ kind: 'webpush', timeoutMs: 2000 });
    if (!parsed.ok) throw new Error(parsed.error.join('; '));
    const channelId = createChannelRow(db, 'phones', true, parsed.value, Date.now());
    const nowMs = Date.now();
    setNotifyPolicy(db, { groupWaitMs: 0, cooldownMs: 0, renotifyMs: 3_600_000 }, nowMs);
    const key = 'unprofitable-rig:rig:7';
    const alertId = `${key}:${nowMs}`;
    const state = {
      key,
      phase: 'firing' as const,
      pendingSinceMs: nowMs,
      firingSinceMs: nowMs,
      clearSinceMs: null,
      alertId,
      value: -0.02,
      detail: 'profit -0.02/kWh below margin 0/kWh',
    };
    writeAlertEvaluation(
      db,
      new Map([[key, state]]),
      [
        {
          kind: 'firing',
          alertId,
          atMs: nowMs,
          value: -0.02,
          detail: state.detail,
          key,
          rule: 'unprofitable-rig',
          scope: 'rig',
          subjectId: 7,
          siteId: null,
        },
      ],
      { rigs: new Map([[7, 'S19-77']]), sites: new Map(), pools: new Map() },
      [channelId],
      nowMs,
    );

    const result = await notifyTick({
      db,
      now: () => nowMs,
      random: () => 0,
      log: () => {},
      dashboardUrl: 'https://hashwatt.example.com',
      net: pushNet(push),
    });
    expect(result.sent).toBe(1);
    expect(push.requests).toHaveLength(1);
    const payload = JSON.parse(decryptPush(push.requests[0].body, keys));
    expect([payload.title, payload.url, payload.tag]).toEqual([
      '[FIRING] S19-77 is losing money',
      'https://hashwatt.example.com/alerts',
      `hashwatt:${alertId}`,
    ]);
    expect(verifyVapid(push.requests[0].headers.authorization).sub).toBe('https://hashwatt.example.com');
    expect(listChannelViews(db).find((c) => c.id === channelId)!.lastDeliveredAtMs).toBe(nowMs);

    // "Send test" from the settings screen goes the same way.
    const request = recordAlertRequest(db, { kind: 'test', channelId }, nowMs);
    await notifyTick({ db, now: () => nowMs, random: () => 0, log: () => {}, net: pushNet(push) });
    expect(getAlertRequest(db, request.id)!.status).toBe('done');
    expect(push.requests).toHaveLength(2);
    expect(JSON.parse(decryptPush(push.requests[1].body, keys)).title).toContain('[FIRING]');
  });
});

/** A DNS that answers what the test sets, behind the production address checks. */
function fakeDns(answers: Record<string, string>) {
  const resolve = async (host: string): Promise<ResolvedAddress[]> => {
    if (!(host in answers)) throw Object.assign(new Error('not found'), { code: 'ENOTFOUND' });
    return [{ address: answers[host], family: answers[host].includes(':') ? 6 : 4 }];
  };
  return checkedResolve(resolve, PUBLIC_ONLY);
}

describe('where pushes may go', () => {
  it('a name that resolves to a private or loopback address is refused when the subscription is saved', async () => {
    const dns = fakeDns({
      'evil.test': '10.0.0.5',
      'loop.test': '127.0.0.1',
      'meta.test': '169.254.169.254',
      'six.test': '::1',
      'mapped.test': '::ffff:127.0.0.1',
      'fcm.test': '142.250.74.42',
    });
    expect(await pushEndpointHostProblem('https://evil.test/send/1', dns)).toBe(
      'endpoint must be a push service at a public address: evil.test resolves to 10.0.0.5, a private (RFC 1918) address',
    );
    expect(await pushEndpointHostProblem('https://loop.test/send/1', dns)).toBe(
      'endpoint must be a push service at a public address: loop.test resolves to 127.0.0.1, a loopback address',
    );
    expect(await pushEndpointHostProblem('https://meta.test/x', dns)).toBe(
      'endpoint must be a push service at a public address: meta.test resolves to 169.254.169.254, a cloud metadata service address',
    );
    expect(await pushEndpointHostProblem('https://six.test/x', dns)).toBe(
      'endpoint must be a push service at a public address: six.test resolves to ::1, a loopback address',
    );
    expect(await pushEndpointHostProblem('https://mapped.test/x', dns)).toBe(
      'endpoint must be a push service at a public address: mapped.test resolves to ::ffff:127.0.0.1, a loopback address',
    );
    expect(await pushEndpointHostProblem('https://nowhere.test/x', dns)).toBe(
      'endpoint host cannot be checked: cannot resolve nowhere.test (ENOTFOUND); try again in a moment',
    );
    expect(await pushEndpointHostProblem('https://fcm.test/send/1', dns)).toBeNull();
  });

  it('a name that resolved to a public address when saved and to loopback at send is refused at connect: nothing arrives', async () => {
    const answers: Record<string, string> = { [push.name]: '142.250.74.42' };
    const dns = fakeDns(answers);
    const endpoint = `${push.baseUrl}/push/rebinding`;
    expect(await pushEndpointHostProblem(endpoint, dns)).toBeNull();
    subscribe(alice, '/push/rebinding');
    answers[push.name] = HOST; // the rebinding: same name, now this machine
    const err = await failure(channel({}, null, { pushResolve: dns, channelResolve: dns, ca: push.cert }).send(single()));
    expect(push.requests).toEqual([]);
    const refusal = `webpush channel: not sent to ${new URL(push.baseUrl).host}: ${push.name} resolves to ${HOST}, a loopback address`;
    expect(rows()[0].lastError).toBe(refusal);
    expect(err!.retryable).toBe(false);
  });

  it('a subscription stored under older rules (plain http on loopback) is refused at send and keeps the reason', async () => {
    const keys = browserKeys();
    upsertPushSubscription(db, alice, { endpoint: `http://${HOST}:9/push/old`, p256dh: keys.p256dh, auth: keys.auth }, 'old', 1000);
    const err = await failure(channel().send(single()));
    expect(rows()[0].lastError).toBe(`webpush channel: not sent to ${HOST}:9: http: URLs are not allowed here (only https)`);
    expect(err!.retryable).toBe(false);
  });
});

describe('what a push service may send back', () => {
  it('a 400 MB reply is cut at the cap: the send ends at once and memory stays flat', async () => {
    subscribe(alice, '/push/huge/201');
    subscribe(bob, '/push/huge/400');
    global.gc?.();
    const rssBefore = process.memoryUsage().rss;
    const started = Date.now();
    await channel({ timeoutMs: 60_000 }).send(single());
    const elapsedMs = Date.now() - started;
    const grownMb = (process.memoryUsage().rss - rssBefore) / 1024 / 1024;
    expect(push.requests).toHaveLength(2);
    const byPath = new Map(rows().map((r) => [new URL(r.endpoint).pathname, r]));
    expect(byPath.get('/push/huge/201')!.lastSuccessMs).not.toBeNull();
    expect(byPath.get('/push/huge/400')!.lastError).toBe(`webpush channel: HTTP 400 from ${new URL(push.baseUrl).host}`);
    // Generous bounds: reading it whole took seconds and grew the process by about a gigabyte.
    expect(elapsedMs).toBeLessThan(15_000);
    expect(grownMb).toBeLessThan(100);
    expect(push.hugeBytesSent()).toBeLessThan(HUGE_REPLY_BYTES / 4);
    expect(NOTIFY_REPLY_MAX_BYTES).toBe(64 * 1024);
  });
});
