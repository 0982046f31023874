/**
 * Whatsminer API v3 (port 4433, protocols.md section 1.7) replies rendered from a MinerState. Key order,
 * types and units follow the vendor doc examples in shared/fixtures/asic/whatsminer-apiv3-docs-*.json(c):
 * hash rates in TH/s, power in W, temperatures in degC, many device-info values as strings.
 */
import { round } from './cgminer-envelope';
import type { RigPlan } from './fleet-plan';
import type { BoardState, MinerState } from './miner-state';

/** Firmware and API version as the doc example of get.device.info reports them. */
export const WHATSMINER_V3_FIRMWARE = '20240722.07.51.REL';
export const WHATSMINER_V3_API = '3.0.0';
const CHIP_DATA = 'H35A07-22020801 BINV01-196803C';
/** Slots the firmware reports in detect-hash-rate (the doc's "33780:33484:34102:0": 3 boards + 1 empty). */
const SLOTS = 4;
const INPUT_V = 220.5;

function whenS(state: MinerState): number {
  return Math.floor(state.tMs / 1000);
}

/** The v3 envelope every reply shares. */
function envelope(code: number, state: MinerState, msg: unknown, desc: string): object {
  return { code, when: whenS(state), msg, desc };
}

function mac(rig: RigPlan): string {
  const bytes = [0xca, 0x01, ...[24, 16, 8, 0].map((s) => (rig.idHash >>> s) & 0xff)];
  return bytes.map((b) => b.toString(16).toUpperCase().padStart(2, '0')).join(':');
}

function serial(rig: RigPlan, n: number): string {
  return (rig.idHash + n).toString(16).toUpperCase().padStart(8, '0');
}

function present(state: MinerState): BoardState[] {
  return state.boards.filter((b) => b.present);
}

/** Board sensor: a little below the coolest chip, one decimal like the doc's 69.6. */
function boardTempC(b: BoardState): number {
  return b.present ? round(Math.min(...b.chipTempsC) - 1.4, 1) : 0;
}

/** Reply to get.device.info (shape: whatsminer-apiv3-docs-get.device.info.jsonc, as valid JSON). */
export function v3DeviceInfo(rig: RigPlan, state: MinerState): object {
  const firmwareModel = rig.model.firmwareModel; // e.g. "M60S_VK30"
  const detect: string[] = [];
  for (let slot = 1; slot <= SLOTS; slot++) {
    const b = state.boards.find((x) => x.slot === slot && x.present);
    detect.push(String(b ? Math.round(b.idealHashrateThs * 1000) : 0));
  }
  const miner: Record<string, unknown> = {
    working: state.hashrateThs > 0 ? 'true' : 'false',
    type: firmwareModel,
    'hash-board': firmwareModel.split('_V')[1] ?? '',
    'detect-hash-rate': detect.join(':'),
    cointype: 'BTC/BCH/BSV',
    'pool-strategy': 'FAILOVER',
    heatmode: '',
    'hash-percent': '',
    'eeprom-liquid-cooling': '0-0-0',
  };
  for (let i = 0; i < rig.model.boards; i++) miner[`chipdata${i}`] = CHIP_DATA;
  miner['fast-boot'] = 'disable';
  miner['board-num'] = String(present(state).length);
  for (let i = 0; i < rig.model.boards; i++) miner[`pcbsn${i}`] = `HHM1EK4670${serial(rig, i)}`;
  miner['miner-sn'] = `WM${serial(rig, 100)}`;
  miner['power-limit-set'] = String(Math.ceil((rig.model.nameplatePowerW * 1.05) / 100) * 100);
  miner['web-pool'] = 1;
  const pin = Math.round(state.powerW);
  return envelope(
    0,
    state,
    {
      network: {
        ip: rig.address,
        proto: 'dhcp',
        netmask: '255.255.255.0',
        dns: rig.address.replace(/\.\d+$/, '.1'),
        mac: mac(rig),
        gateway: rig.address.replace(/\.\d+$/, '.1'),
        hostname: 'WhatsMiner',
      },
      miner,
      system: {
        api: WHATSMINER_V3_API,
        platform: 'H616',
        fwversion: WHATSMINER_V3_FIRMWARE,
        'control-board-version': 'CB6V10',
        btrom: '1',
        apiswitch: '1',
        ledstatus: 'auto',
      },
      power: {
        type: 'P221C',
        mode: '1',
        hwversion: 'R00033',
        swversion: '20201224_P00031.20210326_S00037',
        model: 'P22-12-3300-C',
        iin: round(pin / (INPUT_V * 0.96), 1),
        vin: INPUT_V,
        vout: 1209,
        pin,
        fanspeed: 6112,
        temp0: round(state.envTempC + 14, 1),
        sn: `1355A${serial(rig, 200)}`,
        vendor: '1',
      },
      // unverified: the doc example's salt is "px5hoXa9"; a per-rig value of the same length here.
      salt: serial(rig, 300).slice(0, 8),
      // No fault active; the doc example shows objects like {"531":"<time>","reason":"Slot1 not found."}.
      'error-code': [],
    },
    'get.device.info',
  );
}

/** msg.summary of get.miner.status (shape: whatsminer-apiv3-docs-get.miner.status-summary.json). */
export function v3Summary(rig: RigPlan, state: MinerState): object {
  const boards = present(state);
  const chips = boards.flatMap((b) => b.chipTempsC);
  const chipAvg = boards.length ? boards.reduce((a, b) => a + b.chipTempAvgC, 0) / boards.length : 0;
  return {
    elapsed: state.elapsedS,
    'bootup-time': state.elapsedS + 101,
    'freq-avg': boards.length ? rig.model.freqMhz : 0,
    'target-freq': 0,
    'factory-hash': round(state.expectedHashrateThs, 3),
    'hash-average': round(state.hashrateAvgThs, 3),
    'hash-1min': round(state.hashrate1mThs, 3),
    'hash-15min': round(state.hashrate15mThs, 3),
    'hash-realtime': round(state.hashrateThs, 3),
    'power-rate': state.hashrateThs > 0 ? round(state.powerW / state.hashrateThs, 3) : 0,
    'power-5min': round(state.powerW, 3),
    'power-realtime': Math.round(state.powerW),
    'environment-temperature': round(state.envTempC, 1),
    'board-temperature': state.boards.map(boardTempC),
    'chip-temp-min': chips.length ? round(Math.min(...chips), 1) : 0,
    'chip-temp-avg': round(chipAvg, 1),
    'chip-temp-max': round(state.tempMaxC, 1),
    'power-limit': Math.ceil((rig.model.nameplatePowerW * 1.05) / 100) * 100,
    'up-freq-finish': 1,
    'fan-speed-in': state.fansRpm[0] ?? 0,
    'fan-speed-out': state.fansRpm[1] ?? 0,
  };
}

/**
 * msg.pools of get.miner.status param "pools".
 * unverified: no capture; keys as pyasic's BTMinerV3Pool model reads them (id 1-based, url, status,
 * account, stratum-active, reject-rate, last-share-time).
 */
export function v3Pools(rig: RigPlan, state: MinerState): object[] {
  const total = state.accepted + state.rejected;
  return rig.site.poolUrls.map((url, i) => ({
    id: i + 1,
    url,
    status: 'alive',
    account: `${rig.site.poolAccount}.${rig.name}`,
    'stratum-active': i === 0,
    'reject-rate': i === 0 && total ? round((state.rejected / total) * 100, 4) : 0,
    'last-share-time': i === 0 ? whenS(state) - state.lastShareAgoS : 0,
  }));
}

/**
 * msg.edevs of get.miner.status param "edevs", one per present board (slot zero-based).
 * unverified: no capture; keys as pyasic's BTMinerV3Device model reads them.
 */
export function v3Edevs(rig: RigPlan, state: MinerState): object[] {
  return present(state).map((b) => ({
    id: b.slot - 1,
    slot: b.slot - 1,
    'hash-average': round(b.hashrateAvgThs, 3),
    'factory-hash': round(b.idealHashrateThs, 3),
    freq: rig.model.freqMhz,
    'effective-chips': b.chips,
    'chip-temp-min': round(Math.min(...b.chipTempsC), 1),
    'chip-temp-max': round(Math.max(...b.chipTempsC), 1),
    'chip-temp-avg': round(b.chipTempAvgC, 1),
  }));
}

/**
 * The reply to one request text. get.miner.status answers each "+"-joined part of param (summary, pools,
 * edevs) under its own key of msg.
 * unverified: the error replies' msg wording (the doc lists only the codes: -2 invalid command, -3 invalid json).
 */
export function whatsminerV3Reply(requestText: string, rig: RigPlan, state: MinerState): object {
  let request: Record<string, unknown> | null = null;
  try {
    const parsed: unknown = JSON.parse(requestText);
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) request = parsed as Record<string, unknown>;
  } catch {
    request = null;
  }
  if (!request || typeof request.cmd !== 'string') return envelope(-3, state, 'invalid json', 'unknown');
  const cmd = request.cmd;
  if (cmd === 'get.device.info') return v3DeviceInfo(rig, state);
  if (cmd === 'get.miner.status') {
    const parts = String(request.param ?? 'summary')
      .split('+')
      .map((p) => p.trim());
    const msg: Record<string, unknown> = {};
    for (const part of parts) {
      if (part === 'summary') msg.summary = v3Summary(rig, state);
      else if (part === 'pools') msg.pools = v3Pools(rig, state);
      else if (part === 'edevs') msg.edevs = v3Edevs(rig, state);
      else return envelope(-1, state, `invalid param: ${part}`, cmd);
    }
    return envelope(0, state, msg, cmd);
  }
  return envelope(-2, state, 'invalid command', cmd);
}
