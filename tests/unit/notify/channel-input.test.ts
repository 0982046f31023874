/** Channel bodies of the REST API: validation messages, and secrets that stay secret. */
import { describe, expect, it } from 'vitest';
import { parseChannelInput } from '../../../lib/notify/channel-input';
import { REDACTED, keepRedactedSecrets, redactConfig } from '../../../lib/notify/redact';

const webhook = { kind: 'webhook', url: 'http://127.0.0.1:9/hook', secret: 'sixteen-chars-or-more' };

describe('channel input', () => {
  it('accepts a new channel and fills in defaults', () => {
    const parsed = parseChannelInput({ name: ' ops ', config: webhook });
    expect(parsed).toMatchObject({ ok: true, input: { name: 'ops', config: { ...webhook, timeoutMs: expect.any(Number) } } });
  });

  it('names every problem of a malformed body', () => {
    expect(parseChannelInput({ name: '', enabled: 'yes', config: { kind: 'webhook', url: 'ftp://x', secret: 'short' }, colour: 1 })).toEqual({
      ok: false,
      errors: [
        'unknown field colour (known: name, enabled, config)',
        'name is required: a short label such as "ops webhook"',
        'enabled must be true or false',
        'webhook channel: url: the webhook url must be an http or https URL',
        'webhook channel: secret: the webhook secret must be at least 16 characters',
      ],
    });
    expect(parseChannelInput([1])).toEqual({ ok: false, errors: ['the body must be a JSON object { name, enabled, config }'] });
    expect(parseChannelInput({ name: 'x' })).toEqual({ ok: false, errors: ['config is required: the channel settings with a kind'] });
  });

  it('redacts secrets for display and keeps the stored one when an edit sends "<redacted>" back', () => {
    const shown = redactConfig(webhook);
    expect(shown).toEqual({ ...webhook, secret: REDACTED });
    expect(webhook.secret).toBe('sixteen-chars-or-more'); // the original is not changed
    const edited = parseChannelInput({ config: { ...shown, url: 'http://127.0.0.1:9/new' } }, { config: webhook });
    expect(edited).toMatchObject({ ok: true, input: { config: { url: 'http://127.0.0.1:9/new', secret: 'sixteen-chars-or-more' } } });
    expect(edited.ok && edited.input.name).toBeUndefined(); // an update may leave the name out
  });

  it('redacts nested and URL secrets of every kind', () => {
    const email = { kind: 'email', host: 'smtp', auth: { user: 'u', pass: 'p4ss' }, to: ['a@b.c'] };
    expect(redactConfig(email)).toEqual({ ...email, auth: { user: 'u', pass: REDACTED } });
    expect(redactConfig({ kind: 'slack', webhookUrl: 'https://hooks.slack.com/services/T/B/X' })).toEqual({ kind: 'slack', webhookUrl: REDACTED });
    expect(keepRedactedSecrets({ ...email, auth: { user: 'u2', pass: REDACTED } }, email)).toEqual({ ...email, auth: { user: 'u2', pass: 'p4ss' } });
    // A changed kind never inherits the old kind's secret.
    expect(keepRedactedSecrets({ kind: 'ntfy', topic: 't', token: REDACTED }, webhook)).toEqual({ kind: 'ntfy', topic: 't', token: REDACTED });
  });
});
