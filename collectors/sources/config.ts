/**
 * The source settings as the collector uses them. Their shape and the environment's defaults live in
 * lib/settings, which the settings screen shares; the stored document replaces them (effective-config.ts).
 */
export type { BitcoindSettings as BitcoindConfig, SourcesSettings as SourcesConfig } from '../../lib/settings/sources-settings';
export { DEFAULT_BITCOIND_URL, loadSourcesConfig } from '../../lib/config/sources';
