/**
 * The nesting limit every device reply is held to, whatever its transport (cgminer TCP, JSON-RPC, HTTP):
 * checked on the text before anything parses or walks it, so a hostile reply nested 100,000 deep is a
 * 'garbage' error instead of a stack overflow in whatever recursed over it. Pure.
 */
import { DeviceError } from './types';

/**
 * Deepest nesting a device reply may have. Real replies nest 4 or 5 levels (Avalon estats, Whatsminer v3
 * device info); a hostile one nested 100,000 deep used to overflow the stack of whatever walked it.
 */
export const MAX_REPLY_DEPTH = 64;

/**
 * True when JSON text nests objects and arrays deeper than `limit`, brackets inside string literals not
 * counted. One pass without recursion, stopping at the first level past the limit.
 */
export function nestsDeeperThan(text: string, limit: number): boolean {
  // Nesting needs an opening bracket per level: a reply with no more than `limit` of them (most replies,
  // a few dozen) cannot be too deep, and counting them natively is far cheaper than the walk below.
  if (openingBracketsAtMost(text, limit)) return false;
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: the next character is escaped
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > limit) return true;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return false;
}

/** True when `text` holds at most `limit` "{" and "[" together, strings included (an overcount is safe). */
function openingBracketsAtMost(text: string, limit: number): boolean {
  let count = 0;
  for (const bracket of ['{', '[']) {
    for (let i = text.indexOf(bracket); i !== -1; i = text.indexOf(bracket, i + 1)) if (++count > limit) return false;
  }
  return true;
}

/** The DeviceError for a reply past MAX_REPLY_DEPTH; `what` names it, e.g. `reply to "summary" from 10.0.0.5:4028`. */
export function tooDeepError(what: string): DeviceError {
  return new DeviceError('garbage', `${what} nests deeper than ${MAX_REPLY_DEPTH} levels (the limit for a device reply)`);
}
