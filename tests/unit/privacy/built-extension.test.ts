import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Static checks on what `npm run build` produced (scripts/test.sh builds before
 * the unit tests run): the manifests ask for nothing beyond storage (and Chrome's offscreen document) and the
 * content scripts' own matches, and no shipped script can reach the network or
 * evaluate strings as code.
 */
const ROOT = resolve(import.meta.dirname, '../../..');
const BUILDS = { chromium: join(ROOT, '.output', 'chrome-mv3'), firefox: join(ROOT, '.output', 'firefox-mv3') };

function scripts(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) return scripts(path);
    return path.endsWith('.js') ? [path] : [];
  });
}

/** APIs that evaluate strings or open a connection: none may appear in any shipped script. */
const FORBIDDEN = ['eval(', 'new Function(', 'Function(', "fetch('http", 'fetch("http', 'fetch(`http', 'XMLHttpRequest', 'WebSocket', 'sendBeacon', 'EventSource', 'importScripts('];

/**
 * Every absolute http(s) URL text allowed in the bundles, with its reason.
 * Anything else (an analytics host, a CDN) fails the test.
 */
const ALLOWED_URL_TEXT: Record<string, string> = {
  'http://${': 'settings.normalizeSite parses a bare host as `http://${host}` to read its hostname (no request)',
  'http://www.w3.org/2000/svg': 'Preact: SVG namespace for createElementNS',
  'http://www.w3.org/1998/Math/MathML': 'Preact: MathML namespace for createElementNS',
  'http://www.w3.org/1999/xhtml': 'Preact: XHTML namespace',
};

for (const [name, dir] of Object.entries(BUILDS)) {
  describe(`the built ${name} extension`, () => {
    it('exists (run `npm run build` first)', () => {
      expect(existsSync(join(dir, 'manifest.json')), `${dir}/manifest.json is missing: run npm run build`).toBe(true);
    });

    it('asks only for storage (and in Chrome, whose worker has no DOM, an offscreen document to read added pages), exposes nothing to pages and keeps the default CSP', () => {
      const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Record<string, unknown>;
      expect(manifest.manifest_version).toBe(3);
      expect(manifest.permissions).toEqual(name === 'chromium' ? ['storage', 'offscreen'] : ['storage']);
      expect(manifest.optional_permissions).toBeUndefined();
      // The content scripts' matches are the only host access; no host_permissions on top.
      expect(manifest.host_permissions).toBeUndefined();
      expect(manifest.optional_host_permissions).toBeUndefined();
      expect((manifest.content_scripts as { matches: string[] }[]).map((c) => c.matches)).toEqual([['<all_urls>']]);
      expect(manifest.web_accessible_resources).toBeUndefined();
      expect(manifest.externally_connectable).toBeUndefined();
      // No custom CSP: the MV3 default forbids unsafe-eval and remote code.
      expect(manifest.content_security_policy).toBeUndefined();
      expect(JSON.stringify(manifest)).not.toContain('unsafe-eval');
      expect(manifest.update_url).toBeUndefined();
    });

    it('ships no script that evaluates strings or talks to the network', () => {
      const files = scripts(dir);
      expect(files.length).toBeGreaterThan(3);
      const found: string[] = [];
      const urls = new Set<string>();
      for (const file of files) {
        const text = readFileSync(file, 'utf8');
        for (const api of FORBIDDEN) if (text.includes(api)) found.push(`${relative(dir, file)}: ${api}`);
        for (const match of text.matchAll(/https?:\/\/(\$\{|[\w.-]+(?:\/[\w./-]*)?)/g)) urls.add(match[0]);
      }
      expect(found).toEqual([]);
      expect([...urls].filter((url) => !(url in ALLOWED_URL_TEXT)).sort()).toEqual([]);
    });
  });
}
