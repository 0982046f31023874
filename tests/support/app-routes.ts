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

/** `app/rigs/[id]/page.tsx` → `/rigs/1`; route groups `(x)` vanish. */
function urlPath(file: string): string {
  const segments = relative(APP, file).split(sep).slice(0, -1).filter((s) => !/^\(.*\)$/.test(s));
  const path = segments.map((s) => (s === '[scope]' ? 'site' : s.startsWith('[') ? '1' : s)).join('/');
  return `/${path}`;
}

export interface ApiRoute {
  path: string;
  methods: string[];
}

export function apiRoutes(): ApiRoute[] {
  return files(join(APP, 'api'), 'route.ts').map((file) => {
    const src = readFileSync(file, 'utf8');
    const methods = [...src.matchAll(/export\s+(?:async\s+)?(?:function|const)\s+(GET|POST|PUT|PATCH|DELETE)\b/g)].map((m) => m[1]);
    return { path: urlPath(file), methods };
  });
}

export function pagePaths(): string[] {
  return files(APP, 'page.tsx').map(urlPath);
}
