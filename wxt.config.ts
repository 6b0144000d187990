import { defineConfig } from 'wxt';

/**
 * Firefox 140 is the first with the CSS Custom Highlight API and
 * data_collection_permissions. Fixed so Firefox keeps storage across updates and tests can predict the extension URL. */
export const GECKO_ID = 'summit-lens@summitlens.dev';

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({
    esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
  }),
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'vi',
    permissions: ['storage'],
    action: { default_title: '__MSG_extName__' },
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
