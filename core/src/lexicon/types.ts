/** The lexicon's data model (data/lexicon.json) and what a match reports. */
import type { AskClass } from '../types';
import type { AskShape } from '../asks/reader';

export interface LexiconRule {
  id: string;
  class: AskClass;
  patterns: string[];
  at?: 'clause' | 'anywhere' | 'link' | 'button';
  question?: boolean;
  /** Tried only when no other rule matched the sentence. */
  fallback?: boolean;
  /**
   * A reply or contact phrasing that a support line turns into a help offer (not an ask): `true`
   * when the support line is the sentence itself or an earlier one in the paragraph, `sentence`
   * when only the sentence itself counts ("Questions about billing or cancellation?").
   */
  supportable?: boolean | 'sentence';
  /**
   * The class this ask has when the audience is already a customer (CUSTOMER or above):
   * "Upgrade to Enterprise" is a purchase for a free user but expansion for a customer
   * (trust model section 2). Applied by the analysis once the audience is known.
   */
  toCustomers?: AskClass;
  /**
   * A generic interest check ("Interested?", "Would that make sense?"): the question's class is
   * what it names where that is a call or a trial ("interested in exploring this over a brief
   * call" asks for a meeting), and the rule's class otherwise. Applied where the sentence is read
   * (blocks.ts), with the ask reader's classifier.
   */
  byObject?: boolean;
  note?: string;
}

export interface PressureRule {
  id: string;
  patterns: string[];
  note?: string;
}

export interface LexiconData {
  groups: Record<string, string[]>;
  leadIns: string[];
  negations: string[];
  /** Phrases that contain a negation word but do not negate what follows ("don't hesitate to"). */
  negationExceptions?: string[];
  negationWindow: number;
  blockers: string[];
  /** Sentence-initial words that make a sentence narrative (first or third person). */
  narrativeSubjects?: string[];
  /** Words after which a quoted phrase is still an ask: `Click "Start free trial"`. */
  quoteIntroducers?: string[];
  /**
   * What, shortly after an imperative, makes it an instruction about a third party rather than
   * an ask of the vendor: "Register for withholding with the Ohio Department of Taxation".
   */
  thirdParty?: string[];
  /** Markers after which a phrase is an example being mentioned, not asked: "e.g.", "for example". */
  examples?: string[];
  /**
   * Support lines: a sentence holding one of these ("Questions?", "If this step is blocked",
   * "our support team") makes the reply and contact phrasings after it in its paragraph, and
   * around it in its sentence, a help offer rather than an ask.
   */
  support?: string[];
  asks: LexiconRule[];
  pressure: PressureRule[];
  calendarHosts: string[];
  shouting: { minRunWords: number; minRunLetters: number; words: string[]; acronyms: string[] };
}

/** Extra phrasings from a project's config: literal text, never patterns. */
export interface ExtraPhrasing {
  phrase: string;
  class: AskClass;
}

export interface UnitMatch {
  /** Block-relative offsets of the matched phrase. */
  start: number;
  end: number;
  class: AskClass;
  level: number;
  via: string;
  inLink: boolean;
  /** Block-relative offsets of the link text, when the ask is in a link. */
  linkStart?: number;
  linkEnd?: number;
  url?: string;
  kind: 'phrase' | 'url';
  /** The class when the audience is a customer, if it differs (see LexiconRule.toCustomers). */
  toCustomers?: AskClass;
  /** Classed by what the sentence names (LexiconRule.byObject). */
  byObject?: boolean;
  /** How the ask reader found it, when the lexicon did not (asks/reader.ts). */
  shape?: AskShape;
  /** Found by grammar alone: an ask only in the draft's closing lines or a P.S. (ReaderMatch.weak). */
  weak?: boolean;
}

/** Optional facts about a sentence that only the paragraph around it knows. */
export interface MatchContext {
  /** Double-quoted spans, in offsets of the sentence's normalised text (may reach past either end). */
  quoted?: [number, number][];
  /**
   * The normalised text of the earlier sentences of the same paragraph: a support line among
   * them ("Questions?", "Still need help?") makes a later reply or contact line a help offer.
   */
  earlier?: readonly string[];
  /** What holds the sentence: `button` rules do not apply in lists and tables. */
  container?: 'paragraph' | 'heading' | 'list' | 'table' | 'ps';
  /** Whether the sentence is a support line, when the caller remembers it (else `match` asks `isSupportCue`). */
  support?: () => boolean;
  /**
   * Set by `match` when it finds no ask: the section 2a filter that turned down a phrasing the
   * lexicon knows ("You don't need to book a demo" is negated, "e.g. book a demo" a mention).
   */
  rejected?: Rejection;
}

/** The section 2a filters that turn down a phrasing of the lexicon. */
export type Rejection = 'negated' | 'quoted' | 'third-party' | 'example' | 'template' | 'advice';
