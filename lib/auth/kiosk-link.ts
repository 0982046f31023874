/**
 * The address a wall display opens once: `<origin>/wall?kiosk=<token>`, on HASHWATT_PUBLIC_URL's origin
 * when it is set (the address people use), else on the origin the admin's browser addressed. Pure.
 */
export function kioskWallUrl(token: string, publicUrl: string | null, requestOrigin: string): string {
  const origin = new URL(publicUrl ?? requestOrigin).origin;
  return `${origin}/wall?kiosk=${encodeURIComponent(token)}`;
}
