import { NextResponse } from 'next/server';
import { getStorageWatch } from '../../../lib/web/storage-watch';

export const dynamic = 'force-dynamic';

/** The storage banner's verdict (`{ level, message }`, message null when all is well), for every role and the wall. */
export function GET() {
  return NextResponse.json(getStorageWatch().verdict());
}
