/**
 * The gpu-agent's HTTP server (runs on a GPU host): GET /api/v1/gpus answers this host's GPUs as nvidia-smi
 * reports them, GET /healthz says the agent is up, anything else is 404. nvidia-smi runs at most once a
 * second however many collectors ask; when it fails the reply is 503 with the reason, and the agent
 * keeps serving.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { hostname as osHostname } from 'node:os';
import { NVIDIA_SMI_TIMEOUT_MS, NvidiaSmiError, queryGpus, runNvidiaSmi, type NvidiaGpu } from './nvidia-smi';
import { parseNvidiaSmiList } from './nvidia-smi-list';
import {
  GPU_AGENT_HEALTH_PATH,
  GPU_AGENT_NAME,
  GPU_AGENT_PATH,
  notFoundBody,
  renderGpuAgentReply,
  withMigDevices,
  type GpuSample,
} from './reply';

/** A sample is reused for this long: nvidia-smi costs tens of milliseconds of driver time per run. */
export const SAMPLE_MIN_INTERVAL_MS = 1000;

/** How to start the agent. */
export interface GpuAgentOptions {
  host: string;
  /** 0 picks a free port. */
  port: number;
  /** Path or name of the nvidia-smi binary. */
  nvidiaSmi: string;
  timeoutMs?: number;
  hostname?: string;
  now?: () => number;
}

/** A running agent. */
export interface RunningGpuAgent {
  host: string;
  port: number;
  /** The first sample, taken at start: lets the command warn at once when nvidia-smi does not work. */
  firstSample: Promise<GpuSample>;
  close(): Promise<void>;
}

/**
 * This host's GPUs: the CSV query, plus `nvidia-smi -L` when a GPU's utilization is [N/A] (what MIG mode
 * shows) to list its MIG instances. A failing -L costs only the MIG list.
 */
export async function sampleNvidiaGpus(bin: string, timeoutMs = NVIDIA_SMI_TIMEOUT_MS): Promise<NvidiaGpu[]> {
  const gpus = await queryGpus(bin, timeoutMs);
  if (!gpus.some((g) => g.utilizationPct === null)) return gpus;
  try {
    return withMigDevices(gpus, parseNvidiaSmiList(await runNvidiaSmi(bin, ['-L'], timeoutMs)));
  } catch {
    return gpus;
  }
}

/** Starts listening; rejects with the listen error (EADDRINUSE, EADDRNOTAVAIL...). */
export async function startGpuAgent(opts: GpuAgentOptions): Promise<RunningGpuAgent> {
  const now = opts.now ?? Date.now;
  const hostname = opts.hostname ?? osHostname();
  let last: { atMs: number; sample: Promise<GpuSample>; done: boolean } | null = null;

  // A run still going is shared however old it is (a slow nvidia-smi never gets a second copy beside it);
  // a finished one is reused for SAMPLE_MIN_INTERVAL_MS.
  const sample = (): Promise<GpuSample> => {
    const t = now();
    if (last && (!last.done || (t - last.atMs < SAMPLE_MIN_INTERVAL_MS && t >= last.atMs))) return last.sample;
    const taken = sampleNvidiaGpus(opts.nvidiaSmi, opts.timeoutMs).then(
      (gpus): GpuSample => ({ hostname, sampledAtMs: t, gpus }),
      (err: unknown): GpuSample => ({ hostname, sampledAtMs: t, gpus: [], error: describe(err) }),
    );
    const entry = { atMs: t, sample: taken, done: false };
    void taken.then(() => (entry.done = true)); // never rejects: failures are samples with an error
    last = entry;
    return taken;
  };

  const server: Server = createServer((req, res) => {
    handle(req, res, sample).catch(() => {
      if (!res.headersSent) send(res, 500, { agent: GPU_AGENT_NAME, error: 'internal error' });
      else res.destroy();
    });
  });
  server.on('clientError', (_err, socket) => socket.destroy());
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen({ host: opts.host, port: opts.port }, () => {
      server.off('error', reject);
      server.on('error', () => undefined);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  return {
    host: opts.host,
    port,
    firstSample: sample(),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function describe(err: unknown): string {
  if (err instanceof NvidiaSmiError) return err.message;
  return `nvidia-smi failed: ${err instanceof Error ? err.message : String(err)}`;
}

async function handle(req: IncomingMessage, res: ServerResponse, sample: () => Promise<GpuSample>): Promise<void> {
  req.resume();
  const path = new URL(req.url ?? '/', 'http://agent').pathname;
  const method = req.method ?? 'GET';
  if (method !== 'GET' && method !== 'HEAD') {
    send(res, 404, notFoundBody(method, path));
    return;
  }
  if (path === GPU_AGENT_HEALTH_PATH) {
    res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
    res.end('ok\n');
    return;
  }
  if (path === GPU_AGENT_PATH) {
    const s = await sample();
    send(res, s.error ? 503 : 200, renderGpuAgentReply(s));
    return;
  }
  send(res, 404, notFoundBody(method, path));
}

function send(res: ServerResponse, status: number, body: object): void {
  const bytes = Buffer.from(JSON.stringify(body), 'utf8');
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': String(bytes.length), 'cache-control': 'no-store' });
  res.end(bytes);
}
