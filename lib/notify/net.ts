/**
 * Where notifications may be sent: the checked resolvers every channel connects through (../net). Web
 * Push endpoints, which any signed-in user registers, reach public addresses only; the admin-set channels
 * reach public addresses and the private hosts the operator listed in HASHWATT_NOTIFY_PRIVATE_HOSTS. Tests
 * inject their own resolver (and the CA of their self-signed receiver) here; nothing in production can.
 */
import { checkedResolve, systemResolve, type Resolve } from '../net/checked-resolve';
import { NO_PRIVATE_HOSTS, PUBLIC_ONLY, publicOrListed, type PrivateHostList } from '../net/outbound-policy';

/** How channels reach their receivers. */
export interface NotifyNet {
  /** Resolves the host of an admin-set channel (webhook, ntfy, Telegram, Slack, Discord, SMTP), refusing forbidden addresses. */
  channelResolve: Resolve;
  /** Resolves a Web Push endpoint's host, refusing every address that is not public. */
  pushResolve: Resolve;
  /** Certificates to trust instead of the system's; undefined in production. */
  ca?: string | Buffer | (string | Buffer)[];
}

/** The production rules: the system's resolver, public addresses plus the listed private hosts for channels. */
export function notifyNet(privateHosts: PrivateHostList = NO_PRIVATE_HOSTS, resolve: Resolve = systemResolve()): NotifyNet {
  return { channelResolve: checkedResolve(resolve, publicOrListed(privateHosts)), pushResolve: checkedResolve(resolve, PUBLIC_ONLY) };
}

/** The largest reply a notification receiver may send; a 429's JSON fits many times over. */
export const NOTIFY_REPLY_MAX_BYTES = 64 * 1024;
