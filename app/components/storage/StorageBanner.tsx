/**
 * The storage banner on every page, for every role (the kiosk wall included): low disk space, a read-only
 * or failing database, or a database file deleted or replaced under the running server. The web server's
 * own storage watch decides (lib/web/storage-watch.ts); this server component renders its verdict into
 * the page, and the live part keeps it current on screens that never reload, like the wall.
 */
import { getStorageWatch } from '../../../lib/web/storage-watch';
import { StorageBannerLive } from './StorageBannerLive';

/** The banner with the verdict as of this render. */
export function StorageBanner() {
  return <StorageBannerLive initial={getStorageWatch().verdict()} />;
}
