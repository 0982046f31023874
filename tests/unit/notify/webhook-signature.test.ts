/** The webhook's HMAC signature, checked independently with node:crypto as a receiver would. */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signBody } from '../../../lib/notify';
import { webhookRequest } from '../../../lib/notify/channels/webhook';
import { FIRING, RESOLVED, group } from './fixtures';

const SECRET = 'correct horse battery staple';
const config = { url: 'http://127.0.0.1:9/hook', secret: SECRET };

/** What a receiver does: HMAC the raw bytes it got and compare in constant time. */
function receiverAccepts(rawBody: string, header: string, secret: string): boolean {
  const expected = Buffer.from(`sha256=${createHmac('sha256', secret).update(Buffer.from(rawBody, 'utf8')).digest('hex')}`);
  const got = Buffer.from(header);
  return got.length === expected.length && timingSafeEqual(got, expected);
}

describe('webhook signature', () => {
  it('matches a known HMAC-SHA256 vector', () => {
    // RFC 4231 test case 2: key "Jefe", data "what do ya want for nothing?".
    expect(signBody('what do ya want for nothing?', 'Jefe')).toBe(
      'sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843',
    );
  });

  it('signs the exact body sent, and a receiver with the secret accepts it', () => {
    const req = webhookRequest(config, group([FIRING, RESOLVED]));
    expect(req.headers['X-Hashwatt-Signature']).toMatch(/^sha256=[0-9a-f]{64}$/);
    expect(receiverAccepts(req.body, req.headers['X-Hashwatt-Signature'], SECRET)).toBe(true);
  });

  it('a changed body or another secret fails verification', () => {
    const req = webhookRequest(config, group([FIRING]));
    expect(receiverAccepts(req.body.replace('S19-07', 'S19-08'), req.headers['X-Hashwatt-Signature'], SECRET)).toBe(false);
    expect(receiverAccepts(req.body, req.headers['X-Hashwatt-Signature'], 'another secret of length')).toBe(false);
  });

  it('carries the alert ids and the alerts as JSON', () => {
    const req = webhookRequest(config, group([FIRING, RESOLVED]));
    expect(req.url).toBe('http://127.0.0.1:9/hook');
    expect(req.headers['X-Hashwatt-Alert-Id']).toBe('a-101,a-102');
    expect(req.headers['Content-Type']).toBe('application/json');
    const body = JSON.parse(req.body);
    expect(body).toMatchObject({
      version: 1,
      groupKey: 'site:1',
      siteName: 'North Barn',
      title: '[1 FIRING, 1 RESOLVED] North Barn: 2 alerts',
    });
    expect(body.alerts.map((a: { alertId: string; state: string }) => [a.alertId, a.state])).toEqual([
      ['a-101', 'firing'],
      ['a-102', 'resolved'],
    ]);
    expect(body.alerts[1].resolvedAtMs).toBe(Date.UTC(2024, 6, 1, 5, 20));
  });
});
