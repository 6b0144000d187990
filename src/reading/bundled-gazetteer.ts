import type { Gazetteer } from '../corpus/gazetteer';
import { decodeBundle } from '../schema/index-bundle';

/**
 * The gazetteer the bundled index was built with, from the packaged bundle's
 * text (people, summits, offices and distractors travel in it), so an added
 * article meets exactly the names of the index and no script carries a second
 * copy of them. Read by the background (names of the user's quotes) and by the
 * extraction document (the pipeline).
 */
export function bundledGazetteer(text: string): Gazetteer {
  const { people, summits, offices, distractors } = decodeBundle(text);
  return { people, summits, offices, distractors };
}
