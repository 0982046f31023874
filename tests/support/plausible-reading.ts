import type { Reading } from '../../lib/domain/reading';

/** A complete reading every plausibility bound accepts (an S19-class rig), for tests of what runs around a poll. */
export function plausibleReading(overrides: Partial<Reading> = {}): Reading {
  return {
    driver: 'fake',
    make: 'Fake',
    model: 'Fake 1',
    firmware: '1.0',
    status: 'mining',
    hashrateThs: 100,
    expectedHashrateThs: null,
    powerW: 3000,
    powerSource: 'firmware',
    efficiencyJth: 30,
    boards: [],
    tempMaxC: 70,
    fansRpm: [],
    pools: [],
    uptimeS: 3600,
    hardwareErrors: 0,
    ...overrides,
  };
}
