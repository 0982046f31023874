/**
 * Every API route and page in app/ declares how it keeps to the principal's sites (lib/auth/route-scopes),
 * and the declaration agrees with the route policy: a route added without one, or declared for a route
 * that is gone, fails here.
 */
import { describe, expect, it } from 'vitest';
import { API_ROUTE_SCOPES, PAGE_SCOPES } from '../../../lib/auth/route-scopes';
import { requirementFor } from '../../../lib/auth/route-policy';
import { apiRoutes, pagePatterns } from '../../support/app-routes';

const asUrl = (pattern: string) => pattern.replace(/\[scope\]/g, 'site').replace(/\[[^\]]+\]/g, '1');

describe('route scopes', () => {
  it('declares every route handler and method in app/ (app/api and /metrics), and nothing else', () => {
    const found = apiRoutes()
      .flatMap((r) => r.methods.map((m) => `${m} ${r.pattern}`))
      .sort();
    const declared = Object.entries(API_ROUTE_SCOPES)
      .flatMap(([pattern, methods]) => Object.keys(methods).map((m) => `${m} ${pattern}`))
      .sort();
    expect(found.length).toBeGreaterThan(40);
    expect(declared).toEqual(found);
  });

  it('declares every page in app/, and nothing else', () => {
    expect(Object.keys(PAGE_SCOPES).sort()).toEqual(pagePatterns().sort());
  });

  it('agrees with the route policy: admin-only routes need configure, public ones nothing, the rest are open to the role that uses them', () => {
    const lines = [
      ...Object.entries(API_ROUTE_SCOPES).flatMap(([pattern, methods]) =>
        Object.entries(methods).map(([method, scope]) => ({ method, pattern, scope })),
      ),
      ...Object.entries(PAGE_SCOPES).map(([pattern, scope]) => ({ method: 'GET', pattern, scope })),
    ];
    for (const { method, pattern, scope } of lines) {
      const needs = requirementFor(method, asUrl(pattern));
      const where = `${method} ${pattern} (${scope})`;
      if (scope === 'admin-only') expect(needs, where).toBe('configure');
      else if (scope === 'public') expect(needs, where).toBe('public');
      else expect(['read', 'acknowledge', 'operate-rigs'], where).toContain(needs);
    }
  });
});
