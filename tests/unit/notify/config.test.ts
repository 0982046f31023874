/** Channel configs: defaults, and error messages that name the field without echoing secrets. */
import { describe, expect, it } from 'vitest';
import { createChannel, parseChannelConfig } from '../../../lib/notify';
import { smtpTransportOptions } from '../../../lib/notify/channels/email';

function errorsOf(input: unknown): string[] {
  const parsed = parseChannelConfig(input);
  if (parsed.ok) throw new Error('expected the config to be rejected');
  return parsed.error;
}

describe('parseChannelConfig', () => {
  it('fills defaults: timeout, public base URLs, formats, SMTP port', () => {
    expect(parseChannelConfig({ kind: 'ntfy', topic: 'rigs' })).toEqual({
      ok: true,
      value: { kind: 'ntfy', topic: 'rigs', baseUrl: 'https://ntfy.sh', timeoutMs: 10_000 },
    });
    expect(parseChannelConfig({ kind: 'telegram', botToken: '123456:ABC-def_9', chatId: -1001 })).toEqual({
      ok: true,
      value: { kind: 'telegram', botToken: '123456:ABC-def_9', chatId: -1001, baseUrl: 'https://api.telegram.org', timeoutMs: 10_000 },
    });
    const slack = parseChannelConfig({ kind: 'slack', webhookUrl: 'https://hooks.slack.com/services/T/B/X' });
    expect(slack.ok && slack.value).toMatchObject({ format: 'blocks' });
    const discord = parseChannelConfig({ kind: 'discord', webhookUrl: 'https://discord.com/api/webhooks/1/x' });
    expect(discord.ok && discord.value).toMatchObject({ format: 'embed' });
    const email = parseChannelConfig({ kind: 'email', host: 'mail.example.com', from: 'rigs@example.com', to: ['ops@example.com'] });
    expect(email.ok && email.value).toMatchObject({ port: 587, secure: false, allowPlaintext: false, timeoutMs: 10_000 });
  });

  it('email requires TLS unless allowPlaintext is set, also for a config an earlier version stored with requireTls: false', () => {
    const email = (extra: Record<string, unknown>) => {
      const parsed = parseChannelConfig({
        kind: 'email',
        host: 'mail.example.com',
        from: 'rigs@example.com',
        to: ['ops@example.com'],
        ...extra,
      });
      if (!parsed.ok || parsed.value.kind !== 'email') throw new Error(JSON.stringify(parsed));
      return parsed.value;
    };
    expect(smtpTransportOptions(email({})).requireTLS).toBe(true);
    const legacy = email({ requireTls: false });
    expect(legacy).not.toHaveProperty('requireTls');
    expect(smtpTransportOptions(legacy).requireTLS).toBe(true);
    expect(smtpTransportOptions(email({ allowPlaintext: true })).requireTLS).toBe(false);
    // Port 465: TLS from the first byte, nothing to upgrade.
    expect(smtpTransportOptions(email({ secure: true, port: 465 }))).toMatchObject({ secure: true, requireTLS: false });
    expect(parseChannelConfig({ kind: 'email', host: 'h', from: 'a@b.cd', to: ['c@d.ef'], allowPlaintext: 'yes' })).toEqual({
      ok: false,
      error: ['email channel: allowPlaintext: allowPlaintext must be true or false'],
    });
  });

  it('accepts quiet hours on any channel', () => {
    const parsed = parseChannelConfig({
      kind: 'webhook',
      url: 'http://127.0.0.1:8080/hook',
      secret: '0123456789abcdef',
      quietHours: { start: '22:00', end: '07:00', timeZone: 'Europe/Berlin' },
    });
    expect(parsed.ok && parsed.value.quietHours).toEqual({ start: '22:00', end: '07:00', timeZone: 'Europe/Berlin' });
  });

  it('rejects a missing or unknown kind', () => {
    expect(errorsOf(null)).toEqual([
      'a channel config must be a JSON object with a kind (webhook, ntfy, telegram, slack, discord, email, webpush)',
    ]);
    expect(errorsOf({ kind: 'pager' })).toEqual([
      'kind must be one of webhook, ntfy, telegram, slack, discord, email, webpush (got "pager")',
    ]);
    expect(errorsOf({})).toEqual(['kind must be one of webhook, ntfy, telegram, slack, discord, email, webpush (got none)']);
  });

  it('names each bad field', () => {
    expect(errorsOf({ kind: 'webhook', url: 'ftp://x', secret: 'short' })).toEqual([
      'webhook channel: url: the webhook url must be an http or https URL',
      'webhook channel: secret: the webhook secret must be at least 16 characters',
    ]);
    expect(errorsOf({ kind: 'webhook', url: 'http://x/hook' })).toEqual([
      'webhook channel: secret: the webhook secret is required (it signs every request)',
    ]);
    expect(errorsOf({ kind: 'ntfy', topic: 'a/b' })).toEqual([
      'ntfy channel: topic: the ntfy topic must be 1 to 64 letters, digits, - or _',
    ]);
    expect(errorsOf({ kind: 'telegram', botToken: 'nope', chatId: 'x' })).toEqual([
      'telegram channel: botToken: the Telegram botToken must look like 123456:ABC-DEF (from @BotFather)',
      'telegram channel: chatId: the Telegram chatId must be a numeric chat id or an @channelusername',
    ]);
    expect(errorsOf({ kind: 'email', host: 'mail', port: 70000, from: 'nobody', to: [] })).toEqual([
      'email channel: port: the SMTP port must be from 1 to 65535',
      'email channel: from: from must be an email address like alerts@example.com',
      'email channel: to: to needs at least one address',
    ]);
    expect(errorsOf({ kind: 'slack', webhookUrl: 'https://h/x', timeoutMs: 50 })).toEqual([
      'slack channel: timeoutMs: timeoutMs must be at least 100',
    ]);
    expect(
      errorsOf({ kind: 'discord', webhookUrl: 'https://h/x', quietHours: { start: '22:00', end: '07:00', timeZone: 'Nowhere/City' } }),
    ).toEqual(['discord channel: quietHours.timeZone: quietHours.timeZone must be an IANA time zone such as "Europe/Berlin"']);
  });

  it('rejects unknown fields so typos do not pass silently', () => {
    expect(errorsOf({ kind: 'ntfy', topic: 'rigs', tokn: 'x' })).toEqual(['ntfy channel: unknown field tokn']);
  });

  it('never echoes a secret value in its errors', () => {
    const errors = errorsOf({ kind: 'telegram', botToken: 'SECRET-TOKEN-VALUE', chatId: 1 });
    expect(errors.join(' ')).not.toContain('SECRET-TOKEN-VALUE');
  });
});

describe('createChannel', () => {
  it('builds the channel of the kind', () => {
    expect(createChannel({ kind: 'slack', webhookUrl: 'https://hooks.slack.com/services/T/B/X' }).kind).toBe('slack');
    expect(createChannel({ kind: 'email', host: 'mail', from: 'a@example.com', to: ['b@example.com'] }).kind).toBe('email');
  });

  it('throws one message listing the problems', () => {
    expect(() => createChannel({ kind: 'ntfy', topic: '' })).toThrow(
      'invalid channel config: ntfy channel: topic: the ntfy topic must be 1 to 64 letters, digits, - or _',
    );
  });
});
