// @vitest-environment happy-dom
import { beforeAll, describe, expect, it } from 'vitest';
import { PageScanner } from '../../../src/page/scanner';
import { lexicon } from '../matcher/fixture';
import { installHighlightFakes } from './dom-fakes';

beforeAll(installHighlightFakes);

describe('PageScanner queue', () => {
  it('scans every entry a live blog adds in one task, not only the first (a drain that finished without yielding took no more)', async () => {
    document.body.innerHTML = '<div id="entries"><div class="entry"><p>Markets were calm.</p></div></div>';
    const scanner = new PageScanner(document, { lexicon, style: 'underline', detect: { person: true, summit: true }, onChange: () => undefined });
    await scanner.scan(document.body);
    const entries = document.getElementById('entries')!;
    const added: Node[] = [];
    for (const text of ['Vladimir Putin arrived in Anchorage for the Alaska summit.', 'The Alaska summit talks have ended.']) {
      const entry = document.createElement('div');
      entry.innerHTML = '<p></p>';
      entry.firstChild!.textContent = text;
      entries.prepend(entry);
      added.push(entry);
    }
    const records = added.map((node) => ({ type: 'childList', target: entries, addedNodes: [node], removedNodes: [] }) as unknown as MutationRecord);
    scanner.onMutations(records, () => false);
    await scanner.scan(document.body.appendChild(document.createElement('p')));
    expect(scanner.mentions().mentions.map((m) => [m.id, m.count])).toEqual([
      ['alaska-2025', 3],
      ['putin', 1],
    ]);
    scanner.stop();
  });
});
