/**
 * The device drivers Hashwatt ships, described apart from the code that talks to the devices: what the
 * web, the forms and the rig APIs need (stored name, label, ASIC or GPU, protocol, default port). The
 * drivers themselves are collectors/drivers, whose registry is built from this list (one implementation
 * per name); a unit test keeps the two in step. Pure data: the web imports this, never the drivers.
 */

/**
 * How a driver talks to its device; the scanner groups probes by it:
 * - 'cgminer': JSON over TCP, one connection per request, reply ends at FIN (+ NUL), protocols.md §1.1.
 * - 'btminer-v3': Whatsminer API v3, uint32-LE length-prefixed JSON frames on 4433, §1.7.
 * - 'http': JSON over HTTP GET (AxeOS, GPU miners, the gpu-agent, Antminer web CGI).
 * - 'jsonrpc': Claymore/PhoenixMiner JSON-RPC over TCP, §2.3.
 */
export type DriverProtocol = 'cgminer' | 'btminer-v3' | 'http' | 'jsonrpc';

/** What a driver's devices are: SHA-256 ASIC miners or GPU rigs (and the GPU hosts' own agents). */
export type DriverHardware = 'asic' | 'gpu';

/** One driver as the web and the forms know it. */
export interface DriverKindInfo {
  /** Stable name stored in rigs.driver, e.g. "antminer". */
  name: string;
  /** Human name for tables, e.g. "Antminer (cgminer/bmminer API)". */
  label: string;
  hardware: DriverHardware;
  protocol: DriverProtocol;
  /** Default API port of the family: a rig added without a port gets it. */
  defaultPort: number;
  /** One line on what the driver reads and how (where protocols.md describes it). */
  description: string;
}

/**
 * Every driver, in the order detection asks them: firmware that runs on another vendor's hardware, or
 * that imitates another's API, comes before the generic family it would otherwise be taken for.
 */
export const DRIVER_KINDS = [
  {
    name: 'braiins',
    label: 'Braiins OS (BOSminer/BOSer cgminer API)',
    hardware: 'asic',
    protocol: 'cgminer',
    defaultPort: 4028,
    description: 'Braiins OS / BOS+ on Antminer hardware, cgminer-compatible API on 4028/TCP (protocols.md §1.4).',
  },
  {
    name: 'luxos',
    label: 'LuxOS (LUXminer cgminer API)',
    hardware: 'asic',
    protocol: 'cgminer',
    defaultPort: 4028,
    description: 'Luxor LuxOS on Antminer hardware, cgminer-compatible API on 4028/TCP (protocols.md §1.5).',
  },
  {
    name: 'whatsminer',
    label: 'Whatsminer (btminer API v1/v2)',
    hardware: 'asic',
    protocol: 'cgminer',
    defaultPort: 4028,
    description: 'MicroBT Whatsminer over the cgminer-compatible API on 4028/TCP (protocols.md §1.7).',
  },
  {
    name: 'whatsminer-v3',
    label: 'Whatsminer (API v3, port 4433)',
    hardware: 'asic',
    protocol: 'btminer-v3',
    defaultPort: 4433,
    description: 'MicroBT Whatsminer over API v3 on 4433/TCP, length-prefixed JSON frames (protocols.md §1.7).',
  },
  {
    name: 'avalon',
    label: 'Canaan Avalon (cgminer API)',
    hardware: 'asic',
    protocol: 'cgminer',
    defaultPort: 4028,
    description: 'Canaan Avalon over the cgminer API on 4028/TCP.',
  },
  {
    name: 'teamredminer',
    label: 'TeamRedMiner (cgminer-compatible API)',
    hardware: 'gpu',
    protocol: 'cgminer',
    defaultPort: 4028,
    description: 'TeamRedMiner over the cgminer API on 4028/TCP (protocols.md §2.3).',
  },
  {
    name: 'antminer',
    label: 'Antminer (cgminer/bmminer API)',
    hardware: 'asic',
    protocol: 'cgminer',
    defaultPort: 4028,
    description: 'Bitmain Antminer over the cgminer API on 4028/TCP (protocols.md §1.3), falling back to its web UI.',
  },
  {
    name: 'antminer-web',
    label: 'Antminer (stock web UI, HTTP digest)',
    hardware: 'asic',
    protocol: 'http',
    defaultPort: 80,
    description: "Bitmain Antminer through its stock web UI's CGIs with HTTP digest auth (protocols.md §1.3).",
  },
  {
    name: 'trex',
    label: 'T-Rex (GPU miner HTTP API)',
    hardware: 'gpu',
    protocol: 'http',
    defaultPort: 4067,
    description: 'T-Rex NVIDIA GPU miner over its HTTP API (protocols.md §2.3).',
  },
  {
    name: 'lolminer',
    label: 'lolMiner (GPU miner HTTP API)',
    hardware: 'gpu',
    protocol: 'http',
    defaultPort: 4069,
    description: 'lolMiner (AMD/NVIDIA GPU miner) over its HTTP API (protocols.md §2.3).',
  },
  {
    name: 'gminer',
    label: 'GMiner (GPU miner HTTP API)',
    hardware: 'gpu',
    protocol: 'http',
    defaultPort: 4070,
    description: 'GMiner (NVIDIA/AMD GPU miner) over its HTTP API (protocols.md §2.3).',
  },
  {
    name: 'nbminer',
    label: 'NBMiner (GPU miner HTTP API)',
    hardware: 'gpu',
    protocol: 'http',
    defaultPort: 22333,
    description: 'NBMiner (NVIDIA/AMD GPU miner) over its HTTP API (protocols.md §2.3).',
  },
  {
    name: 'axeos',
    label: 'Bitaxe / NerdQAxe (AxeOS HTTP API)',
    hardware: 'asic',
    protocol: 'http',
    defaultPort: 80,
    description: 'Bitaxe (AxeOS) and NerdQAxe (NerdOS) over their HTTP API (protocols.md §1.9).',
  },
  // The gpu-agent's own default (collectors/gpu-agent/reply.ts GPU_AGENT_DEFAULT_PORT; a test keeps them equal).
  {
    name: 'gpu-agent',
    label: 'NVIDIA GPU host (Hashwatt gpu-agent)',
    hardware: 'gpu',
    protocol: 'http',
    defaultPort: 9105,
    description: 'NVIDIA GPU hosts through the Hashwatt gpu-agent (nvidia-smi, protocols.md §2.1).',
  },
  {
    name: 'dcgm',
    label: 'NVIDIA GPUs (dcgm-exporter)',
    hardware: 'gpu',
    protocol: 'http',
    defaultPort: 9400,
    description: "NVIDIA GPUs through dcgm-exporter's Prometheus endpoint.",
  },
  {
    name: 'dragonmint',
    label: 'DragonMint (web API)',
    hardware: 'asic',
    protocol: 'http',
    defaultPort: 80,
    description: 'Halong DragonMint over its web API on 80/TCP.',
  },
  {
    name: 'innosilicon',
    label: 'Innosilicon (web API)',
    hardware: 'asic',
    protocol: 'http',
    defaultPort: 80,
    description: 'Innosilicon over its web API on 80/TCP.',
  },
  {
    name: 'srbminer',
    label: 'SRBMiner-Multi (HTTP API)',
    hardware: 'gpu',
    protocol: 'http',
    defaultPort: 21550,
    description: 'SRBMiner-Multi (AMD/NVIDIA/CPU miner) over its HTTP API (protocols.md §2.3).',
  },
  // unverified: nanominer's default webPort; no capture names the port.
  {
    name: 'nanominer',
    label: 'nanominer (HTTP API)',
    hardware: 'gpu',
    protocol: 'http',
    defaultPort: 9090,
    description: "nanominer (nanopool's GPU/CPU miner) over its HTTP API (protocols.md §2.3).",
  },
  // unverified: the port bminer's documentation uses for -api (127.0.0.1:1880); operator-set.
  {
    name: 'bminer',
    label: 'bminer (HTTP API v1)',
    hardware: 'gpu',
    protocol: 'http',
    defaultPort: 1880,
    description: 'bminer over its HTTP API v1 (protocols.md §2.3).',
  },
  {
    name: 'phoenixminer',
    label: 'PhoenixMiner / Claymore (JSON-RPC miner_getstat1)',
    hardware: 'gpu',
    protocol: 'jsonrpc',
    defaultPort: 3333,
    description: 'PhoenixMiner / Claymore over JSON-RPC on 3333/TCP (protocols.md §2.3).',
  },
  // The port of the foreman integration test; miniZ's --telemetry port is operator-set.
  {
    name: 'miniz',
    label: 'miniZ (JSON-RPC getstat)',
    hardware: 'gpu',
    protocol: 'jsonrpc',
    defaultPort: 20000,
    description: 'miniZ (Equihash GPU miner) over JSON-RPC on TCP (protocols.md §2.3).',
  },
  {
    name: 'excavator',
    label: 'NiceHash excavator (JSON-RPC)',
    hardware: 'gpu',
    protocol: 'jsonrpc',
    defaultPort: 3456,
    description: 'NiceHash excavator over its JSON-RPC TCP API (protocols.md §2.3).',
  },
] as const satisfies readonly DriverKindInfo[];

/** A driver's stored name (rigs.driver), one of DRIVER_KINDS. */
export type DriverName = (typeof DRIVER_KINDS)[number]['name'];

/** Every driver's stored name, in detection order. */
export const DRIVER_NAMES: readonly DriverName[] = DRIVER_KINDS.map((d) => d.name);

/** Each driver's default API port by its name (a rig added without a port, default rig names). */
export const DRIVER_DEFAULT_PORTS: Readonly<Record<string, number>> = Object.fromEntries(DRIVER_KINDS.map((d) => [d.name, d.defaultPort]));

/** The driver's description, or null for a name no driver has. */
export function driverKindInfo(name: string): DriverKindInfo | null {
  return DRIVER_KINDS.find((d) => d.name === name) ?? null;
}
