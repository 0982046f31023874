/**
 * The modules a source file loads, followed through its relative imports: for tests that check a pure module
 * (a descriptor list, say) pulls in no I/O. Reads the files as text (static `import`/`export ... from`, type-only
 * imports excluded since they load nothing at run time).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';

/** Every file and package reached from `entry`: files relative to `root`, packages by their specifier. */
export function reachableModules(entry: string, root: string): { files: string[]; packages: string[] } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const queue = [resolve(entry)];
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (files.has(file)) continue;
    files.add(file);
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/^\s*(?:import|export)\s+(type\s+)?(?:[^'";]*?\s+from\s+)?['"]([^'"]+)['"]/gm)) {
      if (m[1]) continue;
      const spec = m[2];
      if (!spec.startsWith('.')) {
        packages.add(spec);
        continue;
      }
      const base = resolve(dirname(file), spec);
      const found = [`${base}.ts`, `${base}.tsx`, `${base}/index.ts`, base].find((p) => existsSync(p) && !p.endsWith('/'));
      if (!found) throw new Error(`${relative(root, file)}: cannot resolve ${spec}`);
      queue.push(found);
    }
  }
  return { files: [...files].map((f) => relative(root, f)).sort(), packages: [...packages].sort() };
}
