/**
 * Choosing the rules worth trying on a sentence: its words, their ids in the lexicon's
 * vocabulary, and the anchor-set test that admits a rule only when every required slot can be
 * filled (see Lexicon.candidates).
 */

/** What `accept` needs to know about the sentence as a whole (computed once per sentence). */
export interface SentenceFacts {
  /** Normalised offsets where a link's text starts. */
  linkStarts: Set<number> | undefined;
  /** The sentence opens with a first- or third-person subject. */
  narrative: boolean;
  /** Start of the one link that is the whole sentence, or -1. */
  wholeLink: number;
  /** The sentence is a support line (computed on first need). */
  support: boolean | undefined;
  /** An earlier sentence of the paragraph is a support line (computed on first need). */
  earlierSupport?: boolean;
}

export function hasAny(words: string[], set: Set<string>): boolean {
  for (const w of words) if (set.has(w)) return true;
  return false;
}

/** The words of a sentence, as `Lexicon.words` finds them. */
export interface SentenceWords {
  text: string;
  /** Every word, in order (with repeats). */
  list: string[];
  /** The words, plus the part before an apostrophe ("what" for "what's"): built on first need (sentenceSet). */
  set?: Set<string>;
  /** Offset of each word of `list`. */
  at: number[];
  /**
   * The ids (Lexicon.vocab) of the words of `set` that the lexicon knows, in the set's order;
   * `Lexicon.marks[id] === stamp` for each of them while this is the sentence last seen.
   */
  ids: number[];
  stamp: number;
}

/** The hash `Lexicon.words` computes for a word while scanning it. */
export function wordHash(w: string): number {
  let h = w.charCodeAt(0);
  for (let i = 1; i < w.length; i++) h = (Math.imul(h, 31) + w.charCodeAt(i)) | 0;
  return h;
}

/** The words of a sentence as a set, with the part before an apostrophe ("what" for "what's"). */
export function sentenceSet(words: SentenceWords): Set<string> {
  if (words.set) return words.set;
  const set = new Set(words.list);
  // "what's" also stands for "what", "let's" for "let": patterns may end a word at the apostrophe.
  for (const w of words.list) {
    const q = w.indexOf("'");
    if (q > 0) set.add(w.slice(0, q));
  }
  return (words.set = set);
}

/** Add a rule to a sentence's candidates once, when every further anchor set has a word in the sentence. */
export function considerRule<R extends { stamp: number; alsoIds?: number[][] }>(r: R, gen: number, marks: Uint32Array, stamp: number, candidates: R[]): void {
  if (r.stamp === gen) return;
  r.stamp = gen;
  const also = r.alsoIds!;
  for (let i = 0; i < also.length; i++) {
    const ids = also[i]!;
    let found = false;
    for (let k = 0; k < ids.length; k++) {
      if (marks[ids[k]!] === stamp) {
        found = true;
        break;
      }
    }
    if (!found) return;
  }
  candidates.push(r);
}
