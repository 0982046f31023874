/**
 * Bitaxe (AxeOS) and NerdQAxe (NerdOS) HTTP replies rendered from a MinerState (protocols.md §1.9). Key
 * order and types follow fx:asic/bitaxe-gamma-axeos-2.12.2-api-system-info.json and
 * nerdqaxe-plusplus-nerdos-1.1.0b1-api-system-info.json (and their /api/system/asic); hash rates in GH/s,
 * power in W, temperatures in degC. Identity fields (MAC, SSID, heap) are fixed or derived from the rig.
 */
import { round } from './cgminer-envelope';
import type { RigPlan } from './fleet-plan';
import type { MinerState } from './miner-state';

export const GHS_PER_THS = 1000;
/** BM1370 small cores per ASIC, as both captures report. */
export const SMALL_CORES = 2040;

/** True for the NerdQAxe++ catalogue model, which answers in NerdOS's shape. */
export function isNerdRig(rig: RigPlan): boolean {
  return rig.model.id === 'nerdqaxe-plusplus';
}

export function mac(rig: RigPlan): string {
  const bytes = [0x10, 0xf5, ...[24, 16, 8, 0].map((s) => (rig.idHash >>> s) & 0xff)];
  return bytes.map((b) => b.toString(16).toUpperCase().padStart(2, '0')).join(':');
}

/** AxeOS keeps host and port apart: "stratum+tcp://btc.pool-one.example:3333" -> host, 3333. */
export function stratum(url: string): { host: string; port: number } {
  const m = /^(?:[a-z+]+:\/\/)?([^:/]+)(?::(\d+))?/.exec(url);
  return { host: m?.[1] ?? url, port: Number(m?.[2] ?? 3333) };
}

export function worker(rig: RigPlan): string {
  return `${rig.site.poolAccount}.${rig.name}`;
}

/** GET /api/system/info of a Bitaxe Gamma on AxeOS v2.12.2. */
export function bitaxeInfo(rig: RigPlan, state: MinerState): object {
  const primary = stratum(rig.site.poolUrls[0]);
  const fallback = stratum(rig.site.poolUrls[1] ?? rig.site.poolUrls[0]);
  const chipC = state.tempMaxC;
  const ghs = round(state.hashrateThs * GHS_PER_THS, 7);
  const chips = rig.model.boards * rig.model.chipsPerBoard;
  const domain = round(ghs / 4, 7);
  return {
    power: round(state.powerW, 7),
    voltage: 5093.75,
    current: round((state.powerW / 5.09375) * 1000, 3),
    temp: chipC,
    temp2: -1,
    vrTemp: chipC + 2,
    maxPower: 40,
    nominalVoltage: 5,
    hashRate: ghs,
    hashRate_1m: round(state.hashrate1mThs * GHS_PER_THS, 7),
    hashRate_10m: round(state.hashrate15mThs * GHS_PER_THS, 7),
    hashRate_1h: round(state.hashrate30mThs * GHS_PER_THS, 7),
    // unverified: AxeOS computes this from frequency x cores; the simulator uses the nameplate figure.
    expectedHashrate: round(state.expectedHashrateThs * GHS_PER_THS, 0),
    errorPercentage: 0,
    bestDiff: state.bestShare,
    bestSessionDiff: Math.floor(state.bestShare / 24),
    poolDifficulty: 1000,
    isUsingFallbackStratum: 0,
    poolAddrFamily: 2,
    isPSRAMAvailable: 1,
    freeHeap: 8212708,
    freeHeapInternal: 104027,
    freeHeapSpiram: 8140652,
    coreVoltage: 1150,
    coreVoltageActual: 1144,
    frequency: rig.model.freqMhz,
    ssid: 'HashwattDemo',
    macAddr: mac(rig),
    hostname: rig.name,
    ipv4: rig.address,
    ipv6: 'FE80::F2F5:BDFF:FE44:B2F0',
    wifiStatus: 'Connected!',
    wifiRSSI: -44,
    apEnabled: 0,
    sharesAccepted: state.accepted,
    sharesRejected: state.rejected,
    sharesRejectedReasons: state.rejected > 0 ? [{ message: 'Stale', count: state.rejected }] : [],
    uptimeSeconds: state.elapsedS,
    smallCoreCount: SMALL_CORES,
    ASICModel: rig.model.firmwareModel,
    stratumURL: primary.host,
    stratumPort: primary.port,
    stratumUser: worker(rig),
    stratumSuggestedDifficulty: 1000,
    stratumExtranonceSubscribe: 0,
    fallbackStratumURL: fallback.host,
    fallbackStratumPort: fallback.port,
    fallbackStratumUser: worker(rig),
    fallbackStratumSuggestedDifficulty: 1000,
    fallbackStratumExtranonceSubscribe: 0,
    responseTime: 188.482,
    version: 'v2.12.2',
    axeOSVersion: 'v2.12.2',
    idfVersion: 'v5.5.1',
    boardVersion: '601',
    resetReason: 'Software reset via esp_restart',
    runningPartition: 'factory',
    overheat_mode: state.status === 'throttled' ? 1 : 0,
    overclockEnabled: 0,
    display: 'SSD1306 (128x32)',
    rotation: 0,
    invertscreen: 0,
    displayTimeout: -1,
    autofanspeed: 1,
    fanspeed: 48.4200668,
    manualFanSpeed: 100,
    minFanSpeed: 25,
    temptarget: 60,
    fanrpm: state.fansRpm[0] ?? 0,
    fan2rpm: state.fansRpm[1] ?? 0,
    statsFrequency: 0,
    blockFound: 0,
    blockHeight: 931409,
    scriptsig: '...._i.F.W...ckpool./solo.ckpool.org/',
    networkDifficulty: 146472570619930,
    hashrateMonitor: {
      asics: Array.from({ length: chips }, () => ({
        total: round(ghs / chips, 7),
        domains: [domain, domain, domain, domain],
        errorCount: Math.floor(state.hardwareErrors / chips),
      })),
    },
  };
}

/** GET /api/system/asic of a Bitaxe (fx:asic/bitaxe-gamma-axeos-api-system-asic.json). */
export function bitaxeAsic(rig: RigPlan): object {
  return {
    ASICModel: rig.model.firmwareModel,
    deviceModel: rig.model.model.replace(/^Bitaxe\s+/i, ''),
    swarmColor: 'purple',
    asicCount: rig.model.boards * rig.model.chipsPerBoard,
    defaultFrequency: 490,
    frequencyOptions: [400, 425, 450, 475, 485, 490, 500, 525, 550, 575],
    defaultVoltage: 1200,
    voltageOptions: [1100, 1150, 1200, 1250, 1300],
  };
}

/** GET /api/system/asic of a NerdQAxe++ (fx:asic/nerdqaxe-plusplus-nerdos-api-system-asic.json). */
export function nerdAsic(rig: RigPlan): object {
  return {
    ASICModel: 'BM1370',
    deviceModel: rig.model.firmwareModel,
    asicCount: rig.model.boards * rig.model.chipsPerBoard,
    defaultFrequency: 600,
    defaultVoltage: 1150,
    absMaxFrequency: 800,
    absMaxVoltage: 1400,
    ecoFrequency: 0,
    ecoVoltage: 0,
    swarmColor: '#e700d8',
    frequencyOptions: [500, 515, 525, 550, 575, 590, 600],
    voltageOptions: [1120, 1130, 1140, 1150, 1160, 1170, 1180, 1190, 1200],
  };
}
