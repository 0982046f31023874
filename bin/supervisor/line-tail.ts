/** The last lines of a stream (a child's stderr), so a crash can be reported with its own words. Pure. */

/** Keeps the last `maxLines` complete or partial lines written, each cut to `maxChars`. */
export interface LineTail {
  push(chunk: string): void;
  lines(): string[];
}

/** A tail of at most `maxLines` lines of at most `maxChars` characters each. */
export function createLineTail(maxLines = 12, maxChars = 400): LineTail {
  const kept: string[] = [];
  let partial = '';
  const keep = (line: string) => {
    const trimmed = line.replace(/\s+$/, '');
    if (trimmed === '') return;
    kept.push(trimmed.length > maxChars ? `${trimmed.slice(0, maxChars - 1)}…` : trimmed);
    if (kept.length > maxLines) kept.shift();
  };
  return {
    push(chunk) {
      const parts = (partial + chunk).split('\n');
      partial = parts.pop() ?? '';
      // A runaway line without a newline must not grow without bound.
      if (partial.length > maxChars * 4) {
        keep(partial);
        partial = '';
      }
      for (const line of parts) keep(line);
    },
    lines() {
      return partial.trim() === '' ? [...kept] : [...kept, partial.trim()].slice(-maxLines);
    },
  };
}
