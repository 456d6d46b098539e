/**
 * What only the whole draft shows: where it closes. A draft's call to action usually stands in
 * its closing lines (the last sentences before the sign-off, the line that ends a post), so an
 * ask the reader found by grammar alone ("What's the slowest part of your release?", "Tell me
 * how you handle it") counts there and is body copy anywhere else.
 */
import type { DocUnit } from '../checks/check';

/** How many substantive sentences at the end of the draft are its closing lines. */
const CLOSING_SENTENCES = 2;

/**
 * Indices (into `units`) of the draft's closing lines: the last sentences with at least three
 * words that are prose (not a heading, the subject line, a greeting or sign-off, a row of
 * hashtags, or a signature's name and title).
 */
export function closingUnits(units: readonly DocUnit[]): Set<number> {
  const out = new Set<number>();
  for (let i = units.length - 1; i >= 0 && out.size < CLOSING_SENTENCES; i--) {
    const u = units[i]!;
    if (u.container === 'heading' || u.header || u.greeting) continue;
    if (u.words < 3 && !/\?\W*$/.test(u.text)) continue;
    if (/^(?:[#@][\p{L}\p{N}_]+\s*)+$/u.test(u.text.trim())) continue;
    out.add(i);
  }
  return out;
}

/**
 * Whether the list item at `index` sits under a sentence that asked for it: the nearest sentence
 * before the list ends with a colon and holds an ask ("If this is your first Launch Week, check
 * out our previous ones:"). Its links are where that ask leads, not asks of their own.
 */
export function introducedBy(units: readonly DocUnit[], index: number, withAsk: ReadonlySet<number>): boolean {
  let i = index - 1;
  while (i >= 0 && units[i]!.container === 'list') i--;
  return i >= 0 && withAsk.has(i) && /:\s*$/.test(units[i]!.text);
}
