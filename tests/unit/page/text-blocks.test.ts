// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { pointAt, textBlocks } from '../../../src/page/text-blocks';

function blocksOf(html: string, options = {}) {
  document.body.innerHTML = html;
  return [...textBlocks(document.body, options)];
}

describe('textBlocks', () => {
  it('joins text across inline elements and splits at blocks', () => {
    const blocks = blocksOf('<p>Tổng thống Nga Vladimir <b>Put</b>in gặp <a href="#">Donald Trump</a>.</p><div>Ngoại trưởng <span>Sergei Lavrov</span></div>');
    expect(blocks.map((b) => b.text)).toEqual(['Tổng thống Nga Vladimir Putin gặp Donald Trump.', 'Ngoại trưởng Sergei Lavrov']);
    expect(blocks[0]!.starts).toEqual([0, 24, 27, 34, 46]);
  });

  it('skips inputs, code, scripts, editable and hidden regions, and the extension UI', () => {
    const blocks = blocksOf(
      `<p>Putin nói</p>
       <textarea>Putin textarea</textarea><input value="Putin">
       <pre>Putin in pre</pre><p>x <code>Putin()</code> y</p>
       <script>var putin = 1</script><style>.putin{}</style>
       <div contenteditable="true"><p>Putin editable</p></div>
       <div contenteditable="false"><p>Putin readonly</p></div>
       <div hidden><p>Putin hidden</p></div>
       <p class="invisible">Putin styled hidden</p>
       <div id="summit-lens-host"><p>Putin card</p></div>`,
      {
        isOwnUi: (e: Element) => e.id === 'summit-lens-host',
        isHidden: (e: Element) => e.classList.contains('invisible'),
      },
    );
    expect(blocks.map((b) => b.text.trim())).toEqual(['Putin nói', 'x', 'y', 'Putin readonly']);
  });

  it('yields nothing when the walk starts inside, or at, a skipped region (rescans after a DOM change)', () => {
    document.body.innerHTML = `<div contenteditable="true"><p id="typed">Vladimir Putin</p></div>
      <pre id="pre">Donald Trump</pre><script id="ld">{"author":"Vladimir Putin"}</script>
      <div id="card"><p id="inside">Putin card</p></div><p id="plain">Sergei Lavrov</p>`;
    const options = { isOwnUi: (e: Element) => e.id === 'card' };
    const at = (id: string) => [...textBlocks(document.getElementById(id)!, options)].map((b) => b.text);
    expect(at('typed')).toEqual([]);
    expect(at('pre')).toEqual([]);
    expect(at('ld')).toEqual([]);
    expect(at('inside')).toEqual([]);
    expect([...textBlocks(document.getElementById('typed')!.firstChild!, options)]).toEqual([]);
    expect(at('plain')).toEqual(['Sergei Lavrov']);
  });

  it('starts a new block for text after a nested block element', () => {
    const blocks = blocksOf('<div>Trump<p>Putin</p>Biden</div>');
    expect(blocks.map((b) => b.text)).toEqual(['Trump', 'Putin', 'Biden']);
  });
});

describe('pointAt', () => {
  it('maps block offsets to text nodes, at node boundaries too', () => {
    const [block] = blocksOf('<p>ab<b>cd</b>ef</p>');
    expect(pointAt(block!, 0)).toMatchObject({ offset: 0 });
    expect(pointAt(block!, 2).node.data).toBe('cd');
    expect(pointAt(block!, 2, true)).toMatchObject({ offset: 2 });
    expect(pointAt(block!, 2, true).node.data).toBe('ab');
    expect(pointAt(block!, 5)).toMatchObject({ offset: 1 });
    expect(pointAt(block!, 6, true)).toMatchObject({ offset: 2 });
  });
});

describe('word boundaries between elements', () => {
  it('keeps sibling links apart but joins a name across its own tags', () => {
    const blocks = blocksOf('<div><strong>Tin liên quan</strong><a href="#">Ông chủ Điện Kremlin</a> <a>Putin</a><a>Trump</a></div><p>Vladimir <b>Putin</b>.</p>');
    expect(blocks.map((b) => b.text)).toEqual(['Tin liên quan Ông chủ Điện Kremlin Putin Trump', 'Vladimir Putin.']);
    const [links] = blocks;
    expect(links!.starts).toEqual([0, 14, 34, 35, 41]);
    expect(pointAt(links!, 14, true)).toMatchObject({ offset: 13 });
    expect(pointAt(links!, 14, true).node.data).toBe('Tin liên quan');
    expect(pointAt(links!, 14).node.data).toBe('Ông chủ Điện Kremlin');
  });

  it('yields no block of whitespace alone', () => {
    expect(blocksOf('<div>  <span> </span>\n</div><p>x</p>').map((b) => b.text)).toEqual(['x']);
  });
});

describe('open shadow roots', () => {
  it('reads an open shadow root where its host stands, nested ones too, and never a closed one', () => {
    document.body.innerHTML = '<p>Sergei Lavrov spoke.</p><news-card id="a"><span>Vladimir</span></news-card><div id="b"></div><p>After the card.</p>';
    const card = document.getElementById('a')!.attachShadow({ mode: 'open' });
    card.innerHTML = '<h3>Marco <b>Rubio</b> said</h3><slot></slot><quote-box></quote-box>';
    card.querySelector('quote-box')!.attachShadow({ mode: 'open' }).innerHTML = '<p>Yuri Ushakov, <code>x()</code> adviser</p>';
    document.getElementById('b')!.attachShadow({ mode: 'closed' }).innerHTML = '<p>Joe Biden</p>';
    const entered: ShadowRoot[] = [];
    const blocks = [...textBlocks(document.body, { onShadowRoot: (root) => entered.push(root) })];
    expect(blocks.map((b) => b.text)).toEqual(['Sergei Lavrov spoke.', 'Marco Rubio said', 'Yuri Ushakov, ', ' adviser', 'Vladimir', 'After the card.']);
    expect(entered.map((r) => r.host.localName)).toEqual(['news-card', 'quote-box']);
    // Offsets map back into the shadow tree's own text nodes.
    expect(pointAt(blocks[1]!, 6).node.data).toBe('Rubio');
  });

  it('starts a rescan inside a shadow root, and skips one whose host is in a skipped region', () => {
    document.body.innerHTML = '<div contenteditable="true"><x-note id="edit"></x-note></div><x-note id="plain"></x-note>';
    const edit = document.getElementById('edit')!.attachShadow({ mode: 'open' });
    edit.innerHTML = '<p>Vladimir Putin</p>';
    const plain = document.getElementById('plain')!.attachShadow({ mode: 'open' });
    plain.innerHTML = '<p>Donald Trump</p>';
    expect([...textBlocks(edit.querySelector('p')!)]).toEqual([]);
    expect([...textBlocks(plain)].map((b) => b.text)).toEqual(['Donald Trump']);
    expect([...textBlocks(document.body)].map((b) => b.text)).toEqual(['Donald Trump']);
  });

  it('names custom elements that have no shadow root yet (one may attach when their code loads)', () => {
    document.body.innerHTML = '<late-byline id="late"></late-byline><p>x <my-chip>y</my-chip></p><span-like></span-like>';
    document.querySelector('span-like')!.attachShadow({ mode: 'open' });
    const waiting: string[] = [];
    [...textBlocks(document.body, { onCustomElement: (e) => waiting.push(e.localName) })];
    expect(waiting).toEqual(['late-byline', 'my-chip']);
  });
});
