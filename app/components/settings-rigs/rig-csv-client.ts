/**
 * Browser side of the rig CSV import: sends the file's text as the body of POST /api/rigs/csv (a dry run,
 * or `?apply=1`) and turns every reply into the plan or a message; never throws.
 */
import type { RigImportPlan } from '../../../lib/rigs/rig-csv';

/** The largest file the browser sends: the server's cap for this route (lib/web/body-limits.ts). */
export const MAX_CSV_BYTES = 4 * 1024 * 1024;

/** A reply: the plan (also when an apply was refused for its rows), and the error when it failed. */
export type CsvImportReply = { ok: true; applied: boolean; plan: RigImportPlan } | { ok: false; error: string; plan: RigImportPlan | null };

/** Sends `text` for a dry run, or to apply when `apply`. */
export async function sendRigCsv(text: string, apply: boolean): Promise<CsvImportReply> {
  try {
    const res = await fetch(`/api/rigs/csv${apply ? '?apply=1' : ''}`, {
      method: 'POST',
      headers: { 'content-type': 'text/csv; charset=utf-8', accept: 'application/json' },
      body: text,
      cache: 'no-store',
    });
    const body = (await res.json().catch(() => null)) as { ok?: boolean; applied?: boolean; plan?: RigImportPlan; error?: string } | null;
    if (res.ok && body?.ok && body.plan) return { ok: true, applied: body.applied === true, plan: body.plan };
    return { ok: false, error: body?.error ?? `the server answered ${res.status}`, plan: body?.plan ?? null };
  } catch (err) {
    return { ok: false, error: `could not reach the server (${err instanceof Error ? err.message : String(err)})`, plan: null };
  }
}
