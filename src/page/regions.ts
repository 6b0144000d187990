import type { Region } from './context';

/**
 * Where on the page a block sits, for the page context: the headline, the
 * lead (sapo, standfirst), the body, or furniture around the article
 * (related links, navigation, sidebars, comments). The nearest ancestor that
 * says so decides; each element is classified once per page.
 */

const ASIDE_TAGS = new Set(['ASIDE', 'NAV', 'FOOTER']);
const ASIDE_ROLES = new Set(['complementary', 'navigation', 'contentinfo', 'banner']);
const ASIDE_NAMES = /related|recommend|sidebar|widget|trending|popular|most-read|more-news|read-more|readmore|lien-?quan|tin-?khac|footer|\bnav|menu|comment|breadcrumb|\bads?\b|promo|newsletter/i;
const LEAD_NAMES = /sapo|\blead\b|standfirst|summary|description|intro|excerpt|\bdeck\b|chapeau|subtitle|subhead/i;
const HEADLINE_NAMES = /headline|article-title|entry-title|story-title|title-detail|post-title/i;

function ownRegion(element: Element): Region | null {
  const tag = element.tagName.toUpperCase();
  if (tag === 'H1') return 'headline';
  if (ASIDE_TAGS.has(tag)) return 'aside';
  const role = element.getAttribute('role');
  if (role !== null && ASIDE_ROLES.has(role)) return 'aside';
  const itemprop = element.getAttribute('itemprop');
  if (itemprop === 'headline') return 'headline';
  if (itemprop === 'description') return 'lead';
  const names = `${element.getAttribute('class') ?? ''} ${element.id}`;
  if (names.trim() === '') return null;
  if (ASIDE_NAMES.test(names)) return 'aside';
  if (HEADLINE_NAMES.test(names)) return 'headline';
  if (LEAD_NAMES.test(names)) return 'lead';
  return null;
}

export class RegionMap {
  private readonly known = new WeakMap<Element, Region>();

  regionOf(node: Node): Region {
    const chain: Element[] = [];
    let region: Region = 'body';
    for (let element = node.nodeType === 1 ? (node as Element) : node.parentElement; element !== null; element = element.parentElement) {
      const known = this.known.get(element);
      if (known !== undefined) {
        region = known;
        break;
      }
      chain.push(element);
      const own = ownRegion(element);
      if (own !== null) {
        region = own;
        break;
      }
    }
    for (const element of chain) this.known.set(element, region);
    return region;
  }
}
