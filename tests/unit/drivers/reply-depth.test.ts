import { describe, expect, it } from 'vitest';
import { parseJsonReply } from '../../../collectors/drivers/http/client';
import { parseJsonRpcReply } from '../../../collectors/drivers/jsonrpc-tcp/client';
import { nestsDeeperThan } from '../../../collectors/drivers/reply-depth';
import { DeviceError } from '../../../collectors/drivers/types';

const deep = (levels: number) => '['.repeat(levels) + ']'.repeat(levels);

function caught(fn: () => unknown): DeviceError {
  try {
    fn();
  } catch (err) {
    if (err instanceof DeviceError) return err;
    throw err;
  }
  throw new Error('expected a DeviceError');
}

describe('every device transport refuses a reply nested past 64 levels', () => {
  it('JSON-RPC: a 100,000-deep "error" member is garbage naming the limit, not a stack overflow', () => {
    const raw = `{"id":0,"error":${deep(100_000)}}`;
    const err = caught(() => parseJsonRpcReply(raw, 'miner_getstat1', '10.0.0.9:3333'));
    expect(err.kind).toBe('garbage');
    expect(err.message).toBe('reply to "miner_getstat1" from 10.0.0.9:3333 nests deeper than 64 levels (the limit for a device reply)');
  });

  it('JSON-RPC: an error object with a huge message is quoted short', () => {
    const raw = JSON.stringify({ id: 0, error: { code: 1, message: 'x'.repeat(10_000) } });
    const err = caught(() => parseJsonRpcReply(raw, 'miner_getstat1'));
    expect(err.kind).toBe('api-error');
    expect(err.message.length).toBeLessThan(300);
  });

  it('HTTP: a 2xx body nested 100,000 deep is garbage naming the limit', () => {
    const err = caught(() =>
      parseJsonReply({ status: 200, headers: {}, text: deep(100_000) }, 'GET /api/system/info', 'http://10.0.0.7:80/api/system/info'),
    );
    expect(err.kind).toBe('garbage');
    expect(err.message).toBe(
      "http://10.0.0.7:80/api/system/info's answer to GET /api/system/info nests deeper than 64 levels (the limit for a device reply)",
    );
  });

  it('HTTP: a body exactly 64 deep still parses', () => {
    expect(parseJsonReply({ status: 200, headers: {}, text: deep(64) }, 'GET /x', 'http://h/x')).toBeInstanceOf(Array);
  });
});

describe('nestsDeeperThan: the bracket count shortcut never hides a deep reply', () => {
  it.each([
    ['64 levels of arrays', deep(64), false],
    ['65 levels of arrays', deep(65), true],
    ['65 levels mixing objects and arrays', '{"a":'.repeat(33) + deep(32) + '}'.repeat(33), true],
    ['200 brackets in a string, one level deep', `{"s":"${'['.repeat(200)}"}`, false],
    ['100 shallow siblings (more brackets than the limit, depth 2)', `[${Array(100).fill('{}').join(',')}]`, false],
    ['a deep reply after 100 shallow siblings', `[${Array(100).fill('{}').join(',')},${deep(64)}]`, true],
  ])('%s', (_label, text, expected) => {
    expect(nestsDeeperThan(text, 64)).toBe(expected);
  });
});
