/**
 * The fuzz corpus's shapes and the decoding each driver transport applies before its parse: lenient
 * cgminer JSON, a Whatsminer v3 frame, JSON-RPC, HTTP JSON, or text handed on as it is.
 */
import { parseV3Frame } from '../../../collectors/drivers/btminer-v3/envelope';
import { parseCgminerReply, repairCgminerJson } from '../../../collectors/drivers/cgminer-tcp/lenient-json';
import { parseJsonReply } from '../../../collectors/drivers/http/client';
import { parseJsonRpcReply } from '../../../collectors/drivers/jsonrpc-tcp/client';
import type { Reading } from '../../../lib/domain/reading';

/**
 * How a slot's bytes become what the parse reads. 'http-text': a JSON body handed on as text, for the
 * drivers whose own *FromReply entry checks the HTTP reply and parses it; 'text': not JSON at all.
 */
export type Decoding = 'cgminer' | 'http' | 'http-text' | 'jsonrpc' | 'v3' | 'text';

/** One reply of a poll. */
export interface FuzzSlot {
  name: string;
  decoding: Decoding;
  /** Captured replies the mutations start from (one is picked per run). */
  captures: readonly string[];
  /** The poll goes on without it (the parse gets null). */
  optional: boolean;
}

/** One driver's poll path without the sockets. */
export interface FuzzTarget {
  driver: string;
  slots: readonly FuzzSlot[];
  /** The driver's parse of the decoded slots (null for an optional slot left out). */
  parse(decoded: Record<string, unknown>, modelHint: string | null): Reading;
}

/** The address the HTTP replies are said to come from. */
export const HTTP_URL = 'http://10.0.0.5:80';

/** The decoding each transport applies before the driver sees a reply; throws DeviceError like it. */
export function decode(decoding: Decoding, text: string, label: string): unknown {
  switch (decoding) {
    case 'cgminer':
      return parseCgminerReply(text, label).body;
    case 'v3':
      return parseV3Frame(text, label).body;
    case 'jsonrpc':
      return parseJsonRpcReply(text, label);
    case 'http':
      return parseJsonReply({ status: 200, headers: {}, text }, `GET ${label}`, HTTP_URL);
    case 'http-text':
    case 'text':
      return text;
  }
}

/** A capture as a JSON value to mutate (the lenient repairs applied to the quirky cgminer ones), or null for text. */
export function captureValue(decoding: Decoding, text: string): unknown {
  if (decoding === 'text') return null;
  try {
    return JSON.parse(text);
  } catch {
    return JSON.parse(repairCgminerJson(text.replace(/[\s\0]+$/, '')).text);
  }
}
