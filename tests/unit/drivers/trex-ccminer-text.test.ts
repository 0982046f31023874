/**
 * parseTrexCcminerSummary over the capture of T-Rex's ccminer-compatible telnet API (port 4068) and its
 * text quirks: KEY=VALUE pairs split by ";", the record ended by "|", KHS in kH/s.
 */
import { describe, expect, it } from 'vitest';
import { gpuFixtureText } from '../../support/gpu-fixtures';
import { relApprox } from '../../support/gpu-miner-fixtures';
import { ccminerRecord, parseTrexCcminerSummary } from '../../../collectors/drivers/trex/ccminer-text';
import { DeviceError } from '../../../collectors/drivers/types';
import type { Reading } from '../../../lib/domain/reading';

const CAPTURE = 'trex-0.9.2-ccminer-api-summary.txt';

const EXPECTED: Reading = {
  driver: 'trex',
  make: 'GPU', // the summary names no GPU
  model: '1x GPU', // GPUS=1
  firmware: 'T-Rex 0.9.2',
  status: 'mining',
  hashrateThs: (5798.28 * 1000) / 1e12, // KHS=5798.28 kH/s
  expectedHashrateThs: null,
  powerW: null,
  powerSource: null,
  efficiencyJth: null,
  boards: [],
  tempMaxC: null,
  fansRpm: [],
  pools: [], // ACC=5;REJ=0 but no pool URL in the summary
  uptimeS: 45,
  hardwareErrors: null,
  algorithm: 'x16r',
};

function kindOf(run: () => unknown): string | null {
  try {
    run();
    return null;
  } catch (err) {
    expect(err).toBeInstanceOf(DeviceError);
    return (err as DeviceError).kind;
  }
}

describe('parseTrexCcminerSummary', () => {
  it('reads the capture', () => {
    expect(parseTrexCcminerSummary(gpuFixtureText(CAPTURE))).toEqual(relApprox(EXPECTED));
  });

  it('uses the registered model when given, and tolerates the trailing NUL of ccminer-style APIs', () => {
    const r = parseTrexCcminerSummary(`${gpuFixtureText(CAPTURE)}\0`, { modelHint: '1x GTX 1050 Ti' });
    expect(r.model).toBe('1x GTX 1050 Ti');
    expect(r.hashrateThs).toBeCloseTo(5.79828e-6, 15);
  });

  it('splits the record on ";" and "=" and stops at "|"', () => {
    expect(ccminerRecord('NAME=t-rex;VER=0.9.2;KHS=1.5|NAME=other|')).toEqual({ NAME: 't-rex', VER: '0.9.2', KHS: '1.5' });
  });

  it('a record without its "|" is truncated; text that is not KEY=VALUE is garbage; no KHS is unexpected', () => {
    expect(kindOf(() => parseTrexCcminerSummary('NAME=t-rex;VER=0.9.2;KHS=579'))).toBe('truncated');
    expect(kindOf(() => parseTrexCcminerSummary('{"STATUS":[]}'))).toBe('garbage');
    expect(kindOf(() => parseTrexCcminerSummary(''))).toBe('garbage');
    expect(kindOf(() => parseTrexCcminerSummary('NAME=t-rex;VER=0.9.2|'))).toBe('unexpected');
  });

  it('names another ccminer-API miner by its NAME', () => {
    expect(parseTrexCcminerSummary('NAME=ccminer;VER=2.3;KHS=10;UPTIME=5|').firmware).toBe('ccminer 2.3');
  });
});
