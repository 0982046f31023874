/**
 * The CLI's settings: the environment is parsed once per run, on the first command that needs it (so
 * `hashwatt --help` or `hashwatt probe` run even where a setting is malformed), and shared by the rest.
 */
import { loadConfig, processEnv, type Config } from '../../lib/config';

let parsed: Config | undefined;

/** The shared settings of this run (a malformed one throws its ConfigError, naming the variable). */
export function cliConfig(): Config {
  parsed ??= loadConfig(processEnv());
  return parsed;
}
