/**
 * The store listing, one Markdown file per language (`store/<lang>.md`), each
 * text under a `## <field>` heading. Parsed here so a test can hold both
 * languages to the same fields and the stores' limits.
 */

export const LISTING_FIELDS = ['name', 'summary', 'description', 'permissions', 'privacy', 'screenshots'] as const;
export type ListingField = (typeof LISTING_FIELDS)[number];
export type Listing = Partial<Record<ListingField, string>>;

/** The Chrome Web Store's limit for the summary; addons.mozilla.org allows 250. */
export const SUMMARY_MAX = 132;
export const NAME_MAX = 45;
/** The screenshot files, in caption order: `store/screenshots/<lang>/<scheme>/<name>.png`. */
export const SCREENSHOT_NAMES = ['1-card', '2-search', '3-timeline', '4-phone', '5-options'] as const;
export const SCREENSHOT_COUNT = SCREENSHOT_NAMES.length;

/** Fields by heading; text outside a known heading (the title, comments) is ignored, an unknown heading is an error. */
export function parseListing(markdown: string, file: string): Listing {
  const listing: Listing = {};
  let field: ListingField | null = null;
  const lines: Record<string, string[]> = {};
  for (const line of markdown.split('\n')) {
    const heading = /^## (.+)$/.exec(line);
    if (heading) {
      const name = heading[1]!.trim();
      if (!(LISTING_FIELDS as readonly string[]).includes(name)) throw new Error(`${file}: unknown section "## ${name}" (known: ${LISTING_FIELDS.join(', ')})`);
      field = name as ListingField;
      lines[field] = [];
    } else if (field) {
      lines[field]!.push(line);
    }
  }
  for (const [name, body] of Object.entries(lines)) {
    const text = body.join('\n').trim();
    if (text) listing[name as ListingField] = text;
  }
  return listing;
}

/** The numbered screenshot captions, in order. */
export function screenshotCaptions(listing: Listing): string[] {
  return (listing.screenshots ?? '').split('\n').flatMap((line) => /^\d+\.\s+(.+)$/.exec(line.trim())?.[1] ?? []);
}

/** Every problem of every language's listing, each naming the file and the field; empty when all are complete. */
export function listingProblems(listings: Record<string, Listing>): string[] {
  const problems: string[] = [];
  for (const [file, listing] of Object.entries(listings)) {
    for (const field of LISTING_FIELDS) if (!listing[field]) problems.push(`${file}: "## ${field}" is missing or empty`);
    if (listing.summary && [...listing.summary].length > SUMMARY_MAX) problems.push(`${file}: the summary has ${[...listing.summary].length} characters, the limit is ${SUMMARY_MAX}`);
    if (listing.name && [...listing.name].length > NAME_MAX) problems.push(`${file}: the name is longer than ${NAME_MAX} characters`);
    const captions = screenshotCaptions(listing).length;
    if (listing.screenshots && captions !== SCREENSHOT_COUNT) problems.push(`${file}: ${captions} screenshot captions, expected ${SCREENSHOT_COUNT}`);
  }
  return problems;
}
