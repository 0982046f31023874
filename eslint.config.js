// ESLint flat config: the house rules a tool can check (issue 15). `npm run lint` runs it with no warning allowed.
// Type-aware rules (promises) run on the TypeScript files through the project's tsconfig (projectService);
// the few plain .js/.mjs/.cjs files get the untyped rules only.
import { defineConfig } from 'eslint/config';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const TS_FILES = ['**/*.ts', '**/*.tsx', '**/*.mts', '**/*.cts'];
const JS_FILES = ['**/*.js', '**/*.mjs', '**/*.cjs'];

// The environment is read in one module (lib/config/env.ts) into a typed object that entry points pass down.
// NODE_ENV stays readable anywhere: Next inlines it at build time, so it is not configuration read at run time;
// so does NEXT_RUNTIME, which instrumentation.ts checks to run only in the Node runtime (Next's documented pattern).
const ENV_MESSAGE =
  'Read configuration from the typed config (lib/config), not process.env: lib/config/env.ts is the one reader (process.env.NODE_ENV and NEXT_RUNTIME, which Next inlines, are allowed).';
const restrictProcessEnv = {
  'no-restricted-syntax': [
    'error',
    {
      // process.env.FOO, process.env['FOO'], process.env[key]: any member of process.env but the two Next inlines.
      selector:
        "MemberExpression[object.type='MemberExpression'][object.object.name='process'][object.property.name='env']:not([property.name=/^(NODE_ENV|NEXT_RUNTIME)$/]):not([property.value=/^(NODE_ENV|NEXT_RUNTIME)$/])",
      message: ENV_MESSAGE,
    },
    {
      // process.env used whole: passed down, spread, destructured or assigned.
      selector:
        "MemberExpression[object.name='process'][property.name='env']:not(MemberExpression[object.type='MemberExpression'] > MemberExpression.object)",
      message: ENV_MESSAGE,
    },
  ],
  'no-restricted-imports': [
    'error',
    {
      paths: [
        { name: 'node:process', importNames: ['env'], message: ENV_MESSAGE },
        { name: 'process', importNames: ['env'], message: ENV_MESSAGE },
      ],
    },
  ],
};

export default defineConfig(
  {
    ignores: [
      '.next/**',
      'data/**',
      'node_modules/**',
      'drizzle/migrations/**',
      'tests/fixtures/**',
      'test-results/**',
      'tmp/**',
      'public/icons/**',
      '.jscpd-report/**',
      'next-env.d.ts',
      '**/*.d.ts',
    ],
  },
  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    rules: {
      // Off: every control character in a regex here is meant. Device replies, user input and metric labels are
      // scanned for \x00-\x1f on purpose (to refuse or strip them); the rule exists to catch accidental ones.
      'no-control-regex': 'off',
    },
  },
  {
    files: TS_FILES,
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.node },
    },
    rules: {
      // A promise nobody awaits loses its rejection (an unhandled rejection ends the process on Node 20);
      // fire-and-forget is written `void promise` so the intent shows.
      '@typescript-eslint/no-floating-promises': 'error',
      // An async callback where a void one is expected (event handlers, forEach) drops its rejection the same way.
      '@typescript-eslint/no-misused-promises': 'error',
      // Awaiting a value that is not a promise is a slip (a sync function thought async).
      '@typescript-eslint/await-thenable': 'error',
      // `_`-prefixed names are deliberately unused (a callback's leading parameters, a rest sibling to drop a key).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
    },
  },
  {
    files: JS_FILES,
    ...tseslint.configs.disableTypeChecked,
    languageOptions: { globals: { ...globals.node } },
  },
  {
    // Off for CommonJS: require() is how a .cjs file imports (tests/support/crash-collector.cjs runs under plain node).
    files: ['**/*.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['public/sw.js'],
    languageOptions: { sourceType: 'script', globals: { ...globals.serviceworker } },
  },
  {
    files: ['app/**/*.tsx'],
    ...reactHooks.configs.flat.recommended,
    rules: {
      ...reactHooks.configs.flat.recommended.rules,
      // Off: it reports where the React Compiler would skip a component, and this app does not run the compiler
      // (next.config.js has no reactCompiler); the memoization it doubts is ordinary useMemo with full deps.
      'react-hooks/preserve-manual-memoization': 'off',
    },
  },
  {
    // Off for pages and layouts: they are server components (none says 'use client'), rendered once per request,
    // so Date.now() there is the request's time, not a value that changes between re-renders of one component.
    files: ['app/**/page.tsx', 'app/**/layout.tsx'],
    rules: { 'react-hooks/purity': 'off' },
  },
  {
    files: [...TS_FILES, ...JS_FILES],
    ignores: ['lib/config/env.ts', 'tests/**', 'bench/**', 'eslint.config.js', 'next.config.js', 'drizzle/drizzle.config.ts'],
    rules: restrictProcessEnv,
  },
);
