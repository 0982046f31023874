// Preloaded through NODE_OPTIONS by the supervisor's crash-loop test (never by the product): while a file
// named "crash" exists beside the database (HASHWATT_DB, which the collector gets; the supervisor passes
// its children no variable it does not know), every collector process dies at start with a message, as a
// collector with a persistent fault would. Other processes are left alone.
const { existsSync } = require('node:fs');
const { dirname, join } = require('node:path');

const marker = process.env.HASHWATT_DB && join(dirname(process.env.HASHWATT_DB), 'crash');
if (marker && (process.argv[1] ?? '').endsWith('collectors/main.ts') && existsSync(marker)) {
  console.error('collector: cannot start: persistent fault injected by the test');
  process.exit(3);
}
