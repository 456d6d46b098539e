/**
 * Part of speech, for one question only: does this clause open with a verb in its base form
 * (an imperative: "Update your card", "Star the repo", "Grab the template")?
 *
 * A real tagger (wink-nlp with its English lite model) decides, not a word list: "Book a demo"
 * and "Book club notes", "Star the repo" and "Star ratings" differ only in what follows the
 * first word. The model is trained on web text, where sentences rarely open with an
 * imperative, so read cold it tags "Book a demo" as a noun phrase. We therefore tag the clause
 * as the tail of "you ...": after a subject, a word that can be a verb is read as one exactly
 * when the rest of the clause fits a verb phrase ("you book a demo" -> VERB, "you customer
 * stories" -> NOUN). The caller adds the checks a tagger cannot make (base form, one-word
 * buttons, known non-asks).
 *
 * Cost: the model loads once, lazily, on the first clause that needs it (about 280 ms; the
 * language server warms it right after start-up), and
 * tagging a clause of up to eight words takes a few microseconds. Results are memoised per
 * clause head, bounded, so a keystroke that re-reads one block re-tags at most its sentences.
 */
import type winkNLP from 'wink-nlp';

type Nlp = ReturnType<typeof winkNLP>;
let nlp: Nlp | undefined;

/**
 * The tagger, built on first use. The model is required here rather than imported at the top:
 * evaluating it takes about 100 ms and building the tagger about 170 ms more, which a draft
 * whose sentences the lexicon reads alone, a config file or `--help` should not pay.
 */
function tagger(): Nlp {
  if (!nlp) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const create = require('wink-nlp') as typeof winkNLP;
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    nlp = create(require('wink-eng-lite-web-model'), ['pos']);
  }
  return nlp;
}

/** How many words of a clause the tagger sees: enough context for the first word's tag. */
const HEAD_WORDS = 8;
const MEMO_LIMIT = 20_000;
const memo = new Map<string, VerbReading>();

/** How the tagger reads the first word of a clause. */
export interface VerbReading {
  /** Read as a verb as it stands ("update your card", "grab the template"). */
  plain: boolean;
  /** Read as a verb once a subject stands before it ("you book a demo"). */
  afterSubject: boolean;
}

/**
 * How the tagger reads the first word of `clause` (lower-cased prose that starts at the word in
 * question): as a verb as it stands, and as a verb after a subject. The caller decides what the
 * second reading is worth (it is only trusted for verbs the vocabulary knows: a word that can
 * be a verb is read as one after "you" even in a noun phrase such as "cloud cost optimization").
 */
export function verbReading(clause: string): VerbReading {
  const head = clause.split(/\s+/, HEAD_WORDS).join(' ');
  const known = memo.get(head);
  if (known !== undefined) return known;
  const nlpi = tagger();
  const plain = (nlpi.readDoc(head).tokens().out(nlpi.its.pos) as string[])[0] === 'VERB';
  const afterSubject = plain || (nlpi.readDoc(`you ${head}`).tokens().out(nlpi.its.pos) as string[])[1] === 'VERB';
  const reading = { plain, afterSubject };
  if (memo.size >= MEMO_LIMIT) memo.clear();
  memo.set(head, reading);
  return reading;
}

/**
 * Forget every memoised reading. The benchmark calls it before each timed analysis, so that a
 * draft read again is timed as a first reading (a server keeps the memo: its re-readings are
 * cheaper than the benchmark's).
 */
export function forgetReadings(): void {
  memo.clear();
}

/** Load the model now (a server warms it while idle so the first keystroke does not wait). */
export function warmTagger(): void {
  tagger();
}
