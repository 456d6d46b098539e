/**
 * What only the whole draft shows. Where it closes: a draft's call to action usually stands in
 * its closing lines (the last sentences before the sign-off, the line that ends a post), so a
 * question with no request in its words ("What's the slowest part of your release?") counts there
 * and is body copy anywhere else. And what a list of links hangs from.
 */
import { OPENING_GREETING } from '../blocks';
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

/** A sign-off line of its own: a greeting of three words or fewer that closes ("Best regards,", "Thanks again,", "Cheers"). */
function isSignOff(u: DocUnit): boolean {
  return u.greeting && u.words <= 3 && !OPENING_GREETING.test(u.text) && /^[^,]*[,!.]?\s*$/.test(u.text);
}

/**
 * Indices (into `units`) of the sender's signature: the short lines after the draft's last
 * sign-off ("Best regards," then "[Your Name]", "[Your Title]", "[Contact Information]"). They
 * name the sender; section 2a reads no ask in them. They are the lines of the sign-off's own
 * paragraph: a button or a line after a blank line is not the signature ("Thanks, The PostHog
 * Team" then "[Send some events!](...)"). It ends at a P.S. or at the first line of prose (more
 * than six words, or a full sentence of more than three).
 */
export function signatureUnits(units: readonly DocUnit[]): Set<number> {
  const out = new Set<number>();
  let k = units.length - 1;
  while (k > 0 && !isSignOff(units[k]!)) k--;
  if (k <= 0) return out;
  for (let i = k + 1; i < units.length; i++) {
    const u = units[i]!;
    if (u.block !== units[k]!.block || u.container === 'ps' || u.words > 6 || (u.words > 3 && /[.!?]\W*$/.test(u.text))) break;
    out.add(i);
  }
  return out;
}

/**
 * For each unit, the index of the nearest unit before it that is not in a list (-1 for none), in
 * one pass: a list item's links are where the sentence above the list leads ("If this is your
 * first Launch Week, check out our previous ones:"), not asks of their own.
 */
export function sentenceAboveLists(units: readonly DocUnit[]): Int32Array {
  const out = new Int32Array(units.length);
  let last = -1;
  for (let i = 0; i < units.length; i++) {
    out[i] = last;
    if (units[i]!.container !== 'list') last = i;
  }
  return out;
}

/** Whether the unit `above` (see sentenceAboveLists) asks for what the list under it holds: an ask ending in a colon. */
export function introducedBy(units: readonly DocUnit[], above: number, withAsk: ReadonlySet<number>): boolean {
  return above >= 0 && withAsk.has(above) && /:\s*$/.test(units[above]!.text);
}

/**
 * Whether a sentence offers the list under it: prose (not a heading, a header line or a
 * greeting) of three words or more that ends with a colon ("Here are some posts and videos about
 * the project:", "You might also be interested in these projects:").
 */
export function introducesList(unit: DocUnit): boolean {
  return unit.container === 'paragraph' && !unit.header && !unit.greeting && unit.words >= 3 && /:\s*$/.test(unit.text);
}
