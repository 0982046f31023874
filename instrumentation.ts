/**
 * Next.js instrumentation (Next requires this file at the root). A route handler or page that throws
 * reports the error here before Next answers 500; noting it on the request lets server.ts answer a
 * storage fault 503 with Retry-After instead (lib/web/request-scope.ts, lib/web/storage-reply.ts).
 */
export async function onRequestError(err: unknown): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { noteRequestError } = await import('./lib/web/request-scope');
  noteRequestError(err);
}
