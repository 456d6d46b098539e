/**
 * The ask reader's vocabulary (data/reader.json), compiled once into phrase matchers.
 *
 * A list is literal lower-case phrases; a match is a whole-word match with any whitespace
 * between the words, and a scan returns non-overlapping matches, longest first at each
 * position (the alternation is sorted longest first). Texts are the normalised sentences of
 * `text.ts` (NFKC, lower case, plain quotes), so the phrases need no case or quote variants.
 */
import data from '../data/reader.json';
import type { AskClass } from '../types';

export interface ReaderData {
  /** Top-level domains of web addresses written out without a scheme ("acme.dev/docs"). */
  webDomains: string[];
  /** Top-level domains that are also file extensions ("install.sh"): an address only with a path. */
  webDomainsWithPath: string[];
  objects: Record<AskClass, string[]>;
  verbs: Record<AskClass, string[]>;
  /** Verbs (and verb phrases) that are a call to action on their own, even in a list item. */
  ctaVerbs: string[];
  /** Social calls to action, strong wherever they stand ("Star if you find it useful"). */
  socialCta: string[];
  /** Verbs whose class holds whatever lower thing is named ("Schedule a training session" is a meeting). */
  decisiveVerbs: string[];
  /** Objects that class an ask but do not make an imperative one by themselves. */
  topicObjects: string[];
  /** Objects that can be a place or a channel ("on GitHub", "in the app"). */
  placeObjects: string[];
  /** Who, named in an imperative, makes it an instruction about a third party ("Register with the state"). */
  thirdParty: string[];
  consumeVerbs: string[];
  toCustomers: Partial<Record<AskClass, string[]>>;
  offers: string[];
  /** Wishes to see the reader at an event ("Hope to see you at ..."). */
  attendance: string[];
  eventAsks: string[];
  /** A sentence that offers the list under it as ways to help ("You can still help!"). */
  helpIntros: string[];
  /** What a draft may say it welcomes ("Pull requests are always welcome"). */
  welcomed: string[];
  /** What a draft announces as open ("Registration is now open"). */
  openings: string[];
  readerQuestion: string[];
  hookOpeners: string[];
  rhetoricalOpeners: string[];
  courtesy: string[];
  promises: string[];
  placeholders: string[];
  /** Link and button text for moving around an account or site ("Sign in", "Manage preferences"). */
  navigation: string[];
  nonAskVerbs: string[];
  howToVerbs: string[];
  conditionals: string[];
  conditionalLandings: string[];
  placedLandings: string[];
  reopenOffers: string[];
  reopenTimes: string[];
  /** Irregular past forms a clause may open with, never an imperative ("Built", "Taught"). */
  pastForms: string[];
  /** Where a link goes, by class: hosts, host-and-path prefixes, whole path segments. */
  destinations: Partial<Record<AskClass, { hosts: string[]; hostPaths: string[]; paths: string[] }>>;
}

const LETTER = 'a-z0-9\\u00c0-\\u024f';

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function alternation(phrases: readonly string[]): string {
  const sorted = [...new Set(phrases)].sort((a, b) => b.length - a.length);
  return sorted.map((p) => escape(p).replace(/ +/g, '\\s+')).join('|');
}

/** A list of phrases, matched as whole words. */
export class PhraseSet {
  private readonly any: RegExp;
  private readonly head: RegExp;

  constructor(readonly phrases: readonly string[]) {
    const alt = alternation(phrases);
    // A hyphen joins words: "open" is not the start of "open-source", nor "sign" of "sign-off".
    // An apostrophe continues a word too: "we can" is not in "we can't".
    this.any = new RegExp(`(?<![${LETTER}'-])(?:${alt})(?![${LETTER}]|['-][${LETTER}])`, 'g');
    this.head = new RegExp(`^(?:${alt})(?![${LETTER}]|['-][${LETTER}])`);
  }

  /** The phrase `text` starts with (longest), or undefined. */
  startOf(text: string): string | undefined {
    return this.head.exec(text)?.[0];
  }

  /** Whether any phrase occurs in `text`. */
  test(text: string): boolean {
    this.any.lastIndex = 0;
    return this.any.test(text);
  }

  /** Every non-overlapping occurrence: [start, end, phrase]. */
  scan(text: string): [number, number, string][] {
    const out: [number, number, string][] = [];
    this.any.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = this.any.exec(text))) {
      if (m[0].length === 0) {
        this.any.lastIndex++;
        continue;
      }
      out.push([m.index, m.index + m[0].length, m[0].replace(/\s+/g, ' ')]);
    }
    return out;
  }

  /** First occurrence at or after `from`: [start, end], or undefined. */
  find(text: string, from = 0): [number, number] | undefined {
    this.any.lastIndex = from;
    const m = this.any.exec(text);
    return m ? [m.index, m.index + m[0].length] : undefined;
  }
}

/** Phrases that each name a class: one matcher for all, and the class of each phrase. */
export class ClassedPhrases {
  readonly set: PhraseSet;
  private readonly classOf = new Map<string, AskClass>();

  constructor(table: Partial<Record<AskClass, string[]>>) {
    for (const [cls, list] of Object.entries(table) as [AskClass, string[]][]) {
      for (const p of list) if (!this.classOf.has(p)) this.classOf.set(p, cls);
    }
    this.set = new PhraseSet([...this.classOf.keys()]);
  }

  /** Every occurrence in `text` with its class. */
  scan(text: string): { start: number; end: number; phrase: string; cls: AskClass }[] {
    return this.set.scan(text).map(([start, end, phrase]) => ({ start, end, phrase, cls: this.classOf.get(phrase)! }));
  }

  /** The class of the phrase `text` starts with (longest), and the phrase. */
  startOf(text: string): { cls: AskClass; phrase: string } | undefined {
    const p = this.set.startOf(text);
    return p === undefined ? undefined : { cls: this.classOf.get(p.replace(/\s+/g, ' '))!, phrase: p };
  }
}

/** The compiled vocabulary. */
export interface Vocabulary {
  objects: ClassedPhrases;
  verbs: ClassedPhrases;
  ctaVerbs: PhraseSet;
  socialCta: PhraseSet;
  decisiveVerbs: PhraseSet;
  topicObjects: Set<string>;
  placeObjects: Set<string>;
  thirdParty: PhraseSet;
  consumeVerbs: Set<string>;
  toCustomers: { cls: AskClass; set: PhraseSet }[];
  offers: PhraseSet;
  attendance: PhraseSet;
  /** What an event's registration or ticket ask names: a wish to see the reader there is the same ask. */
  eventAsks: PhraseSet;
  helpIntros: PhraseSet;
  /** "<what> are welcome", "<who> welcomes <what>", "welcome <what>": see `welcomeAt`. */
  welcome: RegExp;
  openings: PhraseSet;
  readerQuestion: PhraseSet;
  hookOpeners: PhraseSet;
  rhetoricalOpeners: PhraseSet;
  courtesy: PhraseSet;
  promises: PhraseSet;
  placeholders: PhraseSet;
  navigation: PhraseSet;
  nonAskVerbs: PhraseSet;
  howToVerbs: PhraseSet;
  conditionals: PhraseSet;
  conditionalLandings: PhraseSet;
  placedLandings: PhraseSet;
  /** A door left open for later: the offer and the time it waits for (see `reopenShape` in reader.ts). */
  reopenOffers: PhraseSet;
  reopenTimes: PhraseSet;
  destinations: { cls: AskClass; hosts: readonly string[]; hostPaths: readonly string[]; paths: Set<string> }[];
  pastForms: Set<string>;
}

export function compileVocabulary(d: ReaderData): Vocabulary {
  return {
    objects: new ClassedPhrases(d.objects),
    verbs: new ClassedPhrases(d.verbs),
    ctaVerbs: new PhraseSet(d.ctaVerbs),
    socialCta: new PhraseSet(d.socialCta),
    decisiveVerbs: new PhraseSet(d.decisiveVerbs),
    topicObjects: new Set(d.topicObjects),
    placeObjects: new Set(d.placeObjects),
    thirdParty: new PhraseSet(d.thirdParty),
    consumeVerbs: new Set(d.consumeVerbs),
    toCustomers: (Object.entries(d.toCustomers) as [AskClass, string[]][]).map(([cls, list]) => ({ cls, set: new PhraseSet(list) })),
    offers: new PhraseSet(d.offers),
    attendance: new PhraseSet(d.attendance),
    eventAsks: new PhraseSet(d.eventAsks),
    helpIntros: new PhraseSet(d.helpIntros),
    welcome: welcomePattern(d.welcomed),
    openings: new PhraseSet(d.openings),
    readerQuestion: new PhraseSet(d.readerQuestion),
    hookOpeners: new PhraseSet(d.hookOpeners),
    rhetoricalOpeners: new PhraseSet(d.rhetoricalOpeners),
    courtesy: new PhraseSet(d.courtesy),
    promises: new PhraseSet(d.promises),
    placeholders: new PhraseSet(d.placeholders),
    navigation: new PhraseSet(d.navigation),
    nonAskVerbs: new PhraseSet(d.nonAskVerbs),
    howToVerbs: new PhraseSet(d.howToVerbs),
    conditionals: new PhraseSet(d.conditionals),
    conditionalLandings: new PhraseSet(d.conditionalLandings),
    placedLandings: new PhraseSet(d.placedLandings),
    reopenOffers: new PhraseSet(d.reopenOffers),
    reopenTimes: new PhraseSet(d.reopenTimes),
    pastForms: new Set(d.pastForms),
    destinations: (Object.entries(d.destinations) as [AskClass, { hosts: string[]; hostPaths: string[]; paths: string[] }][]).map(([cls, x]) => ({
      cls,
      hosts: x.hosts,
      hostPaths: x.hostPaths,
      paths: new Set(x.paths),
    })),
  };
}

/**
 * A welcome the draft states, matched from the start of a sentence or a clause: "pull requests
 * and stars are always welcome", "this project welcomes contributions and suggestions", "we love
 * contributions from the community", "welcome contributing!". Group 1 is what is welcomed.
 */
function welcomePattern(welcomed: readonly string[]): RegExp {
  const what = `(?:${alternation(welcomed)})`;
  const mods = '(?:(?:all|any|your|new|more|constructive|external|community|of|kinds|sorts|types|forms|other|the|first-time)\\s+)*';
  // At most eight items: each clause start tries the pattern, so it must stay short.
  const list = `(${mods}${what}(?:\\s*(?:,|and|&|or|,\\s*and)\\s+${mods}${what}){0,8})`;
  const adv = '(?:(?:always|very|more than|really|most|warmly|also|highly|gladly|greatly|truly|extremely)\\s+)*';
  return new RegExp(
    `^(?:${list}\\s+(?:is|are)\\s+${adv}(?:welcome|welcomed|appreciated|encouraged)\\b(?!\\s+to\\b)` +
      `|(?:this project|the project|we|i|our team|our community|[a-z0-9.-]+ project|the [a-z0-9. -]{1,30} project)\\s+${adv}(?:welcome|welcomes|encourage|encourages|appreciate|love|invite|invites)\\s+${list}(?![a-z])(?!\\s+to\\b)` +
      `|(?:you're|you are)\\s+${adv}welcome\\s+to\\s+(?:send|submit|open|contribute|join|share|propose|apply|suggest)\\b` +
      // The reader as one of a group: "Everyone is encouraged to submit a proposal", "Anyone from
      // an underrepresented group in tech is invited to apply for a scholarship", "Any member of the
      // Debian community is welcome to request a bursary".
      `|(?:everyone|everybody|anyone|anybody|all|any member of [a-z0-9 .'-]{1,40}?|(?:[a-z0-9'-]+\\s+){0,3}(?:attendees|members|individuals|participants|developers|users|speakers|contributors|folks))(?:\\s+(?:interested in|from|who|with)\\s+[a-z0-9 .'-]{1,40}?)?\\s+(?:is|are)\\s+${adv}(?:welcome|encouraged|invited)\\s+to\\s+(?:submit|apply|request|contribute|join|propose|express|host|register|send|share|nominate)\\b` +
      `|welcome\\s+${list}(?![a-z])` +
      // Elliptical: "Feedback welcome!", "Open to feedback and contributions!".
      `|${list}\\s+${adv}(?:welcome|welcomed|appreciated)\\s*(?:[!.]|$)` +
      `|(?:(?:always|also)\\s+)*open to\\s+${list}(?![a-z]))`,
  );
}

export const READER_DATA = data as unknown as ReaderData;

/**
 * The top-level domains of `webDomains` as a regular-expression alternation ("com|io|..."), for
 * every pattern that reads a web address written out without a scheme and without a path: one
 * list, so that a label and a domain, a heading's address and a place to act agree on what an
 * address is.
 */
export const WEB_TLD = `(?:${READER_DATA.webDomains.join('|')})`;
/** WEB_TLD and the domains that are addresses only with a path ("sardis.sh/docs"), for the tests that read one. */
export const WEB_TLD_WITH_PATH = `(?:${[...READER_DATA.webDomains, ...READER_DATA.webDomainsWithPath].join('|')})`;

let compiled: Vocabulary | undefined;
/** The bundled vocabulary, compiled on first use. */
export function vocabulary(): Vocabulary {
  compiled ??= compileVocabulary(READER_DATA);
  return compiled;
}
