import { render } from 'preact';
import { browser } from 'wxt/browser';
import { loadSettings, saveSettings, watchSettings } from '@/src/settings/store';
import { OptionsApp } from '@/src/ui/options/OptionsApp';
import '@/src/ui/theme.css';
import '@/src/ui/options/options.css';

async function main() {
  const settings = await loadSettings(browser.storage.local);
  document.documentElement.lang = settings.language;
  watchSettings(browser.storage.onChanged, (next) => (document.documentElement.lang = next.language));
  const commands = await browser.commands?.getAll().catch(() => []);
  const shortcut = commands?.find((c) => c.name === 'toggle-enabled')?.shortcut || null;
  render(<OptionsApp env={{ settings, save: (next) => saveSettings(browser.storage.local, next), shortcut }} />, document.getElementById('app')!);
}

void main();
