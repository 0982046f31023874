/**
 * Antminer stock web UI CGI bodies (protocols.md section 1.3 "Web API") rendered from a MinerState: the
 * new-firmware (uart_trans) stats.cgi / summary.cgi / pools.cgi and the older get_system_info.cgi /
 * get_miner_conf.cgi. Key order, types and units follow shared/fixtures/asic/antminer-*-http-*.json; rates
 * in GH/s, temperatures as 4-sensor integer arrays. No power field: stock firmware has none.
 */
import { round } from './cgminer-envelope';
import type { RigPlan } from './fleet-plan';
import type { BoardState, MinerState } from './miner-state';
import { SHARE_DIFFICULTY } from './miner-state';

/** INFO block values of the S21 capture (antminer-s21-http-summary.cgi.json). */
const MINER_VERSION = 'uart_trans.1.3';
const COMPILE_TIME = 'Thu Jul 11 16:38:25 CST 2024';
const API_VERSION = '1.0.0';
/** Chips per row of the chain's `tpl` layout table (the S19Pro+ capture: 12 rows of 10). */
const TPL_ROW = 10;

function whenS(state: MinerState): number {
  return Math.floor(state.tMs / 1000);
}

function head(msg: string, rig: RigPlan, state: MinerState): { STATUS: object; INFO: object } {
  return {
    STATUS: { STATUS: 'S', when: whenS(state), Msg: msg, api_version: API_VERSION },
    INFO: { miner_version: MINER_VERSION, CompileTime: COMPILE_TIME, type: rig.model.firmwareModel },
  };
}

function ghs(ths: number): number {
  return round(ths * 1000, 2);
}

/** " ooo ooo ..." chip status as the firmware prints it, "" for an absent board. */
function chipStatus(chips: number): string {
  let s = '';
  for (let i = 0; i < chips; i += 3) s += ' ' + 'o'.repeat(Math.min(3, chips - i));
  return s;
}

/**
 * Chip layout: rows of chip numbers.
 * unverified: the real firmware's serpentine order per model; rows of 10 in plain order here.
 */
function layout(chips: number): number[][] {
  const rows: number[][] = [];
  for (let i = 0; i < chips; i += TPL_ROW) rows.push(Array.from({ length: Math.min(TPL_ROW, chips - i) }, (_, k) => i + k + 1));
  return rows;
}

function chain(rig: RigPlan, b: BoardState): object {
  const chips = b.present ? b.chips : 0;
  return {
    index: b.slot - 1,
    freq_avg: b.present ? rig.model.freqMhz : 0,
    rate_ideal: ghs(b.idealHashrateThs),
    rate_real: ghs(b.hashrateThs),
    asic_num: chips,
    asic: chipStatus(chips),
    temp_pic: b.present ? b.picTempsC : [],
    temp_pcb: b.present ? b.pcbTempsC : [],
    temp_chip: b.present ? b.chipTempsC : [],
    hw: b.hardwareErrors,
    eeprom_loaded: true,
    sn: `YNAHYR5BCJ${(b.slot * 0x1000 + (rig.idHash & 0xfff)).toString(36).toUpperCase().padStart(7, '0')}`,
    hwp: b.present ? round(b.hardwareErrors / Math.max(1, b.accepted * 20), 4) : 0,
    tpl: layout(chips),
  };
}

/** stats.cgi (shape: antminer-s19proplus-http-stats.cgi.json). */
export function webStats(rig: RigPlan, state: MinerState): object {
  return {
    ...head('stats', rig, state),
    STATS: [
      {
        elapsed: state.elapsedS,
        rate_5s: ghs(state.hashrateThs),
        rate_30m: ghs(state.hashrate30mThs),
        rate_avg: ghs(state.hashrateAvgThs),
        rate_ideal: ghs(state.expectedHashrateThs),
        rate_unit: 'GH/s',
        chain_num: state.boards.filter((b) => b.present).length,
        fan_num: state.fansRpm.length,
        fan: state.fansRpm,
        hwp_total: round(state.hardwareErrors / Math.max(1, state.accepted * 20), 4),
        'miner-mode': 0,
        'freq-level': 100,
        chain: state.boards.map((b) => chain(rig, b)),
      },
    ],
  };
}

/**
 * summary.cgi (shape: antminer-s21-http-summary.cgi.json).
 * unverified: the flag a throttling miner raises; "temp" with status "w" assumed.
 */
export function webSummary(rig: RigPlan, state: MinerState): object {
  const flag = (type: string, status = 's', msg = '') => ({ type, status, code: 0, msg });
  return {
    ...head('summary', rig, state),
    SUMMARY: [
      {
        elapsed: state.elapsedS,
        rate_5s: ghs(state.hashrateThs),
        rate_30m: ghs(state.hashrate30mThs),
        rate_avg: ghs(state.hashrateAvgThs),
        rate_ideal: ghs(state.expectedHashrateThs),
        rate_unit: 'GH/s',
        hw_all: state.hardwareErrors,
        bestshare: state.bestShare,
        status: [
          flag('rate'),
          flag('network'),
          flag('fans'),
          state.status === 'throttled' ? flag('temp', 'w', 'temperature too high') : flag('temp'),
        ],
      },
    ],
  };
}

/**
 * pools.cgi.
 * unverified: no capture; shaped from a public transcription of the stock firmware's API doc (KS5 era):
 * POOLS[] with lower-case cgminer keys.
 */
export function webPools(rig: RigPlan, state: MinerState): object {
  return {
    ...head('pools', rig, state),
    POOLS: rig.site.poolUrls.map((url, i) => {
      const active = i === 0;
      return {
        index: i,
        url,
        user: `${rig.site.poolAccount}.${rig.name}`,
        status: 'Alive',
        priority: i,
        getworks: active ? Math.floor(state.elapsedS / 30) : 0,
        accepted: active ? state.accepted : 0,
        rejected: active ? state.rejected : 0,
        discarded: active ? Math.floor(state.elapsedS * 2.2) : 0,
        stale: 0,
        diff: active ? `${SHARE_DIFFICULTY}.0000` : '0.0000',
        diff1: 0,
        diffa: active ? state.accepted * SHARE_DIFFICULTY : 0,
        diffr: active ? state.rejected * SHARE_DIFFICULTY : 0,
        diffs: 0,
        lsdiff: active ? SHARE_DIFFICULTY : 0,
        lstime: active ? `0:00:${String(state.lastShareAgoS).padStart(2, '0')}` : '0',
      };
    }),
  };
}

/** get_system_info.cgi as the old firmware prints it: one `"key":"value"` per line (antminer-s19pro-http-get_system_info.cgi.json). */
export function webSystemInfo(rig: RigPlan): string {
  const mac = [0x70, 0xb3, ...[24, 16, 8, 0].map((s) => (rig.idHash >>> s) & 0xff)]
    .map((b) => b.toString(16).toUpperCase().padStart(2, '0'))
    .join(':');
  const fields: Array<[string, string]> = [
    ['minertype', rig.model.firmwareModel],
    ['nettype', 'DHCP'],
    ['netdevice', 'eth0'],
    ['macaddr', mac],
    ['hostname', 'Antminer'],
    ['ipaddress', rig.address],
    ['netmask', '255.255.255.0'],
    ['gateway', ''],
    ['dnsservers', ''],
    ['system_mode', 'GNU/Linux'],
    ['system_kernel_version', 'Linux 4.9.38-tag- #1 SMP PREEMPT Thu Jul 11 16:20:02 CST 2024'],
    ['system_filesystem_version', COMPILE_TIME],
    ['firmware_type', 'Release'],
  ];
  return `{\n${fields.map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v)}`).join(',\n')}\n}`;
}

/** get_miner_conf.cgi with its leading blank lines and " : " spacing (antminer-s19-http-get_miner_conf.cgi.json). */
export function webMinerConf(rig: RigPlan): string {
  const pool = (url: string) =>
    `{\n"url" : ${JSON.stringify(url)},\n"user" : ${JSON.stringify(`${rig.site.poolAccount}.${rig.name}`)},\n"pass" : "x"\n}`;
  const settings: Array<[string, string]> = [
    ['"api-listen"', 'true'],
    ['"api-network"', 'true'],
    ['"api-groups"', '"A:stats:pools:devs:summary:version"'],
    ['"api-allow"', '"A:0/0,W:*"'],
    ['"bitmain-fan-ctrl"', 'false'],
    ['"bitmain-fan-pwm"', '"100"'],
    ['"bitmain-use-vil"', 'true'],
    ['"bitmain-freq"', JSON.stringify(String(rig.model.freqMhz))],
    ['"bitmain-voltage"', '"1400"'],
    ['"bitmain-ccdelay"', '"0"'],
    ['"bitmain-pwth"', '"0"'],
    ['"bitmain-work-mode"', '"0"'],
    ['"bitmain-freq-level"', '"100"'],
  ];
  const body = settings.map(([k, v]) => `${k} : ${v}`).join(',\n');
  return `\n\n{\n"pools" : [\n${rig.site.poolUrls.map(pool).join(',\n')}\n]\n,\n${body}\n}\n`;
}
