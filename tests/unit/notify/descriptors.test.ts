/**
 * The channel kinds are one list (lib/notify/descriptors) and the senders are built from it: every
 * descriptor has exactly one sender and every sender a descriptor of that list; the list loads no sending
 * code, so the settings form can import it.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHANNEL_DESCRIPTORS, CHANNEL_KINDS, channelDescriptor, isChannelKind } from '../../../lib/notify/descriptors';
import { parseChannelConfig } from '../../../lib/notify/channel-config';
import { CHANNEL_IMPLEMENTATIONS, createChannel } from '../../../lib/notify/registry';
import { SECRET_FIELDS } from '../../../lib/notify/redact';
import { reachableModules } from '../../support/import-graph';

const ROOT = join(__dirname, '../../..');

describe('channel descriptors and senders', () => {
  it('gives every descriptor exactly one sender, and every sender a listed descriptor', () => {
    for (const d of CHANNEL_DESCRIPTORS) {
      expect(
        CHANNEL_IMPLEMENTATIONS.filter((i) => i.descriptor.kind === d.kind),
        `senders of ${d.kind}`,
      ).toHaveLength(1);
    }
    for (const i of CHANNEL_IMPLEMENTATIONS) {
      expect(
        CHANNEL_DESCRIPTORS.some((d) => d === i.descriptor),
        `descriptor of the ${i.descriptor.kind} sender is listed`,
      ).toBe(true);
    }
    expect(CHANNEL_IMPLEMENTATIONS).toHaveLength(CHANNEL_DESCRIPTORS.length);
  });

  it('names each kind once, matching its schema, with a label and a description', () => {
    expect(new Set(CHANNEL_KINDS).size).toBe(CHANNEL_KINDS.length);
    expect(CHANNEL_KINDS).toEqual(['webhook', 'ntfy', 'telegram', 'slack', 'discord', 'email', 'webpush']);
    for (const d of CHANNEL_DESCRIPTORS) {
      expect(d.label.length, d.kind).toBeGreaterThan(0);
      expect(d.description.length, d.kind).toBeGreaterThan(0);
      // The schema accepts its own kind only: a config of another kind is refused by it.
      const other = CHANNEL_KINDS.find((k) => k !== d.kind)!;
      expect(d.configSchema.safeParse({ kind: other }).success, `${d.kind} schema refuses kind ${other}`).toBe(false);
      expect(SECRET_FIELDS[d.kind]).toEqual(d.secretFields);
    }
    expect(isChannelKind('webhook')).toBe(true);
    expect(isChannelKind('constructor')).toBe(false);
    expect(channelDescriptor('__proto__')).toBeNull();
  });

  it('creates each kind through its sender', () => {
    const configs = [
      { kind: 'webhook', url: 'http://127.0.0.1:9/x', secret: 'a'.repeat(16) },
      { kind: 'ntfy', topic: 'hashwatt' },
      { kind: 'telegram', botToken: '1:abc', chatId: 1 },
      { kind: 'slack', webhookUrl: 'http://127.0.0.1:9/s' },
      { kind: 'discord', webhookUrl: 'http://127.0.0.1:9/d' },
      { kind: 'email', host: 'smtp.example.com', from: 'a@example.com', to: ['b@example.com'] },
      { kind: 'webpush' },
    ];
    expect(configs.map((c) => c.kind)).toEqual([...CHANNEL_KINDS]);
    for (const c of configs) {
      expect(parseChannelConfig(c).ok, c.kind).toBe(true);
      expect(createChannel(c as Parameters<typeof createChannel>[0]).kind).toBe(c.kind);
    }
  });

  it('loads no sending code: zod and pure modules only', () => {
    const { files, packages } = reachableModules(join(ROOT, 'lib/notify/descriptors/index.ts'), ROOT);
    expect(packages).toEqual(['zod']);
    for (const file of files)
      expect(file, file).toMatch(
        /^lib\/(notify\/descriptors\/|notify\/quiet-hours\.ts$|settings\/redacted-secret\.ts$|util\/zod-browser\.ts$|util\/result\.ts$)/,
      );
  });

  it('keeps the settings form free of sending code', () => {
    for (const entry of [
      'app/components/settings/channel-fields.ts',
      'app/components/settings/ChannelForm.tsx',
      'app/components/settings/ChannelsPanel.tsx',
    ]) {
      const { files } = reachableModules(join(ROOT, entry), ROOT);
      const sending = files.filter((f) => /^lib\/(notify\/(channels|registry|http|net|webpush)|net|db)\b/.test(f));
      expect(sending, entry).toEqual([]);
    }
  });
});
