// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { ShadowWatch, sizedContainer, type SizeObserver } from '../../../src/page/shadow-roots';
import { isInlineByDefault } from '../../../src/page/text-blocks';

/** A ResizeObserver the test fires by hand. */
function fakeSizes() {
  const observed = new Set<Element>();
  let fire: (elements: Element[]) => void = () => undefined;
  const factory = (callback: (elements: Element[]) => void): SizeObserver => {
    fire = callback;
    return { observe: (e) => observed.add(e), unobserve: (e) => observed.delete(e), disconnect: () => observed.clear() };
  };
  return { observed, factory, resize: (...elements: Element[]) => fire(elements) };
}

describe('sizedContainer', () => {
  it('is the nearest element that is not inline by default, crossing out of a shadow tree', () => {
    document.body.innerHTML = '<article><p>x <b><late-byline id="a"></late-byline></b></p></article><section id="s"></section>';
    expect(sizedContainer(document.getElementById('a')!, isInlineByDefault)?.localName).toBe('p');
    const shadow = document.getElementById('s')!.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<quote-box><inner-chip id="c"></inner-chip></quote-box>';
    expect(sizedContainer(shadow.getElementById('c')!, isInlineByDefault)?.localName).toBe('section');
  });
});

describe('ShadowWatch', () => {
  it('hands over a shadow root attached after the scan when the box holding its host resizes, once', () => {
    document.body.innerHTML = '<div id="d"><late-byline id="a"></late-byline><late-byline id="b"></late-byline></div>';
    const [a, b, d] = ['a', 'b', 'd'].map((id) => document.getElementById(id)!);
    const sizes = fakeSizes();
    const attached: string[] = [];
    const watch = new ShadowWatch(window, { css: '', observeSize: sizes.factory, onAttached: (root) => attached.push((root.host as HTMLElement).id) });
    watch.watch(a!, d!);
    watch.watch(b!, d!);
    watch.watch(a!, d!);
    expect([...sizes.observed]).toEqual([d]);
    // The first observation, before any upgrade.
    sizes.resize(d!);
    expect(attached).toEqual([]);
    a!.attachShadow({ mode: 'open' }).innerHTML = '<p>Steve Witkoff</p>';
    sizes.resize(d!);
    expect(attached).toEqual(['a']);
    expect([...sizes.observed]).toEqual([d]);
    // Removed from the page before it upgraded: no longer waited for.
    b!.remove();
    sizes.resize(d!);
    expect(attached).toEqual(['a']);
    expect(sizes.observed.size).toBe(0);
  });

  it('gives each shadow root the marks\' sheet once, after the page\'s own, and takes it back on stop', () => {
    document.body.innerHTML = '<x-card id="x"></x-card>';
    const root = document.getElementById('x')!.attachShadow({ mode: 'open' });
    const own = new CSSStyleSheet();
    root.adoptedStyleSheets = [own];
    const watch = new ShadowWatch(window, { css: '::highlight(summit-lens-underline-person) { text-decoration: underline; }', observeSize: fakeSizes().factory, onAttached: () => undefined });
    watch.style(root);
    watch.style(root);
    expect(root.adoptedStyleSheets).toHaveLength(2);
    expect(root.adoptedStyleSheets[0]).toBe(own);
    watch.stop();
    expect(root.adoptedStyleSheets).toEqual([own]);
  });
});
