/** Rendering a notification to text, and truncation to each receiver's limit. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LIMITS, renderAlert, renderBody, renderText, renderTitle, truncateText } from '../../../lib/notify';
import { formatDurationMs, formatUtc } from '../../../lib/notify/render';
import { FIRING, RESOLVED, group, manyFiring, single } from './fixtures';

describe('renderTitle', () => {
  it('names the state and the alert for one alert', () => {
    expect(renderTitle(single())).toBe('[FIRING] S19-07 is losing money');
    expect(renderTitle(single(RESOLVED))).toBe('[RESOLVED] S21-02 runs hot');
  });

  it('counts states for a group of one site', () => {
    expect(renderTitle(group([FIRING, RESOLVED, { ...FIRING, alertId: 'a-9' }]))).toBe('[2 FIRING, 1 RESOLVED] North Barn: 3 alerts');
    expect(renderTitle(group([RESOLVED, RESOLVED]))).toBe('[2 RESOLVED] North Barn: 2 alerts');
  });

  it('refuses an empty notification', () => {
    expect(() => renderTitle(group([]))).toThrow('notification site:1 has no alerts');
  });
});

describe('renderAlert', () => {
  it('a firing alert: status line, title, detail, since, link', () => {
    expect(renderAlert(FIRING)).toBe(
      [
        'FIRING · warning · S19-07 · unprofitable-rig',
        'S19-07 is losing money',
        'profit -0.012/kWh below margin 0/kWh',
        'since 2024-07-01 05:00 UTC',
        'http://hashwatt.local/alerts/a-101',
      ].join('\n'),
    );
  });

  it('a resolved alert says when and after how long, and keeps its body', () => {
    expect(renderAlert(RESOLVED)).toBe(
      [
        'RESOLVED · critical · S21-02 · temp-high',
        'S21-02 runs hot',
        'chip 78 C, limit 85 C',
        'Chip temperature back under the limit.',
        'resolved 2024-07-01 05:20 UTC after 20 min',
      ].join('\n'),
    );
  });
});

describe('formatting helpers', () => {
  it('formats UTC minutes and durations', () => {
    expect(formatUtc(Date.UTC(2024, 0, 2, 3, 4, 59))).toBe('2024-01-02 03:04 UTC');
    expect(formatDurationMs(45_000)).toBe('45 s');
    expect(formatDurationMs(20 * 60_000)).toBe('20 min');
    expect(formatDurationMs(3 * 3_600_000)).toBe('3 h');
    expect(formatDurationMs(185 * 60_000)).toBe('3 h 5 min');
    expect(formatDurationMs(52 * 3_600_000)).toBe('2 d 4 h');
  });
});

describe('truncateText', () => {
  it('leaves text that fits alone', () => {
    expect(truncateText('hello', 5)).toBe('hello');
  });

  it('cuts and marks with an ellipsis within the limit', () => {
    expect(truncateText('hello world', 8)).toBe('hello w…');
    expect(truncateText('hello world', 7)).toBe('hello…'); // trailing space trimmed
  });

  it('never splits a surrogate pair', () => {
    // '🔥' is one astral code point: 2 UTF-16 code units.
    expect(truncateText('ab🔥cd', 4)).toBe('ab…');
    expect(truncateText('ab🔥cd', 5)).toBe('ab🔥…');
  });

  it('counts UTF-8 bytes when asked (ntfy)', () => {
    // 'é' is 2 bytes, '…' is 3 bytes: 8 bytes leave 5 for text = 'éé' (4) + nothing more that fits whole.
    expect(truncateText('ééééé', 8, 'utf8-bytes')).toBe('éé…');
    expect(Buffer.byteLength(truncateText('ééééé', 8, 'utf8-bytes'))).toBe(7);
  });

  it('rejects a limit below 1', () => {
    expect(() => truncateText('x', 0)).toThrow('a text limit must be a whole number >= 1 (got 0)');
  });
});

describe('renderBody', () => {
  it('keeps whole alerts and says how many were left out', () => {
    const alerts = manyFiring(3);
    const block = renderAlert(alerts[0]);
    // Room for the first alert and the "more" line, not for two alerts.
    const max = block.length + '\n\n… and 2 more alerts'.length;
    expect(renderBody(group(alerts), max)).toBe(`${block}\n\n… and 2 more alerts`);
    expect(renderBody(group(alerts), max - 1)).toBe(truncateText(block, max - 1));
  });

  it('uses the singular for one left out', () => {
    const alerts = manyFiring(2);
    const block = renderAlert(alerts[0]);
    expect(renderBody(group(alerts), block.length + 30)).toBe(`${block}\n\n… and 1 more alert`);
  });
});

describe('renderText within channel limits', () => {
  it('a large group fits the Discord and Telegram limits', () => {
    const n = group(manyFiring(200));
    for (const max of [LIMITS.discordContentChars, LIMITS.telegramTextChars]) {
      const { title, body, text } = renderText(n, max);
      expect(text.length).toBeLessThanOrEqual(max);
      expect(text).toBe(`${title}\n\n${body}`);
      expect(title).toBe('[200 FIRING] North Barn: 200 alerts');
      expect(body).toMatch(/… and \d+ more alerts$/);
    }
  });

  it('any alerts with any text fit any limit from 10 chars up', () => {
    const alert = fc.record({
      title: fc.string({ unit: 'grapheme', maxLength: 300 }),
      body: fc.string({ unit: 'grapheme', maxLength: 600 }),
      subject: fc.string({ maxLength: 40 }),
    });
    fc.assert(
      fc.property(fc.array(alert, { minLength: 1, maxLength: 30 }), fc.integer({ min: 10, max: 5000 }), (parts, max) => {
        const n = group(parts.map((p, i) => ({ ...FIRING, ...p, alertId: `x${i}` })));
        expect(renderText(n, max).text.length).toBeLessThanOrEqual(max);
        expect(Buffer.byteLength(renderBody(n, max, 'utf8-bytes'))).toBeLessThanOrEqual(max);
      }),
    );
  });
});
