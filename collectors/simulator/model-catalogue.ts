/**
 * The simulator's hardware catalogue: every model it can play (ASICs by their nameplate in
 * lib/domain/nameplates.json, GPU rigs by a typical rate and power), the protocol family each speaks, and
 * the resolved SIM_MODELS fleet-plan.ts draws the demo fleet from. Pure.
 */
import { findNameplate } from '../../lib/domain/nameplate';

/**
 * Protocol family a simulated device speaks (collectors/simulator/families/ renders each one's replies;
 * the name is also the key of that registry).
 */
export type SimFamily =
  | 'antminer'
  | 'antminer-web'
  | 'whatsminer'
  | 'whatsminer-v3'
  | 'avalon'
  | 'braiins'
  | 'luxos'
  | 'vnish'
  | 'axeos'
  | 'gpu-agent'
  | 'trex'
  | 'lolminer'
  | 'gminer'
  | 'nbminer'
  | 'teamredminer'
  | 'srbminer'
  | 'phoenixminer';

/** One simulated hardware model. */
export interface SimModel {
  /** Catalogue key, e.g. "avalon-a1566". */
  id: string;
  /** Name as in lib/domain/nameplates.json (ASICs), so findNameplate() resolves it. */
  model: string;
  family: SimFamily;
  /** What it hashes: "sha256" for Bitcoin ASICs, the coin algorithm for GPU rigs. */
  algorithm: string;
  nameplateHashrateThs: number;
  nameplatePowerW: number;
  /** Name the firmware itself uses: VERSION Type on Antminer, DEVDETAILS Model on Whatsminer, GPU name. */
  firmwareModel: string;
  /** Hash boards, ASIC chips on a Bitaxe (1) / NerdQAxe (4), or GPUs on a GPU rig. */
  boards: number;
  /** ASIC chips per board; 0 on GPU rigs. */
  chipsPerBoard: number;
  freqMhz: number;
  fans: number;
}

type ModelShape = Omit<SimModel, 'nameplateHashrateThs' | 'nameplatePowerW' | 'algorithm' | 'fans'> & {
  algorithm?: string;
  fans?: number;
  /** GPU rigs are not in the SHA-256 nameplate table: their rate (in TH/s of their algorithm) and power. */
  nameplate?: { hashrateThs: number; powerW: number };
};

// Chip counts: S19 Pro from the real capture (chain_acn 114); S21 108, M50S_VH50 135 and M60S_VK30 245 as
// listed by pyasic's model tables. Frequencies are typical stock values. GPU rigs: per-GPU rates typical of
// their algorithm (RTX 3070 ethash-class ~60 MH/s at ~130 W, RTX 4080 kawpow ~50 MH/s at ~250 W).
const CATALOGUE: readonly ModelShape[] = [
  {
    id: 'antminer-s19pro',
    model: 'Antminer S19 Pro',
    family: 'antminer',
    firmwareModel: 'Antminer S19 Pro',
    boards: 3,
    chipsPerBoard: 114,
    freqMhz: 525,
  },
  {
    id: 'whatsminer-m50s',
    model: 'Whatsminer M50S',
    family: 'whatsminer',
    firmwareModel: 'M50S_VH50',
    boards: 3,
    chipsPerBoard: 135,
    freqMhz: 600,
  },
  {
    id: 'antminer-s21',
    model: 'Antminer S21',
    family: 'antminer',
    firmwareModel: 'Antminer S21',
    boards: 3,
    chipsPerBoard: 108,
    freqMhz: 490,
  },
  {
    id: 'whatsminer-m60s',
    model: 'Whatsminer M60S',
    family: 'whatsminer',
    firmwareModel: 'M60S_VK30',
    boards: 3,
    chipsPerBoard: 245,
    freqMhz: 580,
  },
  {
    id: 'avalon-a1566',
    model: 'Avalon A1566',
    family: 'avalon',
    firmwareModel: 'AvalonMiner 1566-185',
    boards: 3,
    chipsPerBoard: 160,
    freqMhz: 500,
  },
  {
    id: 'braiins-s19jpro',
    model: 'Antminer S19j Pro',
    family: 'braiins',
    firmwareModel: 'Bitmain Antminer S19j Pro',
    boards: 3,
    chipsPerBoard: 126,
    freqMhz: 545,
  },
  {
    id: 'luxos-s19xp',
    model: 'Antminer S19 XP',
    family: 'luxos',
    firmwareModel: 'Antminer S19 XP',
    boards: 3,
    chipsPerBoard: 110,
    freqMhz: 520,
  },
  { id: 'vnish-s19', model: 'Antminer S19', family: 'vnish', firmwareModel: 'Antminer S19', boards: 3, chipsPerBoard: 76, freqMhz: 650 },
  {
    id: 'whatsminer-v3-m60s',
    model: 'Whatsminer M60S',
    family: 'whatsminer-v3',
    firmwareModel: 'M60S_VK30',
    boards: 3,
    chipsPerBoard: 245,
    freqMhz: 580,
  },
  {
    id: 'antminer-web-s21',
    model: 'Antminer S21',
    family: 'antminer-web',
    firmwareModel: 'Antminer S21',
    boards: 3,
    chipsPerBoard: 108,
    freqMhz: 490,
  },
  {
    id: 'bitaxe-gamma',
    model: 'Bitaxe Gamma',
    family: 'axeos',
    firmwareModel: 'BM1370',
    boards: 1,
    chipsPerBoard: 1,
    freqMhz: 525,
    fans: 1,
  },
  {
    id: 'nerdqaxe-plusplus',
    model: 'NerdQAxe++',
    family: 'axeos',
    firmwareModel: 'NerdQAxe++',
    boards: 1,
    chipsPerBoard: 4,
    freqMhz: 490,
    fans: 1,
  },
  {
    id: 'gpu-agent-rtx4080s',
    model: '6x RTX 4080 SUPER',
    family: 'gpu-agent',
    algorithm: 'kawpow',
    firmwareModel: 'NVIDIA GeForce RTX 4080 SUPER',
    boards: 6,
    chipsPerBoard: 0,
    freqMhz: 2505,
    fans: 6,
    nameplate: { hashrateThs: 6 * 50e-6, powerW: 6 * 250 },
  },
  {
    id: 'trex-rtx3070',
    model: '8x RTX 3070',
    family: 'trex',
    algorithm: 'ethash',
    firmwareModel: 'RTX 3070',
    boards: 8,
    chipsPerBoard: 0,
    freqMhz: 1500,
    fans: 8,
    nameplate: { hashrateThs: 8 * 60e-6, powerW: 8 * 130 },
  },
  {
    id: 'lolminer-rtx3080',
    model: '6x RTX 3080',
    family: 'lolminer',
    algorithm: 'etchash',
    firmwareModel: 'GeForce RTX 3080',
    boards: 6,
    chipsPerBoard: 0,
    freqMhz: 1440,
    fans: 6,
    nameplate: { hashrateThs: 6 * 98e-6, powerW: 6 * 220 },
  },
  {
    id: 'gminer-rtx3060ti',
    model: '8x RTX 3060 Ti',
    family: 'gminer',
    algorithm: 'kawpow',
    firmwareModel: 'NVIDIA GeForce RTX 3060 Ti',
    boards: 8,
    chipsPerBoard: 0,
    freqMhz: 1410,
    fans: 8,
    nameplate: { hashrateThs: 8 * 26e-6, powerW: 8 * 130 },
  },
  {
    id: 'nbminer-rtx3090',
    model: '4x RTX 3090',
    family: 'nbminer',
    algorithm: 'ethash',
    firmwareModel: 'GeForce RTX 3090',
    boards: 4,
    chipsPerBoard: 0,
    freqMhz: 1395,
    fans: 4,
    nameplate: { hashrateThs: 4 * 120e-6, powerW: 4 * 290 },
  },
  {
    id: 'teamredminer-rx6800',
    model: '6x RX 6800',
    family: 'teamredminer',
    algorithm: 'ethash',
    firmwareModel: 'Radeon RX 6800',
    boards: 6,
    chipsPerBoard: 0,
    freqMhz: 1300,
    fans: 6,
    nameplate: { hashrateThs: 6 * 62e-6, powerW: 6 * 150 },
  },
  {
    id: 'srbminer-rx6700',
    model: '6x RX 6700 XT',
    family: 'srbminer',
    algorithm: 'ethash',
    firmwareModel: 'Radeon RX 6700 XT',
    boards: 6,
    chipsPerBoard: 0,
    freqMhz: 1200,
    fans: 6,
    nameplate: { hashrateThs: 6 * 47e-6, powerW: 6 * 120 },
  },
  {
    id: 'phoenixminer-rx580',
    model: '6x RX 580',
    family: 'phoenixminer',
    algorithm: 'ethash',
    firmwareModel: 'Radeon RX 580',
    boards: 6,
    chipsPerBoard: 0,
    freqMhz: 1150,
    fans: 6,
    nameplate: { hashrateThs: 6 * 31e-6, powerW: 6 * 135 },
  },
];

/** Every simulated model by catalogue id. */
export const SIM_MODELS: Readonly<Record<string, SimModel>> = Object.fromEntries(CATALOGUE.map((shape) => [shape.id, resolveModel(shape)]));

function resolveModel(shape: ModelShape): SimModel {
  const plate = shape.nameplate ?? findNameplate(shape.model);
  if (!plate) throw new Error(`simulator: no nameplate for ${shape.model} in lib/domain/nameplates.json`);
  const { nameplate: _n, ...rest } = shape;
  return {
    ...rest,
    algorithm: shape.algorithm ?? 'sha256',
    fans: shape.fans ?? (shape.family === 'whatsminer' || shape.family === 'whatsminer-v3' ? 2 : 4),
    nameplateHashrateThs: plate.hashrateThs,
    nameplatePowerW: plate.powerW,
  };
}
