/**
 * Every notification channel kind, described (pure: no sending code). The one list of kinds: the senders
 * (../registry.ts), the API's validation, the redaction of secrets and the settings form are all built from
 * it. Adding a kind: its descriptor file here, one line below, and its sender in ../channels (one line in
 * ../registry.ts; a unit test fails while the two lists differ).
 */
import { discordDescriptor } from './discord';
import { emailDescriptor } from './email';
import { ntfyDescriptor } from './ntfy';
import { slackDescriptor } from './slack';
import { telegramDescriptor } from './telegram';
import { webhookDescriptor } from './webhook';
import { webpushDescriptor } from './webpush';
import type { ChannelDescriptor } from './types';

/** Every kind, in the order the settings form's kind select lists them. */
export const CHANNEL_DESCRIPTORS = [
  webhookDescriptor,
  ntfyDescriptor,
  telegramDescriptor,
  slackDescriptor,
  discordDescriptor,
  emailDescriptor,
  webpushDescriptor,
] as const satisfies readonly ChannelDescriptor[];

type AnyDescriptor = (typeof CHANNEL_DESCRIPTORS)[number];

/** A channel kind: the `kind` of one of CHANNEL_DESCRIPTORS. */
export type ChannelKind = AnyDescriptor['kind'];

/** The descriptor of kind `K`. */
export type ChannelDescriptorOf<K extends ChannelKind> = Extract<AnyDescriptor, { kind: K }>;

/** A validated config of kind `K`, defaults filled in. */
export type ChannelConfigOf<K extends ChannelKind> = ChannelDescriptorOf<K>['configSchema']['_zod']['output'];

/** A validated channel config of any kind, defaults filled in. */
export type ChannelConfig = { [K in ChannelKind]: ChannelConfigOf<K> }[ChannelKind];

/** What a person writes: defaults may be left out. */
export type ChannelConfigInput = { [K in ChannelKind]: ChannelDescriptorOf<K>['configSchema']['_zod']['input'] }[ChannelKind];

/** Every kind's name, in list order. */
export const CHANNEL_KINDS: readonly ChannelKind[] = CHANNEL_DESCRIPTORS.map((d) => d.kind);

/** True when `kind` names a channel kind. */
export function isChannelKind(kind: unknown): kind is ChannelKind {
  return typeof kind === 'string' && (CHANNEL_KINDS as readonly string[]).includes(kind);
}

/** The descriptor of `kind`. */
export function channelDescriptor<K extends ChannelKind>(kind: K): ChannelDescriptorOf<K>;
/** The descriptor of `kind`, or null for a kind Hashwatt does not have. */
export function channelDescriptor(kind: string): AnyDescriptor | null;
export function channelDescriptor(kind: string): AnyDescriptor | null {
  return CHANNEL_DESCRIPTORS.find((d) => d.kind === kind) ?? null;
}

export type { ChannelDescriptor, ChannelField, ChannelFieldType } from './types';
export { COMMON_FIELDS } from './common';
