/** Prints one plain closing line, "tests: N passed, N failed[, N skipped]", after vitest's own report. */
import type { Reporter, TestModule } from 'vitest/node';

export default class SummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    const count = { passed: 0, failed: 0, skipped: 0 };
    for (const mod of testModules) {
      for (const test of mod.children.allTests()) {
        const state = test.result().state;
        if (state === 'passed') count.passed++;
        else if (state === 'failed') count.failed++;
        else count.skipped++;
      }
      if (mod.state() === 'failed' && [...mod.children.allTests()].length === 0) count.failed++; // a file that failed to load
    }
    const skipped = count.skipped ? `, ${count.skipped} skipped` : '';
    console.log(`\ntests: ${count.passed} passed, ${count.failed} failed${skipped}`);
  }
}
