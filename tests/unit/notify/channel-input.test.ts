/** Channel bodies of the REST API: validation messages, and secrets that stay secret. */
import { describe, expect, it } from 'vitest';
import { parseChannelInput } from '../../../lib/notify/channel-input';
import { REDACTED, keepRedactedSecrets, redactConfig } from '../../../lib/notify/redact';

const webhook = { kind: 'webhook', url: 'http://127.0.0.1:9/hook', secret: 'sixteen-chars-or-more' };

describe('channel input', () => {
  it('accepts a new channel and fills in defaults', () => {
    const parsed = parseChannelInput({ name: ' ops ', config: webhook });
    expect(parsed).toMatchObject({ ok: true, value: { name: 'ops', config: { ...webhook, timeoutMs: expect.any(Number) } } });
  });

  it('names every problem of a malformed body', () => {
    expect(
      parseChannelInput({ name: '', enabled: 'yes', config: { kind: 'webhook', url: 'ftp://x', secret: 'short' }, colour: 1 }),
    ).toEqual({
      ok: false,
      error: [
        'unknown field colour (known: name, enabled, config)',
        'name is required: a short label such as "ops webhook"',
        'enabled must be true or false',
        'webhook channel: url: the webhook url must be an http or https URL',
        'webhook channel: secret: the webhook secret must be at least 16 characters',
      ],
    });
    expect(parseChannelInput([1])).toEqual({ ok: false, error: ['the body must be a JSON object { name, enabled, config }'] });
    expect(parseChannelInput({ name: 'x' })).toEqual({ ok: false, error: ['config is required: the channel settings with a kind'] });
  });

  it('redacts secrets for display and keeps the stored one when an edit sends "<redacted>" back', () => {
    const shown = redactConfig(webhook);
    expect(shown).toEqual({ ...webhook, secret: REDACTED });
    expect(webhook.secret).toBe('sixteen-chars-or-more'); // the original is not changed
    const edited = parseChannelInput({ config: { ...shown, url: 'http://127.0.0.1:9/new' } }, { config: webhook });
    expect(edited).toMatchObject({ ok: true, value: { config: { url: 'http://127.0.0.1:9/new', secret: 'sixteen-chars-or-more' } } });
    expect(edited.ok && edited.value.name).toBeUndefined(); // an update may leave the name out
  });

  it('redacts nested and URL secrets of every kind', () => {
    const email = { kind: 'email', host: 'smtp', auth: { user: 'u', pass: 'p4ss' }, to: ['a@b.c'] };
    expect(redactConfig(email)).toEqual({ ...email, auth: { user: 'u', pass: REDACTED } });
    expect(redactConfig({ kind: 'slack', webhookUrl: 'https://hooks.slack.com/services/T/B/X' })).toEqual({
      kind: 'slack',
      webhookUrl: REDACTED,
    });
    expect(keepRedactedSecrets({ ...email, auth: { user: 'u2', pass: REDACTED } }, email)).toEqual({
      config: { ...email, auth: { user: 'u2', pass: 'p4ss' } },
      errors: [],
    });
    // A changed kind never inherits the old kind's secret.
    expect(keepRedactedSecrets({ kind: 'ntfy', topic: 't', token: REDACTED }, webhook)).toEqual({
      config: { kind: 'ntfy', topic: 't', token: REDACTED },
      errors: ['ntfy channel: token must be entered: "<redacted>" stands for a stored secret, and none is stored for these settings'],
    });
  });

  it('keeps a redacted secret only while it goes to the same place: a new host, port or scheme needs it typed again', () => {
    const shown = redactConfig(webhook);
    const to = (url: string) => parseChannelInput({ config: { ...shown, url } }, { config: webhook });
    expect(to('http://127.0.0.1:9/other-path')).toMatchObject({ ok: true, value: { config: { secret: 'sixteen-chars-or-more' } } });
    expect(to('https://attacker.example/collect')).toEqual({
      ok: false,
      error: [
        'webhook channel: secret must be entered again: the stored one was sent to http://127.0.0.1:9, and these settings send it to https://attacker.example',
      ],
    });
    expect(to('http://127.0.0.1:10/hook')).toMatchObject({ ok: false });
    expect(to('https://127.0.0.1:9/hook')).toMatchObject({ ok: false });
    // Typed again for the new host, it is taken.
    expect(
      parseChannelInput({ config: { ...shown, url: 'https://new.example/hook', secret: 'another-secret-of-16' } }, { config: webhook }),
    ).toMatchObject({ ok: true });

    const ntfy = { kind: 'ntfy', topic: 'rigs', token: 'tk_stored' };
    expect(parseChannelInput({ config: { ...redactConfig(ntfy), baseUrl: 'https://ntfy.sh' } }, { config: ntfy })).toMatchObject({
      ok: true,
      value: { config: { token: 'tk_stored' } },
    });
    expect(parseChannelInput({ config: { ...redactConfig(ntfy), baseUrl: 'https://ntfy.attacker.example' } }, { config: ntfy })).toEqual({
      ok: false,
      error: [
        'ntfy channel: token must be entered again: the stored one was sent to https://ntfy.sh, and these settings send it to https://ntfy.attacker.example',
      ],
    });
    const telegram = { kind: 'telegram', botToken: '1:ABC', chatId: 5 };
    expect(parseChannelInput({ config: { ...redactConfig(telegram), baseUrl: 'http://127.0.0.1:9' } }, { config: telegram })).toMatchObject(
      { ok: false },
    );

    const email = {
      kind: 'email',
      host: 'smtp.example.com',
      port: 587,
      auth: { user: 'u', pass: 'p4ss' },
      from: 'a@b.example',
      to: ['c@d.example'],
    };
    const shownEmail = redactConfig(email);
    expect(parseChannelInput({ config: { ...shownEmail, to: ['x@d.example'] } }, { config: email })).toMatchObject({
      ok: true,
      value: { config: { auth: { pass: 'p4ss' } } },
    });
    expect(parseChannelInput({ config: { ...shownEmail, host: 'mail.attacker.example' } }, { config: email })).toEqual({
      ok: false,
      error: [
        'email channel: auth.pass must be entered again: the stored one was sent to smtp.example.com:587, and these settings send it to mail.attacker.example:587',
      ],
    });
    expect(parseChannelInput({ config: { ...shownEmail, port: 2525 } }, { config: email })).toMatchObject({ ok: false });

    // Slack and Discord: the secret is the URL; sent back redacted it is the stored one, wherever that goes.
    const slack = { kind: 'slack', webhookUrl: 'https://hooks.slack.com/services/T/B/X' };
    expect(parseChannelInput({ config: { ...redactConfig(slack), format: 'text' } }, { config: slack })).toMatchObject({
      ok: true,
      value: { config: { webhookUrl: slack.webhookUrl } },
    });
  });

  it('a new channel has no stored secret to keep', () => {
    expect(parseChannelInput({ name: 'x', config: { ...webhook, secret: REDACTED } })).toEqual({
      ok: false,
      error: ['webhook channel: secret must be entered: "<redacted>" stands for a stored secret, and none is stored for these settings'],
    });
  });
});
