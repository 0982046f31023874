import { parseFlags } from '../args';
import { CliError } from '../cli-error';

/** HOST:PORT, [IPv6]:PORT; port 0 picks a free one. Throws a one-line usage error otherwise. */
export function parseListen(raw: string): { host: string; port: number } {
  const m = /^(?:\[([0-9a-fA-F:.]+)\]|([^\s:[\]]+)):(\d{1,5})$/.exec(raw.trim());
  const port = m ? Number(m[3]) : NaN;
  if (!m || port > 65535) {
    throw new CliError(`--listen ${JSON.stringify(raw)} is not HOST:PORT (e.g. 0.0.0.0:9105, 127.0.0.1:9105 or [::]:9105)`);
  }
  return { host: m[1] ?? m[2], port };
}

/** `hashwatt gpu-agent`: serves this host's nvidia-smi readings over HTTP until Ctrl-C. */
export const gpuAgentCommand = {
  summary: "Serve this host's NVIDIA GPU readings (nvidia-smi) over HTTP for a Hashwatt collector.",
  usage:
    'Usage: hashwatt gpu-agent --listen HOST:PORT [--nvidia-smi PATH]\n' +
    '  GET /api/v1/gpus answers the GPUs (nvidia-smi run at most once a second), GET /healthz answers "ok".\n' +
    '  The collector polls it with the "gpu-agent" driver (default port 9105).',
  async run(argv: string[]): Promise<number> {
    const { values } = parseFlags(argv, { listen: { type: 'string' }, 'nvidia-smi': { type: 'string' } });
    if (values.listen === undefined) throw new CliError('gpu-agent needs --listen HOST:PORT, e.g. --listen 0.0.0.0:9105');
    const { host, port } = parseListen(values.listen);
    const nvidiaSmi = values['nvidia-smi'] ?? 'nvidia-smi';
    if (nvidiaSmi.trim() === '') throw new CliError('--nvidia-smi needs a path to the nvidia-smi binary');

    // Listening for the stop signals before the agent starts and announces itself: a supervisor or test
    // that stops it as soon as it reads "listening" is never answered by the default action (death by signal).
    const stopSignal = new Promise<string>((resolve) => {
      process.once('SIGINT', () => resolve('SIGINT'));
      process.once('SIGTERM', () => resolve('SIGTERM'));
    });
    const { startGpuAgent } = await import('../../../collectors/gpu-agent/server');
    let agent: Awaited<ReturnType<typeof startGpuAgent>>;
    try {
      agent = await startGpuAgent({ host, port, nvidiaSmi });
    } catch (err) {
      const e = err as NodeJS.ErrnoException;
      throw new CliError(`cannot listen on ${values.listen} (${e.code ?? e.message})`, 1);
    }
    const shown = host.includes(':') ? `[${host}]` : host;
    console.log(`gpu-agent: listening on http://${shown}:${agent.port}/api/v1/gpus (nvidia-smi: ${nvidiaSmi})`);
    let stopping = false;
    void agent.firstSample.then((s) => {
      if (stopping) return;
      if (s.error) console.error(`gpu-agent: warning: ${s.error}; answering 503 until it works`);
      else console.log(`gpu-agent: ${s.gpus.length} GPU(s): ${s.gpus.map((g) => g.name).join(', ') || 'none'}`);
    });

    const signal = await stopSignal;
    stopping = true;
    await agent.close();
    console.log(`gpu-agent: stopped (${signal})`);
    return 0;
  },
};
