import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../../..');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };

describe('package.json scripts', () => {
  it('every file a script runs exists (test:e2e once pointed at a missing tests/e2e/run.ts)', () => {
    const missing = Object.entries(pkg.scripts).flatMap(([name, command]) =>
      command
        .split(/\s+/)
        .filter((word) => /^[\w.-]+(\/[\w.-]+)+\.(ts|mts|js|mjs|sh)$/.test(word))
        .filter((path) => !existsSync(join(ROOT, path)))
        .map((path) => `${name}: ${path}`),
    );
    expect(missing).toEqual([]);
  });

  it('test:e2e runs the end-to-end suite with its config', () => {
    expect(pkg.scripts['test:e2e']).toBe('vitest run -c vitest.e2e.config.ts');
    expect(existsSync(join(ROOT, 'vitest.e2e.config.ts'))).toBe(true);
  });
});
