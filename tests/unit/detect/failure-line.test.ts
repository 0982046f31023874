/**
 * How a probe without a reading is told: unrecognised replies point at the raw replies, a failed transport
 * says what the device did; and how many requests detection may send (its deadline in request timeouts).
 */
import { describe, expect, it } from 'vitest';
import { detectionRequestCount, type Detection } from '../../../collectors/detect/detect';
import { isTransportFailure, probeFailureLine } from '../../../collectors/detect/failure-line';
import { ALL_DRIVERS } from '../../../collectors/drivers';
import { DeviceError, type Driver } from '../../../collectors/drivers/types';
import { scanTable } from '../../../bin/cli/commands/scan';

const detection = (status: Detection['status']): Detection => ({
  status,
  address: '10.0.0.5',
  port: 4028,
  protocol: status === 'unreachable' ? null : 'cgminer',
  identity: null,
  driver: null,
  raw: [],
  error: null,
});

describe('probeFailureLine', () => {
  it('an answer no driver knows is unrecognised, with the error when there is one', () => {
    expect(probeFailureLine('10.0.0.5:4028', { detection: detection('unrecognised'), error: null })).toEqual({
      line: '10.0.0.5:4028 answers over cgminer but no driver recognises it',
      unrecognised: true,
    });
    const garbage = new DeviceError('garbage', 'reply to "version" from 10.0.0.5:4028 is not JSON: "x"');
    expect(probeFailureLine('10.0.0.5:4028', { detection: detection('unrecognised'), error: garbage })).toEqual({
      line: '10.0.0.5:4028 answers over cgminer but no driver recognises it (garbage: reply to "version" from 10.0.0.5:4028 is not JSON: "x")',
      unrecognised: true,
    });
  });

  it.each(['reset', 'closed', 'too-large', 'timeout', 'truncated'] as const)(
    'a %s transport says what happened, not "unrecognised"',
    (kind) => {
      const error = new DeviceError(kind, 'what the device did');
      expect(isTransportFailure(error)).toBe(true);
      expect(probeFailureLine('10.0.0.5:4028', { detection: detection('unrecognised'), error })).toEqual({
        line: `10.0.0.5:4028: ${kind}: what the device did`,
        unrecognised: false,
      });
    },
  );

  it('nothing answering is the error itself', () => {
    const error = new DeviceError('refused', 'nothing answers on 10.0.0.5 port 4028 (connection refused)');
    expect(probeFailureLine('10.0.0.5:4028', { detection: detection('unreachable'), error }).line).toBe(
      '10.0.0.5:4028: refused: nothing answers on 10.0.0.5 port 4028 (connection refused)',
    );
  });
});

describe('scan table state of a device that answered', () => {
  it('names the transport failure instead of calling it unrecognised', () => {
    const hit = {
      address: '10.0.0.5',
      port: 4028,
      protocol: 'cgminer',
      status: 'unrecognised' as const,
      driver: null,
      identity: null,
      reading: null,
      raw: [],
    };
    const table = scanTable({
      hits: [
        { ...hit, error: new DeviceError('reset', 'connection reset by 10.0.0.5:4028 after 312 bytes of the reply to "version"') },
        { ...hit, address: '10.0.0.6', error: new DeviceError('garbage', 'not JSON') },
      ],
      addresses: 2,
      openPorts: 2,
      durationMs: 10,
    });
    expect(table).toMatch(/^10\.0\.0\.5:4028 .* no usable reply: reset$/m);
    expect(table).toMatch(/^10\.0\.0\.6:4028 .* unrecognised$/m);
  });
});

describe('detectionRequestCount', () => {
  it('counts each attempt: cgminer 5 (4 commands and btminer get_version), API v3 1, JSON-RPC 1', () => {
    expect(detectionRequestCount({ protocol: 'tcp', host: 'h', port: 4433 }, ALL_DRIVERS)).toBe(7);
  });

  it('an HTTP device: one GET per distinct probe path', () => {
    const http = (name: string, probePath: string): Driver =>
      ({
        name,
        label: name,
        protocol: 'http',
        defaultPort: 80,
        maxRequestsPerPoll: 1,
        probePath,
        poll: async () => {
          throw new Error('unused');
        },
      }) as Driver;
    const drivers = [http('a', '/x'), http('b', '/y'), http('c', '/x')];
    expect(detectionRequestCount({ protocol: 'http', host: 'h', port: 80 }, drivers)).toBe(2);
  });
});
