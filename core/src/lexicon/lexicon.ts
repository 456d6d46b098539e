/**
 * The ask lexicon: data (core/data/lexicon.json) compiled once into matchers.
 * docs/lexicon.md explains it for the people who extend it; this header is the reference.
 *
 * A rule is a small word pattern, not a regular expression, so that marketers
 * can read and extend it:
 *   - words separated by spaces must follow each other (any whitespace between);
 *   - `a|b|c` is one slot with single-word alternatives; `(a quick|some)` groups
 *     alternatives that contain spaces (each alternative is itself a pattern);
 *   - a slot followed by `?` is optional;
 *   - `@name` is any phrase of the group `name` from the `groups` table (group
 *     entries are full sub-patterns, so they may use every other feature);
 *   - `<n>` is a number, in digits or words ("15", "fifteen"), also inside a word: `<n>-minute`;
 *   - `~3` is a gap of up to three arbitrary words;
 *   - `!slot` (e.g. `!video`, `!(to @event)`, `!@consume-verb`) asserts that the slot does
 *     NOT come next: `demo !(video|recording)` matches "a demo" but not "a demo video";
 *     `&slot` asserts that it DOES come next without making it part of the match:
 *     `read it &(before|first|$)` underlines "Read it" in "Read it before you build a list";
 *   - `$` is the end of the sentence (only punctuation, emoji or closing quotes may follow),
 *     `^` its start: `^ buy $` is a sentence that says only "Buy" (a button), not "build or buy?".
 * Each rule says where its match may start (`at`):
 *   - `clause` (default): at the start of a sentence, a clause (after , ; : ( - or a symbol
 *     such as an emoji or arrow, or after and/or/then/so/but) or a link's text, optionally
 *     after lead-ins ("just", "feel free to", "would you be open to"); this is what makes
 *     "we booked a demo" or "teams that book a demo" not an ask. In a sentence told in the
 *     first or third person ("We send the questionnaire, read the report and flag gaps") a
 *     bare comma or "and" is not a clause start: that is a list of what someone does;
 *   - `anywhere`: anywhere in the sentence, unless a blocker word comes right before it;
 *   - `link`: only at the start of a link's text ("[Here are the tools you can use](...)");
 *   - `button`: only at the start of a sentence that is nothing but one link's text, outside
 *     lists and tables (a landing page's or a blog's call-to-action button);
 * a rule with `question: true` only matches in a sentence ending with "?", and a rule with
 * `fallback: true` is tried only when no other rule found an ask in the sentence (a bare
 * product-action button such as "[Find verified emails](...)" is evaluate only when it is
 * nothing more specific).
 * A match is dropped when a negation ("no need to", "not ready for", "without") comes
 * shortly before it in the same clause (a comma, dash or "just"/"instead" ends its reach;
 * "don't hesitate to", "why not" are not negations), when it sits inside a double-quoted
 * span (a quoted phrase or testimonial) that no click/reply verb introduces, and when a
 * third-party phrase follows it ("Register for withholding with the Department of Taxation").
 * It is also dropped when an example marker ("e.g.", "for example", "such as") comes before it
 * in the sentence (a mention, not a request), and, for rules marked `supportable` (reply and
 * contact phrasings), when the sentence or an earlier one in its paragraph is a support line
 * ("Questions? Reply to this email", "If this step is blocked, reply with the blocker").
 * A sentence holds at most one ask: the highest-level match wins, then the earliest, then the longest.
 *
 * Speed: the lexicon runs on every keystroke. Each pattern is indexed by anchor words
 * (for every required slot, the words one of which must occur in the sentence), so a sentence
 * only tries the few patterns whose slots it can fill, and a pattern's regex runs sticky at the
 * positions of its start words instead of scanning the sentence.
 */
import data from '../data/lexicon.json';
import { ASK_LEVELS } from '../model';
import type { Normalized } from '../text';
import { HAS_WORD, LN, PatternCompiler, WB, WE, WORD, LiteralPhrase, anchorOfLiteral, escapeRe, explode, isWordCode, literalWords, startMatch, startOnly, type Compiled, type PressureCompiled } from './compile';
import { considerRule, hasAny, sentenceSet, wordHash, type SentenceFacts, type SentenceWords } from './candidates';
import type { ExtraPhrasing, LexiconData, MatchContext, Rejection, UnitMatch } from './types';
import { INTEREST_CONDITION } from '../asks/filters';

const BOUNDARY = /(?:^|[^\p{L}\p{N}\s'’]|\b(?:and|or|then|so|but|also|otherwise|plus|instead)\b)\s*$/u;
/**
 * A sentence that opens by sending the reader somewhere (log in, sign in, head or go to a place)
 * and reaches the infinitive of its purpose: "Log in to the dashboard at any point to", "Just head
 * to your settings to". Only at the sentence's start, outside lists: "Our reps ... go to
 * Salesforce to book a meeting" tells what someone does, and "3. Head to settings to invite your
 * team" is a step.
 */
const NAV_PURPOSE = /^(?:(?:please|just|simply|now)\s+)?(?:log ?in|sign in|head(?: over)?|go(?: over)?)\s+(?:to|into|on|at)\s+[^,.;:!?]{1,60}?\s(?:in order\s+)?to\s*$/u;
const WEAK_BOUNDARY = /(?:,|\b(?:and|or|plus)\b)\s*$/u;
/** The sender as the subject of "can" (with its adverbs): what follows is what the sender does. */
const SENDER_CAN = /\b(?:we|i) can\s+(?:(?:easily|quickly|instantly|also|now|then|just|still|all)\s+)*$/;
/** A finite verb right after a phrase: the phrase is its subject ("Read the Docs is testing"). */
const SUBJECT_OF = /^\s+(?:is|are|was|were|has|have|had|does|did)\s+(?!it\b|you\b|there\b)[a-z]/;
/** A phrase that ends on a question word goes on into its own clause ("See what is new"). */
const WH_END = /\b(?:what|how|why|who|where|when|which|whether|if)\s*$/;
/** "Let's" or "let us" as the last of a clause's lead-ins. */
const LETS = /\blet(?:'s|’s|s| us)\s+$/;
/** Lead-ins that start a clause by themselves: "... with us please let me know", "... if we could schedule a call". */
const CONJUNCTION_LEAD = /^(?:and|or|then|so|but|plus|also|instead|please|if (?:we|you|i) could)\b/;
const ONLY_CONJUNCTIONS = /^(?:(?:and|or|then|so|but|plus|also|instead|now|today|first|next|finally)[,]?\s+)+$/;
const POINTER = /\b(?:here|below|now|today|link)\b|→|👇|:|\u0000|https?:/u;
const QUESTION = /\?[^\p{L}\p{N}?]*$/u;
/** The first word of a sentence, for telling a narrative one (see isNarrative). */
const FIRST_WORD = /[\p{L}\p{N}][\p{L}\p{N}'’]*/u;
/** A bare URL in a sentence (recognised without GFM autolinks), for calendar links. */
const BARE_URL = /https?:\/\/[^\s<>()\]]+|(?<![\p{L}\p{N}.@])(?:[a-z0-9-]+\.)+[a-z]{2,}\/[^\s<>()\]]*/giu;
/** Two capitals in a row (Latin, Greek, Cyrillic): the cheap test before looking for ALL CAPS runs. */
const TWO_CAPITALS = /[A-Z\u00C0-\u00DE\u0391-\u03A9\u0410-\u042F]{2}/;
/** What ends a negation's reach: punctuation, a dash, or a new clause. "or" does not ("don't book a demo or talk to sales"). */
const NEGATION_STOP = /[.;:!?,()\u0000]|\s[-–—]\s|\b(?:but|just|instead|so|then|and|please)\b/u;

export class Lexicon {
  /** Changes whenever the rules change: part of the block cache key. */
  readonly version: string;
  private readonly rules: Compiled[] = [];
  /** anchor word -> rules that need it. */
  private readonly byAnchor = new Map<string, Compiled[]>();
  /** Rules without anchors: tried on every sentence. */
  private readonly always: Compiled[] = [];
  private readonly pressureRules: PressureCompiled[] = [];
  private readonly pressureByAnchor = new Map<string, PressureCompiled[]>();
  private readonly pressureAlways: PressureCompiled[] = [];
  /** Counts sentences, for the candidate stamps. */
  private generation = 0;
  /** Every word the anchor index looks for, numbered. */
  private readonly vocab = new Map<string, number>();
  /** vocab id -> rules that need the word (as byAnchor and pressureByAnchor). */
  private readonly anchorRules: (Compiled[] | undefined)[] = [];
  private readonly anchorPressure: (PressureCompiled[] | undefined)[] = [];
  /** marks[id] === the stamp of the sentence last seen when that sentence holds word id. */
  private marks: Uint32Array = new Uint32Array(0);
  private vocabTable: Int32Array = new Int32Array(1).fill(-1);
  private readonly vocabWords: string[] = [];
  private wordStamp = 0;
  /** The words of the last sentence seen: pressure() and match() run on the same sentence in turn. */
  private lastWords: SentenceWords | undefined;
  private readonly leadIn: RegExp;
  private readonly negation: RegExp;
  private readonly negationWords: Set<string>;
  private readonly negationExceptions: RegExp | null;
  private readonly blocker: RegExp;
  private readonly narrative: Set<string>;
  private readonly quoteIntroducer: RegExp | null;
  private readonly thirdParty: RegExp | null;
  private readonly example: RegExp | null;
  /** Support-line patterns, each tried only when the sentence holds a word of every required slot. */
  private readonly supportCues: { re: RegExp; atStart: boolean; sets: string[][] }[];
  /** Every support line holds one of these words (the cheapest required slot of each pattern). */
  private readonly supportFirst: Set<string>;
  private readonly calendar: RegExp;
  private readonly shoutWords: Set<string>;
  private readonly acronyms: Set<string>;

  constructor(
    readonly data: LexiconData,
    extra: { asks?: ExtraPhrasing[]; pressure?: string[] } = {},
  ) {
    const c = new PatternCompiler(data.groups);
    const add = (rule: Omit<Compiled, 'index' | 'also' | 'starters' | 'order' | 'stamp'>, anchorSets: string[][], starters: string[] | null = null) => {
      const anchors = anchorSets[0];
      const also = anchorSets.slice(1, 3);
      const atStart = starters ? undefined : startOnly(rule.re);
      const compiled: Compiled = {
        ...rule,
        re: starters ? new RegExp(rule.re.source, 'y') : (atStart ?? rule.re),
        index: this.rules.length,
        also,
        starters: starters ? new Set(starters) : null,
        order: 0,
        stamp: -1,
      };
      if (atStart) compiled.atStart = true;
      this.rules.push(compiled);
      if (!anchors) this.always.push(compiled);
      else
        for (const a of new Set(anchors)) {
          const list = this.byAnchor.get(a);
          if (list) list.push(compiled);
          else this.byAnchor.set(a, [compiled]);
        }
    };
    for (const rule of data.asks) {
      // A pattern that is just `@group` becomes one pattern per group entry: small regexes,
      // precise anchors, and `via` names the phrasing that matched.
      let patterns: string[];
      try {
        patterns = rule.patterns.flatMap((x) => explode(x, data.groups));
      } catch (err) {
        throw new Error(`lexicon rule ${rule.id}: ${(err as Error).message}`);
      }
      for (const p of patterns) {
        let re: RegExp;
        try {
          re = new RegExp(c.sequence(p), 'g');
        } catch (err) {
          throw new Error(`lexicon rule ${rule.id}: cannot compile "${p}": ${(err as Error).message}`);
        }
        add(
          {
            id: rule.id,
            source: p,
            cls: rule.class,
            level: ASK_LEVELS[rule.class],
            re,
            at: rule.at ?? 'clause',
            question: rule.question ?? false,
            fallback: rule.fallback ?? false,
            supportable: rule.supportable ?? false,
            toCustomers: rule.toCustomers,
            byObject: rule.byObject ?? false,
          },
          c.anchorSets(p),
          c.startWords(p),
        );
      }
    }
    for (const [i, x] of (extra.asks ?? []).entries()) {
      const words = literalWords(x.phrase);
      if (words.length === 0) continue;
      add(
        {
          id: `config.asks[${i}]`,
          source: x.phrase,
          cls: x.class,
          level: ASK_LEVELS[x.class],
          re: new LiteralPhrase(words),
          at: 'anywhere',
          question: false,
          fallback: false,
          supportable: false,
          toCustomers: undefined,
          byObject: false,
        },
        anchorOfLiteral(words),
      );
    }
    // Highest level first; fallback rules after every other rule.
    [...this.rules]
      .sort((a, b) => Number(a.fallback) - Number(b.fallback) || b.level - a.level || a.index - b.index)
      .forEach((r, i) => (r.order = i));
    for (const rule of data.pressure) {
      for (const p of rule.patterns.flatMap((x) => explode(x, data.groups))) {
        const sets = c.anchorSets(p);
        const re = new RegExp(c.sequence(p), 'g');
        const sticky = startOnly(re);
        this.addPressure({ id: rule.id, re: sticky ?? re, anchors: sets[0] ?? null, also: sets.slice(1, 3), stamp: -1, ...(sticky ? { atStart: true } : {}) });
      }
    }
    for (const [i, phrase] of (extra.pressure ?? []).entries()) {
      const words = literalWords(phrase);
      if (words.length) this.addPressure({ id: `config.pressure[${i}]`, re: new LiteralPhrase(words), anchors: anchorOfLiteral(words)[0] ?? null, also: [], stamp: -1 });
    }
    const lead = c.phrases(data.leadIns);
    // Lead-ins may repeat: "so just", "feel free to simply".
    this.leadIn = new RegExp(`${WB}(?:${lead}[,]?\\s+)+$`);
    this.negation = new RegExp(`${WB}${c.phrases(data.negations)}${WE}`, 'g');
    this.negationWords = new Set(data.negations.map((n) => n.split(/\s+/)[0]!.replace(/[’]/g, "'")));
    this.negationExceptions = data.negationExceptions?.length
      ? new RegExp(`${WB}${c.phrases(data.negationExceptions)}${WE}`, 'g')
      : null;
    this.blocker = new RegExp(`${WB}(?:${data.blockers.map(escapeRe).join('|')})\\s+$`);
    this.narrative = new Set(data.narrativeSubjects ?? []);
    this.quoteIntroducer = data.quoteIntroducers?.length ? new RegExp(`${WB}${c.phrases(data.quoteIntroducers)}[\\s:]*$`) : null;
    // Right after the match, within a few words of the same clause.
    this.thirdParty = data.thirdParty?.length ? new RegExp(`^(?:\\s+${WORD},?){0,6}?\\s+${c.phrases(data.thirdParty)}${WE}`) : null;
    this.example = data.examples?.length ? new RegExp(`(?:^|[^${LN}])${c.phrases(data.examples)}(?![${LN}])`) : null;
    this.supportCues = (data.support ?? []).map((p) => {
      const re = new RegExp(c.sequence(p));
      const sticky = startOnly(re);
      return { re: sticky ?? re, atStart: sticky !== undefined, sets: c.anchorSets(p) };
    });
    this.supportFirst = new Set(this.supportCues.flatMap((cue) => cue.sets[0] ?? []));
    this.calendar = new RegExp(`(?:^|[/.@])(?:${data.calendarHosts.map(escapeRe).join('|')})(?:[/:?#]|$)`, 'i');
    this.shoutWords = new Set(data.shouting.words.map((w) => w.toUpperCase()));
    this.acronyms = new Set(data.shouting.acronyms.map((w) => w.toUpperCase()));
    this.version = `${data.asks.length}:${this.rules.length}:${JSON.stringify(extra)}`;
    const idOf = (w: string): number => {
      let id = this.vocab.get(w);
      if (id === undefined) this.vocab.set(w, (id = this.vocab.size));
      return id;
    };
    for (const [w, list] of this.byAnchor) this.anchorRules[idOf(w)] = list;
    for (const [w, list] of this.pressureByAnchor) this.anchorPressure[idOf(w)] = list;
    for (const r of this.rules) r.alsoIds = r.also.map((set) => set.map(idOf));
    for (const r of this.pressureRules) r.alsoIds = r.also.map((set) => set.map(idOf));
    this.marks = new Uint32Array(this.vocab.size);
    // An open-addressing table of the vocabulary, looked up with a hash computed while
    // scanning the sentence (no string hashing, no Map lookups per word).
    let size = 16;
    while (size < this.vocab.size * 4) size *= 2;
    this.vocabTable = new Int32Array(size).fill(-1);
    for (const [w, id] of this.vocab) {
      this.vocabWords[id] = w;
      if (w.length === 0) continue;
      for (let slot = wordHash(w) & (size - 1); ; slot = (slot + 1) & (size - 1)) {
        if (this.vocabTable[slot] === -1) {
          this.vocabTable[slot] = id;
          break;
        }
      }
    }
  }

  private addPressure(rule: PressureCompiled): void {
    this.pressureRules.push(rule);
    if (!rule.anchors) this.pressureAlways.push(rule);
    else
      for (const a of new Set(rule.anchors)) {
        const list = this.pressureByAnchor.get(a);
        if (list) list.push(rule);
        else this.pressureByAnchor.set(a, [rule]);
      }
  }

  /** Number of compiled ask patterns (for tests and `trustline explain`). */
  get patternCount(): number {
    return this.rules.length;
  }

  /**
   * Find the one ask of a sentence, if any. `links` are block-relative link-text spans
   * inside it; `ctx` carries what only the paragraph knows (quoted spans).
   */
  match(unit: Normalized, links: { start: number; end: number; url: string }[], ctx: MatchContext = {}): UnitMatch | undefined {
    const text = unit.text;
    const words = this.words(text);
    const isQuestion = text.includes('?') && QUESTION.test(text);
    const candidates = this.candidates(this.always, this.anchorRules, words);
    let best: { rule: Compiled; from: number; to: number } | undefined;
    if (candidates.length) {
      // Highest level first, so lower rules can be skipped once something is found.
      if (candidates.length > 1) candidates.sort((a, b) => a.order - b.order);
      // Link text starts count as clause starts: "[Book a demo](...)".
      let linkStartsNorm: Set<number> | undefined;
      if (links.length) {
        linkStartsNorm = new Set<number>();
        // (A set of the links' starts, not a scan of the links at every character: one sentence
        // of thousands of links stays linear.)
        const starts = new Set<number>();
        for (const l of links) starts.add(l.start);
        const map = unit.map;
        for (let i = 0; i < map.length - 1; i++) if (starts.has(map[i]!)) linkStartsNorm.add(i);
      }
      const narrative = this.isNarrative(text);
      const facts: SentenceFacts = { linkStarts: linkStartsNorm, narrative, wholeLink: links.length === 1 ? this.wholeLink(unit, links) : -1, support: undefined };
      for (const rule of candidates) {
        if (best && (rule.fallback || rule.level < best.rule.level)) break;
        if (rule.question && !isQuestion) continue;
        if (rule.at === 'link' ? !linkStartsNorm : rule.at === 'button' && facts.wholeLink < 0) continue;
        let at = 0;
        for (let m = this.next(rule, text, at, words); m; m = this.next(rule, text, at, words)) {
          const from = m.index;
          const to = from + m[0].length;
          if (to === from) {
            at = from + 1;
            continue;
          }
          if (best && (from > best.from || (from === best.from && to <= best.to && rule.level === best.rule.level))) break;
          if (this.accept(rule, text, from, to, facts, ctx)) {
            // Highest level, then earliest, then longest ("Upgrade to Pro" over "Upgrade").
            if (!best || rule.level > best.rule.level || from < best.from || to > best.to) best = { rule, from, to };
            break;
          }
          // Rejected here: a later, overlapping start may still be a real ask.
          at = from + 1;
        }
      }
    }
    let result: UnitMatch | undefined;
    if (best) {
      // A link rule's phrase ends with the link's text: "[Here are the tools](...) we use".
      if (best.rule.at === 'link') best.to = Math.min(best.to, this.linkEndAt(unit, links, best.from));
      const [start, end] = sourceSpan(unit, best.from, best.to);
      result = { start, end, class: best.rule.cls, level: best.rule.level, via: `${best.rule.id}: "${best.rule.source}"`, inLink: false, kind: 'phrase' };
      if (best.rule.toCustomers) result.toCustomers = best.rule.toCustomers;
      if (best.rule.byObject) result.byObject = true;
      const link = links.find((l) => start >= l.start && end <= l.end);
      if (link) Object.assign(result, { inLink: true, linkStart: link.start, linkEnd: link.end, url: link.url });
    }
    // A link to a booking page is a meeting ask even when its text says only "here".
    if (!result || result.level < ASK_LEVELS.meeting) {
      const cal = links.find((l) => this.isCalendarUrl(l.url));
      if (cal) {
        result = { start: cal.start, end: cal.end, class: 'meeting', level: ASK_LEVELS.meeting, via: `calendar link: ${cal.url}`, inLink: true, linkStart: cal.start, linkEnd: cal.end, url: cal.url, kind: 'url' };
      } else if (text.includes('/')) {
        // A bare calendar URL in the text, recognised without GFM autolinks.
        const bare = BARE_URL;
        bare.lastIndex = 0;
        let u: RegExpExecArray | null;
        while ((u = bare.exec(text))) {
          if (this.isCalendarUrl(u[0].replace(/^https?:\/\//, ''))) {
            const [start, end] = sourceSpan(unit, u.index, u.index + u[0].replace(/[.,;:!?'")\]]+$/, '').length);
            result = { start, end, class: 'meeting', level: ASK_LEVELS.meeting, via: `calendar link: ${u[0]}`, inLink: false, kind: 'url' };
            break;
          }
        }
      }
    }
    if (result) delete ctx.rejected;
    return result;
  }

  /** The words of a sentence (cached for the sentence just seen). */
  /**
   * The rules worth trying on a sentence (ask or pressure rules alike): the unanchored ones,
   * plus those sharing an anchor word with it, when every further required slot has one
   * of its words in the sentence as well. Each rule at most once, in a stable order.
   */
  private candidates<R extends { stamp: number; alsoIds?: number[][] }>(always: readonly R[], anchored: readonly (R[] | undefined)[], words: SentenceWords): R[] {
    const gen = ++this.generation;
    const out: R[] = [];
    for (let i = 0; i < always.length; i++) considerRule(always[i]!, gen, this.marks, words.stamp, out);
    const ids = words.ids;
    for (let k = 0; k < ids.length; k++) {
      const list = anchored[ids[k]!];
      if (list) for (let i = 0; i < list.length; i++) considerRule(list[i]!, gen, this.marks, words.stamp, out);
    }
    return out;
  }

  private words(text: string): SentenceWords {
    if (this.lastWords?.text === text) return this.lastWords;
    const list: string[] = [];
    const at: number[] = [];
    const ids: number[] = [];
    const marks = this.marks;
    if (this.wordStamp === 0xffffffff) {
      marks.fill(0);
      this.wordStamp = 0;
    }
    const stamp = ++this.wordStamp;
    let apostrophes = false;
    /** start, apostrophe offset and hash of each word holding an apostrophe. */
    let heads: number[] | undefined;
    // A hand-written scan: the same words as /[L][L']*/ (L = letters and digits), without
    // allocating a match object per word.
    const n = text.length;
    let i = 0;
    while (i < n) {
      if (!isWordCode(text.charCodeAt(i))) {
        i++;
        continue;
      }
      const start = i;
      // The word's hash for the vocabulary table, and that of its part before an apostrophe.
      let h = text.charCodeAt(i);
      let head = -1;
      let headHash = 0;
      i++;
      while (i < n) {
        const c = text.charCodeAt(i);
        if (isWordCode(c)) {
          h = (Math.imul(h, 31) + c) | 0;
          i++;
        } else if (c === 39 /* ' */) {
          apostrophes = true;
          if (head === -1) {
            head = i;
            headHash = h;
          }
          h = (Math.imul(h, 31) + c) | 0;
          i++;
        } else break;
      }
      list.push(text.slice(start, i));
      at.push(start);
      const id = this.vocabId(text, start, i, h);
      if (id !== -1 && marks[id] !== stamp) {
        marks[id] = stamp;
        ids.push(id);
      }
      if (head !== -1) {
        if (heads === undefined) heads = [];
        heads.push(start, head, headHash);
      }
    }
    // "what's" also stands for "what", "let's" for "let": patterns may end a word at the apostrophe.
    if (apostrophes && heads !== undefined) {
      for (let k = 0; k < heads.length; k += 3) {
        const id = this.vocabId(text, heads[k]!, heads[k + 1]!, heads[k + 2]!);
        if (id !== -1 && marks[id] !== stamp) {
          marks[id] = stamp;
          ids.push(id);
        }
      }
    }
    this.lastWords = { text, list, at, ids, stamp };
    return this.lastWords;
  }

  /** The vocab id of `text.slice(start, end)` (whose wordHash is `h`), or -1. */
  private vocabId(text: string, start: number, end: number, h: number): number {
    const table = this.vocabTable;
    const mask = table.length - 1;
    const len = end - start;
    for (let slot = h & mask; ; slot = (slot + 1) & mask) {
      const id = table[slot]!;
      if (id === -1) return -1;
      const w = this.vocabWords[id]!;
      if (w.length === len && text.startsWith(w, start)) return id;
    }
  }

  /** Next match of a rule at or after `from`: sticky rules try only their start words. */
  private next(rule: Compiled, text: string, from: number, words: SentenceWords): RegExpExecArray | null {
    if (!rule.starters) {
      if (rule.atStart) return startMatch(rule.re, text, from);
      rule.re.lastIndex = from;
      return rule.re.exec(text);
    }
    // The first word at or after `from`, by binary search: a sentence where a phrase is rejected
    // again and again ("not book a demo, not book a demo, ...") must not rescan its words each time.
    const at = words.at;
    let lo = 0;
    let hi = at.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (at[mid]! < from) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < at.length; i++) {
      const pos = at[i]!;
      const w = words.list[i]!;
      if (!rule.starters.has(w)) {
        const q = w.indexOf("'");
        if (q <= 0 || !rule.starters.has(w.slice(0, q))) continue;
      }
      rule.re.lastIndex = pos;
      const m = rule.re.exec(text);
      if (m) return m;
    }
    return null;
  }

  isCalendarUrl(url: string): boolean {
    const host = url.replace(/^[a-z]+:\/\//i, '');
    return this.calendar.test(host);
  }

  /** A sentence that opens with a first- or third-person subject: "We send...", "Our team reads...". */
  private isNarrative(text: string): boolean {
    if (this.narrative.size === 0) return false;
    const m = FIRST_WORD.exec(text);
    return m !== null && m.index < 4 && this.narrative.has(m[0]);
  }

  /** A sentence that is itself a support line: "Questions?", "Need help? Our support team...". */
  isSupportCue(text: string): boolean {
    if (this.supportCues.length === 0) return false;
    // "If you are interested in becoming a sponsor or have any questions, email us": the
    // condition names what the reader may want, so the line invites, whatever help it also offers.
    if (INTEREST_CONDITION.test(text)) return false;
    const words = this.words(text);
    let any = false;
    for (const w of words.list) {
      if (this.supportFirst.has(w)) {
        any = true;
        break;
      }
    }
    if (!any) return false;
    cue: for (const cue of this.supportCues) {
      const set = sentenceSet(words);
      for (const s of cue.sets) if (!hasAny(s, set)) continue cue;
      if (cue.atStart ? startMatch(cue.re, text, 0) : cue.re.test(text)) return true;
    }
    return false;
  }

  /** The normalised end of the link whose text starts at normalised offset `at` (the sentence's end if none). */
  private linkEndAt(unit: Normalized, links: { start: number; end: number }[], at: number): number {
    const source = unit.map[at]!;
    const link = links.find((l) => l.start === source);
    if (!link) return unit.text.length;
    let e = at;
    for (let i = at; i < unit.map.length - 1; i++) if (unit.map[i]! < link.end) e = i + 1;
    // No trailing spaces.
    while (e > at && /\s/.test(unit.text[e - 1]!)) e--;
    return e;
  }

  /** The normalised start of the one link whose text is the whole sentence, or -1. */
  private wholeLink(unit: Normalized, links: { start: number; end: number }[]): number {
    if (links.length !== 1) return -1;
    const l = links[0]!;
    const map = unit.map;
    let s = -1;
    let e = -1;
    for (let i = 0; i < map.length - 1; i++) {
      if (s === -1 && map[i]! >= l.start) s = i;
      if (map[i]! < l.end) e = i + 1;
    }
    if (s === -1 || e <= s) return -1;
    const text = unit.text;
    // Only symbols (arrows, bullets, emoji) and spaces around the link's text.
    if (HAS_WORD.test(text.slice(0, s)) || HAS_WORD.test(text.slice(e))) return -1;
    return s;
  }

  private accept(rule: Compiled, text: string, from: number, to: number, facts: SentenceFacts, ctx: MatchContext): boolean {
    const before = text.slice(Math.max(0, from - 100), from);
    const reject = (why: Rejection): false => {
      ctx.rejected ??= why;
      return false;
    };
    // "a WhatsApp auto-reply tool", "your first auto-reply": the second half of a compound, not a verb.
    if (from > 1 && text[from - 1] === '-' && /[a-z0-9]/.test(text[from - 2]!)) return false;
    if (this.negated(before)) return reject('negated');
    if (ctx.quoted && this.inQuote(text, from, to, ctx.quoted)) return reject('quoted');
    if (this.thirdParty && this.thirdParty.test(text.slice(to, to + 120))) return reject('third-party');
    // "e.g., schedule a call", "For example: visit website, talk with sales": a mention.
    if (this.example && this.example.test(before)) return reject('example');
    if (rule.supportable) {
      facts.support ??= ctx.support ? ctx.support() : this.isSupportCue(text);
      if (facts.support) return false;
      if (rule.supportable === true && ctx.earlier?.length) {
        facts.earlierSupport ??= ctx.earlier.some((t) => this.isSupportCue(t));
        if (facts.earlierSupport) return false;
      }
    }
    if (rule.at === 'link') return facts.linkStarts?.has(from) ?? false;
    if (rule.at === 'button') return facts.wholeLink === from && ctx.container !== 'list' && ctx.container !== 'table';
    const linkStarts = facts.linkStarts;
    const narrative = facts.narrative;
    if (rule.at === 'anywhere') return !this.blocker.test(before);
    // Clause start: strip lead-ins, then require a boundary (start, punctuation, conjunction, link).
    const lead = this.leadIn.exec(before);
    const rest = lead ? before.slice(0, before.length - lead[0].length) : before;
    const restStart = from - (before.length - rest.length);
    // "Let's take a look at how you've used it", "Let's dive into the news": the sender framing
    // what the draft does next. "Let's talk" is a meeting; something to read is not asked for.
    if (rule.cls === 'consume' && LETS.test(lead?.[0] ?? '')) return false;
    // "so we can easily see what's going on", "I can see why": the sender's own attention, not an offer.
    if (rule.cls === 'consume' && SENDER_CAN.test(lead?.[0] ?? '')) return false;
    // "Read the Docs is testing ...": a name that is the subject of a verb, not an instruction.
    if (SUBJECT_OF.test(text.slice(to, to + 12)) && !WH_END.test(text.slice(from, to))) return false;
    if (linkStarts && (linkStarts.has(from) || linkStarts.has(restStart))) return true;
    if (rest.trim() === '' && restStart === 0) return true;
    // A lead-in that opens with a conjunction ("and just", "or") is itself the boundary.
    const leadText = lead ? lead[0] : '';
    // "Log in to the dashboard to choose a new plan": going somewhere is the way to the ask, and
    // its purpose is what the reader is asked for.
    if (from <= 100 && ctx.container !== 'list' && ctx.container !== 'table' && NAV_PURPOSE.test(rest)) return true;
    if (!BOUNDARY.test(rest) && !CONJUNCTION_LEAD.test(leadText)) return false;
    // "We send the questionnaire, read the report and flag the gaps": a list of what
    // someone does, not an instruction, unless a lead-in says it is addressed to the reader
    // or the phrase points somewhere ("register here", "grab it below").
    if (
      narrative &&
      (leadText === '' || ONLY_CONJUNCTIONS.test(leadText)) &&
      (WEAK_BOUNDARY.test(rest) || /^(?:and|or|plus)\b/.test(leadText)) &&
      !POINTER.test(text.slice(from, to + 16))
    )
      return false;
    return true;
  }

  /** A negation shortly before the match, in the same clause. */
  private negated(before: string): boolean {
    // Cheap test first: no negation word at all in the last few words.
    const tail = before.split(/\s+/).slice(-(this.data.negationWindow + 2));
    if (!tail.some((w) => this.negationWords.has(w.replace(/[^\p{L}']/gu, '').replace(/’/g, "'")))) return false;
    let window = tail.join(' ');
    if (this.negationExceptions) window = window.replace(this.negationExceptions, (s) => ' '.repeat(s.length));
    // The last negation counts; its reach ends at punctuation or a new clause
    // ("No demo needed, just read the guide").
    let last: RegExpExecArray | null = null;
    this.negation.lastIndex = 0;
    for (let m = this.negation.exec(window); m; m = this.negation.exec(window)) last = m;
    if (!last) return false;
    return !NEGATION_STOP.test(window.slice(last.index + last[0].length));
  }

  /** The match lies in a double-quoted span that no "click"/"reply"-like word introduces. */
  private inQuote(text: string, from: number, to: number, quoted: [number, number][]): boolean {
    for (const [qs, qe] of quoted) {
      if (from >= qs && to <= qe) {
        if (qs <= 0 || !this.quoteIntroducer) return true;
        // qs is the offset just after the opening quote mark.
        const lead = text.slice(Math.max(0, qs - 40), Math.max(0, qs - 1));
        return !this.quoteIntroducer.test(lead);
      }
    }
    return false;
  }

  /** Urgency and hard-sell hits in a sentence (offsets into the original text). */
  pressure(unit: Normalized): { start: number; end: number; via: string }[] {
    const hits: { start: number; end: number; via: string }[] = [];
    const text = unit.text;
    const words = this.words(text);
    const candidates = this.candidates(this.pressureAlways, this.anchorPressure, words);
    for (const rule of candidates) {
      rule.re.lastIndex = 0;
      let m: RegExpExecArray | null;
      while ((m = rule.atStart ? startMatch(rule.re, text, rule.re.lastIndex) : rule.re.exec(text))) {
        if (m[0].length === 0) {
          rule.re.lastIndex = m.index + 1;
          continue;
        }
        const [start, end] = sourceSpan(unit, m.index, m.index + m[0].length);
        hits.push({ start, end, via: rule.id });
      }
    }
    // Exclamation runs: "!!" or more.
    if (text.includes('!!')) {
      const bang = /!{2,}/g;
      let b: RegExpExecArray | null;
      while ((b = bang.exec(text))) {
        const [start, end] = sourceSpan(unit, b.index, b.index + b[0].length);
        hits.push({ start, end, via: 'exclamations' });
      }
    }
    hits.push(...this.shouting(unit));
    if (hits.length < 2) return hits;
    hits.sort((a, b) => a.start - b.start || b.end - a.end);
    // Overlapping hits ("only 3 seats" + "3 seats left") are one stretch of pressure.
    const merged: typeof hits = [];
    for (const h of hits) {
      const last = merged[merged.length - 1];
      if (last && h.start < last.end) {
        if (h.end > last.end) last.end = h.end;
      } else merged.push({ ...h });
    }
    return merged;
  }

  /** ALL CAPS runs in the original text (case is lost in the normalised text). */
  private shouting(unit: Normalized): { start: number; end: number; via: string }[] {
    const src = unit.source;
    const start = unit.map[0]!;
    const end = unit.map[unit.map.length - 1]!;
    const original = src.slice(start, end);
    const out: { start: number; end: number; via: string }[] = [];
    // Fast path: no two upper-case letters in a row, no shouting.
    if (!TWO_CAPITALS.test(original)) return out;
    const word = /[\p{L}][\p{L}'’]*/gu;
    let run: { s: number; e: number; words: number; letters: number; flagged: boolean } | null = null;
    const flush = () => {
      if (run && (run.flagged || (run.words >= this.data.shouting.minRunWords && run.letters >= this.data.shouting.minRunLetters))) {
        out.push({ start: start + run.s, end: start + run.e, via: 'all-caps' });
      }
      run = null;
    };
    let m: RegExpExecArray | null;
    let lastEnd = 0;
    while ((m = word.exec(original))) {
      const w = m[0];
      const caps = w.length >= 2 && w === w.toUpperCase() && w !== w.toLowerCase() && !this.acronyms.has(w.replace(/['’]S$/, ''));
      const between = original.slice(lastEnd, m.index);
      if (caps && run && /^[\s,!.:-]*$/.test(between)) {
        run.e = m.index + w.length;
        run.words++;
        run.letters += w.length;
        run.flagged ||= this.shoutWords.has(w);
      } else {
        flush();
        if (caps) run = { s: m.index, e: m.index + w.length, words: 1, letters: w.length, flagged: this.shoutWords.has(w) };
      }
      lastEnd = m.index + w.length;
    }
    flush();
    return out;
  }
}

/**
 * Original [start, end) of a normalised span. The end is just past the source character of
 * the span's last normalised character (never the start of the next piece, which may lie
 * after closing markup such as "**" or "](url)"), and never inside a surrogate pair.
 */
export function sourceSpan(unit: Normalized, from: number, to: number): [number, number] {
  const start = unit.map[from]!;
  if (to <= from) return [start, start];
  const last = unit.map[to - 1]!;
  const width = (unit.source.codePointAt(last) ?? 0) > 0xffff ? 2 : 1;
  let end = last + width;
  const next = unit.map[to];
  if (next !== undefined && next > last && next < end) end = next;
  return [start, end];
}

/** The lexicon shipped with Trustline. */
export const DEFAULT_LEXICON_DATA = data as LexiconData;

let defaultLexicon: Lexicon | undefined;
export function defaultLexiconInstance(): Lexicon {
  return (defaultLexicon ??= new Lexicon(DEFAULT_LEXICON_DATA));
}

