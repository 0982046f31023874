/** The goals beside the figures of the largest fleet measured: figure, limit, met. Pure. */

interface Goal {
  goal: string;
  path: string[];
  limit: number;
  /** 'max': the figure must be <= limit; 'min': >= limit. */
  kind: 'max' | 'min';
}

const GOALS: readonly Goal[] = [
  { goal: 'collector CPU per sweep (ms)', path: ['collector', 'cpuMsPerSweep'], limit: 3000, kind: 'max' },
  { goal: 'collector CPU per miner (ms)', path: ['collector', 'cpuMsPerMiner'], limit: 0.3, kind: 'max' },
  { goal: 'sweep wall p95 (ms)', path: ['collector', 'sweepWallP95Ms'], limit: 5000, kind: 'max' },
  { goal: 'failed polls', path: ['collector', 'failedPolls'], limit: 0, kind: 'max' },
  { goal: 'longest event-loop block (ms)', path: ['collector', 'eventLoopMaxBlockMs'], limit: 200, kind: 'max' },
  { goal: 'steady-state bytes per rig', path: ['storage', 'steadyStateBytesPerRig'], limit: 5_000_000, kind: 'max' },
  { goal: 'rollups + retention CPU per minute (ms)', path: ['rollupsAndRetention', 'cpuMsPerMinute'], limit: 1000, kind: 'max' },
  { goal: 'live: commit to browser p95 (ms, last packet of the sweep)', path: ['live', 'lastPacketP95Ms'], limit: 1000, kind: 'max' },
  { goal: 'live: bytes per browser per sweep', path: ['live', 'bytesPerBrowserPerSweepMean'], limit: 50_000, kind: 'max' },
  { goal: 'overview HTML gzip bytes', path: ['pages', 'overview', 'htmlGzipBytes'], limit: 100_000, kind: 'max' },
  { goal: 'overview server time p50 (ms)', path: ['pages', 'overview', 'serverP50Ms'], limit: 100, kind: 'max' },
  { goal: '/api/fleet p50 (ms)', path: ['pages', 'apiFleet', 'p50Ms'], limit: 50, kind: 'max' },
  { goal: "rig's 30-day history p50 (ms)", path: ['pages', 'rigHistory30d', 'p50Ms'], limit: 50, kind: 'max' },
  { goal: 'first-load JS of / (gzip bytes)', path: ['pages', 'firstLoadJs', 'gzipBytes'], limit: 170_000, kind: 'max' },
  { goal: 'Lighthouse mobile performance /', path: ['lighthouseMobile', 'overview', 'performance'], limit: 90, kind: 'min' },
  { goal: 'Lighthouse mobile performance /wall', path: ['lighthouseMobile', 'wall', 'performance'], limit: 90, kind: 'min' },
];

function at(value: unknown, path: readonly string[]): number | null {
  let v = value;
  for (const key of path) v = v && typeof v === 'object' ? (v as Record<string, unknown>)[key] : undefined;
  return typeof v === 'number' ? v : null;
}

/** Each goal with the figure of the largest fleet (by miners) that has it; null where it was not measured. */
export function goalsOf(fleets: Record<string, unknown>) {
  const bySize = Object.keys(fleets).sort((a, b) => Number(b) - Number(a));
  return GOALS.map((g) => {
    const size = bySize.find((s) => at(fleets[s], g.path) !== null);
    const figure = size === undefined ? null : at(fleets[size], g.path);
    return {
      goal: g.goal,
      limit: g.limit,
      figure,
      miners: size === undefined ? null : Number(size),
      met: figure === null ? null : g.kind === 'max' ? figure <= g.limit : figure >= g.limit,
    };
  });
}
