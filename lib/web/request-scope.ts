/**
 * What the custom server learns about a request while Next.js handles it: the storage faults thrown by
 * its route handler or page. Next answers those with its own 500; server.ts turns them into 503 with
 * Retry-After (storage-reply.ts). The scope lives on globalThis: Next's instrumentation hook, bundled
 * apart from server.ts, must reach the same AsyncLocalStorage.
 */
import { AsyncLocalStorage } from 'node:async_hooks';

/** One request's notes. */
export interface RequestScope {
  /** Errors Next reported for this request (instrumentation's onRequestError), oldest first. */
  errors: unknown[];
}

const KEY = Symbol.for('hashwatt.requestScope');
type Holder = { [KEY]?: AsyncLocalStorage<RequestScope> };

/** The process's request scopes (created on first use). */
export function requestScopes(): AsyncLocalStorage<RequestScope> {
  const holder = globalThis as Holder;
  holder[KEY] ??= new AsyncLocalStorage<RequestScope>();
  return holder[KEY];
}

/** Notes an error Next reported for the current request; nothing outside a request. */
export function noteRequestError(err: unknown): void {
  requestScopes().getStore()?.errors.push(err);
}
