/**
 * The save-time check of a push endpoint's host: resolved through the Web Push resolver (public
 * addresses only, ../net.ts), so a name that points at this machine or the LAN is refused before it is
 * stored. The same resolver runs again at every connect (../http.ts), so a name that changes its answer
 * after this check (DNS rebinding) is refused there. A name that does not resolve is refused too: a
 * browser's push service always does.
 */
import { OutboundRefused, type Resolve } from '../../net/checked-resolve';
import { notifyNet } from '../net';
import { PUBLIC_ENDPOINT_RULE } from './subscription-input';

/** Null when the endpoint's host resolves to public addresses only, else the message saying why not. */
export async function pushEndpointHostProblem(endpoint: string, pushResolve: Resolve = notifyNet().pushResolve): Promise<string | null> {
  const host = new URL(endpoint).hostname;
  try {
    await pushResolve(host);
    return null;
  } catch (err) {
    if (err instanceof OutboundRefused && err.reason === 'policy') return `${PUBLIC_ENDPOINT_RULE}: ${err.message}`;
    const why = err instanceof Error ? err.message : String(err);
    return `endpoint host cannot be checked: ${why}; try again in a moment`;
  }
}
