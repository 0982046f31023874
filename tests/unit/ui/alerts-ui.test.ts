/**
 * The pure parts of the alerts screens: banner order and snooze, history merging, the channel form's field
 * lists against the zod schemas they mirror, and the rules form's override round trip.
 */
import { describe, expect, it } from 'vitest';
import { bannerAlerts, formatDurationMs, isSnoozed, mergeHistory, worstSeverity } from '../../../app/components/alerts/alert-order';
import { configFromValues, emptyValues, errorsForField, REDACTED, valuesFromConfig } from '../../../app/components/settings/channel-fields';
import { formFromOverride, overrideFromForm, rulesAtScope } from '../../../app/components/settings/rule-fields';
import { DEFAULT_THRESHOLDS, parseThresholdOverride } from '../../../lib/alerts/thresholds';
import { RULE_KINDS } from '../../../lib/alerts/types';
import { parseChannelConfig } from '../../../lib/notify/channel-config';
import { REDACTED as API_REDACTED, SECRET_FIELDS } from '../../../lib/notify/redact';
import { CHANNEL_DESCRIPTORS, CHANNEL_KINDS, channelDescriptor, COMMON_FIELDS } from '../../../lib/notify/descriptors';
import type { AlertView } from '../../../lib/views/alert-contracts';

function alert(over: Partial<AlertView>): AlertView {
  return {
    id: 'a',
    rule: 'offline',
    scope: 'rig',
    subjectId: 1,
    subjectName: 'S19-01',
    siteId: 1,
    siteName: 'North',
    severity: 'warning',
    title: 'S19-01 is offline',
    detail: '',
    value: null,
    startedAtMs: 0,
    firingAtMs: 0,
    resolvedAtMs: null,
    resolveReason: null,
    ackedAtMs: null,
    ackedBy: null,
    snoozedUntilMs: null,
    ...over,
  };
}

describe('banner order', () => {
  it('lists critical before warning before info, newest first within a severity, without snoozed alerts', () => {
    const alerts = [
      alert({ id: 'w-old', severity: 'warning', firingAtMs: 1 }),
      alert({ id: 'i', severity: 'info', firingAtMs: 9 }),
      alert({ id: 'c', severity: 'critical', firingAtMs: 2 }),
      alert({ id: 'w-new', severity: 'warning', firingAtMs: 5 }),
      alert({ id: 'snoozed', severity: 'critical', firingAtMs: 7, snoozedUntilMs: 2_000 }),
      alert({ id: 'snooze-over', severity: 'info', firingAtMs: 3, snoozedUntilMs: 1_000 }),
    ];
    expect(bannerAlerts(alerts, 1_000).map((a) => a.id)).toEqual(['c', 'w-new', 'w-old', 'i', 'snooze-over']);
    expect(worstSeverity(bannerAlerts(alerts, 1_000))).toBe('critical');
    expect(worstSeverity([])).toBeNull();
  });

  it('treats any snooze as holding until the clock is known, so nothing flashes on first render', () => {
    expect(isSnoozed({ snoozedUntilMs: 1 }, null)).toBe(true);
    expect(isSnoozed({ snoozedUntilMs: null }, null)).toBe(false);
    expect(isSnoozed({ snoozedUntilMs: 1_000 }, 1_000)).toBe(false);
  });
});

describe('history', () => {
  it('merges overlapping pages without duplicates, newest firing first', () => {
    const merged = mergeHistory(
      [alert({ id: 'b', firingAtMs: 5 }), alert({ id: 'a', firingAtMs: 5 })],
      [alert({ id: 'a', firingAtMs: 5 }), alert({ id: 'c', firingAtMs: 3 })],
    );
    expect(merged.map((a) => a.id)).toEqual(['b', 'a', 'c']);
  });

  it.each([
    [45_000, '45 s'],
    [12 * 60_000, '12 min'],
    [3 * 3_600_000 + 5 * 60_000, '3 h 5 min'],
    [2 * 3_600_000, '2 h'],
    [52 * 3_600_000, '2 d 4 h'],
  ])('formats %i ms as %s', (ms, text) => expect(formatDurationMs(ms)).toBe(text));
});

describe('channel form fields', () => {
  it.each(CHANNEL_KINDS)('%s: one form field for every config field of its schema, and none it does not know', (kind) => {
    const schema = channelDescriptor(kind).configSchema;
    // Email's schema reads (and drops) an earlier version's requireTls: its fields are those of its input object.
    const shape = 'shape' in schema ? schema.shape : (schema.in as unknown as { shape: Record<string, unknown> }).shape;
    const schemaKeys = Object.keys(shape)
      .filter((k) => k !== 'kind' && !(kind === 'email' && k === 'requireTls'))
      .sort();
    const formKeys = [...new Set([...channelDescriptor(kind).fields, ...COMMON_FIELDS].map((f) => f.key.split('.')[0]))].sort();
    expect(formKeys).toEqual(schemaKeys);
  });

  it('marks every secret the API redacts as a password field', () => {
    for (const { kind, fields } of CHANNEL_DESCRIPTORS) {
      for (const path of SECRET_FIELDS[kind]) {
        const field = fields.find((f) => f.key === path);
        expect(field, `${kind}.${path}`).toBeDefined();
        // Slack and Discord webhook URLs are credentials too, but typed as URLs; the form keeps any redacted value.
        if (kind !== 'slack' && kind !== 'discord') expect(field!.type).toBe('secret');
      }
    }
    expect(REDACTED).toBe(API_REDACTED);
  });

  it('turns a filled form into a config the server accepts, leaving empty optional fields out', () => {
    const values = {
      ...emptyValues('email'),
      host: 'smtp.example.com',
      port: '465',
      secure: true,
      'auth.user': 'ops',
      'auth.pass': 'pw',
      from: 'alerts@example.com',
      to: 'a@example.com, b@example.com',
    };
    const built = configFromValues('email', values);
    expect(built).toEqual({
      ok: true,
      value: {
        kind: 'email',
        host: 'smtp.example.com',
        port: 465,
        secure: true,
        allowPlaintext: false,
        auth: { user: 'ops', pass: 'pw' },
        from: 'alerts@example.com',
        to: ['a@example.com', 'b@example.com'],
      },
    });
    expect(parseChannelConfig(built.ok && built.value).ok).toBe(true);
  });

  it('round-trips a stored config with a redacted secret, and reports fields that are not numbers', () => {
    const values = valuesFromConfig('webhook', {
      kind: 'webhook',
      url: 'http://127.0.0.1:9/x',
      secret: REDACTED,
      timeoutMs: 5000,
      quietHours: { start: '22:00', end: '07:00', timeZone: 'UTC' },
    });
    expect(values).toMatchObject({ url: 'http://127.0.0.1:9/x', secret: REDACTED, timeoutMs: '5000', 'quietHours.start': '22:00' });
    const built = configFromValues('webhook', values);
    expect(built.ok && built.value).toEqual({
      kind: 'webhook',
      url: 'http://127.0.0.1:9/x',
      secret: REDACTED,
      timeoutMs: 5000,
      quietHours: { start: '22:00', end: '07:00', timeZone: 'UTC' },
    });
    expect(configFromValues('webhook', { ...values, timeoutMs: 'soon' })).toEqual({
      ok: false,
      error: ['Timeout (ms) must be a number (got "soon")'],
    });
  });

  it('finds the server messages that name a field', () => {
    const parsed = parseChannelConfig({ kind: 'webhook', url: 'not a url', secret: 'short' });
    expect(parsed.ok).toBe(false);
    const errors = parsed.ok ? [] : parsed.error;
    const url = channelDescriptor('webhook').fields.find((f) => f.key === 'url')!;
    const secret = channelDescriptor('webhook').fields.find((f) => f.key === 'secret')!;
    expect(errorsForField(errors, url)).toEqual(['webhook channel: url: the webhook url must be an http or https URL']);
    expect(errorsForField(errors, secret)).toEqual(['webhook channel: secret: the webhook secret must be at least 16 characters']);
  });
});

describe('rules form', () => {
  it('sends only the fields set at this scope, minutes as milliseconds, and the server accepts it', () => {
    const form = formFromOverride({ 'unprofitable-rig': { forMs: 0 } }, RULE_KINDS);
    expect(form['unprofitable-rig']).toMatchObject({ enabled: undefined, values: { forMs: '0', clearForMs: '', marginPerKwh: '' } });
    form['temp-high'] = { enabled: false, values: { forMs: '2.5', clearForMs: '', maxC: '90', clearBandC: '' } };
    form['board-missing'] = { enabled: undefined, values: { forMs: '', clearForMs: '', expectedBoards: 'auto' } };
    const built = overrideFromForm(form);
    expect(built).toEqual({
      ok: true,
      value: {
        'unprofitable-rig': { forMs: 0 },
        'temp-high': { enabled: false, forMs: 150_000, maxC: 90 },
        'board-missing': { expectedBoards: null },
      },
    });
    expect(parseThresholdOverride(built.ok && built.value).ok).toBe(true);
  });

  it('clears a scope with an empty override, and names a field that is not a number', () => {
    expect(overrideFromForm(formFromOverride(undefined, RULE_KINDS))).toEqual({ ok: true, value: {} });
    const form = formFromOverride(undefined, ['hashrate-low']);
    form['hashrate-low']!.values.belowPct = 'eighty';
    expect(overrideFromForm(form)).toEqual({ ok: false, error: ['Hash rate low: Below (% of expected) must be a number (got "eighty")'] });
  });

  it('offers pool and fleet rules globally only', () => {
    expect(rulesAtScope({ kind: 'global' })).toEqual([...RULE_KINDS]);
    expect(rulesAtScope({ kind: 'site', id: 1 })).toContain('unprofitable-site');
    expect(rulesAtScope({ kind: 'rig', id: 1, siteId: 1 })).not.toContain('unprofitable-site');
    expect(rulesAtScope({ kind: 'rig', id: 1, siteId: 1 })).not.toContain('pool-gap');
    expect(Object.keys(DEFAULT_THRESHOLDS).sort()).toEqual([...RULE_KINDS].sort());
  });
});
