import { CliError } from '../cli-error';

/** `hashwatt gpu-agent`: placeholder until the agent is written. */
export const gpuAgentCommand = {
  summary: 'Serve this host\'s NVIDIA GPU readings (nvidia-smi) over HTTP for a Hashwatt collector.',
  usage: 'Usage: hashwatt gpu-agent --listen HOST:PORT [--nvidia-smi PATH]',
  async run(_argv: string[]): Promise<number> {
    throw new CliError('gpu-agent is not written yet', 1);
  },
};
