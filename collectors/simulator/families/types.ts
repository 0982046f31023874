/**
 * What one simulated protocol family provides: how it listens and how it answers. Reply functions are pure
 * (request + rig + state at the instant -> reply); the listeners in collectors/simulator/listeners/ add
 * the framing (cgminer NUL, btminer v3 length prefix, HTTP) and the forced faults.
 */
import type { IncomingHttpHeaders } from 'node:http';
import type { RigPlan, SimFamily } from '../fleet-plan';
import type { MinerState } from '../miner-state';

/**
 * - 'cgminer': one JSON request per TCP connection, reply + NUL, close (also TeamRedMiner).
 * - 'jsonrpc': Claymore/PhoenixMiner: one JSON-RPC request, reply + "\n", close.
 * - 'btminer-v3': uint32-LE length + JSON frames both ways on a kept-open connection.
 * - 'http': an HTTP/1.1 server.
 */
export type SimProtocol = 'cgminer' | 'jsonrpc' | 'btminer-v3' | 'http';

/** One HTTP request as a simulated device sees it. */
export interface SimHttpRequest {
  method: string;
  /** Path without the query, e.g. "/api/system/info". */
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: string;
}

/** A simulated device's HTTP reply; an object body is sent as JSON. */
export interface SimHttpReply {
  status: number;
  headers?: Record<string, string>;
  body: string | object;
}

/** One protocol family of the simulator. */
export interface SimFamilyDef {
  family: SimFamily;
  /** The Hashwatt driver that reads it (stored in rigs.driver by the demo). */
  driver: string;
  protocol: SimProtocol;
  /** cgminer, jsonrpc, btminer-v3: the reply text to one request (without NUL, newline or frame). */
  reply?(request: string, rig: RigPlan, state: MinerState): string;
  /** http: the reply to one request. */
  replyHttp?(request: SimHttpRequest, rig: RigPlan, state: MinerState): SimHttpReply;
}
