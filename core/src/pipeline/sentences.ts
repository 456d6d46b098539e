/**
 * Stage 3 of the analysis (analyze.ts): the blocks read become the draft's sentences, with
 * absolute offsets, and the asks the rules found in them. Also gathered on the way: the pressure
 * phrases, the suppression comments, the blocks not read, the body's statistics for the profile,
 * and what the trained reader is told about each sentence (trainedReader.ts).
 *
 * An ask found by grammar alone counts only in the draft's closing lines, and a list's ask may
 * belong to the sentence above it (asks/position.ts), so asks are placed once every sentence is
 * known.
 */
import type { BlockResult, Directive, ParserHazard } from '../blocks';
import type { DocUnit } from '../checks/index';
import type { Rejection, UnitMatch } from '../lexicon';
import { sourceSpan } from '../lexicon/lexicon';
import { ASK_LEVELS } from '../model';
import { emptyStats, type BodyStats } from '../profile';
import { normIndexOf, pairEndsAt, type LineIndex } from '../text';
import { closingUnits, introducedBy, introducesList, sentenceAboveLists, signatureUnits } from '../asks/position';
import { answersQuestion } from '../asks/filters';
import { helpIntro, helpItem } from '../asks/reader';
import { classify, classInContext } from '../asks/classify';
import { vocabulary, WEB_TLD } from '../asks/vocabulary';
import type { UnitView } from '../asks/learned';
import type { Ask, AskClass, PressureHit } from '../types';
import type { ReadBlock } from './readBlocks';

/**
 * A list item whose words open with a verb of the vocabulary, in sentence case: an action ("Take
 * free technical courses"), not a title ("Launch Week III: The Trilogy", every word capitalised).
 */
function itemAction(source: string): boolean {
  const words = source.replace(/\]\([^)]*\)/g, ' ').match(/[A-Za-z][A-Za-z'-]*/g) ?? [];
  if (words.length === 0 || vocabulary().verbs.startOf(words.join(' ').toLowerCase()) === undefined) return false;
  const long = words.filter((w) => w.length >= 4);
  return long.length < 2 || long.some((w) => /^[a-z]/.test(w));
}

/** A link of a sentence: its text (lower-case) and address, with absolute offsets. */
export interface UnitLink {
  text: string;
  url: string;
  start: number;
  end: number;
}

/** The draft's sentences and what was found in them. */
export interface Sentences {
  /** Every ask the rules found, in the order they were placed. */
  asks: Ask[];
  /** An ask -> the class it has when the audience is a customer (LexiconRule.toCustomers). */
  toCustomers: Map<Ask, AskClass>;
  pressure: PressureHit[];
  units: DocUnit[];
  directives: Directive[];
  unread: ParserHazard[];
  stats: BodyStats;
  /** For the trained reader, by sentence: what the rules found, */
  unitMatches: (UnitMatch | undefined)[];
  /** why a phrasing of the lexicon was turned down, */
  unitRejected: Map<number, Rejection>;
  /** whether it is a support line, */
  unitSupport: Map<number, 'line' | 'contact' | 'after'>;
  /** its links, */
  unitLinks: UnitLink[][];
  /** whether it is in the closing lines, the sentence above its list, */
  closing: Set<number>;
  above: Int32Array;
  /** why the rules dropped what they found there, and the sentences that hold a list's ask. */
  dropped: Map<number, NonNullable<UnitView['dropped']>>;
  intros: Set<number>;
  /** The sentences right before a code block. */
  beforeCode: Set<number>;
  /** Imperatives the rules read as asks and the trained reader took back (learned.ts drops), for `trustline explain`. */
  takenBack?: Ask[];
}

/** Combine per-block results into document-level facts with absolute offsets. */
export function assembleSentences(text: string, lines: LineIndex, blocks: ReadBlock[]): Sentences {
  const asks: Ask[] = [];
  // Index of an ask -> the class it has when the audience is a customer (LexiconRule.toCustomers).
  const toCustomers = new Map<Ask, AskClass>();
  const pressure: PressureHit[] = [];
  const units: DocUnit[] = [];
  const directives: Directive[] = [];
  const unread: ParserHazard[] = [];
  const stats = emptyStats();
  let headingsSeen = 0;
  // Asks wait until every unit is known: an ask found by grammar alone counts only in the
  // draft's closing lines (asks/position.ts).
  const pending: { unit: DocUnit; u: BlockResult['units'][number]; base: number; r: BlockResult; index: number }[] = [];
  // List items the block reader found no ask in: a list of ways to help may hold one per item.
  const listItems: { u: BlockResult['units'][number]; base: number; index: number }[] = [];
  let hasWhen = false;
  let hasWhere = false;
  // For the trained reader: what the rules found in each sentence, and the sentence's links.
  const unitMatches: (UnitMatch | undefined)[] = [];
  const unitRejected = new Map<number, Rejection>();
  const unitSupport = new Map<number, 'line' | 'contact' | 'after'>();
  const unitLinks: UnitLink[][] = [];
  // The last sentence before a code block ("Here is the template your yard system can send:").
  const beforeCode = new Set<number>();
  let lastOfPrevious = -1;
  blocks.forEach(({ start: base, result: r }, blockIndex) => {
    if (r.code && lastOfPrevious >= 0) beforeCode.add(lastOfPrevious);
    const unitsBefore = units.length;
    let linkAt = 0;
    stats.words += r.words;
    stats.hashtags += r.hashtags;
    stats.buttons += r.buttons;
    for (const h of r.headings) {
      if (h.depth === 1) stats.h1++;
      else if (h.depth === 2) stats.h2++;
    }
    const subjectLine = r.subject && blockIndex <= 1 ? r.subject : undefined;
    if (subjectLine) stats.hasSubjectLine = true;
    for (const d of r.directives) directives.push({ ...d, start: base + d.start, end: base + d.end });
    if (r.unread) unread.push({ ...r.unread, start: base + r.unread.start, end: base + r.unread.end });
    for (const u of r.units) {
      if (u.container === 'heading') headingsSeen++;
      if (units.length === 0) stats.startsWithHeading = u.container === 'heading';
      const unit: DocUnit = {
        start: base + u.start,
        end: base + u.end,
        words: u.words,
        text: u.norm.text,
        container: u.container,
        greeting: u.greeting,
        block: blockIndex,
        button: u.button,
        // The hero is everything before the second heading (the whole page when there is none).
        hero: headingsSeen <= 1,
        header: subjectLine !== undefined && u.start <= subjectLine.start && subjectLine.start <= u.end,
        pressure: u.pressure.length,
      };
      if (u.headingDepth !== undefined) unit.headingDepth = u.headingDepth;
      if (u.button && unit.hero) stats.heroButtons++;
      if (u.container !== 'heading') {
        stats.adFields += (u.norm.text.match(AD_FIELD) ?? []).length;
        hasWhen ||= EVENT_WHEN.test(u.norm.text);
        hasWhere ||= EVENT_WHERE.test(u.norm.text);
      }
      if (u.match) pending.push({ unit, u, base, r, index: units.length });
      else if (u.container === 'list' && u.itemStart) listItems.push({ u, base, index: units.length });
      if (u.rejected) unitRejected.set(unitMatches.length, u.rejected);
      if (u.support) unitSupport.set(unitMatches.length, u.support);
      unitMatches.push(u.match);
      // The sentence's links, with a pointer that only moves forward (both are in order).
      while (linkAt < r.links.length && r.links[linkAt]!.start < u.start) linkAt++;
      const own: UnitLink[] = [];
      for (let k = linkAt; k < r.links.length && r.links[k]!.start < u.end && own.length < 8; k++) {
        const l = r.links[k]!;
        if (l.end <= u.end) own.push({ text: text.slice(base + l.start, base + l.end).toLowerCase(), url: l.url, start: base + l.start, end: base + l.end });
      }
      unitLinks.push(own);
      for (const p of u.pressure) {
        const start = base + p.start;
        const end = base + p.end;
        pressure.push({ text: text.slice(start, end), start, end, range: lines.range(start, end), via: p.via });
      }
      units.push(unit);
    }
    lastOfPrevious = units.length > unitsBefore ? units.length - 1 : -1;
  });
  const closing = closingUnits(units);
  const above = sentenceAboveLists(units);
  const withAsk = new Set<number>();
  // Why the rules dropped what they found in a sentence, and the sentences that hold a list's ask.
  const dropped = new Map<number, NonNullable<UnitView['dropped']>>();
  const intros = new Set<number>();
  // The sender's name, title and contact lines after the sign-off ask nothing, by the rules or
  // the trained reader.
  const signature = signatureUnits(units);
  for (const i of signature) dropped.set(i, 'signature');
  for (const { unit, u, base, r, index } of pending) {
    const m = u.match!;
    if (signature.has(index)) continue;
    if (m.weak && !closing.has(index) && unit.container !== 'ps') {
      dropped.set(index, 'weak');
      continue;
    }
    // An imperative heading is a headline ("## Get started", "## Join the Community" over the
    // section that says how): the section under it asks, if anything does. It asks itself when it
    // holds a link or an address, is a question, stands over the place to act alone (a link, a
    // button, an address, a badge, a code block: "### Join the channel on Slack" over
    // "[#maintainers-circle](...)"), or ends the draft.
    if (unit.container === 'heading' && !m.shape && headline(text, units, unitLinks, blocks, index)) {
      dropped.set(index, 'headline');
      continue;
    }
    // A question the draft answers next ("Can I switch plans?" then "Yes, anytime.") asks nothing.
    if (m.shape && /\?\W*$/.test(unit.text) && index + 1 < units.length && answersQuestion(units[index + 1]!.text)) {
      dropped.set(index, 'answered');
      continue;
    }
    // "Check out our previous launch weeks:" and the list of links under it are one ask.
    // So is a link on the line after an ask that ends with a colon ("Check it out:" then the URL).
    // A list item that is an action of its own ("[Take free technical courses](...)" under "Learn
    // more:") is not: each item asks.
    if (m.shape === 'link' && introducedBy(units, unit.container === 'list' ? above[index]! : index - 1, withAsk) && !(unit.container === 'list' && itemAction(text.slice(base + u.start, base + u.end)))) {
      dropped.set(index, 'introduced');
      continue;
    }
    // "Here are some posts and videos about the project:" over a list of reads: the sentence
    // offers the list, so it holds the one ask. A list of actions ("Fill out the form",
    // "Connect GitHub Sponsors") keeps an ask per item.
    const intro = m.shape === 'link' && m.class === 'consume' && unit.container === 'list' ? above[index]! : -1;
    if (intro >= 0 && !withAsk.has(intro) && introducesList(units[intro]!)) {
      withAsk.add(intro);
      intros.add(intro);
      dropped.set(index, 'list-intro');
      askOnSentence(text, lines, asks, units[intro]!, m.class, m.level, `read as a list of links this sentence offers; ${m.via.replace(/^read as [^;]*; /, '')}`);
      continue;
    }
    withAsk.add(index);
    const span = askSpan(m, r, text, base);
    const start = base + m.start;
    const end = base + span.end;
    const { inLink, linkStart, linkEnd } = span;
    const sentenceStart = base + (inLink ? linkStart! : u.start);
    const sentenceEnd = base + (inLink ? linkEnd! : u.end);
    unit.ask = asks.length;
    const kind = m.kind === 'url' ? 'url' : u.button ? 'button' : inLink ? 'link' : unit.container === 'ps' ? 'ps' : /\?\W*$/.test(u.norm.text) ? 'question' : 'sentence';
    // What the sentence says the ask is for, or where its link goes, can raise its class.
    const ctx = classInContext(vocabulary(), m, u.norm.text.slice(normIndexOf(u.norm, m.start), normIndexOf(u.norm, m.end)), u.norm.text);
    asks.push(askAt(text, lines, start, end, sentenceStart, sentenceEnd, ctx.cls, ASK_LEVELS[ctx.cls], kind, ctx.via, inLink));
    if (m.toCustomers) toCustomers.set(asks[asks.length - 1]!, m.toCustomers);
  }
  // A sentence that leads to an address given on the line after it, in a block of its own
  // ("To access your personal scanning page, go to:" then "{{sitebase}}/events/scanning/", as
  // plain-text and template emails write it): the sentence asks, for what it names (the address
  // alone says nothing more than "go there").
  for (let i = 1; i < units.length; i++) {
    const u = units[i]!;
    const lead = units[i - 1]!;
    if (lead.ask !== undefined || dropped.has(i - 1) || lead.block === u.block || lead.container !== 'paragraph' || !ADDRESS_LINE.test(u.text.trim()) || !LEADS_TO.test(lead.text)) continue;
    const c = classify(vocabulary(), lead.text, undefined, 'consume');
    askOnSentence(text, lines, asks, lead, c.cls, ASK_LEVELS[c.cls], `read as a sentence that leads to the address on the line after it; ${c.why}`);
  }
  // A list of ways to help under the sentence that offers them ("You can still help!" over
  // "- Share on social media - Spread the word", "- Report bugs - Help improve quality"): each item
  // that opens with a verb asks, for what it names. Without such a sentence an item without a link
  // is a feature, an agenda point or a step unless it is a call to action (asks/reader.ts).
  const v = vocabulary();
  // Whether each sentence above a list offers it as ways to help, read once per sentence.
  const offersHelp = new Map<number, boolean>();
  for (const { u, base, index } of listItems) {
    const unit = units[index]!;
    const intro = above[index]!;
    if (unit.ask !== undefined || dropped.has(index) || intro < 0) continue;
    let offers = offersHelp.get(intro);
    if (offers === undefined) offersHelp.set(intro, (offers = units[intro]!.container !== 'heading' && helpIntro(units[intro]!.text, v)));
    if (!offers) continue;
    const m = helpItem(u.norm.text, v);
    if (!m) continue;
    const [from, to] = sourceSpan(u.norm, m.from, m.to);
    unit.ask = asks.length;
    asks.push(askAt(text, lines, base + from, base + to, unit.start, unit.end, m.cls, m.level, 'sentence', m.via, false));
    if (m.toCustomers) toCustomers.set(asks[asks.length - 1]!, m.toCustomers);
  }
  inTextOrder(asks, units);
  if (hasWhen && hasWhere) stats.eventFields = 2;
  const firstProse = units.find((u) => u.container !== 'heading' && !u.header);
  stats.startsWithGreeting = firstProse?.greeting ?? false;
  return { asks, toCustomers, pressure, units, directives, unread, stats, unitMatches, unitRejected, unitSupport, unitLinks, closing, above, dropped, intros, beforeCode };
}

/**
 * The block-relative extent of an ask as the reader sees it. A phrase that is a link's
 * whole text must not run on into the link's `](url)` or `][ref]` (the lexicon's offset
 * map can end a phrase at the next piece of prose): keep the underline on the visible
 * words, and treat the phrase as the link it is.
 */
export function askSpan(m: UnitMatch, block: BlockResult, blockText: string, offset = 0): { end: number; inLink: boolean; linkStart?: number; linkEnd?: number } {
  if (m.inLink) return { end: m.linkEnd !== undefined ? Math.min(m.end, m.linkEnd) : m.end, inLink: true, linkStart: m.linkStart!, linkEnd: m.linkEnd! };
  // Links do not overlap and are in order: the one that may hold the ask's start is the last to
  // start at or before it (a binary search, so a paragraph of thousands of links stays linear).
  const links = block.links;
  let lo = 0;
  let hi = links.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (links[mid]!.start <= m.start) lo = mid + 1;
    else hi = mid;
  }
  const link = lo > 0 ? links[lo - 1] : undefined;
  if (link && m.start < link.end && link.end < m.end && blockText[offset + link.end] === ']') return { end: link.end, inLink: true, linkStart: link.start, linkEnd: link.end };
  return { end: m.end, inLink: false };
}

/**
 * [start, end) narrowed to its first letter or digit and its last letter, digit, "?", "!" or ")":
 * what a whole-sentence ask underlines. It steps by code point, so a sentence of math-bold
 * letters or emoji ("𝗕𝗼𝗼𝗸 𝗮 𝗱𝗲𝗺𝗼") is never cut inside a surrogate pair.
 */
export function wordsSpan(text: string, start: number, end: number): [number, number] {
  while (start < end) {
    const cp = text.codePointAt(start)!;
    const width = cp > 0xffff && start + 1 < end ? 2 : 1;
    if (/[\p{L}\p{N}]/u.test(text.slice(start, start + width))) break;
    start += width;
  }
  while (end > start) {
    const width = pairEndsAt(text, end, start) ? 2 : 1;
    if (/[\p{L}\p{N}?!)]/u.test(text.slice(end - width, end))) break;
    end -= width;
  }
  return [start, end];
}


/** Ad copy decks: `Headline 1:`, `Description:`, `Primary text:` lines. */
const AD_FIELD = /(?:^|\n)[ \t]*(?:long |short )?(?:headline|description|primary text|display url|final url|intro text|ad copy)[ \t]*\d*[ \t]*:/g;
const EVENT_WHEN = /(?:^|\n)[ \t]*(?:when|date|date and time)[ \t]*:/;
const EVENT_WHERE = /(?:^|\n)[ \t]*(?:where|location|venue)[ \t]*:/;

/** An ask at `start`-`end` in a sentence at `sentenceStart`-`sentenceEnd`; its key is set once all asks are known. */
export function askAt(text: string, lines: LineIndex, start: number, end: number, sentenceStart: number, sentenceEnd: number, cls: AskClass, level: number, kind: Ask['kind'], via: string, inLink: boolean): Ask {
  return {
    text: text.slice(start, end),
    class: cls,
    level,
    kind,
    start,
    end,
    range: lines.range(start, end),
    sentenceStart,
    sentenceEnd,
    sentenceRange: lines.range(sentenceStart, sentenceEnd),
    via,
    inLink,
    key: '',
  };
}

/** A line that is only an address: a URL, or a template's slot for one ("{{sitebase}}/membership/", "{{ action_url }}", "<%= @proposal.confirm_link %>"). */
const ADDRESS_LINE = /^<?(?:https?:\/\/\S+|www\.\S+|\{\{[^}\n]*\}\}\S*\/\S*|\{\{\s*[\w.]*(?:url|link)[\w.]*\s*\}\}|<%=[^%\n]*(?:url|link)[^%\n]*%>)>?$/;
/** The end of a sentence that the address after it completes: a colon, or "go to", "visit", "at", "via" with nothing after. */
const LEADS_TO = /(?::|\b(?:go|going|head|navigate)\s+to|\bvisit|\bat|\bvia)\s*$/;

/**
 * An address written out in a heading: a web address, an email address, a bare domain
 * ("acme.io"), a phone number.
 */
const WRITTEN_ADDRESS = new RegExp(String.raw`\bhttps?:\/\/|\bwww\.[a-z0-9-]+\.|[\w.+-]+@[a-z0-9-]+\.[a-z]|\b[a-z0-9-]+\.${WEB_TLD}\b|\+\d[\d ().-]{7,}\d|\b\d{3}[-. ]\d{3}[-. ]\d{4}\b`, 'i');

/**
 * Whether the heading at `index`, where the rules found an ask, is a headline: no link or address
 * of its own, not a question, and something other than the place to act stands under it. The
 * place to act is a link, a button or an address that is all of the sentence under it, or a block
 * between the heading and that sentence that holds no sentence but a link (a badge, a link whose
 * text is code) or code (the command to run). A heading with nothing under it, the draft's last
 * line, asks.
 */
function headline(text: string, units: DocUnit[], unitLinks: UnitLink[][], blocks: ReadBlock[], index: number): boolean {
  const h = units[index]!;
  if (unitLinks[index]!.length > 0 || WRITTEN_ADDRESS.test(h.text) || /\?\W*$/.test(h.text)) return false;
  const next = units[index + 1];
  const until = next?.block ?? blocks.length;
  for (let b = h.block + 1; b < until; b++) {
    const r = blocks[b]!.result;
    if (r.links.length > 0 || r.buttons > 0 || r.code) return false;
  }
  if (next === undefined) return false;
  if (next.container === 'heading') return true;
  if (next.button || ADDRESS_LINE.test(next.text.trim())) return false;
  const links = unitLinks[index + 1]!;
  if (links.length === 0) return true;
  // What the sentence says besides its links: their text blanked by offset, then the link syntax.
  let rest = text.slice(next.start, next.end);
  for (const l of links) {
    const from = l.start - next.start;
    const to = l.end - next.start;
    if (from >= 0 && to <= rest.length) rest = rest.slice(0, from) + ' '.repeat(to - from) + rest.slice(to);
  }
  rest = rest.replace(/\]\([^)\s]*(?:\s+"[^"]*")?\)|\]\[[^\]\n]*\]/g, ' ');
  return /[\p{L}\p{N}]/u.test(rest);
}

/**
 * Put the asks in the order of the text, each sentence pointing at its own: the passes that read
 * a sentence in the light of others (a list's intro, an address on the next line) add theirs after
 * the rest, and the checks take "the first ask of its class" in document order.
 */
export function inTextOrder(asks: Ask[], units: DocUnit[], drop?: ReadonlySet<Ask>): void {
  // (A pass that takes asks back, such as a setup step over code, names them in `drop`: their
  // sentences then hold none.)
  const kept = (drop ? asks.filter((a) => !drop.has(a)) : [...asks]).sort((a, b) => a.start - b.start || a.end - b.end);
  const at = new Map(kept.map((a, i) => [a, i]));
  for (const unit of units) {
    if (unit.ask === undefined) continue;
    const k = at.get(asks[unit.ask]!);
    if (k === undefined) delete unit.ask;
    else unit.ask = k;
  }
  asks.length = 0;
  asks.push(...kept);
}

/**
 * Put an ask on the whole sentence `unit`, over its words (wordsSpan): a pass that reads the
 * sentence itself as the ask (a list's intro, a line that leads to an address, an install line, a
 * request for feedback). False when the sentence has no words to underline. The caller puts the
 * asks in text order (inTextOrder).
 */
export function askOnSentence(text: string, lines: LineIndex, asks: Ask[], unit: DocUnit, cls: AskClass, level: number, via: string): boolean {
  const [start, end] = wordsSpan(text, unit.start, unit.end);
  if (start >= end) return false;
  unit.ask = asks.length;
  asks.push(askAt(text, lines, start, end, unit.start, unit.end, cls, level, 'sentence', via, false));
  return true;
}
