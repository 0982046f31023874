/**
 * Fuzz (issue 12) of the lenient cgminer JSON reader every cgminer-family driver and the Whatsminer v3
 * frames go through: any text, and every real cgminer capture mutated and damaged, gives a plain object
 * body or a DeviceError ('garbage', 'truncated', 'api-error'), never anything else.
 * HASHWATT_FUZZ_RUNS sets the runs per property (1,000 by default).
 */
import { readdirSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCgminerReply, type CgminerReply } from '../../../collectors/drivers/cgminer-tcp/lenient-json';
import { DeviceError } from '../../../collectors/drivers/types';
import { fixtureText } from '../../support/driver-fixtures';
import { captureValue } from '../../support/fuzz/decoding';
import { damage, fuzzRuns, mutate, mutationArb, render, textDamageArb } from '../../support/fuzz/mutate';

const RUNS = fuzzRuns();
/** A long pass (HASHWATT_FUZZ_RUNS=100000) needs far more than the suite's 20 s per test. */
const TIMEOUT_MS = Math.max(20_000, RUNS * 40);

/** Every cgminer-protocol capture (the HTTP and v3-doc ones are not cgminer replies). */
const CAPTURES = readdirSync(new URL('../../fixtures/asic/', import.meta.url))
  .filter((n) => n.endsWith('.json') && !/http|axeos|apiv3|nerdqaxe|bitaxe|dragonmint|innosilicon|enc-reply|get_token/.test(n))
  .map((name) => ({ name, text: fixtureText(name), value: valueOrNull(fixtureText(name)) }));

/** The capture as a value to mutate; null for the ones cut short on purpose (only their bytes are damaged). */
function valueOrNull(text: string): unknown {
  try {
    return captureValue('cgminer', text);
  } catch {
    return null;
  }
}

/** The reader's outcome: its reply (checked) or the DeviceError kind. Anything else thrown escapes. */
function outcome(text: string): string {
  let reply: CgminerReply;
  try {
    reply = parseCgminerReply(text, 'summary', '10.0.0.5:4028');
  } catch (err) {
    if (err instanceof DeviceError && err.message.length > 0) return err.kind;
    throw err;
  }
  expect(reply.body !== null && typeof reply.body === 'object' && !Array.isArray(reply.body)).toBe(true);
  expect(reply.repairs.every((r) => typeof r === 'string')).toBe(true);
  return 'reply';
}

describe('lenient JSON reader fuzz', { timeout: TIMEOUT_MS }, () => {
  it('has cgminer captures to start from', () => {
    expect(CAPTURES.length).toBeGreaterThan(30);
  });

  it('any text gives an object or a DeviceError', () => {
    const text = fc.oneof(
      fc.string({ unit: 'binary-ascii', maxLength: 300 }),
      fc.string({ unit: 'binary', maxLength: 300 }),
      fc.json({ maxDepth: 4 }),
      fc.json({ maxDepth: 4 }).map((j) => `,${j.slice(1)}`),
      fc.json({ maxDepth: 4 }).map((j) => j.replace(/,/g, '').replace(/}/g, '},')),
    );
    fc.assert(
      fc.property(text, (t) => {
        outcome(t);
      }),
      { numRuns: RUNS },
    );
  });

  it('mutated and damaged real captures give an object or a DeviceError', () => {
    const seen = new Set<string>();
    fc.assert(
      fc.property(
        fc.nat(),
        fc.array(mutationArb, { minLength: 1, maxLength: 4 }),
        textDamageArb,
        fc.boolean(),
        (which, mutations, dmg, raw) => {
          const capture = CAPTURES[which % CAPTURES.length];
          // Either the mutated value re-rendered, or the capture's own bytes (its quirks kept) damaged.
          const text = raw || capture.value === null ? capture.text : render(mutate(capture.value, mutations));
          seen.add(outcome(damage(text, dmg)));
        },
      ),
      { numRuns: RUNS },
    );
    if (RUNS >= 500) expect([...seen].sort()).toEqual(expect.arrayContaining(['garbage', 'reply', 'truncated']));
  });
});
