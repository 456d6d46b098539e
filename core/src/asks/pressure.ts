/**
 * Pressure that is pressure. The lexicon finds urgency, scarcity and hard-sell phrases and runs
 * of capitals; this reads each hit in its sentence and keeps the ones that rush the reader:
 *
 *  - capitals in a heading, a label ("BONUS REPLY:", "[END SCREEN: ...]") or an identifier
 *    ("WORKING-GROUPS.md") are typography, not shouting;
 *  - "don't miss" in a purpose clause ("subscribe so you don't miss the next issue") is a
 *    convenience, not urgency; "Don't miss out!" to the reader still is;
 *  - "only 300 spots" stated as a fact is capacity; "only 3 seats left" is scarcity.
 *
 * Plain dates ("the early-bird rate ends July 31", "your card expires on [date]") are not in
 * the lexicon's urgency list at all: only dated urgency ("ends tonight", "expires soon") is.
 */
import { normIndexOf, type Normalized } from '../text';

export interface PressureHit {
  /** Block-relative source offsets. */
  start: number;
  end: number;
  via: string;
}

/** Keep the hits of one sentence that are pressure in its context. */
export function pressureInContext(hits: PressureHit[], unit: Normalized, container: string): PressureHit[] {
  if (hits.length === 0) return hits;
  return hits.filter((h) => {
    const from = normIndexOf(unit, h.start);
    const to = normIndexOf(unit, h.end);
    const before = unit.text.slice(0, from);
    const after = unit.text.slice(to);
    if (h.via === 'all-caps') {
      if (container === 'heading') return false;
      // A label or a bracketed stage direction: "BONUS REPLY:", "[END SCREEN: ...]".
      if (/^\s*[:(\])]/.test(after) || /\[\s*$/.test(before)) return false;
      // An identifier or a file name: "WORKING-GROUPS.md", "API_KEY", "src/README".
      const src = unit.source;
      const joinedBefore = /[-_./]/.test(src[h.start - 1] ?? '') && /[A-Za-z0-9]/.test(src[h.start - 2] ?? '');
      const joinedAfter = /[-_./]/.test(src[h.end] ?? '') && /[A-Za-z0-9]/.test(src[h.end + 1] ?? '');
      return !joinedBefore && !joinedAfter;
    }
    const phrase = unit.text.slice(from, to);
    // "so you don't miss it", "to ensure you don't miss out on any reports": a convenience told
    // in a purpose clause, not urgency aimed at the reader ("Don't miss out!").
    if (/^(?:don't|do not) miss\b/.test(phrase) && /\b(?:so(?: that)?|to make sure|to ensure|make sure|ensure|never|you|we|they|i)\s*$/.test(before)) return false;
    // A card, a token or a trial that expires is a fact of the account, not a sales deadline.
    if (/^expir/.test(phrase) && /\b(?:card|token|trial|certificate|password|link|session|key|invitation|invite|subscription)\b[^.]{0,30}$/.test(before)) return false;
    if (h.via === 'scarcity' && /^only\s/.test(phrase) && !/\b(?:left|remaining)\b/.test(phrase + after.slice(0, 12)) && !/!/.test(after)) {
      // "With thousands of contributors and only 300 spots, we...": capacity stated plainly.
      return false;
    }
    return true;
  });
}
