/**
 * The plausibility check as the collector and `hashwatt probe` apply it right after a driver's parse:
 * a plausible reading comes back (optional fields cleaned, warnings carried), an impossible one becomes
 * the device's error, so nothing of it is stored or summed.
 */
import { checkPlausibility } from '../../lib/domain/plausibility';
import type { Reading } from '../../lib/domain/reading';
import { DeviceError } from './types';

/**
 * The reading ready to store, or DeviceError 'implausible' naming the field and value
 * ("hashrateThs = -5 (must be >= 0)"). `modelHint` is the rig's registered model.
 */
export function checkedReading(reading: Reading, modelHint?: string | null): Reading {
  const verdict = checkPlausibility(reading, modelHint);
  if (!verdict.ok) throw new DeviceError('implausible', verdict.error.message);
  return verdict.value;
}

/**
 * A detection's outcome (probe, scan) with the same verdict the collector gives: an implausible reading
 * becomes the outcome's error, so a device is never shown at a value the collector would refuse.
 */
export function checkedOutcome<T extends { reading: Reading | null; error: DeviceError | null }>(outcome: T, modelHint?: string | null): T {
  if (!outcome.reading) return outcome;
  try {
    return { ...outcome, reading: checkedReading(outcome.reading, modelHint) };
  } catch (err) {
    return { ...outcome, reading: null, error: err as DeviceError };
  }
}
