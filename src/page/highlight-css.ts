/**
 * The marks' stylesheet is written for highlight inheritance (CSS Pseudo 4):
 * a rule on `:root::highlight(name)` reaches the text of every element through
 * its parent's highlight styles, and Chromium stores nothing per element for
 * it. A universal `::highlight(name)` rule instead gives each of the page's
 * elements its own highlight style data: +7.5 MB of Blink heap on a page of
 * 34,000 elements, with or without a single mark (docs/decisions/0032).
 * Firefox (153) has no highlight inheritance and paints a highlight only from
 * rules that match the text's own element, so its build gets the rules on
 * every element.
 */
export function perElementHighlights(css: string): string {
  return css.replace(/:root::highlight\(/g, '::highlight(');
}
