import { setSiteGpuRevenue } from '../../../lib/db/mutations/gpu-revenue';
import { gpuRevenueBySite } from '../../../lib/db/queries/gpu-revenue';
import type { Site } from '../../../lib/db/schema';
import { parseSiteGpuRevenue } from '../../../lib/settings/gpu-revenue';
import { parseFlags } from '../args';
import { CliError } from '../cli-error';
import { openSite } from '../open-site';
import { joinNegativeValues, numberFlag } from './profit';

const USAGE =
  'Usage: hashwatt gpu-revenue set --site NAME --algorithm ALGO --per-mhs-day <revenue>\n' +
  '       hashwatt gpu-revenue clear --site NAME [--algorithm ALGO]\n' +
  '       hashwatt gpu-revenue show --site NAME\n' +
  "  What one MH/s of ALGO (as the GPU miner reports it, e.g. kawpow) earns per day, in the site's currency.\n" +
  '  Without it a GPU rig\'s power still costs money, and its site\'s profit reads "excluding GPU revenue".';

function describe(site: Site, figures: Record<string, number>): string {
  const rows = Object.entries(figures).map(([algo, rate]) => `  ${algo}: ${rate} ${site.currency} per MH/s per day`);
  return rows.length > 0
    ? [`${site.name}:`, ...rows].join('\n')
    : `${site.name}: GPU revenue not set (GPU rigs count their power, not their revenue)`;
}

/** `hashwatt gpu-revenue set|clear|show`: what a site's GPU rigs earn per MH/s per day, by algorithm. */
export const gpuRevenueCommand = {
  summary: "Set or show what a site's GPU rigs earn (revenue per MH/s per day, by algorithm).",
  usage: USAGE,
  async run(argv: string[]): Promise<number> {
    const [sub, ...rest] = argv;
    const s = { type: 'string' } as const;
    const { values } = parseFlags(joinNegativeValues(rest), { site: s, algorithm: s, 'per-mhs-day': s });
    if (sub !== 'set' && sub !== 'clear' && sub !== 'show')
      throw new CliError('gpu-revenue needs a subcommand: set, clear or show (hashwatt gpu-revenue --help)');
    const { db, site } = openSite(values.site, sub === 'show');
    try {
      const current = gpuRevenueBySite(db).get(site.id) ?? {};
      if (sub === 'show') {
        console.log(describe(site, current));
        return 0;
      }
      const next = { ...current };
      if (sub === 'set') {
        if (values.algorithm === undefined) throw new CliError('pass --algorithm ALGO (as the GPU miner reports it, e.g. kawpow)');
        const rate = numberFlag('per-mhs-day', values['per-mhs-day'], { min: Number.NEGATIVE_INFINITY });
        if (rate === undefined) throw new CliError('pass --per-mhs-day <revenue per MH/s per day>');
        next[values.algorithm] = rate;
      } else if (values.algorithm !== undefined) {
        delete next[values.algorithm];
      } else {
        for (const k of Object.keys(next)) delete next[k];
      }
      const parsed = parseSiteGpuRevenue(next);
      if (!parsed.ok) throw new CliError(`invalid GPU revenue: ${parsed.error.join('; ')}`);
      setSiteGpuRevenue(db, site.id, parsed.value, Date.now());
      console.log(describe(site, parsed.value));
      return 0;
    } finally {
      db.close();
    }
  },
};
