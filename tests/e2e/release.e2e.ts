/**
 * The packages as the stores receive them: one version everywhere, every file
 * a manifest names present, and Mozilla's review rebuild — the sources zip,
 * unpacked in an empty folder, built with the README's commands — giving a
 * Firefox package whose files are byte-identical to ours.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { missingFiles } from '../../src/release/manifest-files';
import { ROOT } from './harness/fixture';

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { name: string; version: string };
const PACKAGES = ['chrome-mv3', 'firefox-mv3'] as const;

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)))
    .sort();
}

/** `path → sha256` of every file in a built package. */
function hashes(dir: string): Record<string, string> {
  return Object.fromEntries(filesUnder(dir).map((f) => [f, createHash('sha256').update(readFileSync(join(dir, f))).digest('hex')]));
}

/** A shell as a reviewer's: without the variables this test runner sets (NODE_ENV=test, VITEST*), which would change the build. */
function reviewerEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== 'NODE_ENV' && !k.startsWith('VITEST') && k !== 'TEST'));
}
const run = (cmd: string, args: string[], cwd: string) => execFileSync(cmd, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'], env: reviewerEnv() });

describe('release packages', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'summit-lens-review-'));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it('both manifests carry the package.json version and name only files their package has', () => {
    for (const name of PACKAGES) {
      const dir = join(ROOT, '.output', name);
      const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Record<string, unknown>;
      expect(manifest.version, name).toBe(pkg.version);
      expect(missingFiles(manifest, (f) => existsSync(join(dir, f)), name)).toBeNull();
      // The 128 px icon the Chrome Web Store requires, and Firefox's 96.
      expect(manifest.icons).toMatchObject({ 16: 'icon/16.png', 32: 'icon/32.png', 48: 'icon/48.png', 96: 'icon/96.png', 128: 'icon/128.png' });
    }
  });

  it('the sources zip, unpacked in an empty folder and built as its README says, gives a byte-identical Firefox package', () => {
    run('npx', ['wxt', 'zip', '-b', 'firefox', '--mv3'], ROOT);
    const sources = join(ROOT, '.output', `${pkg.name}-${pkg.version}-sources.zip`);
    expect(existsSync(join(ROOT, '.output', `${pkg.name}-${pkg.version}-firefox.zip`))).toBe(true);
    expect(existsSync(sources)).toBe(true);
    const ours = hashes(join(ROOT, '.output', 'firefox-mv3'));

    const review = join(scratch, 'src');
    run('unzip', ['-q', sources, '-d', review], scratch);
    const listed = filesUnder(review);
    // What a reviewer needs, and nothing generated, git-ignored or local.
    expect(listed).toEqual(expect.arrayContaining(['README.md', 'package.json', 'package-lock.json', 'wxt.config.ts', 'assets/icon.svg', 'scripts/build-index.ts']));
    expect(listed.filter((f) => /^(node_modules|\.output|artifacts|bench\/results|store\/screenshots|docs\/screenshots)\//.test(f) || f === 'public/summit-index.jsonl')).toEqual([]);
    const readme = readFileSync(join(review, 'README.md'), 'utf8');
    expect(readme).toContain('npm ci && npm run build');

    run('npm', ['ci', '--no-audit', '--no-fund'], review);
    run('npm', ['run', 'build'], review);
    const theirs = hashes(join(review, '.output', 'firefox-mv3'));
    expect(Object.keys(theirs)).toEqual(Object.keys(ours));
    const differing = Object.keys(ours).filter((f) => ours[f] !== theirs[f]);
    expect(differing).toEqual([]);
    // No machine's paths baked in: neither this checkout's nor the review folder's.
    for (const f of Object.keys(ours)) {
      const text = readFileSync(join(ROOT, '.output', 'firefox-mv3', f), 'latin1');
      expect(text.includes(ROOT) || text.includes(review), f).toBe(false);
    }
  }, 900_000);
});
