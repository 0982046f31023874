/**
 * NerdQAxe++ (NerdOS) GET /api/system/info rendered from a MinerState. Key order and types follow
 * fx:asic/nerdqaxe-plusplus-nerdos-1.1.0b1-api-system-info.json: power an integer, voltage in mV of the
 * 12 V input, pools in stratum.pools[], fans in fans[], hostip instead of ipv4, asicTemps[] all 0 as the
 * capture shows (the firmware does not read per-chip sensors there; `temp` is the chip figure).
 */
import { round } from './cgminer-envelope';
import { GHS_PER_THS, SMALL_CORES, mac, stratum, worker } from './axeos-replies';
import type { RigPlan } from './fleet-plan';
import type { MinerState } from './miner-state';

function fan(label: string, rpm: number, i: number): object {
  return {
    label,
    mode: i === 0 ? 2 : 0,
    manualSpeed: i === 0 ? 100 : 40,
    overheatTemp: i === 0 ? 70 : 80,
    rpm,
    speedPerc: Math.round((rpm / 3300) * 100),
    pid: { targetTemp: i === 0 ? 60 : 65, p: 6, i: 0.1, d: 10 },
  };
}

/** GET /api/system/info of a NerdQAxe++ on NerdOS v1.1.0-beta1. */
export function nerdInfo(rig: RigPlan, state: MinerState): object {
  const primary = stratum(rig.site.poolUrls[0]);
  const fallback = stratum(rig.site.poolUrls[1] ?? rig.site.poolUrls[0]);
  const chips = rig.model.boards * rig.model.chipsPerBoard;
  const watts = Math.round(state.powerW);
  const currentA = round(state.powerW / 12.25, 4);
  const rpms = state.fansRpm;
  return {
    asicCount: chips,
    smallCoreCount: SMALL_CORES,
    deviceModel: rig.model.firmwareModel,
    hostip: rig.address,
    macAddr: mac(rig),
    wifiRSSI: -63,
    power: watts,
    maxPower: 100,
    minPower: 52,
    maxVoltage: 13,
    minVoltage: 11,
    current: round(currentA * 1000, 1),
    currentA,
    minCurrentA: 0,
    maxCurrentA: 8,
    temp: state.tempMaxC,
    vrTemp: round(state.tempMaxC - 4, 4),
    vrTempInt: round(state.tempMaxC - 1, 2),
    hashRateTimestamp: state.elapsedS * 1000,
    hashRate: round(state.hashrateThs * GHS_PER_THS, 3),
    hashRate_1m: round(state.hashrate1mThs * GHS_PER_THS, 3),
    hashRate_10m: round(state.hashrate15mThs * GHS_PER_THS, 3),
    hashRate_1h: round(state.hashrate30mThs * GHS_PER_THS, 3),
    hashRate_1d: round(state.hashrateAvgThs * GHS_PER_THS, 3),
    coreVoltage: 1150,
    defaultCoreVoltage: 1150,
    coreVoltageActual: 1150,
    fanspeed: 54,
    manualFanSpeed: 100,
    fanrpm: rpms[0] ?? 0,
    fanrpm2: rpms[1] ?? 0,
    fanspeed2: 40,
    fanCount: rpms.length,
    lastpingrtt: 1.285714286,
    recentpingloss: 0,
    shutdown: false,
    duplicateHWNonces: 0,
    stratum: {
      poolMode: 0,
      activePoolMode: 0,
      poolBalance: 50,
      totalBestDiff: state.bestShare,
      usingFallback: false,
      pools: [
        {
          connected: true,
          verifyBlocked: '',
          poolDifficulty: 16384,
          networkDifficulty: 124932866000000,
          poolDiffErr: false,
          accepted: state.accepted,
          rejected: state.rejected,
          pingRtt: 1.285714286,
          pingLoss: 0,
          bestDiff: Math.floor(state.bestShare / 24),
          activeProtocol: 0,
          encrypted: false,
        },
      ],
    },
    poolDifficulty: 16384,
    networkDifficulty: 124932866000000,
    foundBlocks: 0,
    totalFoundBlocks: 0,
    sharesAccepted: state.accepted,
    sharesRejected: state.rejected,
    bestDiff: state.bestShare,
    bestSessionDiff: Math.floor(state.bestShare / 24),
    asicTemps: Array.from({ length: chips }, () => 0),
    pidTargetTemp: 60,
    pidP: 6,
    pidI: 0.1,
    pidD: 10,
    fans: rpms.map((rpm, i) => fan(`M${rpms.length - i}`, rpm, i)),
    hostname: rig.name,
    ssid: 'HashwattDemo',
    stratumURL: primary.host,
    stratumPort: primary.port,
    stratumUser: worker(rig),
    stratumEnonceSubscribe: true,
    stratumTLS: false,
    fallbackStratumURL: fallback.host,
    fallbackStratumPort: fallback.port,
    fallbackStratumUser: worker(rig),
    fallbackStratumEnonceSubscribe: true,
    fallbackStratumTLS: false,
    stratumProtocol: 0,
    fallbackStratumProtocol: 0,
    sv2AuthorityPubkey: '',
    fallbackSv2AuthorityPubkey: '',
    sv2ChannelType: 0,
    fallbackSv2ChannelType: 0,
    voltage: 12250,
    frequency: rig.model.freqMhz,
    defaultFrequency: 600,
    jobInterval: 500,
    stratumDifficulty: 1000,
    overheat_temp: 70,
    flipscreen: 0,
    invertscreen: 0,
    autoscreenoff: 1,
    invertfanpolarity: 0,
    autofanspeed: 2,
    stratum_keep: 1,
    vrFrequency: 25011,
    defaultVrFrequency: 25011,
    otp: false,
    ASICModel: 'BM1370',
    uptimeSeconds: state.elapsedS,
    lastResetReason: 'SYSTEM.RESET_SOFTWARE',
    wifiStatus: 'WiFi Connected!',
    freeHeap: 6890556,
    freeHeapInt: 148248,
    version: 'v1.1.0-beta1',
    runningPartition: 'ota_0',
    defaultTheme: 'cosmic',
  };
}
