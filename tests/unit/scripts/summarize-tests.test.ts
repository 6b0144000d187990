import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'summarize-tests-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

type Status = 'passed' | 'failed' | 'skipped';
interface FileResult {
  name: string;
  status: 'passed' | 'failed';
  message?: string;
  tests: Status[];
  /** How many describe blocks enclose the tests: Vitest counts each as a suite. */
  depth: number;
}

/** A report shaped as Vitest 4's JSON reporter writes it, suites counted its way (files and describes). */
function report(files: FileResult[]): object {
  const tests = files.flatMap((f) => f.tests);
  const failedSuites = files.filter((f) => f.status === 'failed').reduce((n, f) => n + 1 + (f.tests.includes('failed') ? f.depth : 0), 0);
  return {
    numTotalTestSuites: files.reduce((n, f) => n + 1 + f.depth, 0),
    numFailedTestSuites: failedSuites,
    numTotalTests: tests.length,
    numPassedTests: tests.filter((t) => t === 'passed').length,
    numFailedTests: tests.filter((t) => t === 'failed').length,
    numPendingTests: tests.filter((t) => t === 'skipped').length,
    numTodoTests: 0,
    success: failedSuites === 0,
    testResults: files.map((f) => ({
      name: f.name,
      status: f.status,
      message: f.message ?? '',
      assertionResults: f.tests.map((status, i) => ({
        title: `test ${i}`,
        fullName: `suite test ${i}`,
        status,
        failureMessages: status === 'failed' ? [`AssertionError: expected 0 to be 1 in test ${i}\n    at ${f.name}:10:5`] : [],
      })),
    })),
  };
}

function summarize(...reports: (object | null)[]): { line: string; code: number | null; stderr: string } {
  const paths = reports.map((r, i) => {
    const path = join(dir, `report-${Math.random().toString(36).slice(2)}-${i}.json`);
    if (r !== null) writeFileSync(path, JSON.stringify(r));
    return path;
  });
  const run = spawnSync(process.execPath, ['scripts/summarize-tests.mjs', ...paths], { encoding: 'utf8' });
  return { line: run.stdout.trim(), code: run.status, stderr: run.stderr };
}

describe('summarize-tests', () => {
  it('counts one failed e2e test inside two describe blocks once, not once per enclosing suite', () => {
    const unit = report([{ name: 'a.test.ts', status: 'passed', tests: ['passed', 'passed', 'skipped'], depth: 1 }]);
    const e2e = report([
      { name: 'content-hover.e2e.ts', status: 'failed', tests: ['passed', 'failed', 'passed'], depth: 2 },
      { name: 'popup.e2e.ts', status: 'passed', tests: ['passed'], depth: 1 },
    ]);
    expect((e2e as { numFailedTestSuites: number }).numFailedTestSuites).toBe(3);
    expect(summarize(unit, e2e)).toMatchObject({ line: '5 passed, 1 failed, 1 skipped', code: 1 });
  });

  it('names each failed test with the start of its message, for a CI log that keeps only its end', () => {
    const unit = report([{ name: 'seed.test.ts', status: 'failed', tests: ['passed', 'failed'], depth: 1 }]);
    const out = summarize(unit);
    expect(out.line).toBe('1 passed, 1 failed');
    expect(out.stderr).toBe('✗ seed.test.ts › suite test 1\nAssertionError: expected 0 to be 1 in test 1\n    at seed.test.ts:10:5\n');
  });

  it('counts a file that failed outside its tests (an import error) as one failure and names it', () => {
    const e2e = report([
      { name: 'broken.e2e.ts', status: 'failed', message: 'Cannot find module', tests: [], depth: 0 },
      { name: 'ok.e2e.ts', status: 'passed', tests: ['passed', 'passed'], depth: 1 },
    ]);
    const out = summarize(e2e);
    expect(out).toMatchObject({ line: '2 passed, 1 failed', code: 1 });
    expect(out.stderr).toContain('broken.e2e.ts failed outside its tests: Cannot find module');
  });

  it('counts a missing report as one failure', () => {
    const unit = report([{ name: 'a.test.ts', status: 'passed', tests: ['passed'], depth: 0 }]);
    const out = summarize(unit, null);
    expect(out).toMatchObject({ line: '1 passed, 1 failed', code: 1 });
    expect(out.stderr).toContain('that suite did not run');
  });

  it('passes when every test passed, and fails when no test ran at all', () => {
    expect(summarize(report([{ name: 'a.test.ts', status: 'passed', tests: ['passed', 'passed'], depth: 1 }]))).toMatchObject({ line: '2 passed, 0 failed', code: 0 });
    expect(summarize(report([]))).toMatchObject({ line: '0 passed, 0 failed', code: 1 });
  });
});
