import { describe, expect, it } from 'vitest';
import { askTabsForMentions, BROWSERS, maybeScreenshot, useExtension } from './harness/fixture';

for (const name of BROWSERS) {
  describe(`foundation in ${name}`, () => {
    const h = useExtension(name);

    it('the background seeds the bundled index into IndexedDB and answers from it', async () => {
      const popup = await h.session.newTab(`${h.session.extensionOrigin}/popup.html`);
      await popup.waitFor(async () => {
        const api = (globalThis as unknown as { browser?: typeof chrome }).browser ?? chrome;
        const status = (await api.runtime.sendMessage({ type: 'status' })) as { value?: { available?: boolean } };
        return status.value?.available === true;
      }, undefined, 30_000);
      const answer = await popup.evaluate(async () => {
        const api = (globalThis as unknown as { browser?: typeof chrome }).browser ?? chrome;
        const status = (await api.runtime.sendMessage({ type: 'status' })) as { ok: boolean; value: { state: string; counts: Record<string, number> } };
        // Read the databases directly too: the records must be in IndexedDB, not only in memory.
        const open = (name: string) =>
          new Promise<IDBDatabase>((resolve, reject) => {
            const request = indexedDB.open(name);
            request.onsuccess = () => resolve(request.result);
            request.onerror = () => reject(request.error);
          });
        const all = <T,>(db: IDBDatabase, store: string, key?: IDBValidKey) =>
          new Promise<T[]>((resolve, reject) => {
            const request = key === undefined ? db.transaction(store).objectStore(store).getAll() : db.transaction(store).objectStore(store).getAll(key);
            request.onsuccess = () => resolve(request.result as T[]);
            request.onerror = () => reject(request.error);
          });
        const main = await open('summit-lens');
        const [meta] = await all<{ served: { name: string } }>(main, 'meta', 'status');
        main.close();
        const index = await open(meta!.served.name);
        // Each record's value is stored as UTF-8 JSON, deflated when it comes from the packaged records (src/store/stored.ts).
        const values = async <T,>(store: string) =>
          Promise.all(
            (await all<{ deflated: Uint8Array }>(index, store)).map(async (r) => {
              const json = new Blob([r.deflated as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
              return JSON.parse(await new Response(json).text()) as T;
            }),
          );
        const quotePages = await values<{ quotes: unknown[] }>('pages');
        const documentPages = await values<{ docs: unknown[] }>('documents');
        index.close();
        const stored = {
          index: meta!.served.name.replace(/[0-9a-f]{16}$/, 'HASH'),
          documents: documentPages.reduce((n, page) => n + page.docs.length, 0),
          quotes: quotePages.reduce((n, page) => n + page.quotes.length, 0),
        };
        return { status, stored };
      });
      expect(answer.status.ok).toBe(true);
      expect(answer.status.value.state).toBe('ready');
      expect(answer.status.value.counts).toEqual({ documents: 5, people: 70, summits: 20, quotes: 43 });
      expect(answer.stored).toEqual({ index: 'summit-lens-index-3-HASH', documents: 5, quotes: 43 });
      await popup.close();
    });

    it('the content script runs on a served page and finds its people and summits', async () => {
      const page = await h.session.newTab(h.url('vi-article.html'));
      const popup = await h.session.newTab(`${h.session.extensionOrigin}/popup.html`);
      let answers: Awaited<ReturnType<typeof askTabsForMentions>> = [];
      await popup.waitFor(() => true);
      // Until the page's answer is non-empty and the same twice: the first answers can come mid-scan.
      let previous = '';
      for (let i = 0; i < 50; i++) {
        answers = await popup.evaluate(askTabsForMentions);
        const found = answers.find((a) => (a.answer as { mentions?: unknown[] }).mentions?.length);
        if (found && JSON.stringify(found.answer) === previous) break;
        previous = found ? JSON.stringify(found.answer) : '';
        await new Promise((r) => setTimeout(r, 200));
      }
      const article = answers.find((a) => (a.answer as { mentions: unknown[] }).mentions.length > 0);
      const mentions = (article!.answer as { mentions: { id: string; kind: string; count: number; forms: string[] }[] }).mentions;
      const byId = Object.fromEntries(mentions.map((m) => [m.id, m]));
      expect(byId.putin).toMatchObject({ kind: 'person', count: 7 });
      expect(byId.trump).toMatchObject({ kind: 'person', count: 4 });
      expect(byId.zelensky).toMatchObject({ kind: 'person', count: 1, forms: ['Volodymyr Zelensky'] });
      expect(byId.lavrov).toMatchObject({ count: 1, forms: ['Sergei Lavrov'] });
      expect(byId['alaska-2025']?.kind).toBe('summit');
      expect(byId['helsinki-2018']?.kind).toBe('summit');
      await popup.close();
      await maybeScreenshot(page, `${name}-vi-article`);
      await page.close();
    });

    it('the popup renders its search', async () => {
      const popup = await h.session.newTab(`${h.session.extensionOrigin}/popup.html`);
      await popup.waitFor(() => document.querySelector('input.query') !== null);
      const shown = await popup.evaluate(() => ({
        title: document.querySelector('h1')?.textContent,
        placeholder: document.querySelector('input.query')?.getAttribute('placeholder'),
        tabs: [...document.querySelectorAll('[role=tab]')].map((t) => t.textContent),
      }));
      expect(shown).toEqual({
        title: 'Summit Lens',
        placeholder: 'Tìm phát ngôn, người, thượng đỉnh… (có dấu hoặc không dấu)',
        tabs: ['Tìm kiếm', 'Trên trang này', 'Dòng thời gian', 'Đã lưu'],
      });
      await maybeScreenshot(popup, `${name}-popup`);
      await popup.close();
    });
  });
}
