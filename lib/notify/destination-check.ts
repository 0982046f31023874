/**
 * The save-time check of an admin-set channel's host, by the same rules as its sends (net.ts): a host
 * that resolves to an address the channels may not reach is refused with the reason and the setting that
 * would allow it. A host that does not resolve from here is let through: it may resolve only where the
 * collector runs, and every send checks again and says why it failed.
 */
import { OutboundRefused, type Resolve } from '../net/checked-resolve';
import { channelDescriptor, type ChannelConfig } from './descriptors';

/** The host a channel sends to (its descriptor says where); null for Web Push (its endpoints are the subscriptions'). */
export function channelHost(config: ChannelConfig): string | null {
  return (channelDescriptor(config.kind).host as (c: ChannelConfig) => string | null)(config);
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
