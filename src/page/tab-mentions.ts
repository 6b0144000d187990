import type { FrameReport, Mention } from '../protocol/messages';

/**
 * The mentions of a whole tab: each frame's content script scans only its own
 * document and reports its list here (through the background), keyed by
 * (tabId, frameId) taken from the browser's sender, never from the message,
 * so a frame can only ever replace its own entry. The toolbar badge and the
 * top frame's "On this page" answer are read from the union.
 */

/** A page that builds thousands of frames gets the first this many counted; later frames are ignored, never an earlier one evicted. */
export const MAX_FRAMES_PER_TAB = 64;

/** Serialized form, for a store that outlives the background worker (`storage.session`). */
export type TabMentionsState = Record<string, Record<string, Mention[]>>;

export class TabMentions {
  private readonly tabs = new Map<number, Map<number, Mention[]>>();

  /**
   * Replaces what `frameId` of `tabId` holds. An empty list drops the frame.
   * False when the tab already holds the most frames and this is a new one.
   */
  report(tabId: number, frameId: number, mentions: Mention[]): boolean {
    let frames = this.tabs.get(tabId);
    if (mentions.length === 0) {
      frames?.delete(frameId);
      if (frames?.size === 0) this.tabs.delete(tabId);
      return true;
    }
    if (!frames) this.tabs.set(tabId, (frames = new Map()));
    if (!frames.has(frameId) && frames.size >= MAX_FRAMES_PER_TAB) return false;
    frames.set(frameId, mentions);
    return true;
  }

  /** The top document went away (navigation, reload): every frame of the tab went with it. */
  clearTab(tabId: number): void {
    this.tabs.delete(tabId);
  }

  /** Distinct entities over the whole tab: a person named in two frames counts once, as on the badge. */
  entities(tabId: number): number {
    const seen = new Set<string>();
    for (const mentions of this.tabs.get(tabId)?.values() ?? []) for (const m of mentions) seen.add(`${m.kind}:${m.id}`);
    return seen.size;
  }

  /** Every frame's list but `frameId`'s own (the asker holds its own, fresher). */
  others(tabId: number, frameId: number): FrameReport[] {
    const reports: FrameReport[] = [];
    for (const [id, mentions] of this.tabs.get(tabId) ?? []) if (id !== frameId) reports.push({ frameId: id, mentions });
    reports.sort((a, b) => a.frameId - b.frameId);
    return reports;
  }

  toState(): TabMentionsState {
    const state: TabMentionsState = {};
    for (const [tabId, frames] of this.tabs) state[tabId] = Object.fromEntries(frames);
    return state;
  }

  static fromState(state: TabMentionsState): TabMentions {
    const tabs = new TabMentions();
    for (const [tabId, frames] of Object.entries(state)) {
      for (const [frameId, mentions] of Object.entries(frames)) tabs.report(Number(tabId), Number(frameId), mentions);
    }
    return tabs;
  }
}

/**
 * One list from several documents' lists: counts add up, spellings join in the
 * order first seen (the top document's first), and rows sort as `summarize`
 * sorts them (most mentioned first, ties by id), so the popup reads one page.
 */
export function mergeMentions(lists: Mention[][]): Mention[] {
  const rows = new Map<string, Mention>();
  for (const list of lists) {
    for (const m of list) {
      const key = `${m.kind}:${m.id}`;
      const row = rows.get(key);
      if (row === undefined) rows.set(key, { id: m.id, kind: m.kind, count: m.count, forms: [...m.forms] });
      else {
        row.count += m.count;
        for (const form of m.forms) if (!row.forms.includes(form)) row.forms.push(form);
      }
    }
  }
  return [...rows.values()].sort((a, b) => b.count - a.count || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0) || (a.kind < b.kind ? -1 : 1));
}
