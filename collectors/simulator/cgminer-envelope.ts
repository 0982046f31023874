/**
 * The CGMiner API envelope shared by both simulated families: request parsing and the STATUS block
 * (protocols.md section 1.1). Codes follow cgminer's numbering: 14 Invalid command, 23 Invalid JSON,
 * 24 Missing JSON 'command'.
 */

/** What a client asked for, or why the request cannot be served. */
export type ParsedRequest =
  { kind: 'command'; command: string; parameter: string | null } | { kind: 'missing-command' } | { kind: 'invalid-json' };

/** The STATUS[0] object of a reply. */
export interface StatusBlock {
  STATUS: 'S' | 'E';
  When: number;
  Code: number;
  Msg: string;
  Description: string;
}

/**
 * Reads a request body. A request must be a JSON object with a string "command" (cgminer rejects anything
 * else); NUL bytes and surrounding whitespace are ignored because some clients terminate with "\0".
 */
export function parseRequest(text: string): ParsedRequest {
  const cleaned = text.replace(/\u0000/g, '').trim();
  let body: unknown;
  try {
    body = JSON.parse(cleaned);
  } catch {
    return { kind: 'invalid-json' };
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return { kind: 'invalid-json' };
  const { command, parameter } = body as { command?: unknown; parameter?: unknown };
  if (typeof command !== 'string') return { kind: 'missing-command' };
  return {
    kind: 'command',
    command: command.trim(),
    parameter: parameter === undefined || parameter === null ? null : String(parameter),
  };
}

/** True once `text` holds a complete JSON value, so the server can answer without waiting for EOF. */
export function isCompleteJson(text: string): boolean {
  const cleaned = text.replace(/\u0000/g, '').trim();
  if (!cleaned.endsWith('}')) return false;
  try {
    JSON.parse(cleaned);
    return true;
  } catch {
    return false;
  }
}

/** STATUS[0] of a successful reply. */
export function okStatus(whenS: number, code: number, msg: string, description: string): StatusBlock {
  return { STATUS: 'S', When: whenS, Code: code, Msg: msg, Description: description };
}

/** A whole error reply: `{"STATUS":[{"STATUS":"E",...}],"id":1}` as the real firmware sends it. */
export function errorReply(whenS: number, code: number, msg: string, description: string): object {
  return { STATUS: [{ STATUS: 'E', When: whenS, Code: code, Msg: msg, Description: description }], id: 1 };
}

/** Reply to a request that is not JSON (seen from BOSer: Code 23). */
export function invalidJsonReply(whenS: number, description: string): object {
  return errorReply(whenS, 23, 'Invalid JSON', description);
}

/** Reply to a JSON request without "command" (seen from Whatsminer when sent "cmd": Code 24). */
export function missingCommandReply(whenS: number, description: string): object {
  return errorReply(whenS, 24, "Missing JSON 'command'", description);
}

/** Reply to an unknown command (seen from LuxOS: Code 14). */
export function invalidCommandReply(whenS: number, description: string): object {
  return errorReply(whenS, 14, 'Invalid command', description);
}

/** Fixed-point number as firmware prints it in string fields ("37735.24"). */
export function fixed(x: number, digits = 2): string {
  return x.toFixed(digits);
}

/** Number rounded to `digits` decimals for numeric JSON fields. */
export function round(x: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
