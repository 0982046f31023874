/**
 * CSV as RFC 4180 has it: quoted fields with commas, doubled quotes and line breaks read back as written,
 * a record's line is where it starts, a malformed file names the line and field, and a cell that would run
 * as a spreadsheet formula is written with an apostrophe that reading takes off again.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvCell, parseCsv, toCsv } from '../../../lib/util/csv';

const LIMITS = { maxRecords: 1000, maxFieldChars: 200 };
const read = (text: string) => {
  const r = parseCsv(text, LIMITS);
  if (!r.ok) throw new Error(r.error);
  return r.value;
};

describe('parseCsv', () => {
  it('reads quoted commas, doubled quotes and line breaks inside a field', () => {
    expect(read('a,b,c\r\n"x, y","say ""hi""","two\r\nlines"\r\nlast,,\r\n')).toEqual([
      { line: 1, fields: ['a', 'b', 'c'] },
      { line: 2, fields: ['x, y', 'say "hi"', 'two\r\nlines'] },
      { line: 4, fields: ['last', '', ''] },
    ]);
  });

  it('takes LF line ends, no final line end, a byte order mark, and skips blank lines', () => {
    expect(read('\uFEFFa,b\n\n1,2\n\n3,4')).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 3, fields: ['1', '2'] },
      { line: 5, fields: ['3', '4'] },
    ]);
  });

  it.each([
    ['a,b\n1,"open', 'line 2, field 2: a quoted field is not closed'],
    ['a,b\n1,"x"y', 'line 2, field 2: text after the closing quote'],
    ['a,b\n1,x"y', 'line 2, field 2: a quote inside an unquoted field'],
    // The line the stray text is on, not the one the field opened on.
    ['a\n"one\ntwo" x', 'line 3, field 1: text after the closing quote'],
  ])('names the line and field of a malformed file: %j', (text, message) => {
    const r = parseCsv(text, LIMITS);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toContain(message);
  });

  it('refuses more records or longer fields than its limits', () => {
    const many = parseCsv('a\n1\n2\n3\n', { maxRecords: 3, maxFieldChars: 10 });
    expect(many).toEqual({ ok: false, error: 'line 4: more than 3 records (split the file)' });
    const long = parseCsv(`a\n"${'x'.repeat(11)}"`, { maxRecords: 3, maxFieldChars: 10 });
    expect(long).toEqual({ ok: false, error: 'line 2, field 1: longer than 10 characters' });
  });
});

describe('csvCell and toCsv', () => {
  it.each([
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    [' padded ', '" padded "'],
    ['=HYPERLINK("http://x")', '"\'=HYPERLINK(""http://x"")"'],
    ['+1', "'+1"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tTab', "'\tTab"],
    // An apostrophe already in front is kept through a write and a read.
    ["'=x", "''=x"],
  ])('writes %j as %j', (value, written) => {
    expect(csvCell(value)).toBe(written);
  });

  it('ends every record with CRLF', () => {
    expect(toCsv(['a', 'b'], [['1', '=2']])).toBe("a,b\r\n1,'=2\r\n");
  });

  it('reads back exactly what it wrote, formula guards included', () => {
    const cell = fc.string({ unit: fc.constantFrom('a', ',', '"', '\n', '\r', ' ', '=', '+', '-', '@', "'", '\t', 'é') });
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 2, maxLength: 4 }), { minLength: 1, maxLength: 5 }), (records) => {
        const parsed = parseCsv(toCsv(records[0], records.slice(1)), { maxRecords: 100, maxFieldChars: 1000 });
        expect(parsed.ok).toBe(true);
        if (parsed.ok) expect(parsed.value.map((r) => r.fields)).toEqual(records);
      }),
      { numRuns: 300 },
    );
  });
});
