/**
 * Every HTTP channel against a real loopback receiver on 127.0.116.1 (this file's subnet is 127.0.116.x):
 * what arrives (path, headers, body, signature), how failures are classified, where channels may not
 * send, and that a receiver's reply is never quoted back nor read past its cap. The receiver is reached
 * as an operator would reach a LAN service: through the production rules with the subnet listed as the
 * operator's private hosts (HASHWATT_NOTIFY_PRIVATE_HOSTS).
 */
import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NotifyError, createChannel, type ChannelConfigInput } from '../../../lib/notify';
import { notifyNet, NOTIFY_REPLY_MAX_BYTES } from '../../../lib/notify/net';
import { parsePrivateHosts } from '../../../lib/net/outbound-policy';
import { FIRING, RESOLVED, group, single } from '../../unit/notify/fixtures';
import { deadEndpoint, startReceiver, type Receiver } from './receiver';

const SECRET = 'webhook-secret-0123456789';
const LAN = { net: notifyNet(parsePrivateHosts('127.0.116.0/24')) };
let rx: Receiver;

beforeAll(async () => {
  rx = await startReceiver('127.0.116.1');
});
afterAll(async () => {
  await rx.close();
});

/** Sends and returns the one request the receiver recorded for it. */
async function deliver(config: ChannelConfigInput, n = single()) {
  const before = rx.requests.length;
  await createChannel(config, LAN).send(n);
  expect(rx.requests.length).toBe(before + 1);
  return rx.requests[before];
}

async function failure(config: ChannelConfigInput, signal?: AbortSignal, deps = LAN): Promise<NotifyError> {
  const err = await createChannel(config, deps)
    .send(single(), signal)
    .then(
      () => null,
      (e: unknown) => e,
    );
  expect(err).toBeInstanceOf(NotifyError);
  return err as NotifyError;
}

describe('delivery to a live receiver', () => {
  it('webhook: signed JSON with the alert ids', async () => {
    const req = await deliver({ kind: 'webhook', url: `${rx.baseUrl}/hook`, secret: SECRET }, group([FIRING, RESOLVED]));
    expect([req.method, req.path, req.headers['content-type']]).toEqual(['POST', '/hook', 'application/json']);
    const expected = `sha256=${createHmac('sha256', SECRET).update(Buffer.from(req.body, 'utf8')).digest('hex')}`;
    expect(req.headers['x-hashwatt-signature']).toBe(expected);
    expect(req.headers['x-hashwatt-alert-id']).toBe('a-101,a-102');
    const body = JSON.parse(req.body);
    expect(body.alerts.map((a: { alertId: string; state: string }) => `${a.alertId}:${a.state}`)).toEqual([
      'a-101:firing',
      'a-102:resolved',
    ]);
  });

  it('ntfy: POST {baseUrl}/{topic} with Title, Priority, Tags and the bearer token', async () => {
    const req = await deliver(
      { kind: 'ntfy', baseUrl: `${rx.baseUrl}/ntfy`, topic: 'rigs', token: 'tk_secret' },
      single({ ...FIRING, title: 'Grünhaus S19 is losing money' }),
    );
    expect([req.method, req.path]).toEqual(['POST', '/ntfy/rigs']);
    expect(req.headers.title).toBe(`=?UTF-8?B?${Buffer.from('[FIRING] Grünhaus S19 is losing money').toString('base64')}?=`);
    expect([req.headers.priority, req.headers.tags, req.headers.authorization]).toEqual([
      '4',
      'rotating_light,hashwatt',
      'Bearer tk_secret',
    ]);
    expect(req.headers.click).toBe('http://hashwatt.local/alerts/a-101');
    expect(req.body).toContain('profit -0.012/kWh below margin 0/kWh');
  });

  it('telegram: POST /bot{token}/sendMessage with chat_id, text and parse_mode', async () => {
    const req = await deliver({ kind: 'telegram', baseUrl: rx.baseUrl, botToken: '123456:ABC-def', chatId: '@hashwatt_ops' });
    expect([req.method, req.path]).toEqual(['POST', '/bot123456:ABC-def/sendMessage']);
    const body = JSON.parse(req.body);
    expect(body).toMatchObject({ chat_id: '@hashwatt_ops', parse_mode: 'HTML' });
    expect(body.text.startsWith('<b>[FIRING] S19-07 is losing money</b>\n\nFIRING · warning · S19-07')).toBe(true);
  });

  it('slack: blocks to the incoming webhook URL', async () => {
    const req = await deliver({ kind: 'slack', webhookUrl: `${rx.baseUrl}/slack/T000/B000/XXXX` }, single(RESOLVED));
    expect(req.path).toBe('/slack/T000/B000/XXXX');
    const body = JSON.parse(req.body);
    expect(body.text).toBe('[RESOLVED] S21-02 runs hot');
    expect(body.blocks[1].text.text).toContain('resolved 2024-07-01 05:20 UTC after 20 min');
  });

  it('discord: content format to the webhook URL, 204 accepted', async () => {
    const req = await deliver({ kind: 'discord', webhookUrl: `${rx.baseUrl}/discord/1/tok`, format: 'content' });
    expect(req.path).toBe('/discord/1/tok');
    const body = JSON.parse(req.body);
    expect(body.content.startsWith('\\[FIRING\\] S19-07 is losing money')).toBe(true);
    expect(body.allowed_mentions).toEqual({ parse: [] });
  });
});

describe('failures', () => {
  it('receiver down: connection refused is retryable, names the host only', async () => {
    const dead = await deadEndpoint('127.0.116.2');
    const err = await failure({ kind: 'telegram', baseUrl: dead, botToken: '999:SECRETTOKEN', chatId: 1 });
    expect(err.retryable).toBe(true);
    expect(err.status).toBeUndefined();
    expect(err.message).toBe(`telegram channel: cannot reach ${dead.slice('http://'.length)} (ECONNREFUSED)`);
    expect(err.message).not.toContain('SECRETTOKEN');
  });

  it('500 is retryable; the message names the status and the host, never what the receiver said', async () => {
    const err = await failure({ kind: 'webhook', url: `${rx.baseUrl}/status/500`, secret: SECRET });
    expect([err.retryable, err.status]).toEqual([true, 500]);
    expect(err.message).toBe(`webhook channel: HTTP 500 from ${rx.baseUrl.slice(7)}`);
  });

  it('400 is not retryable, and its reply is not quoted either', async () => {
    const err = await failure({ kind: 'ntfy', baseUrl: `${rx.baseUrl}/status/400`, topic: 'rigs' });
    expect([err.retryable, err.status]).toEqual([false, 400]);
    expect(err.message).toBe(`ntfy channel: HTTP 400 from ${rx.baseUrl.slice(7)}`);
    expect(JSON.stringify(err)).not.toContain('boom');
  });

  it('a reply that never ends is read up to the cap and dropped: 2xx is a delivery, 5xx a retryable failure', async () => {
    const started = Date.now();
    await createChannel({ kind: 'webhook', url: `${rx.baseUrl}/endless/200`, secret: SECRET, timeoutMs: 30_000 }, LAN).send(single());
    const err = await failure({ kind: 'webhook', url: `${rx.baseUrl}/endless/503`, secret: SECRET, timeoutMs: 30_000 });
    expect([err.retryable, err.status, err.message]).toEqual([true, 503, `webhook channel: HTTP 503 from ${rx.baseUrl.slice(7)}`]);
    // Far below the 30 s deadline: the cap (NOTIFY_REPLY_MAX_BYTES) ended both, not the timeout.
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(NOTIFY_REPLY_MAX_BYTES).toBeLessThanOrEqual(64 * 1024);
  });

  it('429 is retryable and carries Retry-After (header, Discord body, Telegram body)', async () => {
    const slack = await failure({ kind: 'slack', webhookUrl: `${rx.baseUrl}/slack-limited/T/B/X` });
    expect([slack.retryable, slack.status, slack.retryAfterMs]).toEqual([true, 429, 7_000]);
    expect(slack.message).toContain('(retry after 7000 ms)');
    const discord = await failure({ kind: 'discord', webhookUrl: `${rx.baseUrl}/discord-limited/1/tok` });
    expect([discord.retryable, discord.status, discord.retryAfterMs]).toEqual([true, 429, 1_500]);
    const telegram = await failure({ kind: 'telegram', baseUrl: `${rx.baseUrl}/telegram-limited`, botToken: '1:A', chatId: 1 });
    expect([telegram.retryable, telegram.status, telegram.retryAfterMs]).toEqual([true, 429, 3_000]);
  });

  it('no reply within the timeout is retryable', async () => {
    const started = Date.now();
    const err = await failure({ kind: 'webhook', url: `${rx.baseUrl}/hang`, secret: SECRET, timeoutMs: 300 });
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(err.retryable).toBe(true);
    expect(err.message).toBe(`webhook channel: no reply from ${rx.baseUrl.slice(7)} within 300 ms`);
  });

  it("the caller's abort signal cancels a send, retryable", async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const err = await failure({ kind: 'discord', webhookUrl: `${rx.baseUrl}/hang/discord`, timeoutMs: 10_000 }, controller.signal);
    expect(err.retryable).toBe(true);
    expect(err.message).toBe(`discord channel: sending to ${rx.baseUrl.slice(7)} was cancelled`);
  });
});

describe('where admin-set channels may send', () => {
  it('a private address the operator did not list is refused before connecting, for good, naming the setting', async () => {
    const before = rx.requests.length;
    const err = await failure({ kind: 'webhook', url: `${rx.baseUrl}/hook`, secret: SECRET }, undefined, { net: notifyNet() });
    expect(rx.requests.length).toBe(before);
    expect(err.retryable).toBe(false);
    expect(err.message).toBe(
      `webhook channel: not sent to ${rx.baseUrl.slice(7)}: 127.0.116.1 is a loopback address: to send there, list it in HASHWATT_NOTIFY_PRIVATE_HOSTS (host names, addresses or ranges, comma separated)`,
    );
  });

  it('a name is judged by what it resolves to: listed by name it passes, resolving to an unlisted address it does not', async () => {
    const hosts = { 'hooks.lan': '127.0.116.1' } as Record<string, string>;
    const resolve = async (name: string) => (hosts[name] ? [{ address: hosts[name], family: 4 as const }] : []);
    const url = `http://hooks.lan:${new URL(rx.baseUrl).port}/hook`;
    const byName = { net: notifyNet(parsePrivateHosts('hooks.lan'), resolve) };
    const req = await (async () => {
      const before = rx.requests.length;
      await createChannel({ kind: 'webhook', url, secret: SECRET }, byName).send(single());
      // The request this send made: an aborted one of an earlier test (/hang/...) may be recorded late.
      return rx.requests.slice(before).find((r) => r.path === '/hook');
    })();
    expect([req?.path, req?.headers.host]).toEqual(['/hook', `hooks.lan:${new URL(rx.baseUrl).port}`]);
    const err = await failure({ kind: 'webhook', url, secret: SECRET }, undefined, {
      net: notifyNet(parsePrivateHosts('10.0.0.0/8'), resolve),
    });
    expect(err.message).toContain(
      'hooks.lan resolves to 127.0.116.1, a loopback address: to send there, list it in HASHWATT_NOTIFY_PRIVATE_HOSTS',
    );
  });

  it('a cloud metadata address is refused even inside a listed range', async () => {
    const err = await failure({ kind: 'webhook', url: 'http://169.254.169.254/latest/meta-data/', secret: SECRET }, undefined, {
      net: notifyNet(parsePrivateHosts('169.254.0.0/16')),
    });
    expect([err.retryable, err.message]).toEqual([
      false,
      'webhook channel: not sent to 169.254.169.254: 169.254.169.254 is a cloud metadata service address: never reached',
    ]);
  });
});
