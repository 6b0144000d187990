import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { defineConfig } from 'wxt';
import { checkIcons, iconSet } from './src/release/icons';
import { perElementHighlights } from './src/page/highlight-css';

/**
 * Firefox 140 is the first with the CSS Custom Highlight API and
 * data_collection_permissions. Fixed so Firefox keeps storage across updates and tests can predict the extension URL. */
export const GECKO_ID = 'summit-lens@summitlens.dev';

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: ({ browser }) => ({
    // jsxDev pinned: otherwise NODE_ENV in the builder's shell (a test runner sets `test`) switches to the dev JSX runtime and the package is no longer byte-reproducible.
    esbuild: { jsx: 'automatic', jsxImportSource: 'preact', jsxDev: false },
    // Firefox has no highlight inheritance: its marks' rules go on every element.
    plugins:
      browser === 'firefox'
        ? [{ name: 'summit-lens:per-element-highlights', enforce: 'pre' as const, transform: (code: string, id: string) => (/\/highlights\.css(\?|$)/.test(id) ? perElementHighlights(code) : null) }]
        : [],
  }),
  zip: {
    // Generated or local (the review rebuild makes the index itself, `npm run build`), and the screenshots, which no build reads.
    excludeSources: ['artifacts/**', 'bench/results/**', 'public/summit-index.jsonl', 'store/screenshots/**', 'docs/screenshots/**'],
  },
  hooks: {
    // A missing or mis-sized icon stops the build with its name, before a package without it exists.
    'build:before': (wxt) => {
      checkIcons((path) => {
        const file = join(wxt.config.publicDir, path);
        return existsSync(file) ? readFileSync(file) : null;
      });
    },
  },
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'vi',
    // Chrome's worker has no DOM: an added page is parsed in an offscreen document (decision 0064). Firefox parses in its background page.
    permissions: browser === 'firefox' ? ['storage'] : ['storage', 'offscreen'],
    icons: iconSet('on'),
    action: { default_title: '__MSG_extName__', default_icon: iconSet('on') },
    commands: {
      'toggle-enabled': { suggested_key: { default: 'Alt+Shift+S' }, description: '__MSG_commandToggle__' },
      'open-next-mention': { suggested_key: { default: 'Alt+Shift+M' }, description: '__MSG_commandNextMention__' },
      'add-this-page': { suggested_key: { default: 'Alt+Shift+A' }, description: '__MSG_commandAddThisPage__' },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: GECKO_ID,
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
            // The first Firefox for Android that reads data_collection_permissions.
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
});
