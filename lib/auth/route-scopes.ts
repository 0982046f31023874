/**
 * How every API route and page keeps to the principal's sites, declared in one table: a route added to
 * app/ without a line here fails tests/unit/auth/route-scopes.test.ts, which also checks each line against
 * the route policy, and the end-to-end scope test reads every site-bound GET from here and calls it as a
 * site-limited viewer, operator and kiosk. The scoping itself is done with lib/auth/site-scope (through
 * app/principal.ts); this table says which kind each route is. Pure data.
 */

/**
 * - public: no principal (the health check; sign-in and sign-out are answered by the gate itself).
 * - own: only what is the caller's own (their password, their browsers' push subscriptions).
 * - no-site-data: nothing of any site (market data, the storage verdict, the VAPID public key, the
 *   notification policy), the same for every principal.
 * - site-filtered: a list or totals of the caller's sites only (fleet-wide things only for principals of
 *   every site).
 * - site-checked: one thing of a site (a rig, an alert, a request), answered 404 when it is another
 *   site's, exactly as when it does not exist.
 * - admin-only: configuration; the route policy lets only admins in, and admins see every site.
 */
export type RouteScope = 'public' | 'own' | 'no-site-data' | 'site-filtered' | 'site-checked' | 'admin-only';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** Every route handler (its folder under app/, dynamic segments as named there: app/api and /metrics) and method. */
export const API_ROUTE_SCOPES: Readonly<Record<string, Partial<Record<Method, RouteScope>>>> = {
  '/api/health': { GET: 'public' },
  '/api/auth/password': { POST: 'own' },
  '/api/push/subscriptions': { GET: 'own', POST: 'own', DELETE: 'own' },
  '/api/push/vapid-public-key': { GET: 'no-site-data' },
  '/api/network': { GET: 'no-site-data' },
  '/api/storage': { GET: 'no-site-data' },
  '/api/alerts/policy': { GET: 'no-site-data', PUT: 'admin-only' },
  '/api/fleet': { GET: 'site-filtered' },
  '/api/rigs': { GET: 'site-filtered', POST: 'admin-only' },
  '/api/rigs/page': { GET: 'site-filtered' },
  '/api/rigs/csv': { GET: 'admin-only', POST: 'admin-only' },
  '/api/sites': { GET: 'site-filtered', POST: 'admin-only' },
  '/api/pools': { GET: 'site-filtered', POST: 'admin-only' },
  '/api/alerts': { GET: 'site-filtered' },
  '/api/alerts/rules': { GET: 'site-filtered' },
  '/api/reports': { GET: 'site-filtered' },
  '/api/reports/history': { GET: 'site-filtered' },
  '/api/rigs/[id]': { GET: 'site-checked', PATCH: 'admin-only', DELETE: 'admin-only' },
  '/api/rigs/[id]/history': { GET: 'site-checked' },
  '/api/rigs/[id]/events': { GET: 'site-checked' },
  '/api/rigs/[id]/realized': { GET: 'site-checked' },
  '/api/rigs/[id]/maintenance': { PUT: 'site-checked', DELETE: 'site-checked' },
  '/api/alerts/[id]/ack': { POST: 'site-checked' },
  '/api/alerts/[id]/snooze': { POST: 'site-checked' },
  '/api/alerts/requests/[id]': { GET: 'site-checked' },
  '/api/rigs/requests': { POST: 'admin-only' },
  '/api/rigs/requests/[id]': { GET: 'admin-only' },
  '/api/alerts/channels': { GET: 'admin-only', POST: 'admin-only' },
  '/api/alerts/channels/[id]': { GET: 'admin-only', PUT: 'admin-only', DELETE: 'admin-only' },
  '/api/alerts/channels/[id]/test': { POST: 'admin-only' },
  '/api/alerts/rules/global': { PUT: 'admin-only' },
  '/api/alerts/rules/[scope]/[id]': { PUT: 'admin-only' },
  '/api/pools/[id]': { PUT: 'admin-only', DELETE: 'admin-only' },
  '/api/sites/[id]': { PATCH: 'admin-only', DELETE: 'admin-only' },
  '/api/sites/[id]/tariff': { PUT: 'admin-only', DELETE: 'admin-only' },
  '/api/sites/[id]/gpu-revenue': { PUT: 'admin-only' },
  '/api/settings/sources': { GET: 'admin-only', PUT: 'admin-only', DELETE: 'admin-only' },
  '/api/settings/storage': { GET: 'admin-only' },
  '/api/settings/reports': { GET: 'admin-only', PUT: 'admin-only' },
  '/api/users': { GET: 'admin-only', POST: 'admin-only' },
  '/api/users/[id]': { PATCH: 'admin-only', DELETE: 'admin-only' },
  '/api/tokens': { GET: 'admin-only', POST: 'admin-only' },
  '/api/tokens/[id]': { DELETE: 'admin-only' },
  /** Prometheus scrape target (text format, not JSON): the caller's sites' series and totals over them. */
  '/metrics': { GET: 'site-filtered' },
};

/** Every page (its folder under app/). */
export const PAGE_SCOPES: Readonly<Record<string, RouteScope>> = {
  '/login': 'public',
  '/account': 'own',
  '/': 'site-filtered',
  '/wall': 'site-filtered',
  '/rigs': 'site-filtered',
  '/economics': 'site-filtered',
  '/reports': 'site-filtered',
  '/alerts': 'site-filtered',
  '/rigs/[id]': 'site-checked',
  '/settings': 'admin-only',
  '/settings/sites': 'admin-only',
  '/settings/rigs': 'admin-only',
  '/settings/pools': 'admin-only',
  '/settings/network': 'admin-only',
  '/settings/alerts': 'admin-only',
  '/settings/users': 'admin-only',
  '/settings/storage': 'admin-only',
};
