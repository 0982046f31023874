/**
 * A socket.io handshake that meets a busy database is refused with the reason, marked retryable so the
 * periodic re-check does not drop sockets already open, and never thrown at socket.io. The busy read is
 * simulated by a connection whose queries throw SQLite's SQLITE_BUSY (a real one needs a second program
 * holding the database exclusively, which WAL does not allow while this connection is open).
 */
import type { IncomingMessage } from 'node:http';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../../lib/db/client';
import { createGate } from '../../../lib/web/gate';
import { loadWebConfig } from '../../../lib/config';
import { tempDb } from '../../support/temp';

let t: ReturnType<typeof tempDb>;
beforeEach(() => {
  t = tempDb();
});
afterEach(() => t.cleanup());

const handshake = (token: string) => ({ headers: { authorization: `Bearer ${token}` }, socket: {} }) as unknown as IncomingMessage;
const TOKEN = `hw_api_${'a'.repeat(43)}`;
const busy = () => Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' });

describe('socket handshake on a busy database', () => {
  it('is refused naming the busy database, retryable; an unknown token is a plain refusal', () => {
    const gate = createGate({ db: t.db, web: loadWebConfig({}), dev: false, publicUrl: null });
    expect(gate.authenticateUpgrade(handshake(TOKEN))).toEqual({ error: 'the Bearer token is unknown, revoked or malformed' });
    const busyDb: Db = {
      ...t.db,
      orm: {
        select: () => {
          throw busy();
        },
      } as unknown as Db['orm'],
    };
    const busyGate = createGate({ db: busyDb, web: loadWebConfig({}), dev: false, publicUrl: null });
    expect(busyGate.authenticateUpgrade(handshake(TOKEN))).toEqual({
      error: 'the database is busy (SQLITE_BUSY): another write held it too long; try again in 2 s',
      retryable: true,
    });
  });
});
