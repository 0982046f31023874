/**
 * The JSON-RPC-over-TCP transport of the GPU miners that speak it (protocols.md §2.3): Claymore and
 * PhoenixMiner on 3333, miniZ on 20000, NiceHash excavator on 3456. One connection per request: write the
 * JSON request plus "\n", then read until the reply is one complete JSON value or the server closes.
 * Unlike cgminer, these servers may keep the connection open after answering (excavator, miniZ), so the
 * end of the reply is found by scanning it; replies arrive split across segments and may end with "\n"
 * (PhoenixMiner) or a NUL.
 */
import { StringDecoder } from 'node:string_decoder';
import { obj, previewJson } from '../cgminer-tcp/coerce';
import { MAX_REPLY_DEPTH, nestsDeeperThan, tooDeepError } from '../reply-depth';
import { describeTarget, tcpExchange } from '../tcp-exchange';
import { DeviceError, type PollTarget } from '../types';

/** Replies above this are not a miner's status reply (the largest real ones are a few kB). */
export const MAX_JSONRPC_REPLY_BYTES = 1024 * 1024;

/**
 * Incremental scan for the end of the first JSON object or array in a stream of text, string-aware so a
 * "}" inside a value does not count. `end` is the index just past the closing bracket once it is seen.
 */
export class JsonValueScanner {
  private depth = 0;
  private inString = false;
  private escaped = false;
  private started = false;
  private offset = 0;
  /** True once the text is known not to start with "{" or "[" (only the server's close can end it). */
  notJson = false;
  /** Index in the whole text just past the value's closing bracket; null while incomplete. */
  end: number | null = null;

  /** Feeds the next piece of text; returns true once the value is complete. */
  feed(text: string): boolean {
    for (let i = 0; i < text.length && this.end === null && !this.notJson; i++) {
      const ch = text[i];
      if (!this.started) {
        if (/[\s\uFEFF\0]/.test(ch)) continue;
        if (ch !== '{' && ch !== '[') {
          this.notJson = true;
          break;
        }
        this.started = true;
        this.depth = 1;
        continue;
      }
      if (this.inString) {
        if (this.escaped) this.escaped = false;
        else if (ch === '\\') this.escaped = true;
        else if (ch === '"') this.inString = false;
        continue;
      }
      if (ch === '"') this.inString = true;
      else if (ch === '{' || ch === '[') this.depth++;
      else if (ch === '}' || ch === ']') {
        this.depth--;
        if (this.depth === 0) this.end = this.offset + i + 1;
      }
    }
    this.offset += text.length;
    return this.end !== null;
  }
}

/**
 * Sends `request` (an object is serialized; a string is sent as is, for servers keyed on exact bytes like
 * miniZ's `{"id":"0", "method":"getstat"}`) followed by "\n" and returns the reply text: up to the end
 * of the first complete JSON value, or everything until the server closed. Throws DeviceError 'timeout'
 * (connect + read past target.timeoutMs), 'refused', 'aborted' or 'garbage' (over maxBytes).
 */
export function jsonrpcRequest(
  target: PollTarget,
  request: object | string,
  label: string,
  maxBytes: number = MAX_JSONRPC_REPLY_BYTES,
): Promise<string> {
  const payload = (typeof request === 'string' ? request : JSON.stringify(request)) + '\n';
  const decoder = new StringDecoder('utf8');
  const scanner = new JsonValueScanner();
  let text = '';
  // Complete at the value's closing bracket (the server keeps the connection open), or at the server's close.
  const reader = {
    onChunk: (chunk: Buffer) => {
      const piece = decoder.write(chunk);
      text += piece;
      return scanner.feed(piece);
    },
    result: () => {
      if (scanner.end === null) text += decoder.end();
      return scanner.end === null ? text : text.slice(0, scanner.end);
    },
  };
  return tcpExchange(target, label, payload, maxBytes, reader);
}

/**
 * Parses one JSON-RPC reply. Throws DeviceError 'garbage' (empty, not JSON, not an object), 'truncated'
 * (a JSON start that never closes) or 'api-error' (a non-null "error" member). Pure.
 */
export function parseJsonRpcReply(raw: string, label: string, source?: string): Record<string, unknown> {
  const where = source ? ` from ${source}` : '';
  const text = raw.replace(/^[\s\uFEFF\0]+/, '').replace(/[\s\0]+$/, '');
  if (text === '') throw new DeviceError('garbage', `empty reply to "${label}"${where}`);
  if (nestsDeeperThan(text, MAX_REPLY_DEPTH)) throw tooDeepError(`reply to "${label}"${where}`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    const scanner = new JsonValueScanner();
    if (!scanner.feed(text) && !scanner.notJson) {
      throw new DeviceError('truncated', `reply to "${label}"${where} cut short after ${Buffer.byteLength(raw)} bytes (unclosed JSON)`);
    }
    throw new DeviceError('garbage', `reply to "${label}"${where} is not JSON: ${preview(text)}`);
  }
  const body = obj(parsed);
  if (!body) throw new DeviceError('garbage', `reply to "${label}"${where} is JSON but not an object: ${preview(text)}`);
  if (body.error !== undefined && body.error !== null && body.error !== false) {
    throw new DeviceError('api-error', `"${label}"${where} answered with error ${errorText(body.error)}`);
  }
  return body;
}

/** Request plus parse: the reply body to one JSON-RPC request, errors naming the request and address. */
export async function jsonrpcQuery(target: PollTarget, request: object | string, label: string): Promise<Record<string, unknown>> {
  const raw = await jsonrpcRequest(target, request, label);
  return parseJsonRpcReply(raw, label, describeTarget(target));
}

function errorText(error: unknown): string {
  const e = obj(error);
  if (e && typeof e.message === 'string') return `${previewJson(e.message)}${e.code !== undefined ? ` (code ${previewJson(e.code)})` : ''}`;
  return previewJson(error);
}

function preview(text: string): string {
  const s = text.slice(0, 40).replace(/[\u0000-\u001f]/g, ' ');
  return JSON.stringify(text.length > 40 ? `${s}…` : s);
}
