/** What marks the demo's own records, shared by the simulator (which serves them) and `hashwatt demo remove`. */

/** The demo's pool account, as the simulator's manifest names it. */
export const DEMO_POOL_NAME = 'Braiins Pool (demo)';

/** Last octet of the address the demo's HTTP services (mempool-compatible and pool APIs) listen on. */
export const DEMO_SERVICES_OCTET = 250;

/** True for a source label ("mempool:http://127.0.1.250:8999/api") of the demo's own services on `simSubnet`. */
export function isDemoSourceLabel(label: string, simSubnet: string): boolean {
  return label.includes(`//${simSubnet}.${DEMO_SERVICES_OCTET}:`) || label.includes(`//${simSubnet}.${DEMO_SERVICES_OCTET}/`);
}
