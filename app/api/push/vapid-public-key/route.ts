import { NextResponse } from 'next/server';
import { getAppDb } from '../../../../lib/db/app-db';
import { getOrCreateVapidKeys } from '../../../../lib/db/mutations/vapid-keys';

export const dynamic = 'force-dynamic';

/** The VAPID public key browsers subscribe with (`applicationServerKey`), created on first request. */
export function GET() {
  return NextResponse.json({ publicKey: getOrCreateVapidKeys(getAppDb(), Date.now()).publicKey });
}
