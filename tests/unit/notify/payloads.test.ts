/** What each channel sends, built by its pure request function: headers, escaping, limits. */
import { describe, expect, it } from 'vitest';
import { discordColor, discordPayload, discordRequest, escapeDiscord } from '../../../lib/notify/channels/discord';
import { emailMessage } from '../../../lib/notify/channels/email';
import { asciiHeaderValue, ntfyPriority, ntfyRequest } from '../../../lib/notify/channels/ntfy';
import { slackPayload } from '../../../lib/notify/channels/slack';
import { telegramRequest, telegramText } from '../../../lib/notify/channels/telegram';
import { FIRING, RESOLVED, group, manyFiring, single } from './fixtures';

describe('ntfy', () => {
  it('POSTs to {baseUrl}/{topic} with Title, Priority, Tags, Click and a bearer token', () => {
    const req = ntfyRequest({ baseUrl: 'http://127.0.0.1:8080/', topic: 'rigs', token: 'tk_1' }, single());
    expect(req.url).toBe('http://127.0.0.1:8080/rigs');
    expect(req.headers).toEqual({
      'Content-Type': 'text/plain; charset=utf-8',
      Title: '[FIRING] S19-07 is losing money',
      Priority: '4',
      Tags: 'rotating_light,hashwatt',
      Click: 'http://hashwatt.local/alerts/a-101',
      Authorization: 'Bearer tk_1',
    });
    expect(req.body).toContain('profit -0.012/kWh below margin 0/kWh');
  });

  it('priority follows the most severe firing alert; resolved only is low', () => {
    expect(ntfyPriority(group([FIRING, { ...FIRING, severity: 'critical' }]))).toBe('5');
    expect(ntfyPriority(group([{ ...FIRING, severity: 'info' }]))).toBe('3');
    expect(ntfyPriority(group([RESOLVED]))).toBe('2');
    expect(ntfyRequest({ baseUrl: 'http://h', topic: 't' }, group([RESOLVED])).headers.Tags).toBe('white_check_mark,hashwatt');
  });

  it('RFC 2047-encodes a non-ASCII title and keeps the body within 4096 bytes', () => {
    expect(asciiHeaderValue('Grünhaus')).toBe('=?UTF-8?B?R3LDvG5oYXVz?=');
    expect(asciiHeaderValue('plain')).toBe('plain');
    const req = ntfyRequest({ baseUrl: 'http://h', topic: 't' }, group(manyFiring(100)));
    expect(Buffer.byteLength(req.body)).toBeLessThanOrEqual(4096);
    expect(req.body).toMatch(/… and \d+ more alerts$/);
  });
});

describe('telegram', () => {
  it('POSTs to /bot{token}/sendMessage with chat_id, HTML text and parse_mode', () => {
    const req = telegramRequest(
      { baseUrl: 'http://127.0.0.1:81', botToken: '123:abc', chatId: -42 },
      single({ ...FIRING, title: 'S19 <07> & co' }),
    );
    expect(req.url).toBe('http://127.0.0.1:81/bot123:abc/sendMessage');
    const body = JSON.parse(req.body);
    expect(body.chat_id).toBe(-42);
    expect(body.parse_mode).toBe('HTML');
    expect(body.text.startsWith('<b>[FIRING] S19 &lt;07&gt; &amp; co</b>\n\n')).toBe(true);
  });

  it('the visible text of a big group stays within 4096 characters', () => {
    const text = telegramText(group(manyFiring(200)));
    const visible = text
      .replace(/<\/?b>/g, '')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&amp;/g, '&');
    expect(visible.length).toBeLessThanOrEqual(4096);
    expect(visible.length).toBeGreaterThan(3500);
  });
});

describe('slack', () => {
  it('blocks: a plain-text header and an escaped mrkdwn section', () => {
    const payload = slackPayload(single({ ...FIRING, detail: 'a <b> & c' }), 'blocks') as {
      text: string;
      blocks: { text: { text: string } }[];
    };
    expect(payload.text).toBe('[FIRING] S19-07 is losing money');
    expect(payload.blocks[0]).toEqual({ type: 'header', text: { type: 'plain_text', text: '[FIRING] S19-07 is losing money' } });
    expect(payload.blocks[1].text.text).toContain('a &lt;b&gt; &amp; c');
  });

  it('text format and the 3000-character section limit', () => {
    expect(slackPayload(single(), 'text')).toEqual({
      text: expect.stringMatching(/^\[FIRING\] S19-07 is losing money\n\nFIRING · warning/),
    });
    const many = slackPayload(group(manyFiring(100).map((a) => ({ ...a, detail: '<&>'.repeat(20) }))), 'blocks') as {
      blocks: { text: { text: string } }[];
    };
    expect(many.blocks[1].text.text.length).toBeLessThanOrEqual(3000);
    expect(many.blocks[1].text.text.length).toBeGreaterThan(2500);
  });
});

describe('discord', () => {
  it('embed: title, escaped description, colour; mentions disabled', () => {
    const payload = discordPayload(single({ ...FIRING, subject: 's19_a_b' }), 'embed') as {
      embeds: { title: string; description: string; color: number }[];
    };
    expect(payload.embeds[0].title).toBe('[FIRING] S19-07 is losing money');
    expect(payload.embeds[0].description).toContain('s19\\_a\\_b');
    expect(payload.embeds[0].color).toBe(0xf57c00);
    expect(payload).toMatchObject({ allowed_mentions: { parse: [] } });
  });

  it('content stays within 2000 characters for a big group', () => {
    const req = discordRequest({ webhookUrl: 'http://h/x', format: 'content' }, group(manyFiring(100)));
    const content = JSON.parse(req.body).content as string;
    expect(content.length).toBeLessThanOrEqual(2000);
    expect(content.startsWith('\\[100 FIRING\\] North Barn: 100 alerts')).toBe(true);
  });

  it('colours: critical red, warning orange, info blue, all resolved green', () => {
    expect(discordColor(group([FIRING, { ...FIRING, severity: 'critical' }]))).toBe(0xd32f2f);
    expect(discordColor(group([FIRING]))).toBe(0xf57c00);
    expect(discordColor(group([{ ...FIRING, severity: 'info' }]))).toBe(0x1976d2);
    expect(discordColor(group([RESOLVED]))).toBe(0x388e3c);
    expect(escapeDiscord('*a*_b_`c`')).toBe('\\*a\\*\\_b\\_\\`c\\`');
  });
});

describe('email', () => {
  it('subject is the title, text lists the alerts, alert ids in a header', () => {
    const msg = emailMessage({ from: 'rigs@example.com', to: ['ops@example.com'] }, group([FIRING, RESOLVED]));
    expect(msg.subject).toBe('[1 FIRING, 1 RESOLVED] North Barn: 2 alerts');
    expect(msg.text).toContain('S19-07 is losing money');
    expect(msg.text).toContain('resolved 2024-07-01 05:20 UTC after 20 min');
    expect(msg.headers).toEqual({ 'X-Hashwatt-Alert-Id': 'a-101,a-102' });
    expect(msg.to).toEqual(['ops@example.com']);
  });
});
