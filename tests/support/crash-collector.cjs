// Preloaded through NODE_OPTIONS by the supervisor's crash-loop test (never by the product): while the
// file named by HASHWATT_TEST_CRASH_MARKER exists, every collector process dies at start with a message,
// as a collector with a persistent fault would. Other processes are left alone.
const { existsSync } = require('node:fs');

const marker = process.env.HASHWATT_TEST_CRASH_MARKER;
if (marker && (process.argv[1] ?? '').endsWith('collectors/main.ts') && existsSync(marker)) {
  console.error('collector: cannot start: persistent fault injected by the test');
  process.exit(3);
}
