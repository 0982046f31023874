/**
 * The senders of every channel kind, keyed by their descriptor's kind, and `createChannel(config)`. The kinds
 * themselves are ./descriptors (the one list); a unit test checks every descriptor has exactly one sender
 * here and every sender a descriptor there.
 */
import { discordChannel } from './channels/discord';
import { emailChannel } from './channels/email';
import { ntfyChannel } from './channels/ntfy';
import { slackChannel } from './channels/slack';
import { telegramChannel } from './channels/telegram';
import { webhookChannel } from './channels/webhook';
import { webpushChannel, type WebPushDeps } from './channels/webpush';
import { parseChannelConfig } from './channel-config';
import { discordDescriptor } from './descriptors/discord';
import { emailDescriptor } from './descriptors/email';
import { ntfyDescriptor } from './descriptors/ntfy';
import { slackDescriptor } from './descriptors/slack';
import { telegramDescriptor } from './descriptors/telegram';
import { webhookDescriptor } from './descriptors/webhook';
import { webpushDescriptor } from './descriptors/webpush';
import type { ChannelConfig, ChannelConfigInput, ChannelConfigOf, ChannelDescriptorOf, ChannelKind } from './descriptors';
import { notifyNet, type NotifyNet } from './net';
import type { Channel } from './types';

/** What channels need beyond their config: Web Push reads its subscriptions from the database; all connect through `net`. */
export interface ChannelDeps {
  webPush?: WebPushDeps;
  /** Where channels may connect; default: the system's resolver, public addresses only. */
  net?: NotifyNet;
}

/** What a sender gets besides its config (`net` filled in). */
export type ChannelSendDeps = ChannelDeps & { net: NotifyNet };

/** The sender of one kind: its descriptor and how a config it validated becomes a Channel. */
export interface ChannelImplementation {
  readonly descriptor: ChannelDescriptorOf<ChannelKind>;
  create(config: ChannelConfig, deps: ChannelSendDeps): Channel;
}

/** `create` sees only configs its own descriptor's schema produced (createChannel looks it up by that kind). */
function implement<K extends ChannelKind>(
  descriptor: ChannelDescriptorOf<K>,
  create: (config: ChannelConfigOf<K>, deps: ChannelSendDeps) => Channel,
): ChannelImplementation {
  return { descriptor, create: create as ChannelImplementation['create'] };
}

/** Every sender, one per descriptor. */
export const CHANNEL_IMPLEMENTATIONS: readonly ChannelImplementation[] = [
  implement(webhookDescriptor, (c, d) => webhookChannel(c, d.net)),
  implement(ntfyDescriptor, (c, d) => ntfyChannel(c, d.net)),
  implement(telegramDescriptor, (c, d) => telegramChannel(c, d.net)),
  implement(slackDescriptor, (c, d) => slackChannel(c, d.net)),
  implement(discordDescriptor, (c, d) => discordChannel(c, d.net)),
  implement(emailDescriptor, (c, d) => emailChannel(c, d.net)),
  implement(webpushDescriptor, (c, d) => webpushChannel(c, d.webPush, d.net)),
];

const BY_KIND: ReadonlyMap<string, ChannelImplementation> = new Map(CHANNEL_IMPLEMENTATIONS.map((i) => [i.descriptor.kind, i]));

/** A channel from a config (validated here; throws one message listing every problem). */
export function createChannel(config: ChannelConfigInput | ChannelConfig, deps: ChannelDeps = {}): Channel {
  const parsed = parseChannelConfig(config);
  if (!parsed.ok) throw new Error(`invalid channel config: ${parsed.error.join('; ')}`);
  const implementation = BY_KIND.get(parsed.value.kind);
  if (!implementation) throw new Error(`${parsed.value.kind} channel: no sender is registered for this kind`);
  return implementation.create(parsed.value, { ...deps, net: deps.net ?? notifyNet() });
}
