/**
 * The floor a page scan is held against: a TreeWalker that reads every text
 * node of the page and does nothing else. Runs in the page (sent with
 * `page.evaluate`), seven times, so the first walk's cold caches show as the
 * spread and not as the figure.
 */
export function floorWalk(): { samples: number[]; chars: number; nodes: number } {
  const samples: number[] = [];
  let chars = 0;
  let nodes = 0;
  for (let r = 0; r < 7; r++) {
    const t0 = performance.now();
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    let c = 0;
    let n = 0;
    for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
      c += (node as Text).data.length;
      n++;
    }
    samples.push(performance.now() - t0);
    chars = c;
    nodes = n;
  }
  return { samples, chars, nodes };
}
