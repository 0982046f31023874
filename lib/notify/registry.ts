/** Every channel's config schema behind one `kind`, and `createChannel(config)`. */
import { z } from 'zod';
import { discordChannel, discordConfigSchema } from './channels/discord';
import { emailChannel, emailConfigSchema } from './channels/email';
import { ntfyChannel, ntfyConfigSchema } from './channels/ntfy';
import { slackChannel, slackConfigSchema } from './channels/slack';
import { telegramChannel, telegramConfigSchema } from './channels/telegram';
import { webhookChannel, webhookConfigSchema } from './channels/webhook';
import { webpushChannel, webpushConfigSchema, type WebPushDeps } from './channels/webpush';
import { notifyNet, type NotifyNet } from './net';
import type { Channel, ChannelKind } from './types';

export const CHANNEL_KINDS = ['webhook', 'ntfy', 'telegram', 'slack', 'discord', 'email', 'webpush'] as const satisfies readonly ChannelKind[];

const SCHEMAS = {
  webhook: webhookConfigSchema,
  ntfy: ntfyConfigSchema,
  telegram: telegramConfigSchema,
  slack: slackConfigSchema,
  discord: discordConfigSchema,
  email: emailConfigSchema,
  webpush: webpushConfigSchema,
} as const;

export const channelConfigSchema = z.discriminatedUnion('kind', [
  webhookConfigSchema,
  ntfyConfigSchema,
  telegramConfigSchema,
  slackConfigSchema,
  discordConfigSchema,
  emailConfigSchema,
  webpushConfigSchema,
]);
/** A validated channel config, defaults filled in. */
export type ChannelConfig = z.infer<typeof channelConfigSchema>;
/** What a person writes: defaults may be left out. */
export type ChannelConfigInput = z.input<typeof channelConfigSchema>;

export type ParsedChannelConfig = { ok: true; config: ChannelConfig } | { ok: false; errors: string[] };

/** Validates a channel config; errors name the field and never echo secrets. */
export function parseChannelConfig(input: unknown): ParsedChannelConfig {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return { ok: false, errors: [`a channel config must be a JSON object with a kind (${CHANNEL_KINDS.join(', ')})`] };
  }
  const kind = (input as { kind?: unknown }).kind;
  if (typeof kind !== 'string' || !Object.hasOwn(SCHEMAS, kind)) {
    const got = typeof kind === 'string' ? JSON.stringify(kind) : 'none';
    return { ok: false, errors: [`kind must be one of ${CHANNEL_KINDS.join(', ')} (got ${got})`] };
  }
  const result = SCHEMAS[kind as ChannelKind].safeParse(input);
  if (!result.success) return { ok: false, errors: result.error.issues.map((i) => issueText(kind, i)) };
  return { ok: true, config: result.data as ChannelConfig };
}

function issueText(kind: string, issue: z.core.$ZodIssue): string {
  const path = issue.path.map(String).join('.');
  if (issue.code === 'unrecognized_keys') return `${kind} channel: unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.join(', ')}`;
  return `${kind} channel: ${path ? `${path}: ` : ''}${issue.message}`;
}

/** What channels need beyond their config: Web Push reads its subscriptions from the database; all connect through `net`. */
export interface ChannelDeps {
  webPush?: WebPushDeps;
  /** Where channels may connect; default: the system's resolver, public addresses only. */
  net?: NotifyNet;
}

/** A channel from a config (validated here; throws one message listing every problem). */
export function createChannel(config: ChannelConfigInput | ChannelConfig, deps: ChannelDeps = {}): Channel {
  const parsed = parseChannelConfig(config);
  if (!parsed.ok) throw new Error(`invalid channel config: ${parsed.errors.join('; ')}`);
  const c = parsed.config;
  const net = deps.net ?? notifyNet();
  switch (c.kind) {
    case 'webhook':
      return webhookChannel(c, net);
    case 'ntfy':
      return ntfyChannel(c, net);
    case 'telegram':
      return telegramChannel(c, net);
    case 'slack':
      return slackChannel(c, net);
    case 'discord':
      return discordChannel(c, net);
    case 'email':
      return emailChannel(c, net);
    case 'webpush':
      return webpushChannel(c, deps.webPush, net);
  }
}
