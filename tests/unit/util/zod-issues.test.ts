import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { REASON_STATUS, reasonStatus } from '../../../app/api/reason-status';
import { REFUSAL_REASONS, refuse } from '../../../lib/util/refusal';
import { err, ok } from '../../../lib/util/result';
import { issueMessage, issueMessages, issuePath } from '../../../lib/util/zod-issues';

const schema = z.strictObject({
  price: z.number().min(0).max(10),
  count: z.number().int(),
  kind: z.enum(['a', 'b']),
  bands: z.array(z.strictObject({ days: z.array(z.string()).min(1) })),
});
const issues = (input: unknown) => {
  const r = schema.safeParse(input, { reportInput: true });
  if (r.success) throw new Error('expected a refusal');
  return r.error.issues;
};

describe('zod issues in the house wording', () => {
  it('names the field, the rule and the value given', () => {
    const messages = issueMessages(issues({ price: -1, count: 1.5, kind: 'c', bands: [{ days: [] }], extra: 1 }), { subject: 'the thing' });
    expect(messages).toEqual([
      'price must be >= 0 (got -1)',
      'count must be a whole number (got 1.5)',
      'kind must be one of a, b (got "c")',
      'bands[0].days must list at least 1 item',
      'unknown field "extra"',
    ]);
  });

  it('names a missing field as required and the whole input by its subject', () => {
    expect(issueMessages(issues({ price: 1, count: 1, kind: 'a' }), { subject: 'the thing' })).toEqual(['bands is required']);
    expect(issueMessages(issues('x'), { subject: 'the thing' })).toEqual(['the thing must be a object (got "x")']);
  });

  it("keeps a parser's own words where it has some", () => {
    const [first] = issues({ price: 11, count: 1, kind: 'a', bands: [] });
    expect(issueMessage(first, { subject: 's', custom: (i, where) => `${where}: ${i.code}` })).toBe('price: too_big');
    expect(issueMessage(first, { subject: 's', custom: () => undefined })).toBe('price must be <= 10 (got 11)');
  });

  it('lists at most the cap, the last line counting the rest', () => {
    const many = z.array(z.number()).safeParse(Array.from({ length: 50 }, () => 'x'));
    if (many.success) throw new Error('expected a refusal');
    const lines = issueMessages(many.error.issues, { subject: 'list' }, 5);
    expect(lines).toHaveLength(5);
    expect(lines[4]).toBe('... and 46 more');
  });

  it('writes paths with indexes', () => {
    expect(issuePath(['bands', 2, 'pricePerKwh'])).toBe('bands[2].pricePerKwh');
  });
});

describe('one Result, domain refusals and their HTTP statuses', () => {
  it('builds both sides', () => {
    expect(ok(3)).toEqual({ ok: true, value: 3 });
    expect(err(['bad'])).toEqual({ ok: false, error: ['bad'] });
    expect(refuse('conflict', 'taken')).toEqual({ ok: false, error: { reason: 'conflict', message: 'taken' } });
  });

  it('maps every reason to the status the API has always answered', () => {
    expect(REASON_STATUS).toEqual({ invalid: 400, 'not-found': 404, conflict: 409 });
    for (const reason of REFUSAL_REASONS) expect(reasonStatus(reason)).toBeGreaterThanOrEqual(400);
  });
});
