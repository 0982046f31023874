/**
 * Every page and API route of the web app, read from the app/ directory, so the access tests cover a
 * route the day it is added. Dynamic segments get a placeholder value.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const APP = fileURLToPath(new URL('../../app', import.meta.url));

function files(dir: string, name: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name), name) : e.name === name ? [join(dir, e.name)] : [],
  );
}

/** `app/rigs/[id]/page.tsx` → `/rigs/[id]`; route groups `(x)` vanish. */
function routePattern(file: string): string {
  return `/${relative(APP, file)
    .split(sep)
    .slice(0, -1)
    .filter((s) => !/^\(.*\)$/.test(s))
    .join('/')}`;
}

/** `/rigs/[id]` → `/rigs/1`. */
function urlPath(pattern: string): string {
  return pattern.replace(/\[scope\]/g, 'site').replace(/\[[^\]]+\]/g, '1');
}

export interface ApiRoute {
  path: string;
  /** The folder as written in app/, e.g. `/api/rigs/[id]/maintenance`. */
  pattern: string;
  methods: string[];
}

/** Every route handler in app/ (app/api and the /metrics scrape target), with the methods it exports. */
export function apiRoutes(): ApiRoute[] {
  return files(APP, 'route.ts').map((file) => {
    const src = readFileSync(file, 'utf8');
    const methods = [...src.matchAll(/export\s+(?:async\s+)?(?:function|const)\s+(GET|POST|PUT|PATCH|DELETE)\b/g)].map((m) => m[1]);
    const pattern = routePattern(file);
    return { path: urlPath(pattern), pattern, methods };
  });
}

/** Every page's folder as written in app/, e.g. `/rigs/[id]`. */
export function pagePatterns(): string[] {
  return files(APP, 'page.tsx').map(routePattern);
}

export function pagePaths(): string[] {
  return pagePatterns().map(urlPath);
}
