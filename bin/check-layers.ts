/**
 * `npm run deps`: checks the layer rules of .dependency-cruiser.cjs over lib app collectors bin server.ts
 * instrumentation.ts (those that exist), plus the folder-cycle rules below, and prints every offending
 * import as `rule: from -> to`. Exit status 1 when anything is found, 2 when the check itself failed.
 *
 * Usage: node --import tsx bin/check-layers.ts [path ...]   (paths relative to the current directory)
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { cruise, type IConfiguration, type ICruiseResult, type IModule, type IViolation } from 'dependency-cruiser';

/** What `npm run deps` checks when given no paths: every folder and file that holds product code. */
export const DEFAULT_ROOTS = ['lib', 'app', 'collectors', 'bin', 'server.ts', 'instrumentation.ts'];

/** The repository's rule file, found next to this script rather than in the current directory. */
export const CONFIG_PATH = fileURLToPath(new URL('../.dependency-cruiser.cjs', import.meta.url));

/** A rule over whole folders: `prefix` plus one path segment is a unit. */
export interface FolderCycleRule {
  name: string;
  prefix: string;
}

/** One offending import: the rule it breaks, the importing and the imported file, and why it offends. */
export interface LayerViolation {
  rule: string;
  from: string;
  to: string;
  /** The cycle or chain that makes the import an offence; empty for a plain forbidden import. */
  detail: string;
}

/**
 * Cycle rules over folders taken whole, which dependency-cruiser cannot express: its folder rules work per
 * directory (lib/db/mutations is a folder apart from lib/db) while a layer is a top-level folder and all
 * under it. A unit is `prefix` plus the next path segment: lib/db/** is one unit, lib/config.ts another.
 */
export const FOLDER_CYCLE_RULES: readonly FolderCycleRule[] = [
  {
    name: 'no-lib-folder-cycle',
    // Two lib/ folders that import each other (through any chain) are one layer in two places: neither can be
    // moved, tested or understood alone, and nothing says any more which one is the lower layer.
    prefix: 'lib/',
  },
  {
    name: 'no-collectors-folder-cycle',
    // The same for collectors/ (drivers, detect, gpu-agent, simulator, sources, jobs): the device drivers sit
    // below everything that uses them, and a driver never needs to know what runs it.
    prefix: 'collectors/',
  },
];

/**
 * Runs every rule over `roots` (relative to `baseDir`) and returns the violations, sorted, each as
 * `{ rule, from, to, detail }`; `detail` says which cycle or chain made an import an offence.
 */
export async function checkLayers({
  roots = DEFAULT_ROOTS,
  baseDir = process.cwd(),
}: { roots?: readonly string[]; baseDir?: string } = {}): Promise<LayerViolation[]> {
  const present = roots.filter((root) => existsSync(resolve(baseDir, root)));
  if (present.length === 0) throw new Error(`none of ${roots.join(', ')} exists under ${baseDir}`);
  const { forbidden, options } = createRequire(import.meta.url)(CONFIG_PATH) as IConfiguration;
  const result = await cruise(present, { ...options, baseDir, ruleSet: { forbidden }, validate: true, outputType: 'json' });
  const output = (typeof result.output === 'string' ? JSON.parse(result.output) : result.output) as ICruiseResult;
  const moduleViolations = output.summary.violations.map((violation) => ({
    rule: violation.rule.name,
    from: violation.from,
    to: violation.to,
    detail: describeChain(violation),
  }));
  const folderViolations = FOLDER_CYCLE_RULES.flatMap((rule) => folderCycles(output.modules, rule));
  return [...moduleViolations, ...folderViolations].sort(compareViolations);
}

/** One line per violation, as `npm run deps` prints it. */
export function formatViolation({ rule, from, to, detail }: LayerViolation): string {
  return `${rule}: ${from} -> ${to}${detail ? `  (${detail})` : ''}`;
}

/** Imports between units of `rule.prefix` that lie on a cycle of units, found as strongly connected components. */
export function folderCycles(modules: readonly IModule[], rule: FolderCycleRule): LayerViolation[] {
  const unitOf = (path: string): string | null => {
    if (!path.startsWith(rule.prefix)) return null;
    const [segment] = path.slice(rule.prefix.length).split('/');
    return segment ? rule.prefix + segment : null;
  };
  const imports: { from: string; to: string; fromUnit: string; toUnit: string }[] = [];
  for (const module of modules) {
    const fromUnit = unitOf(module.source);
    if (!fromUnit) continue;
    for (const dependency of module.dependencies) {
      const toUnit = unitOf(dependency.resolved);
      if (toUnit && toUnit !== fromUnit) imports.push({ from: module.source, to: dependency.resolved, fromUnit, toUnit });
    }
  }
  const componentOf = stronglyConnected(imports.map(({ fromUnit, toUnit }) => [fromUnit, toUnit]));
  return imports
    .filter(({ fromUnit, toUnit }) => componentOf.get(fromUnit) === componentOf.get(toUnit))
    .map(({ from, to, fromUnit }) => ({
      rule: rule.name,
      from,
      to,
      detail: `folders on one cycle: ${componentOf.get(fromUnit)!.join(', ')}`,
    }));
}

/** Maps each node to its strongly connected component (a sorted array shared by its members; Tarjan). */
function stronglyConnected(edges: readonly (readonly [string, string])[]): Map<string, string[]> {
  const next = new Map<string, Set<string>>();
  for (const [from, to] of edges) {
    if (!next.has(from)) next.set(from, new Set());
    if (!next.has(to)) next.set(to, new Set());
    next.get(from)!.add(to);
  }
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const componentOf = new Map<string, string[]>();
  let counter = 0;
  const visit = (node: string): void => {
    index.set(node, counter);
    low.set(node, counter);
    counter += 1;
    stack.push(node);
    onStack.add(node);
    for (const target of next.get(node)!) {
      if (!index.has(target)) {
        visit(target);
        low.set(node, Math.min(low.get(node)!, low.get(target)!));
      } else if (onStack.has(target)) {
        low.set(node, Math.min(low.get(node)!, index.get(target)!));
      }
    }
    if (low.get(node) !== index.get(node)) return;
    const component: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      component.push(member);
    } while (member !== node);
    component.sort();
    for (const each of component) componentOf.set(each, component);
  };
  for (const node of [...next.keys()].sort()) if (!index.has(node)) visit(node);
  return componentOf;
}

function describeChain(violation: IViolation): string {
  if (violation.cycle?.length) return `cycle: ${[violation.from, ...violation.cycle.map((step) => step.name)].join(' -> ')}`;
  if (violation.via?.length) return `via: ${violation.via.map((step) => step.name).join(' -> ')}`;
  return '';
}

function compareViolations(a: LayerViolation, b: LayerViolation): number {
  return a.rule.localeCompare(b.rule) || a.from.localeCompare(b.from) || a.to.localeCompare(b.to);
}

async function main(argv: readonly string[]): Promise<number> {
  const roots = argv.length > 0 ? argv : DEFAULT_ROOTS;
  const violations = await checkLayers({ roots });
  for (const violation of violations) console.log(formatViolation(violation));
  const rules = new Set(violations.map(({ rule }) => rule));
  console.log(
    violations.length === 0
      ? 'layer rules: no violations'
      : `layer rules: ${violations.length} offending imports breaking ${rules.size} rules (${[...rules].join(', ')})`,
  );
  return violations.length === 0 ? 0 : 1;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error) => {
      console.error(`layer rules: the check failed: ${error instanceof Error ? error.stack : error}`);
      process.exit(2);
    },
  );
}
