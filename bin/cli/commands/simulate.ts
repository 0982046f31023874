import { resolve } from 'node:path';
import { intFlag, parseFlags } from '../args';
import { CliError } from '../cli-error';
import { cliConfig } from '../cli-config';

/** `hashwatt simulate`: the demo fleet alone, on loopback, until Ctrl-C. */
export const simulateCommand = {
  summary: 'Run the demo fleet simulator alone: every supported miner family, real protocols on loopback addresses.',
  usage:
    'Usage: hashwatt simulate [--miners N] [--subnet 127.0.1] [--port 4028] [--manifest FILE] [--seed N]\n' +
    "  Device i listens on <subnet>.<i+1>, on --port for the cgminer-API families and on its own family's port\n" +
    '  for the others (4433 Whatsminer v3, 8080 web UIs, 9105 gpu-agent, 4067 T-Rex, ...); the manifest lists them.',
  async run(argv: string[]): Promise<number> {
    const { values } = parseFlags(argv, {
      miners: { type: 'string' },
      subnet: { type: 'string' },
      port: { type: 'string' },
      manifest: { type: 'string' },
      seed: { type: 'string' },
    });
    const config = cliConfig();
    const subnet = values.subnet ?? config.simSubnet;
    if (!/^127\.\d{1,3}\.\d{1,3}$/.test(subnet)) {
      throw new CliError(`--subnet ${JSON.stringify(subnet)} must be the first three octets of a loopback address, e.g. 127.0.1`);
    }
    const { runSimulatorProcess } = await import('../../../collectors/simulator/main');
    await runSimulatorProcess({
      miners: intFlag('miners', values.miners, config.demoMiners, 1, 5000),
      subnet,
      port: intFlag('port', values.port, 4028, 1, 65535),
      manifestPath: resolve(values.manifest ?? config.manifestPath),
      seed: intFlag('seed', values.seed, 1, 0, 2 ** 31 - 1),
    });
    return 0;
  },
};
