import { putOverride } from '../override-request';

export const dynamic = 'force-dynamic';

/** Replaces the global threshold override (`{}` restores the defaults). */
export function PUT(request: Request) {
  return putOverride(request, 'global', 0);
}
