/**
 * Who may see what changed (a user's role, sites, password or disabled flag, a user removed, a token
 * revoked): an 'access' row in the changes log, written in the same transaction as the change, so the web
 * server's tailer re-authorizes its open sockets at once, whichever process (web or CLI) made it.
 */
import type { Db } from '../client';

import { logChange } from './change-log';

/** Notes an access change; `nowMs` only dates the row for pruning. */
export function noteAccessChange(db: Db, nowMs: number = Date.now()): void {
  logChange(db, { tsMs: nowMs, kind: 'access' });
}
