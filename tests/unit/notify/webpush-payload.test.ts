/** The push message's JSON, the channel config, and what many subscriptions' answers amount to. */
import { describe, expect, it } from 'vitest';
import { NotifyError, parseChannelConfig } from '../../../lib/notify';
import { classifyFailure, summarizeOutcomes } from '../../../lib/notify/webpush/outcome';
import { renderPushPayload } from '../../../lib/notify/webpush/payload';
import { FIRING, RESOLVED, group, manyFiring, single } from './fixtures';

describe('renderPushPayload', () => {
  it('one alert: its title, its text, its link, a tag of its own', () => {
    expect(JSON.parse(renderPushPayload(single()))).toEqual({
      title: '[FIRING] S19-07 is losing money',
      body: 'FIRING · warning · S19-07 · unprofitable-rig\nS19-07 is losing money\nprofit -0.012/kWh below margin 0/kWh\nsince 2024-07-01 05:00 UTC\nhttp://hashwatt.local/alerts/a-101',
      url: 'http://hashwatt.local/alerts/a-101',
      tag: 'hashwatt:a-101',
      firing: true,
    });
  });

  it('a resolution replaces its alert (same tag) and is not firing', () => {
    const p = JSON.parse(renderPushPayload(single({ ...RESOLVED, alertId: 'a-101' })));
    expect([p.tag, p.firing, p.title]).toEqual(['hashwatt:a-101', false, '[RESOLVED] S21-02 runs hot']);
    expect(p.url).toBe('/alerts'); // no public URL: the service worker opens it on its own origin
  });

  it('a group: counted title, tagged by the group, the first link', () => {
    const p = JSON.parse(renderPushPayload(group([RESOLVED, FIRING])));
    expect([p.title, p.tag, p.url]).toEqual([
      '[1 FIRING, 1 RESOLVED] North Barn: 2 alerts',
      'hashwatt:site:1',
      'http://hashwatt.local/alerts/a-101',
    ]);
  });

  it('many alerts fit in the 3993 bytes a push message holds, saying how many were left out', () => {
    const json = renderPushPayload(group(manyFiring(80)));
    expect(Buffer.byteLength(json)).toBeLessThanOrEqual(3993);
    expect(JSON.parse(json).body).toMatch(/… and \d+ more alerts$/);
  });

  it('counts UTF-8 bytes, not characters', () => {
    const wide = manyFiring(60).map((a) => ({ ...a, detail: 'Grünhaus 温度 '.repeat(8) }));
    const json = renderPushPayload(group(wide), 1000);
    expect(Buffer.byteLength(json)).toBeLessThanOrEqual(1000);
    expect(Buffer.byteLength(json)).toBeGreaterThan(900);
  });
});

describe('webpush config', () => {
  it('fills defaults: every subscriber, one day, high urgency', () => {
    const parsed = parseChannelConfig({ kind: 'webpush' });
    expect(parsed.ok && parsed.value).toEqual({ kind: 'webpush', userNames: [], ttlSeconds: 86400, urgency: 'high', timeoutMs: 10000 });
  });

  it.each([
    [{ userNames: 'admin' }, 'webpush channel: userNames: userNames must be a list of user names'],
    [{ userNames: ['admin', ' '] }, 'webpush channel: userNames.1: userNames must not contain empty names'],
    [{ ttlSeconds: -1 }, 'webpush channel: ttlSeconds: ttlSeconds must be at least 0'],
    [{ ttlSeconds: 1.5 }, 'webpush channel: ttlSeconds: ttlSeconds must be a whole number of seconds'],
    [{ ttlSeconds: 2_419_201 }, 'webpush channel: ttlSeconds: ttlSeconds must be at most 2419200 (4 weeks)'],
    [{ urgency: 'urgent' }, 'webpush channel: urgency: urgency must be one of high, normal, low, very-low'],
    [
      { subject: 'ops@example.com' },
      'webpush channel: subject: subject must be a mailto: address or an https: URL (the push services contact the sender there)',
    ],
    [
      { subject: 'http://example.com' },
      'webpush channel: subject: subject must be a mailto: address or an https: URL (the push services contact the sender there)',
    ],
    [{ endpoint: 'x' }, 'webpush channel: unknown field endpoint'],
  ])('%j -> %s', (extra, message) => {
    const parsed = parseChannelConfig({ kind: 'webpush', ...extra });
    expect(parsed.ok ? [] : parsed.error).toEqual([message]);
  });
});

describe('outcome of one message to many subscriptions', () => {
  const err = (status: number, retryable: boolean, retryAfterMs?: number) =>
    new NotifyError(`webpush channel: HTTP ${status} from push.example`, {
      channel: 'webpush',
      status,
      retryable,
      ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
    });

  it('classifies answers: 404/410 gone, 429/5xx and network errors retryable, other 4xx refused', () => {
    expect(classifyFailure(err(410, false))).toEqual({ kind: 'gone', status: 410 });
    expect(classifyFailure(err(404, false))).toEqual({ kind: 'gone', status: 404 });
    expect(classifyFailure(err(429, true, 7000))).toEqual({
      kind: 'retryable',
      error: 'webpush channel: HTTP 429 from push.example',
      retryAfterMs: 7000,
    });
    expect(classifyFailure(err(503, true)).kind).toBe('retryable');
    expect(classifyFailure(new Error('socket hang up'))).toEqual({ kind: 'retryable', error: 'socket hang up' });
    expect(classifyFailure(err(403, false))).toEqual({ kind: 'refused', error: 'webpush channel: HTTP 403 from push.example' });
  });

  it('delivered when at least one subscription accepted, whatever the others said', () => {
    expect(summarizeOutcomes([{ kind: 'refused', error: 'x' }, { kind: 'accepted' }, { kind: 'gone', status: 410 }], [])).toBeNull();
  });

  it('no subscription at all fails for good, naming who was meant', () => {
    const e = summarizeOutcomes([], ['alice', 'bob'])!;
    expect([e.message, e.retryable]).toEqual([
      'webpush channel: no device has subscribed for alice, bob; turn on "Notifications on this device" in Hashwatt on the phone',
      false,
    ]);
  });

  it('all gone fails for good', () => {
    const e = summarizeOutcomes(
      [
        { kind: 'gone', status: 410 },
        { kind: 'gone', status: 404 },
      ],
      [],
    )!;
    expect([e.message, e.retryable]).toEqual([
      'webpush channel: every subscription (2) has expired or was withdrawn (404/410) and is removed; nobody is subscribed now',
      false,
    ]);
  });

  it('none accepted but one may succeed later: retryable, waiting the longest Retry-After', () => {
    const e = summarizeOutcomes(
      [
        { kind: 'refused', error: 'HTTP 400' },
        { kind: 'retryable', error: 'HTTP 429', retryAfterMs: 3000 },
        { kind: 'retryable', error: 'HTTP 429', retryAfterMs: 9000 },
      ],
      [],
    )!;
    expect([e.message, e.retryable, e.retryAfterMs]).toEqual([
      'webpush channel: no subscription accepted (3 tried, 2 may succeed later): HTTP 429',
      true,
      9000,
    ]);
  });

  it('none accepted and every one refused: not retryable', () => {
    const e = summarizeOutcomes(
      [
        { kind: 'gone', status: 410 },
        { kind: 'refused', error: 'HTTP 413 payload too large' },
      ],
      [],
    )!;
    expect([e.message, e.retryable]).toEqual([
      'webpush channel: no subscription accepted (2 tried, 0 may succeed later): HTTP 413 payload too large',
      false,
    ]);
  });
});
