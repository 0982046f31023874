/**
 * Echoing a value someone sent into an error message, safely. JSON.stringify recurses (a value nested
 * 10,000 deep overflows the stack) and has no length limit (a 1 MB string makes a 1 MB message); this
 * writes the same text for small values, but looks at most a few levels deep and stops once it has
 * `maxChars` characters, so its cost is bounded whatever it is given.
 */

/** Levels shown before a nested list or object is written as [...] or {...}. */
const MAX_DEPTH = 3;
const ELLIPSIS = '...';

/** `value` as JSON-like text of at most about `maxChars` characters ("..." marks where it was cut). */
export function describeValue(value: unknown, maxChars = 80): string {
  const out: string[] = [];
  let used = 0;
  const full = () => used >= maxChars;
  const emit = (s: string) => {
    out.push(s);
    used += s.length;
  };

  function write(v: unknown, depth: number): void {
    if (full()) return;
    if (v === null || typeof v === 'boolean' || typeof v === 'number' || typeof v === 'bigint') return emit(String(v));
    if (v === undefined) return emit('undefined');
    // A long string is cut before it is quoted, so a huge one is never copied whole.
    if (typeof v === 'string') return emit(JSON.stringify(v.length > maxChars ? v.slice(0, maxChars) : v));
    if (typeof v !== 'object') return emit(typeof v);
    const isList = Array.isArray(v);
    if (depth >= MAX_DEPTH) return emit(isList ? `[${ELLIPSIS}]` : `{${ELLIPSIS}}`);
    emit(isList ? '[' : '{');
    let first = true;
    if (isList) {
      for (const item of v as unknown[]) {
        if (full()) break;
        if (!first) emit(',');
        first = false;
        write(item, depth + 1);
      }
    } else {
      for (const key in v as Record<string, unknown>) {
        if (!Object.hasOwn(v, key)) continue;
        if (full()) break;
        if (!first) emit(',');
        first = false;
        emit(`${JSON.stringify(key.length > maxChars ? key.slice(0, maxChars) : key)}:`);
        write((v as Record<string, unknown>)[key], depth + 1);
      }
    }
    emit(isList ? ']' : '}');
  }

  write(value, 0);
  const text = out.join('');
  return text.length > maxChars ? `${text.slice(0, maxChars)}${ELLIPSIS}` : text;
}
