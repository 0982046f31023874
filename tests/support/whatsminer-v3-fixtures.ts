/** The Whatsminer API v3 vendor-doc captures as the driver would receive them (real JSON). */
import { fixtureText } from './driver-fixtures';

/**
 * The doc's get.device.info example is not JSON: // comments, no comma after "miner-sn", a trailing comma
 * after "web-pool". A reader fixes exactly those three things by hand; so does this, and nothing else.
 */
export function deviceInfoDocAsJson(): string {
  return fixtureText('whatsminer-apiv3-docs-get.device.info.jsonc')
    .replace(/\s*\/\/[^\n]*/g, '')
    .replace('"miner-sn":\t"xxxxxxxxxxxxx"\n', '"miner-sn":\t"xxxxxxxxxxxxx",\n')
    .replace('"web-pool":\t1,\n', '"web-pool":\t1\n');
}
