/**
 * The small pieces that keep the cost of bad input bounded: echoing a value into a message, measuring
 * JSON nesting without recursion, and capping message lists.
 */
import { describe, expect, it } from 'vitest';
import { describeValue } from '../../../lib/util/describe-value';
import { jsonNestsDeeperThan } from '../../../lib/util/json-depth';
import { capMessages, MessageList } from '../../../lib/util/message-list';

describe('describeValue', () => {
  it.each([
    [0.05, '0.05'],
    ['0.05', '"0.05"'],
    [null, 'null'],
    [undefined, 'undefined'],
    [true, 'true'],
    [{ a: 1, b: [1, 'x'] }, '{"a":1,"b":[1,"x"]}'],
    [[], '[]'],
  ])('writes %j as JSON does', (value, expected) => {
    expect(describeValue(value)).toBe(expected);
  });

  it('cuts long text and wide lists at the limit', () => {
    expect(describeValue('x'.repeat(10_000), 10)).toBe(`"${'x'.repeat(9)}...`);
    expect(
      describeValue(
        Array.from({ length: 1_000_000 }, (_, i) => i),
        20,
      ),
    ).toBe('[0,1,2,3,4,5,6,7,8,9...');
  });

  it('describes values nested 100,000 deep, where JSON.stringify overflows the stack', () => {
    const deep = JSON.parse(`${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}`) as unknown;
    expect(() => JSON.stringify(deep)).toThrow(RangeError);
    expect(describeValue(deep)).toBe('{"a":{"a":{"a":{...}}}}');
  });
});

describe('jsonNestsDeeperThan', () => {
  it('counts lists and objects, not brackets inside strings', () => {
    expect(jsonNestsDeeperThan('[[[1]]]', 3)).toBe(false);
    expect(jsonNestsDeeperThan('[[[[1]]]]', 3)).toBe(true);
    expect(jsonNestsDeeperThan('{"a":"[[[[[[","b":[{"c":"\\"[[[["}]}', 3)).toBe(false);
    expect(jsonNestsDeeperThan(`${'['.repeat(100_000)}${']'.repeat(100_000)}`, 64)).toBe(true);
  });
});

describe('MessageList', () => {
  it('keeps at most max lines, the last one counting what did not fit', () => {
    const list = new MessageList(3);
    let built = 0;
    for (let i = 0; i < 100_000; i++) list.add(() => `problem ${++built}`);
    expect(list.lines()).toEqual(['problem 1', 'problem 2', '... and 99998 more']);
    expect(built).toBe(3); // the rest were counted, never built
    const few = new MessageList(3);
    few.add('a');
    few.add('b');
    few.add('c');
    expect(few.lines()).toEqual(['a', 'b', 'c']);
  });
});

describe('capMessages', () => {
  it('cuts a built list the same way', () => {
    expect(capMessages(['a', 'b'])).toEqual(['a', 'b']);
    const many = capMessages(Array.from({ length: 4096 }, (_, i) => `rigs[${i}].address is not an address`));
    expect(many).toHaveLength(20);
    expect(many[18]).toBe('rigs[18].address is not an address');
    expect(many[19]).toBe('... and 4077 more');
  });
});
