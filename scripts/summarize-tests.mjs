// Sums Vitest's JSON reports into the one plain line CI reads, counting each
// test once. Vitest's numFailedTestSuites counts the file and every enclosing
// describe of a failed test, so adding it to numFailedTests said "3 failed"
// for one failed test; only a file that failed with no failed test in it (an
// import error, a failing beforeAll) adds one of its own. A report that is
// missing counts as a failure: a suite that did not run did not pass. Each
// failed test is named again, with the start of its message, just above the
// summary: CI shows only the end of the log, and a failure it cannot name
// cannot be fixed.
import { readFileSync } from 'node:fs';

let passed = 0;
let failed = 0;
let skipped = 0;
const failures = [];
for (const file of process.argv.slice(2)) {
  try {
    const report = JSON.parse(readFileSync(file, 'utf8'));
    passed += report.numPassedTests;
    failed += report.numFailedTests;
    skipped += report.numPendingTests + (report.numTodoTests ?? 0);
    for (const result of report.testResults ?? []) {
      const failedTests = result.assertionResults.filter((test) => test.status === 'failed');
      for (const test of failedTests) {
        const message = (test.failureMessages ?? []).join('\n').split('\n').slice(0, 12).join('\n');
        failures.push(`✗ ${result.name} › ${test.fullName}\n${message}`);
      }
      if (result.status === 'failed' && failedTests.length === 0) {
        failures.push(`✗ ${result.name} failed outside its tests: ${result.message || 'no message'}`);
        failed += 1;
      }
    }
  } catch {
    console.error(`No test report at ${file}: that suite did not run.`);
    failed += 1;
  }
}
for (const failure of failures) console.error(failure);
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
