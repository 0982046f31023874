/**
 * The save-time check of an admin-set channel's host, by the same rules as its sends (net.ts): a host
 * that resolves to an address the channels may not reach is refused with the reason and the setting that
 * would allow it. A host that does not resolve from here is let through: it may resolve only where the
 * collector runs, and every send checks again and says why it failed.
 */
import { OutboundRefused, type Resolve } from '../net/checked-resolve';
import { DEFAULT_NTFY_BASE_URL, DEFAULT_TELEGRAM_BASE_URL } from './channels/defaults';
import type { ChannelConfig } from './registry';

/** The host a channel sends to; null for Web Push (its endpoints are the subscriptions'). */
export function channelHost(config: ChannelConfig): string | null {
  const host = (url: string) => new URL(url).hostname;
  switch (config.kind) {
    case 'webhook':
      return host(config.url);
    case 'ntfy':
      return host(config.baseUrl ?? DEFAULT_NTFY_BASE_URL);
    case 'telegram':
      return host(config.baseUrl ?? DEFAULT_TELEGRAM_BASE_URL);
    case 'slack':
    case 'discord':
      return host(config.webhookUrl);
    case 'email':
      return config.host;
    case 'webpush':
      return null;
  }
}

/** Null when the channel may send where it points (or that cannot be judged from here), else why not. */
export async function channelDestinationProblem(config: ChannelConfig, channelResolve: Resolve): Promise<string | null> {
  const host = channelHost(config);
  if (host === null) return null;
  try {
    await channelResolve(host);
    return null;
  } catch (err) {
    if (err instanceof OutboundRefused && err.reason === 'policy') return `${config.kind} channel: ${err.message}`;
    return null;
  }
}
