/**
 * What the fuzz tests feed each of the 23 drivers: per reply slot the real captures (tests/fixtures,
 * copied from shared/fixtures), the decoding the driver's transport applies (lenient cgminer JSON, HTTP
 * JSON, JSON-RPC, a Whatsminer v3 frame, plain text), and the driver's pure parse of the decoded replies:
 * the same entry its poll() ends in. Where no capture of a reply exists, the demo simulator's reply (its
 * shapes are checked against protocols.md by the sim-replies tests) or the reply the driver's own parse
 * test uses stands in; each such slot says so.
 */
import { parseBraiins } from '../../../collectors/drivers/braiins/parse';
import { parseAntminer } from '../../../collectors/drivers/antminer/parse';
import { parseAntminerWeb } from '../../../collectors/drivers/antminer-web/parse';
import { parseAvalon } from '../../../collectors/drivers/avalon/parse';
import { parseAxeos } from '../../../collectors/drivers/axeos/parse';
import { parseBminer } from '../../../collectors/drivers/bminer/parse';
import { parseDcgm } from '../../../collectors/drivers/dcgm/parse';
import { parseDragonmint } from '../../../collectors/drivers/dragonmint/parse';
import { parseExcavator } from '../../../collectors/drivers/excavator/parse';
import { gminerFromReply } from '../../../collectors/drivers/gminer/parse';
import { parseGpuAgent } from '../../../collectors/drivers/gpu-agent/parse';
import { parseInnosilicon } from '../../../collectors/drivers/innosilicon/parse';
import { lolminerFromReply } from '../../../collectors/drivers/lolminer/parse';
import { parseLuxos } from '../../../collectors/drivers/luxos/parse';
import { parseMiniz } from '../../../collectors/drivers/miniz/parse';
import { nanominerFromReply } from '../../../collectors/drivers/nanominer/parse';
import { nbminerFromReply } from '../../../collectors/drivers/nbminer/parse';
import { parsePhoenixMiner } from '../../../collectors/drivers/phoenixminer/parse';
import { srbminerFromReply } from '../../../collectors/drivers/srbminer/parse';
import { parseTeamRedMiner } from '../../../collectors/drivers/teamredminer/parse';
import { trexFromReply } from '../../../collectors/drivers/trex/parse';
import { parseWhatsminer } from '../../../collectors/drivers/whatsminer/parse';
import { parseWhatsminerV3 } from '../../../collectors/drivers/whatsminer-v3/parse';
import { parseNvidiaSmiCsv } from '../../../collectors/gpu-agent/nvidia-smi';
import { renderGpuAgentReply } from '../../../collectors/gpu-agent/reply';
import { planFleet } from '../../../collectors/simulator/fleet-plan';
import { replyText } from '../../../collectors/simulator/respond';
import { fixtureText } from '../driver-fixtures';
import { HTTP_URL, type Decoding, type FuzzSlot, type FuzzTarget } from './decoding';
import { gpuFixtureText } from '../gpu-fixtures';
import { deviceInfoDocAsJson } from '../whatsminer-v3-fixtures';

const asic = fixtureText;
const gpu = gpuFixtureText;
const httpReply = (text: unknown) => ({ status: 200, headers: {}, text: String(text) });
const slot = (name: string, decoding: Decoding, captures: string[], optional = true): FuzzSlot => ({ name, decoding, captures, optional });
const o = (v: unknown) => (v ?? null) as object | null;

// unverified stand-ins: the demo simulator's LuxOS and Whatsminer v3 replies (no capture of them exists).
const SIM_T = Date.UTC(2025, 5, 1, 12, 0, 0);
const SIM_RIGS = planFleet({ miners: 6, mix: ['luxos-s19xp', 'whatsminer-v3-m60s'] });
const LUXOS = SIM_RIGS.find((r) => r.model.family === 'luxos')!;
const WMV3 = SIM_RIGS.find((r) => r.model.family === 'whatsminer-v3')!;
const luxos = (command: string) => replyText(JSON.stringify({ command }), LUXOS, 7, SIM_T);
const v3 = (param: string) => replyText(JSON.stringify({ cmd: 'get.miner.status', param }), WMV3, 7, SIM_T);
// unverified: algorithm.list as foreman's ExcavatorITest serves it (as in excavator-parse.test.ts).
const EXCAVATOR_ALGORITHMS = JSON.stringify({
  algorithms: [
    {
      algorithm_id: 20,
      name: 'daggerhashimoto',
      speed: 9198932.692307692,
      uptime: 19.18597412109375,
      accepted_shares: 0,
      rejected_shares: 0,
    },
    { algorithm_id: 21, name: 'decred', speed: 5078989989.082617, uptime: 19.18767738342285, accepted_shares: 1, rejected_shares: 0 },
  ],
  id: 1,
  error: null,
});
const EXCAVATOR_SUBSCRIBE = JSON.stringify({
  id: 1,
  address: 'nhmp.eu.nicehash.com:3200',
  login: '34HKWdzLxWBduUfJE9JxaFhoXnfC6gmePG.test2:x',
  connected: true,
  server_status: 'Subscribed',
  error: null,
});
const agentReply = (csv: string) =>
  JSON.stringify(renderGpuAgentReply({ hostname: 'gpu-host-1', sampledAtMs: 1_700_000_000_000, gpus: parseNvidiaSmiCsv(gpu(csv)) }));

/** Every driver of the registry (collectors/drivers/index.ts), by name. */
export const FUZZ_TARGETS: readonly FuzzTarget[] = [
  {
    driver: 'braiins',
    slots: [
      slot('summary', 'cgminer', [asic('braiins-bosplus-s9-summary.json'), asic('braiins-bos-s9-summary.json')], false),
      slot('version', 'cgminer', [asic('braiins-bosplus-s9-version.json'), asic('braiins-bos-s9-version.json')]),
      slot('devs', 'cgminer', [asic('braiins-bosplus-s9-devs.json')]),
      slot('pools', 'cgminer', [asic('braiins-bosplus-s9-pools.json')]),
      slot('fans', 'cgminer', [asic('braiins-bosplus-s9-fans.json')]),
      slot('temps', 'cgminer', [asic('braiins-bosplus-s9-temps.json')]),
    ],
    parse: (d, modelHint) =>
      parseBraiins(
        { summary: d.summary as object, version: o(d.version), devs: o(d.devs), pools: o(d.pools), fans: o(d.fans), temps: o(d.temps) },
        { modelHint },
      ),
  },
  {
    driver: 'luxos',
    slots: ['summary', 'version', 'stats', 'pools', 'power', 'fans', 'temps'].map((c) => slot(c, 'cgminer', [luxos(c)], c !== 'summary')),
    parse: (d, modelHint) =>
      parseLuxos(
        {
          summary: d.summary as object,
          version: o(d.version),
          stats: o(d.stats),
          pools: o(d.pools),
          power: o(d.power),
          fans: o(d.fans),
          temps: o(d.temps),
        },
        { modelHint },
      ),
  },
  {
    driver: 'whatsminer',
    slots: [
      slot(
        'summary',
        'cgminer',
        [
          asic('whatsminer-m31s-summary.json'),
          asic('whatsminer-m20s-summary.json'),
          asic('whatsminer-m3-summary.json'),
          asic('whatsminer-m31s-sleeping-summary.json'),
        ],
        false,
      ),
      slot('edevs', 'cgminer', [asic('whatsminer-m31s-edevs.json'), asic('whatsminer-m20s-devs.json')]),
      slot('pools', 'cgminer', [asic('whatsminer-m31s-pools.json'), asic('whatsminer-m20s-pools.json')]),
      slot('status', 'cgminer', [asic('whatsminer-m31s-status-sleeping.json')]),
    ],
    parse: (d, modelHint) =>
      parseWhatsminer({ summary: d.summary as object, edevs: o(d.edevs), pools: o(d.pools), status: o(d.status) }, { modelHint }),
  },
  {
    driver: 'whatsminer-v3',
    slots: [
      slot('summary', 'v3', [asic('whatsminer-apiv3-docs-get.miner.status-summary.json'), v3('summary')], false),
      slot('deviceInfo', 'v3', [deviceInfoDocAsJson()]),
      slot('pools', 'v3', [v3('pools')]),
      slot('edevs', 'v3', [v3('edevs')]),
    ],
    parse: (d, modelHint) =>
      parseWhatsminerV3({ summary: d.summary as object, deviceInfo: o(d.deviceInfo), pools: o(d.pools), edevs: o(d.edevs) }, { modelHint }),
  },
  {
    driver: 'avalon',
    slots: [
      slot('summary', 'cgminer', [asic('avalon-1047-pools+summary+stats.json')]),
      slot('version', 'cgminer', [asic('avalon-a1566-version.json')]),
      slot('stats', 'cgminer', [
        asic('avalon-a1566-estats.json'),
        asic('avalon-a1566-stats.json'),
        asic('avalon-7xx-stats.json'),
        asic('avalon-8xx-stats.json'),
      ]),
      slot('devs', 'cgminer', [asic('avalon-a1566-devs.json')]),
      slot('pools', 'cgminer', [asic('avalon-a1566-pools.json')]),
    ],
    parse: (d, modelHint) =>
      parseAvalon({ summary: o(d.summary), version: o(d.version), stats: o(d.stats), devs: o(d.devs), pools: o(d.pools) }, { modelHint }),
  },
  {
    driver: 'teamredminer',
    slots: [
      slot('devs', 'cgminer', [gpu('teamredminer-0.3.8-devs.json')], false),
      slot('pools', 'cgminer', [gpu('teamredminer-0.3.8-pools.json')]),
    ],
    parse: (d, modelHint) => parseTeamRedMiner({ devs: d.devs as object, pools: o(d.pools) }, { modelHint }),
  },
  {
    driver: 'antminer',
    slots: [
      slot(
        'version',
        'cgminer',
        [
          asic('antminer-s19pro-version.json'),
          asic('antminer-s9-bmminer-version.json'),
          asic('asicseer-s9-version.json'),
          asic('hiveon-s9-version.json'),
          asic('mskminer-s19-version.json'),
        ],
        false,
      ),
      slot(
        'stats',
        'cgminer',
        [
          'antminer-s19pro-stats.json',
          'antminer-s9-bmminer-stats.json',
          'antminer-s17pro-stats.json',
          'antminer-s19-overheating-stats.json',
          'antminer-s19-sleeping-stats.json',
          'antminer-s17plus-sleeping-stats.json',
          'antminer-t15-stats.json',
          'asicseer-s9-stats.json',
          'hiveon-s9-stats.json',
          'mskminer-s19-stats.json',
          'mskminer-s9-stats.json',
          'nicehash-s9-stats.json',
          'vnish-s17plus-stats.json',
        ].map(asic),
        false,
      ),
      slot('pools', 'cgminer', [
        asic('antminer-s19-pools.json'),
        asic('antminer-s17pro-pools.json'),
        asic('antminer-s9-bmminer-pools.json'),
        asic('mskminer-s19-pools.json'),
      ]),
    ],
    parse: (d, modelHint) => parseAntminer({ version: d.version as object, stats: d.stats as object, pools: o(d.pools) }, { modelHint }),
  },
  {
    driver: 'antminer-web',
    slots: [
      slot('stats', 'http', [asic('antminer-s19proplus-http-stats.cgi.json')]),
      slot('summary', 'http', [asic('antminer-s21-http-summary.cgi.json')]),
      slot('systemInfo', 'http', [asic('antminer-s19pro-http-get_system_info.cgi.json')]),
      slot('minerConf', 'http', [asic('antminer-s19-http-get_miner_conf.cgi.json')]),
    ],
    parse: (d, modelHint) =>
      parseAntminerWeb({ stats: d.stats, summary: d.summary, systemInfo: d.systemInfo, minerConf: d.minerConf }, { modelHint }),
  },
  {
    driver: 'trex',
    slots: [slot('reply', 'http-text', [gpu('trex-0.9.1-summary.json'), gpu('trex-0.6.3-summary-8gpu.json')], false)],
    parse: (d, modelHint) => trexFromReply(httpReply(d.reply), HTTP_URL, { modelHint }),
  },
  {
    driver: 'lolminer',
    slots: [slot('reply', 'http-text', [gpu('lolminer-1.0-summary.json')], false)],
    parse: (d, modelHint) => lolminerFromReply(httpReply(d.reply), HTTP_URL, { modelHint }),
  },
  {
    driver: 'gminer',
    slots: [slot('reply', 'http-text', [gpu('gminer-1.34-stat.json'), gpu('gminer-1.18-stat.json')], false)],
    parse: (d, modelHint) => gminerFromReply(httpReply(d.reply), HTTP_URL, { modelHint }),
  },
  {
    driver: 'nbminer',
    slots: [slot('reply', 'http-text', [gpu('nbminer-10.0-api-v1-status.json')], false)],
    parse: (d, modelHint) => nbminerFromReply(httpReply(d.reply), HTTP_URL, { modelHint, nowMs: 1_700_000_000_000 }),
  },
  {
    driver: 'axeos',
    slots: [
      slot(
        'info',
        'http',
        [asic('bitaxe-gamma-axeos-2.12.2-api-system-info.json'), asic('nerdqaxe-plusplus-nerdos-1.1.0b1-api-system-info.json')],
        false,
      ),
      slot('asic', 'http', [asic('bitaxe-gamma-axeos-api-system-asic.json'), asic('nerdqaxe-plusplus-nerdos-api-system-asic.json')]),
    ],
    parse: (d, modelHint) => parseAxeos({ info: d.info, asic: d.asic }, { modelHint }),
  },
  {
    driver: 'gpu-agent',
    slots: [
      slot(
        'reply',
        'http',
        [
          'nvidia-smi-h100-80gb-590.48.01-linux-query-gpu-csv-load.csv',
          'nvidia-smi-rtx4080super-595.71.05-linux-query-gpu-csv-load.csv',
        ].map(agentReply),
        false,
      ),
    ],
    parse: (d, modelHint) => parseGpuAgent(d.reply, { modelHint }),
  },
  {
    driver: 'dcgm',
    slots: [slot('metrics', 'text', [gpu('dcgm-exporter-metrics-excerpt.txt')], false)],
    parse: (d, modelHint) => parseDcgm(String(d.metrics), { modelHint }),
  },
  {
    driver: 'dragonmint',
    slots: [
      slot('summary', 'http', [asic('dragonmint-t1-http-api-summary.json')], false),
      slot('overview', 'http', [asic('innosilicon-t2-http-api-overview.json')]),
    ],
    parse: (d, modelHint) => parseDragonmint({ summary: d.summary, overview: d.overview }, { modelHint }),
  },
  {
    driver: 'innosilicon',
    slots: [
      slot('overview', 'http', [asic('innosilicon-t2-http-api-overview.json')], false),
      slot('summary', 'http', [asic('dragonmint-t1-http-api-summary.json')]),
    ],
    parse: (d, modelHint) => parseInnosilicon({ overview: d.overview, summary: d.summary }, { modelHint }),
  },
  {
    driver: 'srbminer',
    slots: [slot('reply', 'http-text', [gpu('srbminer-multi-0.1.8-root.json')], false)],
    parse: (d, modelHint) => srbminerFromReply(httpReply(d.reply), HTTP_URL, { modelHint }),
  },
  {
    driver: 'nanominer',
    slots: [slot('reply', 'http-text', [gpu('nanominer-stats.json')], false)],
    parse: (d, modelHint) => nanominerFromReply(httpReply(d.reply), HTTP_URL, { modelHint }),
  },
  {
    driver: 'bminer',
    slots: [slot('solver', 'http', [gpu('bminer-api-v1-status-solver.json')], false)],
    parse: (d, modelHint) => parseBminer({ solver: d.solver }, { modelHint }),
  },
  {
    driver: 'phoenixminer',
    slots: [slot('getstat', 'jsonrpc', [gpu('phoenixminer-miner_getstat1.json')], false)],
    parse: (d, modelHint) => parsePhoenixMiner(d.getstat, { modelHint }),
  },
  {
    driver: 'miniz',
    slots: [slot('getstat', 'jsonrpc', [gpu('miniz-getstat.json')], false)],
    parse: (d, modelHint) => parseMiniz(d.getstat, { modelHint, nowMs: 1_700_000_000_000 }),
  },
  {
    driver: 'excavator',
    slots: [
      slot('devices', 'jsonrpc', [gpu('excavator-devices.get.json')], false),
      slot('algorithms', 'jsonrpc', [EXCAVATOR_ALGORITHMS], false),
      slot('subscribe', 'jsonrpc', [EXCAVATOR_SUBSCRIBE]),
    ],
    parse: (d, modelHint) => parseExcavator({ devices: d.devices, algorithms: d.algorithms, subscribe: d.subscribe }, { modelHint }),
  },
];
