/** The scan's progress line, port list flag and which ports are spoken to over HTTP. */
import { describe, expect, it } from 'vitest';
import { specFor } from '../../../collectors/detect/scan';
import { attemptsFor } from '../../../collectors/detect/detect';
import { ALL_DRIVERS } from '../../../collectors/drivers';
import { parsePorts } from '../../../bin/cli/commands/scan';
import { progressLine } from '../../../bin/cli/progress';

describe('scan helpers', () => {
  it('draws the progress line with counts, found devices and an estimate', () => {
    expect(progressLine(0, 65536, 0, 0, 10)).toBe('[..........] 0/65,536 addresses, 0 found, 0s');
    expect(progressLine(16384, 65536, 3, 30_000, 10)).toBe('[###.......] 16,384/65,536 addresses, 3 found, 30s eta 1m30s');
    expect(progressLine(65536, 65536, 12, 125_000, 10)).toBe('[##########] 65,536/65,536 addresses, 12 found, 2m05s');
  });

  it('reads --ports, dropping repeats, and names a bad entry', () => {
    expect(parsePorts(undefined)).toEqual([4028, 4433, 80]);
    expect(parsePorts('4028, 80,4028')).toEqual([4028, 80]);
    expect(() => parsePorts('4028,http')).toThrow(/--ports: "http" is not a port from 1 to 65535/);
    expect(() => parsePorts('0')).toThrow(/"0" is not a port/);
  });

  it('speaks HTTP to web ports and TCP to the cgminer API', () => {
    expect(specFor('10.0.0.5', 80, ALL_DRIVERS).protocol).toBe('http');
    expect(specFor('10.0.0.5', 8080, ALL_DRIVERS).protocol).toBe('http');
    expect(specFor('10.0.0.5', 4028, ALL_DRIVERS).protocol).toBe('tcp');
  });

  it('tries the cgminer API, then Whatsminer API v3, then the web UI when no port is given', () => {
    expect(attemptsFor({ protocol: 'tcp', host: 'h', port: null }).map((a) => `${a.protocol}:${a.port}`)).toEqual([
      'cgminer:4028',
      'btminer-v3:4433',
      'http:80',
    ]);
    expect(attemptsFor({ protocol: 'tcp', host: 'h', port: 4433 })[0]).toEqual({ protocol: 'btminer-v3', port: 4433 });
    expect(attemptsFor({ protocol: 'http', host: 'h', port: 8080 })).toEqual([{ protocol: 'http', port: 8080 }]);
  });
});
