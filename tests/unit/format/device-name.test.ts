import { describe, expect, it } from 'vitest';
import { makeAndModel, vendorToShow } from '../../../lib/format/device-name';

describe('vendor beside the model', () => {
  it.each([
    ['Bitmain', 'Antminer S19 Pro', 'Bitmain', 'Bitmain Antminer S19 Pro'],
    ['Bitaxe', 'Bitaxe Gamma', null, 'Bitaxe Gamma'],
    ['NVIDIA', '6x NVIDIA GeForce RTX 4080 SUPER', null, '6x NVIDIA GeForce RTX 4080 SUPER'],
    ['NVIDIA', '8x RTX 3070', 'NVIDIA', 'NVIDIA 8x RTX 3070'],
    ['GPU', '6x GPU', null, '6x GPU'],
    ['GPU', 'GPU rig', null, 'GPU rig'],
    ['', 'Antminer S9', null, 'Antminer S9'],
    [null, 'Antminer S9', null, 'Antminer S9'],
  ])('%s + %s', (make, model, vendor, both) => {
    expect(vendorToShow(make, model)).toBe(vendor);
    expect(makeAndModel(make, model)).toBe(both);
  });
});
