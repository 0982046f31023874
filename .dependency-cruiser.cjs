/**
 * Layer rules of Hashwatt (docs: ../shared/design/architecture.md, "Entry points and checked boundaries").
 * `npm run deps` (bin/check-layers.ts) runs these rules and, on top of them, the two folder-cycle rules
 * dependency-cruiser cannot express (no-lib-folder-cycle, no-collectors-folder-cycle: defined with their
 * reasons in bin/check-layers.ts), and prints every offending import as `rule: from -> to`. tests/unit/house/layer-rules.test.ts plants one violation of
 * each rule in a throwaway tree and checks that each is reported by name.
 *
 * The layering, bottom to top:
 *   lib/domain                      pure types and rules of the fleet; imports nothing but itself (and zod)
 *   lib/economics, lib/alerts       pure computations over domain values; no I/O
 *   lib/db, lib/realtime, lib/notify, lib/web, lib/net, ...   I/O shells
 *   app/, collectors/, bin/, server.ts, instrumentation.ts    processes and routes: the only callers of all that
 */

/** Folders whose modules talk to the outside world: a database, a socket, a file, a process, a network. */
const IO_LIB_FOLDERS = 'db|net|notify|realtime|web|metrics|secrets|config|cli|supervisor';

/**
 * npm packages that do no I/O and that the pure layers may use: zod (input schemas) only, directly or through
 * lib/util/zod-browser.ts (the same z, switched to its jitless mode in a browser so schemas a screen loads
 * keep the Content-Security-Policy's no-eval), and lib/util/result.ts (the one Result type every fallible
 * step returns: two types and two constructors, no imports). Anything else a pure layer needs is added here
 * with the reason.
 */
const PURE_PACKAGES = ['^node_modules/zod/', '^lib/util/zod-browser\\.ts$', '^lib/util/result\\.ts$'];

/** lib/ folders the pure computations (economics, alerts) may import: each other, the domain, and helpers. */
const PURE_LIB_FOLDERS = ['^lib/(domain|economics|alerts|format|util)/'];

module.exports = {
  forbidden: [
    {
      name: 'lib-imports-no-entry-or-app',
      comment:
        'lib/ is library code: processes (collectors/, bin/, server.ts, instrumentation.ts) and the web app (app/) ' +
        'call into it, never the other way round, so any entry point can load lib/ without starting another.',
      severity: 'error',
      from: { path: '^lib/' },
      to: { path: ['^(collectors|app|bin)/', '^(server|instrumentation)\\.ts$'] },
    },
    {
      name: 'app-imports-no-collectors',
      comment:
        'The web must never load code that talks to devices (drivers, detection, the simulator): driver names and ' +
        'ports come from pure descriptor lists in lib/. A web process that can open device sockets is one bug ' +
        'away from letting a browser reach the mining LAN.',
      severity: 'error',
      from: { path: '^app/' },
      to: { path: ['^(collectors|bin)/', '^(server|instrumentation)\\.ts$'] },
    },
    {
      name: 'collectors-imports-no-app-or-entry',
      comment:
        'The collector runs without the web app (a separate process that must keep polling when the web is ' +
        'down or being rebuilt): it shares lib/ with it, never app/ code, and never the entry points that start it.',
      severity: 'error',
      from: { path: '^collectors/' },
      to: { path: ['^(app|bin)/', '^(server|instrumentation)\\.ts$'] },
    },
    {
      name: 'domain-imports-only-domain',
      comment:
        'lib/domain is the bottom layer: every other layer may use it, so it may use none of them (that would be ' +
        'a cycle in waiting) and no I/O. Allowed outside it: PURE_PACKAGES (zod).',
      severity: 'error',
      from: { path: '^lib/domain/' },
      to: { pathNot: ['^lib/domain/', ...PURE_PACKAGES] },
    },
    {
      name: 'economics-alerts-no-io',
      comment:
        'Profit and alert rules are pure functions of readings, prices and the clock they are given, so they are ' +
        'tested without a database or a socket and can never stall a sweep. They may import only the domain, ' +
        'each other, lib/format, lib/util and PURE_PACKAGES: no lib/db, lib/realtime, lib/notify, lib/net, ' +
        'lib/web, lib/metrics, lib/secrets, no node built-in (fs, net, http, https, child_process, dgram, ...), ' +
        'no better-sqlite3, drizzle-orm, socket.io.',
      severity: 'error',
      from: { path: '^lib/(economics|alerts)/' },
      to: { pathNot: [...PURE_LIB_FOLDERS, ...PURE_PACKAGES] },
    },
    {
      name: 'economics-alerts-reach-no-io',
      comment:
        'The rule above looks at direct imports; lib/util also holds small I/O helpers (capped file reads, temp ' +
        'dirs, child processes), so this one forbids reaching I/O through any chain of imports as well.',
      severity: 'error',
      from: { path: '^lib/(economics|alerts)/' },
      to: {
        reachable: true,
        path: [
          `^lib/(${IO_LIB_FOLDERS})/`,
          '^(node:)?(fs|fs/promises|net|http|https|http2|child_process|dgram|dns|dns/promises|tls|cluster|worker_threads)$',
          '^node_modules/(better-sqlite3|drizzle-orm|socket\\.io|socket\\.io-client|nodemailer|prom-client|next)/',
        ],
      },
    },
    {
      name: 'no-file-cycle',
      comment:
        'A file cycle means neither file can be understood, tested or loaded without the other, and module ' +
        'initialisation order decides what is undefined. Type-only imports count (tsPreCompilationDeps): a type ' +
        'cycle is the same tangle, only hidden from the runtime.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'no-unresolvable',
      comment: 'An import the checker cannot resolve is an import it cannot check: a rule would pass by not seeing it.',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // Type-only imports are dependencies too (see no-file-cycle).
    tsPreCompilationDeps: true,
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      mainFields: ['module', 'main', 'types', 'typings'],
    },
  },
};
