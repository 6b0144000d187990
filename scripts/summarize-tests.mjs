// Sums Vitest's JSON reports into the one plain line CI reads, counting each
// test once. Vitest's numFailedTestSuites counts the file and every enclosing
// describe of a failed test, so adding it to numFailedTests said "3 failed"
// for one failed test; only a file that failed with no failed test in it (an
// import error, a failing beforeAll) adds one of its own. A report that is
// missing counts as a failure: a suite that did not run did not pass.
import { readFileSync } from 'node:fs';

let passed = 0;
let failed = 0;
let skipped = 0;
for (const file of process.argv.slice(2)) {
  try {
    const report = JSON.parse(readFileSync(file, 'utf8'));
    passed += report.numPassedTests;
    failed += report.numFailedTests;
    skipped += report.numPendingTests + (report.numTodoTests ?? 0);
    for (const result of report.testResults ?? []) {
      const failedTests = result.assertionResults.filter((test) => test.status === 'failed').length;
      if (result.status === 'failed' && failedTests === 0) {
        console.error(`${result.name} failed outside its tests: ${result.message || 'no message'}`);
        failed += 1;
      }
    }
  } catch {
    console.error(`No test report at ${file}: that suite did not run.`);
    failed += 1;
  }
}
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
