/**
 * How deep a JSON text nests, found by one pass over its characters (no recursion, no parse), so a
 * body nested 100,000 deep is refused before anything recursive (JSON.stringify, a validator, an error
 * message) can overflow the stack on it.
 */

/** Nesting levels any JSON Hashwatt reads needs (its own documents go about 5 deep). */
export const MAX_JSON_DEPTH = 64;

/** True when `text` opens more than `maxDepth` arrays or objects inside one another (strings skipped). */
export function jsonNestsDeeperThan(text: string, maxDepth: number = MAX_JSON_DEPTH): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) {
      inString = true;
    } else if (c === 0x5b || c === 0x7b) {
      if (++depth > maxDepth) return true;
    } else if (c === 0x5d || c === 0x7d) {
      depth--;
    }
  }
  return false;
}
