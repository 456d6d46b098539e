/**
 * The ask reader: finds the ask of a sentence by the shape of the copy, then classes it by what
 * is asked for. It runs where the phrase lexicon (`../lexicon/`) found nothing, so the lexicon's
 * precise phrasings keep their say and the reader adds what no list of phrasings can hold.
 *
 * Candidate shapes, in the order they are tried (trust model section 2a, "What is an ask"):
 *   link      a sentence that is only a link, a link whose text is an action or a pointer
 *             ("here"), a list item that opens with a link (a list of recommended posts)
 *   condition a conditional invitation that is the call to action ("If you ever want to compare
 *             notes, I'm around")
 *   you-can   "you can ... here / below / <link>" pointing at the action
 *   offer     a wish or an offer that waits for the reader's yes ("Would love 15 minutes...",
 *             "Happy to send the one-pager")
 *   imperative a clause opening with a verb in its base form, by part of speech (tagger.ts)
 *   question  a question to the reader that invites a reply or an action
 * and then the filters for section 2a's non-asks (filters.ts). A P.S. is read like any other
 * sentence and reported as such by the analysis.
 *
 * Every result carries its shape, so the document-level pass (position.ts) can decide what only
 * position shows: a question with no request in its words counts only in the draft's closing
 * lines, a question the draft answers next asks nothing, and the links of a list under the
 * sentence that asks for them are that one ask.
 */
import { ASK_LEVELS } from '../model';
import type { AskClass } from '../types';
import { classify } from './classify';
import { howToStep, mentionedAsExample, negatedBefore, sentenceNonAsk } from './filters';
import { verbReading } from './tagger';
import { vocabulary, WEB_TLD, type Vocabulary } from './vocabulary';

export type AskShape = 'link' | 'opening' | 'condition' | 'you-can' | 'offer' | 'imperative' | 'question';

/** How `trustline explain` and the hover name each shape of the ask reader. */
const SHAPE_WORDS: Record<AskShape, string> = {
  link: 'a link to go to',
  opening: 'something announced as open',
  condition: 'a conditional invitation',
  'you-can': '"you can ..." pointing at the action',
  offer: 'an offer or a wish',
  imperative: 'an imperative',
  question: 'a question to the reader',
};


export interface SentenceFacts {
  /** Normalised sentence text (lower case). */
  text: string;
  /**
   * Link-text spans in offsets of `text`; `hasUrl` is unset for a bracketed button with no
   * address, and `bare` marks a URL written out in the text ("github.com/acme/tool").
   */
  links: { start: number; end: number; hasUrl?: boolean; bare?: boolean; slot?: boolean }[];
  container: 'paragraph' | 'heading' | 'list' | 'table' | 'ps';
  /** Double-quoted spans in offsets of `text`. */
  quoted?: [number, number][];
  /** The sentence is the first of a list item. */
  itemStart?: boolean;
  /**
   * In a list: whether it is a list of links (most items open with one). False in a list of
   * features or steps, where an item that is only a link names a feature and links its reference.
   */
  listReads?: boolean;
  /**
   * Whether an earlier sentence of the paragraph offers help ("Questions?"): replies and contacts
   * after it are support. A function, asked only when a candidate needs the answer.
   */
  afterSupport?: () => boolean;
  /** Whether the sentence itself offers help ("Need immediate help?"); asked only for a candidate. */
  support?: () => boolean;
  /** The sentence before it in the paragraph ends with a colon ("Here's the recording:"). */
  afterColon?: boolean;
}

export interface ReaderMatch {
  /** Offsets in the normalised sentence. */
  from: number;
  to: number;
  cls: AskClass;
  level: number;
  shape: AskShape;
  /** How the sentence was read and what decided the class, for `trustline explain`. */
  via: string;
  toCustomers?: AskClass;
  /**
   * Found only by its grammar: a question with no request in its words ("What's the slowest part
   * of your release?"), or a hook that may close a post ("Have you ever lost a week to this?"). An
   * ask where asks stand, in the draft's closing lines or a P.S.; the analysis keeps it only there
   * (position.ts).
   */
  weak?: boolean;
}

/** Symbols, bullets, arrows and emoji that may open a line before its words. */
const LEAD_SYMBOLS = /^[^a-z0-9\u00c0-\u024f"'[{]+/u;
/** Words that may stand before an imperative without changing it. */
const LEAD_INS =
  /^(?:(?:please|kindly|just|simply|so|then|and|now|also|or|today|first|next|finally|instead|go ahead and|feel free to|take a (?:moment|minute|second) to|take (?:a few|two|2|five|5) (?:minutes|seconds) to|be sure to|make sure to|don't forget to|do not forget to|remember to|(?:this is |just )?a (?:friendly |quick |gentle |final |last )?reminder to|don't hesitate to|do not hesitate to|why not|come and|come|quickly|easily|ready to|time to|it's time to|you should(?: also)?|you might want to|you may want to|you'll want to|you'll also want to)\s+)+/;
const WORD_START = /[a-z0-9\u00c0-\u024f]/;

/** Find the one ask of a sentence by its shape, or undefined. */
export function readSentence(s: SentenceFacts, v: Vocabulary = vocabulary()): ReaderMatch | undefined {
  // "I'm always happy to chat" reads as "I'm happy to chat": an adverb between the sender and
  // their offer is blanked (same length, so every offset still holds).
  if (OFFER_ADVERB.test(s.text)) s = { ...s, text: s.text.replace(OFFER_ADVERB_ALL, (m, who: string) => who + ' '.repeat(m.length - who.length)) };
  const text = s.text;
  if (!WORD_START.test(text)) return undefined;
  let opening = LEAD_SYMBOLS.exec(text)?.[0].length ?? 0;
  // A template's call to action in brackets ("[CTA: "Save my spot →"]", "[Button: Register]") is
  // read as the label without its bracket.
  if (text[opening] === '[' && BRACKETED_CTA.test(text.slice(opening))) opening++;
  // "Subject: ...", "Price: $200", "Date: ...": a field and its value. Only what follows a
  // label that introduces a request ("Next step:", "P.S.:") is read as a clause of its own, and
  // a label that is itself an imperative ("Update your payment method: [Update Payment](...)")
  // is read with it.
  const label = FIELD_LABEL.exec(text.slice(opening));
  // A call to action's own label ("CTA: "Start Free Trial"") quotes the button, not someone's words.
  const ctaLabel = label !== null && CTA_LABEL.test(label[1]!);
  if (!ctaLabel && coveredByQuotes(s)) return undefined;
  if (label) {
    if (/^(?:subject|subject line|preview|preview text|preheader|from|to|cc|date|time|when|where|location|venue|price|cost)\b/.test(label[1]!)) return undefined;
    if (ctaLabel) {
      opening += label[0].length;
      while (opening < text.length && /["'\s]/.test(text[opening]!)) opening++;
      // The value is button text: an action we know is the ask ("CTA: Watch Free Training").
      if (imperative(text.slice(opening), v, true) !== undefined) return result(s, v, 'imperative', opening, text.length, opening, 'consume');
    } else if (!REQUEST_LABEL.test(label[1]!) && !imperativeLabel(label[1]!, v)) opening += label[0].length;
  }
  const body = text.slice(opening);
  if (!WORD_START.test(body)) return linkShape(s, v, opening);
  // "Video tutorial: [LINK]": the slot alone names nothing, the label before it does.
  if (opening > 0 && s.links.length === 1 && s.links[0]!.slot && s.links[0]!.start === opening) return linkShape(s, v, opening);
  // A door left open for later is an ask even where its words are a courtesy's ("feel free to
  // reach out when the timing's better").
  const reopen = reopenShape(s, v, opening);
  if (reopen) return reopen;
  if (sentenceNonAsk(v, body)) return undefined;
  const m =
    linkShape(s, v, opening) ??
    openingShape(s, v, opening) ??
    conditionShape(s, v, opening) ??
    youCanShape(s, v) ??
    offerShape(s, v) ??
    imperativeShape(s, v, opening) ??
    questionShape(s, v, opening);
  if (!m) return undefined;
  // "Can I still buy it?", "How can I donate?", "Can we use it without containers?": an FAQ entry
  // in the reader's voice, unless it asks for the sender's time ("Can I get 20 minutes?") or
  // reaches the reader ("Can I send you the deck?").
  if ((m.shape === 'question' || m.shape === 'offer') && m.cls !== 'meeting' && READER_VOICE.test(body) && !/\b(?:you|your|yours)\b/.test(body)) return undefined;
  // A support line ("For any questions, contact us at ...", "Need help? Reply to this email")
  // turns a request to get in touch into a help offer; any other request in it stays an ask
  // ("you're welcome to tag us, and to reach out with questions"). Asked about last, and only
  // for a candidate: it costs a lexicon pass.
  // (A conditional invitation's request is its main clause: "If you need help, reach out".)
  const request = m.shape === 'condition' ? text.slice(m.from).replace(/^[^,]*,\s*/, '') : text.slice(m.from);
  if ((m.shape === 'question' || CONTACT_REQUEST.test(request) || (m.shape === 'offer' && HELP_OFFER.test(text.slice(m.from, m.to)))) && s.support?.()) return undefined;
  if (CONTACT_REQUEST.test(body) && s.afterSupport?.()) return undefined;
  return m;
}

/** A question in the first person that the reader would ask: "Can I ...?", "How do we ...?" (not "Should we ...?", which asks the reader's view). */
const READER_VOICE = /^(?:q:\s*)?(?:(?:how|what|where|when|why)\s+)?(?:can|could|do|may)\s+(?:i|we)\b[^?]*\?\s*$/;

/** Thanks given in the words of an offer ("extend our heartfelt thanks", "give a special thank you"). */
const GRATITUDE = /^(?:extend|give|say|send|express|offer|share)\s+(?:[a-z'-]+\s+){0,3}?(?:thanks|thank you|thank-you|gratitude|appreciation|congratulations|kudos)\b/;

/** The sender's offer to help ("we'd love to help you"), which a support line makes a courtesy. */
const HELP_OFFER = /\b(?:help|assist|answer)\b/;

/** A request to get in touch (or to go to where help is), after the words that soften it. */
export const CONTACT_REQUEST =
  /^(?:(?:just|simply|please|kindly|also|feel free to|do not hesitate to|don't hesitate to|you can|you may|you can always|you're welcome to|you are welcome to|or)\s+){0,4}(?:reply|hit reply|respond|contact|email|e-mail|reach out|reach us|get in touch|write|drop|ping|let (?:me|us) know|message|send us|ask|call|see|visit|check|go to|head to)\b/;

const OFFER_ADVERB_SOURCE = String.raw`\b((?:i'm|we're|i am|we are|i'd be|we'd be|i would be|we would be)\s+)(?:always|really|more than|very|also|still|just|definitely|absolutely|genuinely)\s+(?=(?:happy|glad|keen|around|available|here)\b)`;
const OFFER_ADVERB = new RegExp(OFFER_ADVERB_SOURCE);
const OFFER_ADVERB_ALL = new RegExp(OFFER_ADVERB_SOURCE, 'g');

/** A field label at the start of a line: "Price:", "Live demo webinar:", "Next step:". */
const FIELD_LABEL = /^([a-z][a-z0-9 /&'-]{0,28}?)\s*:\s+/;
/** A label that is an imperative with its object ("Update your payment method:"), not a field ("Schedule announced:"). */
function imperativeLabel(label: string, v: Vocabulary): boolean {
  if (/^\S+\s+(?:the|a|an|your|our|my|us|me|it|this|these|those|them|up|out|in|on)\b/.test(label)) return imperative(label, v) !== undefined;
  // A button's words as a label ("Take Survey:", "Claim Offer:"): a call-to-action verb and a thing on offer.
  const cta = v.ctaVerbs.startOf(label);
  return cta !== undefined && namesOffer(v, label, cta.length, v.consumeVerbs.has(cta), true);
}

/** Labels of an ad's or a template's call to action, whose value is the button text. */
const CTA_LABEL_WORDS = String.raw`cta|cta button|call to action|call-to-action|button|button text|primary cta|secondary cta|cta text`;
const CTA_LABEL = new RegExp(`^(?:${CTA_LABEL_WORDS})$`);
/** The same label just inside a bracket that is not a link's text ("[CTA Button: "Try it →"]"). */
const BRACKETED_CTA = new RegExp(String.raw`^\[(?:${CTA_LABEL_WORDS})\s*:[^\]]*\](?!\()`);
/** Labels that introduce the call to action itself (a CTA field's own label is CTA_LABEL). */
const REQUEST_LABEL = /^(?:next step|next steps|action|action required|to do|todo|p\.?s|your move|ask|bonus|reminder|one more thing|tl;dr|in short)$/;

function coveredByQuotes(s: SentenceFacts): boolean {
  if (!s.quoted?.length) return false;
  const letters = s.text.replace(/[^a-z0-9]/g, '').length;
  let inside = 0;
  for (const [a, b] of s.quoted) inside += s.text.slice(Math.max(0, a), Math.min(s.text.length, b)).replace(/[^a-z0-9]/g, '').length;
  return letters > 0 && inside / letters > 0.6;
}

function result(s: SentenceFacts, v: Vocabulary, shape: AskShape, from: number, to: number, verbAt: number | undefined, fallback: AskClass): ReaderMatch | undefined {
  const text = s.text;
  // Trim the span to its words: no leading or trailing spaces or punctuation.
  while (from < to && !WORD_START.test(text[from]!)) from++;
  while (to > from && /[\s.,;:!)\]"'→»>-]/u.test(text[to - 1]!)) to--;
  if (to <= from) return undefined;
  if (negatedBefore(text.slice(0, from)) || mentionedAsExample(text, from)) return undefined;
  // What follows an example marker is mentioned, not asked for: "Pick one next step, such as booking a demo".
  let clause = untilExample(text.slice(from, to));
  // "Star the repo if it saves you a Monday": what the reader is asked for stops where a
  // condition or a reason starts (offers and questions keep theirs: "if you're free Tuesday").
  if (shape === 'imperative' || shape === 'link') clause = clause.replace(/\s(?:if|when|whenever|because|since|so that|once|while|before|after|unless)\s.*$/, '');
  let rel = verbAt === undefined ? undefined : verbAt - from;
  const cta = rel !== undefined && v.ctaVerbs.startOf(clause.slice(rel)) !== undefined;
  // A link titled with a verb ("Build a content calendar in five steps") is a read, not a build;
  // a short button's verb is what it does ("Confirm email", "Report bug").
  if (shape === 'link' && !cta && clause.split(/\s+/).length > 4) rel = undefined;
  // A short button names its thing ("Go to Course"); a long link title or an imperative only
  // mentions a topic ("Build a content calendar in five steps").
  const topics = !(shape === 'link' || shape === 'imperative') || cta || (shape === 'link' && clause.split(/\s+/).length <= 4);
  const c = classify(v, clause, rel, fallback, topics);
  const m: ReaderMatch = { from, to, cls: c.cls, level: ASK_LEVELS[c.cls], shape, via: `read as ${SHAPE_WORDS[shape]}; ${c.why}` };
  if (c.toCustomers) m.toCustomers = c.toCustomers;
  return m;
}

/** The clause up to an example marker ("such as", "e.g."), if it holds one. */
function untilExample(clause: string): string {
  const m = /(?:^|[\s(,])(?:e\.g\.?|eg\.|for example|for instance|such as)(?=[\s,:])/.exec(clause);
  return m ? clause.slice(0, m.index) : clause;
}

/** Letters only, for comparing a sentence with its link text. */
function letters(t: string): number {
  return t.replace(/[^a-z0-9\u00c0-\u024f]/g, '').length;
}

const POINTER_LINK = /^(?:here|click here|this link|the link|link|below|this page|this form|this one|right here|over here|tap here)$/;

function linkShape(s: SentenceFacts, v: Vocabulary, opening = 0): ReaderMatch | undefined {
  if (s.links.length === 0) return undefined;
  const text = s.text;
  // After a field label, its value is what the links are weighed against ("Retry payment:
  // [Retry Payment](...)" is a labelled button).
  const total = letters(text.slice(opening));
  let inLinks = 0;
  for (const l of s.links) inLinks += letters(text.slice(l.start, l.end));
  const first = s.links[0]!;
  // The sentence is its links (a button, a row of buttons, a bare "Read more →").
  if (total > 0 && inLinks / total >= 0.75) {
    if (s.container === 'table') return undefined;
    // A URL on a line of its own is a footer unless something introduced it: a colon before it, a
    // label ("GitHub: https://..."), an arrow, or a list.
    const introduced = s.container === 'list' || !!s.afterColon || /:\s*$/.test(text.slice(0, opening)) || /^[^a-z0-9]*(?:→|👉|👇)/u.test(text) || /^[a-z][a-z ]{0,20}:\s/.test(text);
    // "- [Kill switches](/docs/...)" among features: a call to action still asks ("- [Sign up](...)").
    // "Last chance to register: [Luma invitation link]": a slot for the address after a label; the label names the ask.
    if (opening > 0 && s.links.length === 1 && first.slot) return labelledSlot(s, v, opening);
    if (s.container === 'list' && s.listReads === false) return strongest(s.links.map((l) => (imperative(text.slice(l.start, l.end).replace(LEAD_SYMBOLS, ''), v, true) !== undefined ? linkResult(s, v, l.start, l.end, true) : undefined)));
    return strongest(s.links.map((l) => linkResult(s, v, l.start, l.end, introduced)));
  }
  // A list item that opens with its link: a list of recommended reads or resources.
  if (s.container === 'list' && s.itemStart && s.listReads !== false && letters(text.slice(0, first.start)) === 0) return linkResult(s, v, first.start, first.end, true);
  // A link whose text is an action ("[Sign up here](...) for early access") or a pointer ("here").
  for (const l of s.links) {
    const lt = text.slice(l.start, l.end).trim();
    // A URL written out after a colon or an arrow is where the sentence sends the reader:
    // "The full boilerplate is here: github.com/acme/boilerplate".
    if (l.bare) {
      const what = resourceAt(text, l.start, v);
      if (what) return placeOf(s, l.start, l.end, what);
      if (/(?::|→|->|👉|👇|\bhere\b)\s*$/u.test(text.slice(Math.max(0, l.start - 16), l.start))) {
        const from = clauseStart(text, text.slice(0, l.start).replace(/[:\s]+$/, '').length);
        // A template's slot for the address: what the clause before it names is what is asked.
        // (Underlined up to the slot: the slot's brackets are not the writer's words.)
        return l.slot ? result(s, v, 'link', from, l.start, clauseVerb(text, from, v), 'consume') : bareLink(s, from, l.end);
      }
      continue;
    }
    // "see the [schedule in GitHub]": a link after an article names a thing, not an action.
    if (/\b(?:the|a|an|our|your|this|my|their)\s*$/.test(text.slice(Math.max(0, l.start - 16), l.start)) && !POINTER_LINK.test(lt)) continue;
    if (POINTER_LINK.test(lt)) {
      // "Apply to the fellowship ([here](...))": a pointer in brackets points for the clause before them.
      const open = /\(\s*$/.test(text.slice(Math.max(0, l.start - 4), l.start)) ? text.lastIndexOf('(', l.start) : -1;
      const from = clauseStart(text, open >= 0 ? open : l.start);
      return result(s, v, 'link', from, open >= 0 ? open : l.end, clauseVerb(text, from, v), 'consume');
    }
    // A link that opens its sentence with an imperative is a button in prose ("[Sign-up today](...)
    // to join us on July 27"): the link is the place to act.
    if (imperative(lt, v, l === first && letters(text.slice(0, l.start)) === 0) !== undefined) return result(s, v, 'link', l.start, l.end, l.start, 'consume');
  }
  // What the sentence says is now there to go to: "[Videos of the talks](...) are now available
  // on YouTube", "Our [event page](...) is live!", "photos ... available in our [album](...)".
  for (const l of s.links) {
    if (l.bare || !l.hasUrl) continue;
    // (Only the words next to the link are looked at: a paragraph of many links stays linear.)
    if (AVAILABLE_AFTER.test(text.slice(l.end, l.end + 60)) || AVAILABLE_BEFORE.test(text.slice(Math.max(0, l.start - 60), l.start))) return result(s, v, 'link', l.start, l.end, undefined, 'consume');
    const what = resourceAt(text, l.start, v);
    if (what) return placeOf(s, l.start, l.end, what);
  }
  return undefined;
}

/** "... is at", "... can be found on", "... lives in", right before a link: where something is. */
const WHERE_BEFORE =
  /\b(?:(?:is|are)\s+(?:now\s+|also\s+)?(?:hosted\s+|located\s+|kept\s+|published\s+)?(?:at|on|in)|(?:can|may)\s+(?:also\s+)?be\s+(?:found|read|viewed|seen|watched|downloaded|accessed)\s+(?:at|on|in|via|from)|lives?\s+(?:at|on|in))\s+(?:(?:the|our|this)\s+)?$/;

/**
 * A link the sentence says something to read is at: "The full documentation is at
 * [docs.tabler.io](...)", "The slides can be found in the [shared folder](...)". Only where what
 * is there, the head of the clause's subject, is a thing to read or watch the vocabulary knows
 * (docs, the recording, slides): "The meetup is at [WeWork Soho](...)" gives a place, and "The
 * docs team is at [...]" a team.
 */
function resourceAt(text: string, at: number, v: Vocabulary): string | undefined {
  const from = Math.max(0, at - 120);
  const where = WHERE_BEFORE.exec(text.slice(from, at));
  if (!where) return undefined;
  const whereAt = from + where.index;
  const subject = text.slice(clauseStart(text, whereAt), whereAt);
  if (negatedBefore(subject) || subject.split(/\s+/).filter(Boolean).length > 8) return undefined;
  // What is there heads the subject: "The docs team is at [...]" names a team, not the docs.
  return v.objects.scan(subject).find((o) => o.cls === 'consume' && HEAD_END.test(subject.slice(o.end)))?.phrase;
}

/** After the head noun of a subject: nothing, or a phrase that qualifies it ("of this package", "for v1"). */
const HEAD_END = /^(?:\s*$|\s+(?:of|for|from|on|in|about|with|to)\b)/;

/** The link where `what` is: attention, whatever the link's own words ("on [YouTube](...)") name. */
function placeOf(s: SentenceFacts, from: number, to: number, what: string): ReaderMatch | undefined {
  while (to > from && /[\s.,;:!)\]"']/.test(s.text[to - 1]!)) to--;
  while (from < to && !WORD_START.test(s.text[from]!)) from++;
  if (to <= from || mentionedAsExample(s.text, from)) return undefined;
  return { from, to, cls: 'consume', level: ASK_LEVELS.consume, shape: 'link', via: `read as ${SHAPE_WORDS.link}; where "${what}" is` };
}

/** "... is now available", right after a link: the link is what became available. */
const AVAILABLE_AFTER = /^[\s*_)\]]*(?:is|are)\s+(?:now\s+|officially\s+|also\s+)?(?:available|live|out|online|published|up)\b(?!\s+(?:to|for)\s+(?:everyone|all|free|customers))/;
/** "... available in our", right before a link. */
const AVAILABLE_BEFORE = /\b(?:available|live|published|posted|uploaded)\s+(?:now\s+)?(?:in|on|at|via|from)\s+(?:our\s+|the\s+|this\s+|my\s+)?$/;

/**
 * A link offered as something to go to. Its text must say what: an action ("Join now"), a thing
 * the vocabulary knows ("Pricing", "the recording"), or a title of three words or more (a post
 * in a list of reads). One or two bare words ("Website", "French") are navigation, and a URL
 * shown as its own text is a footer unless something introduced it ("Here's the recording:").
 */
function linkResult(s: SentenceFacts, v: Vocabulary, start: number, end: number, introduced: boolean): ReaderMatch | undefined {
  const lt = s.text.slice(start, end);
  // A URL's words are an address, not what is asked for: going there is attention.
  if (s.links.find((l) => l.start === start)?.bare || /^(?:https?:\/\/|www\.)\S+$/.test(lt.trim())) return introduced ? bareLink(s, start, end) : undefined;
  const lead = LEAD_SYMBOLS.exec(lt)?.[0].length ?? 0;
  const nav = v.navigation.startOf(lt.slice(lead).trim());
  if (nav !== undefined && nav.length >= lt.slice(lead).replace(/[\s.!→»>]+$/u, '').trim().length - 1) return undefined;
  const action = imperative(lt.slice(lead), v, true) !== undefined;
  // A bracketed slot with no address ("[FEATURE_HIGHLIGHTS]", "[END SCREEN: ...]") is a
  // template's placeholder unless it names an action ("[Update Payment Method →]").
  if (!action && !s.links.find((l) => l.start === start)?.hasUrl) return undefined;
  // An image's alt text as the link's words ("Next.js Logo", "stripe.com Logo"): a brand shown,
  // not something to go to; "your logo" and "Add your logo" still ask.
  if (!action && LOGO_ALT.test(lt.slice(lead).trim())) return undefined;
  if (!action && lt.split(/\s+/).filter((w) => /[a-z0-9]/.test(w)).length < 3 && !v.objects.set.test(lt)) return undefined;
  return result(s, v, 'link', start, end, action ? start + lead : undefined, 'consume');
}

/**
 * A label before a template's slot for an address ("Video tutorial: [LINK]", "Confirm your email:
 * {{ action_url }}"): the label is the link's text, read as linkResult reads link text.
 */
function labelledSlot(s: SentenceFacts, v: Vocabulary, opening: number): ReaderMatch | undefined {
  const lead = LEAD_SYMBOLS.exec(s.text)?.[0].length ?? 0;
  const label = s.text.slice(lead, opening).replace(/[\s:]+$/, '');
  const nav = v.navigation.startOf(label);
  if (nav !== undefined && nav.length >= label.length - 1) return undefined;
  const action = imperative(label, v, true) !== undefined;
  if (!action && label.split(/\s+/).length < 3 && !v.objects.set.test(label)) return undefined;
  return result(s, v, 'link', lead, lead + label.length, action ? lead : undefined, 'consume');
}

/** A written-out URL the sentence sends the reader to: attention, whatever its words say. */
function bareLink(s: SentenceFacts, from: number, to: number): ReaderMatch | undefined {
  while (to > from && /[\s.,;:!)\]"']/.test(s.text[to - 1]!)) to--;
  while (from < to && !WORD_START.test(s.text[from]!)) from++;
  if (to <= from || negatedBefore(s.text.slice(0, from))) return undefined;
  return { from, to, cls: 'consume', level: ASK_LEVELS.consume, shape: 'link', via: `read as ${SHAPE_WORDS.link}; a URL written out in the text` };
}

function strongest(list: (ReaderMatch | undefined)[]): ReaderMatch | undefined {
  let best: ReaderMatch | undefined;
  for (const m of list) if (m && (!best || m.level > best.level)) best = m;
  return best;
}

/** Start of the clause holding `at`: after the last , ; : — ( before it. */
function clauseStart(text: string, at: number): number {
  let i = at - 1;
  while (i >= 0 && !/[,;:—–(]/.test(text[i]!)) i--;
  return i + 1;
}

/** Where the verb of the clause starting at `from` is, when it opens with one. */
function clauseVerb(text: string, from: number, v: Vocabulary): number | undefined {
  let at = from;
  while (at < text.length && text[at] === ' ') at++;
  const lead = LEAD_INS.exec(text.slice(at))?.[0].length ?? 0;
  at += lead;
  return v.verbs.startOf(text.slice(at)) ? at : undefined;
}

/**
 * Whether a landing lands the condition on a request.
 * - A placed landing (`placedLandings`: "you can do so", "you just have to", "all you need to do
 *   is") asks where the sentence says where to do it ("If you'd like to re-subscribe, you can do
 *   so via the app") or names an account step the sender asks for ("..., you just have to log in
 *   again"). Without that it states what the
 *   product allows or how to use it ("If you want to upload 100 GB, you can do that", "If you want
 *   to change the theme, all you need to do is edit config.yml").
 * - Leaving is not asked for: "If you'd like to cancel, you can do so from the billing page" is a
 *   courtesy.
 * - After a change of mind, the sender's own words ("we'll keep your data for 30 days", "we can
 *   reactivate it") are a promise, not an invitation.
 */
function landsOnRequest(condition: string, land: string, placed: boolean, rest: string, s: SentenceFacts): boolean {
  if (/^if you (?:ever )?(?:change|'ve changed|have changed) your mind\b/.test(condition) && /^(?:i|we)\b|^(?:i'm|we're|i'll|we'll|i'd|we'd)\b/.test(land)) return false;
  if (!placed) return true;
  if (/\b(?:like|want|wish|wanted|need|prefer) to (?:cancel|unsubscribe|opt[- ]out|delete|close|deactivate|remove|downgrade|leave|stop)\b(?!\s+(?:the\s+|your\s+|this\s+)?(?:account\s+)?(?:deletion|cancellation|downgrade|closure)\b)/.test(condition)) return false;
  const after = rest.slice(land.length);
  return s.links.length > 0 || saysWhere(rest) || /^\s+(?:log ?in|sign in|reply|respond|contact us|email us|let us know)\b/.test(after);
}

function conditionShape(s: SentenceFacts, v: Vocabulary, opening: number): ReaderMatch | undefined {
  if (s.container === 'heading') return undefined;
  // "And if you ever want to compare notes, ...": a conjunction may open the condition.
  opening += /^(?:and|but|or|so|otherwise,?)\s+(?=if\b)/.exec(s.text.slice(opening))?.[0].length ?? 0;
  const text = s.text.slice(opening);
  const cond = v.conditionals.startOf(text);
  if (cond === undefined) return undefined;
  // The invitation is what follows the condition: "..., I'm around", "..., reply and ...".
  const comma = text.search(/[,—–]\s|\s-\s/);
  const rest = comma >= 0 ? text.slice(comma + 1).trimStart() : '';
  const restAt = opening + (comma >= 0 ? text.length - rest.length : text.length);
  const restBody = rest.replace(LEAD_INS, '');
  const placedLand = rest ? v.placedLandings.startOf(restBody) : undefined;
  let land = rest ? (placedLand ?? v.conditionalLandings.startOf(restBody)) : undefined;
  if (land !== undefined && !landsOnRequest(text.slice(0, comma >= 0 ? comma : text.length), land, placedLand !== undefined, rest, s)) land = undefined;
  if (land !== undefined || (rest && imperative(rest, v) !== undefined)) {
    if (v.courtesy.startOf(text) !== undefined || /^if you (?:have|need) (?:any |more |further )?(?:questions|help|support|assistance)/.test(text)) return undefined;
    const restLead = LEAD_INS.exec(rest)?.[0].length ?? 0;
    return result(s, v, 'condition', opening, s.text.length, restAt + restLead, 'engage');
  }
  // "If you'd like a copy of the report, just say so" has its landing phrase; without one the
  // condition alone ("If you're evaluating vendors this quarter") is not an invitation.
  return undefined;
}

/**
 * A door left open for later, the closing ask of a sequence that steps back: the sender's
 * availability or an invitation to get back in touch, tied to a time when the reader's need
 * returns ("I'll close out your file, but if this becomes a priority later, my inbox is open",
 * "Otherwise, feel free to reach out when the timing's better", "Still open to a quick chat if
 * timing works"). The time is read inside an if/when clause only, and a clause about questions
 * coming up is a courtesy ("Let me know if questions come up"). Classed by what it names (a
 * quick chat is a meeting), a reply otherwise.
 */
function reopenShape(s: SentenceFacts, v: Vocabulary, opening: number): ReaderMatch | undefined {
  if (s.container === 'heading') return undefined;
  const text = s.text;
  const offers = v.reopenOffers.scan(text);
  if (offers.length === 0) return undefined;
  REOPEN_CONDITION.lastIndex = 0;
  for (let m = REOPEN_CONDITION.exec(text); m; m = REOPEN_CONDITION.exec(text)) {
    const clause = text.slice(m.index, m.index + m[0].length);
    // Questions coming up ask for nothing; nor does a change of the reader's plans ("If anything
    // changes and you are no longer able to attend, let us know").
    if (/\bquestions?\b|\b(?:no longer|not able|unable|can't|cannot)\b/.test(clause) || !v.reopenTimes.test(clause)) continue;
    // The offer stands outside the condition: "..., my inbox is open", "reach out when ...".
    // It opens its clause: "we reach out when the timing is right" is what the sender does.
    const offer = offers.find(([a, b]) => (b <= m.index || a >= m.index + clause.length) && REOPEN_CLAUSE_START.test(text.slice(0, a)));
    if (!offer) continue;
    // The ask is the offer and its condition, not what the sentence said before them ("No hard
    // feelings, I know [the challenge] isn't going anywhere, so feel free to reach out when ...").
    return result(s, v, 'condition', Math.max(opening, Math.min(m.index, offer[0])), text.length, undefined, 'engage');
  }
  return undefined;
}

/** What may stand before the offer that opens a clause: a symbol, a conjunction, an adverb. */
const REOPEN_CLAUSE_START = /(?:^|[,;:—–(]|\s-)\s*(?:(?:and|but|so|otherwise|or|still|always|just|please|then)\s+)*$/;
/** An if/when clause, to the end of the clause. */
const REOPEN_CONDITION = /\b(?:if|when|once|whenever|should)\b[^,;:.!?—–]*/g;

/**
 * What the draft announces as open: "Registration is now open", "The CFP is live", "Early-bird
 * tickets are on sale". The writer means it as the ask; it is classed by what opens.
 */
function openingShape(s: SentenceFacts, v: Vocabulary, opening: number): ReaderMatch | undefined {
  if (s.container === 'heading' && s.links.length === 0) return undefined;
  const body = s.text.slice(opening).replace(/^(?:the|our|your)\s+/, '');
  const what = v.openings.startOf(body);
  if (what === undefined) return undefined;
  const rest = body.slice(what.length);
  if (!/^\s+(?:for\s+[^.,;]{1,40}\s+)?(?:is|are)\s+(?:now\s+|officially\s+|still\s+|already\s+)?(?:open|live|available|on sale)\b/.test(rest)) return undefined;
  return result(s, v, 'opening', opening, s.text.length, undefined, 'exchange');
}

/** A page, screen or address to do something at: "from the settings page", "via the Linky app", "at acme.io". */
const PLACE_TO_ACT = new RegExp(String.raw`\b(?:at|from|in|on|via|through|under)\s+(?:the\s+|our\s+|your\s+|this\s+)?(?:[\w-]+\s+){0,2}(?:page|site|website|portal|settings|dashboard|account|form|link|app|store|shop)\b|\b(?:at|on|via)\s+\S+\.${WEB_TLD}\b`);

/** Whether the words say where to act: "here", "below", an email address, a page, an app or a site. */
function saysWhere(t: string): boolean {
  return /\b(?:here|below|above)\b/.test(t) || EMAIL_IN_TEXT.test(t) || PLACE_TO_ACT.test(t);
}

/** A channel the reader acts to the sender by: "send these items to me via Slack" (not "find Hannabeth on Twitter", "expect a follow-up from us by email"). */
const CHANNEL_TO_SENDER = /\b(?:to|with)\s+(?:me|us)\b[^.;:!?]{0,40}?\b(?:via|on|in|through|over|by)\s+(?:slack|discord|email|e-mail|dm|direct message|linkedin|twitter|whatsapp|telegram|signal|matrix|zulip|mastodon|bluesky|teams)\b/;

/** "You can [directly] contact...": one adverb may stand before the verb (not a verb ending in -ly). */
const YOU_CAN = /\b(?:you can|you could|you may|you're welcome to|you are welcome to|feel free to)\s+(?:also\s+|now\s+|always\s+|still\s+|even\s+|(?!(?:apply|reply|supply|rely|comply|multiply|fly)\b)[a-z]{2,}ly\s+)?/;

function youCanShape(s: SentenceFacts, v: Vocabulary): ReaderMatch | undefined {
  const m = YOU_CAN.exec(s.text);
  if (!m) return undefined;
  // "We hope you can join us" is a wish (offerShape); "the channels where you can reach us:" describes.
  if (/\b(?:hope|where|which|that)\s+$/.test(s.text.slice(Math.max(0, m.index - 8), m.index))) return undefined;
  const verbAt = m.index + m[0].length;
  const after = s.text.slice(verbAt);
  // "As you can see, ...", "As you can imagine, ...": a turn of phrase, not a pointer.
  if (/\bas\s+$/.test(s.text.slice(Math.max(0, m.index - 4), m.index)) && /^(?:see|imagine|tell|guess|probably (?:see|imagine|tell|guess)|notice|expect)\b/.test(after)) return undefined;
  // It points at the action: a link, "here"/"below", or a page, screen or address to do it at.
  const pointsAtAction =
    s.links.some((l) => l.end > verbAt) ||
    // "You're welcome to tag us", "you can help us improve it": the sender is the verb's object.
    (/^[a-z'-]+\s+(?:us|me)\b/.test(after) && (v.verbs.startOf(after) !== undefined || /^help\b/.test(after))) ||
    saysWhere(after) ||
    CHANNEL_TO_SENDER.test(after);
  if (!pointsAtAction) return undefined;
  // "You can switch it on from the settings page": the pointer is there, so any verb will do.
  if (s.container === 'heading' || (!v.verbs.startOf(after) && !verbReading(after).afterSubject)) return undefined;
  // "You can manage or cancel anytime from the billing page": account navigation.
  if (/^(?:cancel|unsubscribe|opt out|sign in|log in|change your (?:email|password|preferences))\b/.test(after)) return undefined;
  if (howToStep(v, after, s.container === 'list', s.links.length > 0)) return undefined;
  return result(s, v, 'you-can', m.index, s.text.length, verbAt, 'consume');
}

function offerShape(s: SentenceFacts, v: Vocabulary): ReaderMatch | undefined {
  // A heading states; "Can I keep my current system?" over an answer is an FAQ entry.
  if (s.container === 'heading') return undefined;
  const text = s.text;
  // "Hope to see you at this year's MesosCon!": an invitation to attend, with nothing else asked.
  const wish = v.attendance.find(text);
  // It opens the sentence or a clause ("Stay tuned for the agenda, and we hope you can join us").
  if (wish && !/[^\s,;:—–(-]\s*$/.test(text.slice(0, wish[0]).replace(/(?:^|[\s,])(?:and|but|so|we|i)\s*$/, ','))) return result(s, v, 'offer', wish[0], text.length, undefined, 'exchange');
  // "Pull requests are always welcome", "This project welcomes contributions": a stated welcome.
  const welcome = welcomeAt(text, v);
  if (welcome) return result(s, v, 'offer', welcome[0], welcome[1], welcome[2], 'engage');
  // "We strongly encourage you to attend the preparation meeting", "I would suggest you walk
  // through the release notes", "We do ask that you consider flexible dates": the sender asks the
  // reader, in the first person, to do what the verb after "you" says.
  const asked = REQUEST_OF_YOU.exec(text);
  if (asked) {
    const verbAt = asked.index + asked[0].length;
    const rest = text.slice(verbAt);
    // Any verb after "you", by part of speech: requiring the imperative's tests here (something
    // named on offer, the sender, a place) lost 7 of the 11 labelled asks it finds over the sets.
    // Advice about using the product ("We recommend you use Postgres 14") is the cost.
    const isVerb = v.verbs.startOf(rest) !== undefined || verbReading(rest).afterSubject;
    if (isVerb && !howToStep(v, rest, s.container === 'list', s.links.length > 0)) return result(s, v, 'offer', asked.index + asked[1]!.length, text.length, verbAt, 'engage');
  }
  // At the start of the sentence or of a clause ("Congrats on the launch - would love to...").
  const hit = v.offers.find(text);
  if (!hit) return undefined;
  const [start, end] = hit;
  if (start > 0 && !/(?:^|[,;:—–(]|\s-|\band|\bbut|\bso|\bif so|\balso)\s*$/.test(text.slice(0, start))) return undefined;
  const after = text.slice(end).trimStart();
  // An offer reaches the reader: it names them, or something they can have or do.
  const reaches = /\b(?:you|your|yours)\b/.test(after) || v.objects.set.test(after) || /\?\s*$/.test(text);
  if (!reaches) return undefined;
  // It offers something to do together or to have: a thing named, a verb of offering, or a
  // question. "I'm happy to work around your schedule" accommodates; it offers nothing.
  const verbWord = after.replace(/^to\s+/, '');
  // "We'd like to extend big thanks to our sponsors": gratitude, not an offer.
  if (GRATITUDE.test(verbWord)) return undefined;
  const offered =
    /\?\s*$/.test(text) ||
    // An offer may name a time or a call ("Would love 15 minutes"): topics count here.
    namesOffer(v, verbWord, 0, v.consumeVerbs.has(verbWord.split(/\s/)[0]!), true) ||
    // A verb of the vocabulary, or any verb by part of speech after a wish or gladness ("Happy to
    // walk through the numbers", "We are happy to brainstorm your interests"): "we can", "let me"
    // and "looking for" state plans and needs as often as they offer, so they keep the vocabulary.
    ((v.verbs.startOf(verbWord) !== undefined || (/\b(?:happy|glad|love|like)\s+to$/.test(text.slice(start, end)) && verbReading(verbWord).afterSubject)) &&
      !/^(?:have|be|work|help|answer|assist|see|welcome)\b/.test(verbWord));
  if (!offered) return undefined;
  // "I can tell you that most teams..." reports; it does not offer.
  if (/^(?:tell you|say|assure you|confirm|promise|guarantee|see why|see how|imagine|only|already|also see|report that|report on|announce|share that|let you know that)\b/.test(after.replace(/^to\s+/, ''))) return undefined;
  const verbAt = end + (text.length - end - after.length) + (/^to\s/.test(after) ? 3 : 0);
  return result(s, v, 'offer', start, text.length, verbAt, 'engage');
}

/** A brand's logo named as an image: one to three words before "logo", none of them a determiner. */
const LOGO_ALT = /^(?!(?:your|our|the|a|an|my|their|this|its)\b)(?:\S+\s+){1,3}logo$/;

/** A web address written as a word ("dockwise.example", "acme.io/trial"): a place to act. */
const ADDRESS_WORD = new RegExp(String.raw`\b[a-z0-9-]+\.${WEB_TLD}\b`);

/**
 * Whether a sentence the reader found no ask in is advice about the reader's own work: a paragraph
 * sentence that opens with an imperative, names the reader's own things ("your") and neither the
 * sender nor a place to act, a link, an address or "here" ("Pick your three worst carriers by
 * detention hours and start sending them confirmations next week", "Review your contract before
 * you sign"). Section 2a's how-to steps and advice ask nothing; the trained reader may not add
 * an ask there (asks/learned.ts).
 */
export function readerAdvice(text: string, hasLinks: boolean, container: SentenceFacts['container'], v: Vocabulary = vocabulary()): boolean {
  if (hasLinks || container !== 'paragraph' || !/\byour\b/.test(text) || SENDER.test(text) || POINTER.test(text) || ADDRESS_WORD.test(text) || /\?\s*$/.test(text)) return false;
  const at = openingAfterLead(text, v);
  return at !== undefined && (at.open.verb !== undefined || verbReading(at.head).plain);
}

/**
 * Where a sentence or list item opens once its lead symbols and softeners are set aside
 * ("🐛 Please report bugs"): `lead` after the symbols, `from` at the word that opens it, and that
 * word's reading by `openingVerb`; undefined when it cannot open an imperative.
 */
function openingAfterLead(text: string, v: Vocabulary): { lead: number; from: number; head: string; open: NonNullable<ReturnType<typeof openingVerb>> } | undefined {
  const lead = LEAD_SYMBOLS.exec(text)?.[0].length ?? 0;
  const from = lead + (LEAD_INS.exec(text.slice(lead))?.[0].length ?? 0);
  const head = text.slice(from);
  const open = openingVerb(head, v);
  return open ? { lead, from, head, open } : undefined;
}

/**
 * A list item offered as a way to help by the sentence above its list ("You can still help!" over
 * "- Report bugs - Help improve quality", "- Translate docs - Reach more users"): the request from
 * the verb that opens the item to the dash, bracket or stop that ends it, classed by what it names
 * (engage when it names nothing). Undefined when the item does not open with a verb, or is a step
 * of the reader's own setup. The caller decides that the list offers ways to help.
 */
export function helpItem(text: string, v: Vocabulary): ReaderMatch | undefined {
  const at = openingAfterLead(text, v);
  if (!at) return undefined;
  const { lead, from, head, open } = at;
  if (open.verb === undefined && open.cta === undefined && !verbReading(head).plain) return undefined;
  const stop = /\s[-–—(]\s?|[:;.!?](?:\s|$)/u.exec(head);
  const clause = stop ? head.slice(0, stop.index) : head;
  if (howToStep(v, clause, true, false)) return undefined;
  const m = result({ text, links: [], container: 'list' }, v, 'imperative', lead, from + clause.length, from, 'engage');
  if (!m) return undefined;
  m.via = m.via.replace(/^read as [^;]*/, 'read as a way to help that the sentence above its list offers');
  // Work on a thing to read ("Translate docs", "Improve the documentation") is a contribution, not a read.
  if (m.cls === 'consume' && !v.consumeVerbs.has(open.first)) Object.assign(m, { cls: 'engage', level: ASK_LEVELS.engage, via: `${m.via} (engage: work on it, not a read)` });
  return m;
}

/**
 * Whether a sentence offers the list under it as ways to help the sender or the project: a phrase
 * of `helpIntros` with nothing after it but "us", "the project", "in the following ways" or
 * "here's how", or after "contribute" what to ("You can still help!", "You can contribute in the
 * following ways.", "There are many ways to contribute to TypeScript.", "If you find this
 * useful:"). "Here are five ways to help your SDRs ramp faster:" offers advice, and "If you find
 * this useful, here is what we changed:" a list of changes.
 */
export function helpIntro(text: string, v: Vocabulary): boolean {
  for (const [, end, phrase] of v.helpIntros.scan(text)) {
    // What one contributes to is the project ("There are many ways to contribute to TypeScript.").
    const rest = phrase.endsWith('contribute') ? text.slice(end).replace(/^\s+to\s+(?:[\w.'-]+\s*){1,3}(?=[:!.]*\s*$)/, '') : text.slice(end);
    if (HELP_INTRO_END.test(rest)) return true;
  }
  return false;
}

const HELP_INTRO_END =
  /^\s*(?:(?:us|out|the project|this project|too|as well|today)\s*)?(?:(?:in|with)\s+(?:the following|these|a few|several|many|other|some)\s+ways\s*)?(?:[,:]?\s*(?:here's how|here is how)(?: you can(?: help)?)?\s*)?[:!.]*\s*$/;

/** The sender asking the reader to act, at the start of the sentence or of a clause: up to the verb asked for. */
const REQUEST_OF_YOU =
  /(^|[,;:(]\s*|\s-\s+|\b(?:and|but|so|also|therefore)\s+)(?:we|i)(?:'d|\s+would)?\s+(?:(?:do|also|strongly|highly|really|sincerely|kindly|warmly|therefore|definitely|especially|just|still|very much|all)\s+)*(?:encourage|recommend|suggest|urge|invite|ask|advise)\s+(?:that\s+)?(?:you|all of you|everyone|all)\s+(?:to\s+)?(?:(?:also|really|please|definitely|all|both|first|strongly)\s+)?(?=[a-z])/;

/**
 * A welcome stated at the start of the sentence or of a clause: its span, to the end of its
 * clause, and the verb the reader is welcome to do ("You're welcome to submit posters"), if any.
 */
function welcomeAt(text: string, v: Vocabulary): [number, number, number | undefined] | undefined {
  if (!/welcom|encourag|appreciat|love|invite|open to/.test(text)) return undefined;
  const starts = [LEAD_SYMBOLS.exec(text)?.[0].length ?? 0];
  const re = /[,;:—–]\s+(?:and |but |so )?|\s-\s+/g;
  for (let m = re.exec(text); m; m = re.exec(text)) starts.push(m.index + m[0].length);
  for (const at of starts) {
    const m = v.welcome.exec(text.slice(at));
    if (!m) continue;
    let end = at + m[0].length;
    const stop = /[,;!?]|\s(?:and|but|so|because|since|which)\s|\s-\s/.exec(text.slice(end));
    end = stop ? end + stop.index : text.length;
    const to = /\b(?:welcome|encouraged|invited)\s+to\s+/.exec(m[0]);
    const verbAt = to ? at + to.index + to[0].length : undefined;
    // "Any member of the Debian community is welcome to request a bursary": the group is who is
    // asked, not what; the ask is what they are invited to do.
    if (verbAt !== undefined && !/^(?:you|we|i|this|the project|our)\b/.test(m[0]) && /\s(?:is|are)\s/.test(m[0].slice(0, to!.index + 1))) return [verbAt, end, verbAt];
    return [at, end, verbAt];
  }
  return undefined;
}

/**
 * The verb a clause (lead-ins removed) opens with, when it can open an imperative: not a function
 * word, a past form, a verb copy uses for effect ("Meet Ada"), a word naming the subject of a
 * finite verb ("Live sessions will be captioned"), an -ing, -ed or -s form the vocabulary does not
 * know as a verb ("Features", "Building faster"), or a word cut off by a comma ("Live, 60
 * minutes"). `verb` and `cta` are the vocabulary's readings of it, if any.
 */
function openingVerb(c: string, v: Vocabulary): { first: string; verb?: string; cta?: string } | undefined {
  const first = /^[a-z][a-z'-]*/.exec(c)?.[0];
  if (!first || FUNCTION_WORD.has(first)) return undefined;
  // "Highlight.io will be...", "Live sessions will be captioned below": the verb-shaped first
  // word names or modifies the subject of a finite verb, so the clause states, it does not ask.
  if (NAME_DOT.test(c.slice(first.length)) || SUBJECT_THEN_FINITE.test(c)) return undefined;
  // "Built a system that...", "Taught by certified instructors": a past form reports.
  if (v.pastForms.has(first)) return undefined;
  // "Let me break down what we see", "Let me be honest": the sender announcing what they do
  // next; "Let me know" and "Let us help" ask.
  if (/^let (?:me|us) (?!know\b|help\b|send\b|show\b)/.test(c)) return undefined;
  const verb = v.verbs.startOf(c)?.phrase ?? v.howToVerbs.startOf(c);
  const cta = v.ctaVerbs.startOf(c);
  // "Meet us at booth 12" is an ask, "Meet Ada" is not: a call-to-action phrase escapes the list.
  const nonAsk = v.nonAskVerbs.startOf(c);
  if (nonAsk !== undefined && (cta === undefined || nonAsk.length > cta.length)) return undefined;
  // Base form only: "Features", "Trusted by...", "Building faster" are not imperatives.
  if (!verb && (/(?:ing|ed)$/.test(first) || /[^s]s$/.test(first))) return undefined;
  // "Live, 60 minutes, with templates": a verb-shaped word cut off by a comma opens a fragment.
  if (cta === undefined && /^[a-z'-]+\s*[,:]\s*\S/.test(c)) return undefined;
  return { first, ...(verb !== undefined ? { verb } : {}), ...(cta !== undefined ? { cta } : {}) };
}

/** A legal page a footer links: a licence, the terms, the privacy or cookie policy. */
const LEGAL_PAGE_NAME = String.raw`(?:(?:mit |apache |bsd |gpl |full )?licen[cs]e|terms(?: of (?:service|use)| (?:and|&) conditions)?|privacy(?: policy| notice)?|cookie policy|legal notice|imprint)`;
/**
 * The whole object is legal pages ("the [LICENSE](LICENSE) file for details", "our Terms of
 * Service and Privacy Policy", "our privacy policy before you sign up"); "license pricing" or
 * "our privacy manifesto" name something else.
 */
const LEGAL_PAGE = new RegExp(
  String.raw`^${LEGAL_PAGE_NAME}[\])]*(?:\s+file)?(?:\s+(?:and|&)\s+(?:(?:the|our)\s+)?[\[(]*${LEGAL_PAGE_NAME}[\])]*)?(?:\s+(?:for|with)\s+(?:(?:more|the|full)\s+)?(?:details|information|info))?(?:\s+(?:before|when|if|to see)\s[^]*)?[\s.,;:!)\]]*$`,
);

/**
 * A numbered part of a draft, named by its label: "Tweet 6 (surfaces):", "Post 2 -", "Step 3:",
 * "Email 3/5". Only words that name a part, so "Call 800-555-0199 to book" and "Grab 2-for-1
 * tickets" stay imperatives.
 */
const NUMBERED_LABEL = /^(?:tweet|post|part|thread|email|day|slide|step|chapter|episode|issue|week|module|lesson|tip|page|video|round|reason|option|phase|stage|version|season)\s+\d+\s*(?:[(:/\u2013\u2014-]|$)/;

/**
 * Whether `clause` opens with an imperative: a verb in its base form, by part of speech, that
 * is not one of the verbs copy uses for effect ("Imagine...", "Meet Ada, our new..."), and that
 * points at the sender or their offer. Advice about the reader's own work ("Review the contract
 * before you sign", "Schedule your posts for Tuesday") is an imperative too, but it asks nothing
 * of the sender's reader: what tells them apart is what the clause names. It is an ask when it
 * names something on offer (an object the vocabulary knows: "the template", "a demo", "your
 * card"), the sender ("us", "me", "our"), or a place to act ("here", "below", a link), or when it
 * is a call to action too short to be advice ("Register today", "Subscribe"). `button` accepts
 * link and button text, which is a place to act by itself.
 */
function imperative(clause: string, v: Vocabulary, button = false, links: number[] = [], marked = false): 'strong' | undefined {
  const c = clause.replace(LEAD_INS, '');
  const shift = clause.length - c.length;
  // "Tweet 6 (surfaces):", "Post 2:": a numbered part of a draft, named by its label.
  if (NUMBERED_LABEL.test(c)) return undefined;
  const open = openingVerb(c, v);
  if (!open) return undefined;
  const { first, verb, cta } = open;
  // The clause the verb opens, up to its end or an example.
  const clauseText = untilExample(c.split(/[;.!?](?=\s|$)/)[0]!);
  // "See the [LICENSE](LICENSE) file for details", "see our Terms of Service": a pointer to the
  // legal pages, which are navigation.
  if (v.consumeVerbs.has(first) && LEGAL_PAGE.test(clauseText.slice(first.length).replace(/^\s*(?:out\s+)?[\s[(]*(?:(?:the|our|this|its|their)\s+)?[\s[(]*/, ''))) return undefined;
  const words = c.split(/\s+/).filter((w) => /[a-z]/.test(w));
  if (words.length === 1) {
    // A lone word is an ask only when it is an action we know ("Register", "Subscribe").
    return cta !== undefined && (button || /[!→»]/u.test(c)) ? 'strong' : undefined;
  }
  // The tagger splits "self-host" into three tokens; a hyphenated verb we know is a verb.
  const reading = verb?.includes('-') ? { plain: true, afterSubject: true } : verbReading(c);
  // A link is a place to act for a verb that sends the reader somewhere or asks something of
  // them ("See [requirements](...)", "Join the [forum](...)"), not for one that describes using
  // the product ("Run [VS Code](...) on any machine", "Organise toggles by [tags](...)").
  if (cta === undefined && !v.consumeVerbs.has(first)) links = [];
  // The verb's object is a link ("Check [node-socks-proxy-agent](...)", "Review [the guidelines](...)").
  const vEnd = (cta ?? verb ?? '').length;
  const linkNext = vEnd > 0 && links.some((at) => at - shift >= vEnd && /^\s*(?:(?:the|our|a|an|your|this|these|out|at|to)\s+)*$/.test(c.slice(vEnd, at - shift)));
  if (!reading.plain && !(linkNext && reading.afterSubject)) {
    // Read as a verb only after a subject: trusted for a verb we know that opens a verb phrase
    // ("Book a demo", "Sign up", "Request access"), not for a noun phrase ("Complete
    // documentation", "Launch Week II"). A call-to-action verb the model does not know as one
    // ("Signup for the beta") is trusted when a verb phrase follows it.
    if (!verb && !cta) return undefined;
    const nextWord = words[(cta ?? verb)!.split(/\s+/).length] ?? '';
    // "Email info@acme.example": an address after the verb is its object.
    const next = EMAIL_WORD.test(nextWord) ? 'it' : nextWord;
    if (!(reading.afterSubject && (cta !== undefined || VERB_PHRASE_NEXT.test(next))) && !(cta !== undefined && VERB_PHRASE_NEXT.test(next))) return undefined;
  }
  if (button || v.socialCta.startOf(c) !== undefined) return 'strong';
  if (v.thirdParty.test(clauseText)) return undefined;
  // "Be sure to read the migration guide", "don't forget to share your story": the writer marks
  // the clause as a request of theirs, so a verb we know is asked of the reader, named object or not.
  if ((marked || DIRECTIVE_MARK.test(clause.slice(0, shift))) && (v.verbs.startOf(c) !== undefined || cta !== undefined) && !/[`\u0000]/.test(clauseText)) return 'strong';
  // A link in the clause is where to do it ("See [requirements](...) for minimum specs").
  if (links.some((at) => at - shift > 0) || SENDER.test(clauseText) || POINTER.test(clauseText)) return 'strong';
  if ((verb || cta) && namesOffer(v, clauseText, first.length, v.consumeVerbs.has(first))) return 'strong';
  // "Register today", "Apply now": too short to be advice. "See trust-building-principles" is a
  // cross-reference: attention verbs need something they point at.
  if (cta !== undefined && words.length <= 3 && !v.consumeVerbs.has(first)) return 'strong';
  return undefined;
}

/**
 * Whether the clause names something on offer after its verb: an object of the vocabulary that
 * is not only a topic (unless `topics`: an offer's "15 minutes" is what it offers) ("the template", "a demo", "your card"; not "the meeting room" or "a shared
 * calendar"), standing as the head of its phrase rather than modifying another noun.
 */
function namesOffer(v: Vocabulary, clause: string, verbLength: number, attention: boolean, topics = false): boolean {
  for (const o of v.objects.scan(clause)) {
    if (o.start < verbLength || (!topics && v.topicObjects.has(o.phrase))) continue;
    // Something to read is on offer only to a verb of attention ("Read the case study"), not in
    // "Introduce speakers and moderate Q&A".
    if (o.cls === 'consume' && !attention) continue;
    // "Schedule meetings automatically from Slack": a circumstance, not the thing asked for.
    if (CIRCUMSTANCE.test(clause.slice(0, o.start))) continue;
    const next = /^\s*([a-z0-9][a-z0-9'-]*)?/.exec(clause.slice(o.end))?.[1];
    if (next === undefined || OBJECT_HEAD_NEXT.test(next)) return true;
  }
  return false;
}

/** A preposition of place or means just before an object (up to an article or possessive). */
const CIRCUMSTANCE = /\b(?:from|in|on|using|via|into|through|across|within|inside|with)\s+(?:(?:the|a|an|your|their|its)\s+)?$/;

/** Words that may follow the head noun of an object ("the template for your team", "a demo today"). */
const OBJECT_HEAD_NEXT =
  /^(?:to|for|with|on|in|at|and|or|from|by|of|that|which|so|now|today|tomorrow|here|below|above|this|next|before|when|if|as|you|your|while|free|instead|too|again|anytime|soon|first|them|it|us|me|the|a|an|our|my|using|via|through|—|-)$/;

/** The sender named in a clause: "tell us", "grab time with me", "our community". */
const SENDER = /\b(?:us|our|ours|me|my)\b/;
/** A place to act: "here", "below", "this link". */
/** An email address, bounded so that a long run of word characters stays linear. */
const EMAIL_ADDRESS = String.raw`[\w.+-]{1,64}@[\w-]{1,63}\.[a-z]{2,}`;
const EMAIL_WORD = new RegExp(`^${EMAIL_ADDRESS}`);
const EMAIL_IN_TEXT = new RegExp(String.raw`\b${EMAIL_ADDRESS}\b`);
const POINTER = new RegExp(String.raw`\b(?:here|below|above|this link|the link|at the link)\b|(?:→|👉|👇)\s*(?:$|\[)|\b${EMAIL_ADDRESS}\b`, 'u');

/**
 * Words that never open an imperative: most sentences of body copy start with one, and they need
 * no part-of-speech tagging to be ruled out.
 */
const FUNCTION_WORD = new Set(
  ("the a an our we i i'm i've i'll i'd you you're you've you'll it it's its this that these those they they're he she my your their " +
    'his her in on at for with from by of to and or but so if when while as is are was were be been has have had do does did ' +
    'will would can could should may might must not no all some many most every each there here what which who how why where ' +
    "once after before because since than then also just only even still more less very too we're we've we'll that's there's").split(' '),
);

/** A first word joined to a domain ("highlight.io", "notion.so"): a name, not a verb. */
const NAME_DOT = /^\.[a-z]{2,}\b/;

/**
 * A clause whose first words are a subject before a finite verb: the first word and one or two
 * words that are not function words, then an auxiliary or modal ("live sessions will be",
 * "support tickets are answered", "access requests have"). "Make sure data is..." and "Let
 * people know" are kept: the words after the verb there are its complement or its object.
 */
const SUBJECT_THEN_FINITE =
  /^[a-z][a-z'-]*(?:\s+(?!(?:sure|certain|that|what|which|who|whom|whose|how|why|where|when|if|whether|it|us|me|them|you|your|our|my|the|a|an|this|these|those|everything|everyone|everybody|something|someone|anything|anyone|nothing|people)\b)[a-z][a-z'-]*){1,2}\s+(?:will|won't|would|can|can't|cannot|could|should|may|might|must|are|aren't|is|isn't|were|was|has|have|had)\b/;

/** Words that may follow a verb in an imperative verb phrase. */
const VERB_PHRASE_NEXT = /^(?:the|a|an|your|our|my|us|me|it|this|that|these|those|them|up|out|in|on|off|to|with|for|into|over|through|more|now|here|today|back|along|around|some|any|every|all|one|yourself|yours)$/;

/**
 * How much of a clause an imperative is read from: every sentence of real copy fits, and a
 * sentence of thousands of clauses (a pasted page with no full stops) is read in linear time.
 */
const CLAUSE_READ = 400;

/** Lead-ins with which a writer marks a clause as their request. */
const DIRECTIVE_MARK = /\b(?:be sure to|make sure to|don't forget to|do not forget to|remember to)\s+$/;

/** What may open a clause inside a sentence and still start a request. */
const DIRECTIVE_START = /^(?:please |just |simply |go ahead and |feel free to |(?:so |and )?(?:be sure to|make sure to|don't forget to|do not forget to) )/;

function imperativeShape(s: SentenceFacts, v: Vocabulary, opening: number): ReaderMatch | undefined {
  const text = s.text;
  // Clause starts: the sentence, after a lead-in, after "if ..., " or a colon or a dash.
  const starts = [opening];
  const re = /(?:[:;—–]\s+|,\s+(?=(?:please |just |so |then |and )?[a-z])|\s-\s+|\s(?:and|so|then)\s+(?=[a-z]))/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) if (m.index >= opening) starts.push(m.index + m[0].length);
  const inList = s.container === 'list' || s.container === 'table';
  // Links and the next ";" are found with pointers that only move forward.
  let li = 0;
  let semi = -1;
  for (const at of starts) {
    if (at > opening && !DIRECTIVE_START.test(text.slice(at, at + 48)) && !leadsToCommand(text, opening, at)) continue;
    // "Consider upgrading your plan", "you may consider supporting me on Patreon": the gerund
    // is the imperative, read in its base form (padded, so every offset still holds).
    const considered = considerGerund(text, at, v);
    const clause = considered ? considered.clause : text.slice(at, at + CLAUSE_READ);
    const lead = considered?.lead ?? LEAD_INS.exec(clause)?.[0].length ?? 0;
    const verbAt = at + lead;
    const head = clause.slice(lead);
    if (semi !== text.length && semi < verbAt) {
      semi = text.indexOf(';', verbAt);
      if (semi === -1) semi = text.length;
    }
    const end = semi;
    // A local address ("visit http://localhost:3000") is a step of a setup, not a place to go.
    while (li < s.links.length && s.links[li]!.start <= verbAt) li++;
    const links: number[] = [];
    for (let k = li; k < s.links.length && s.links[k]!.start < Math.min(end, verbAt + CLAUSE_READ); k++) {
      const l = s.links[k]!;
      if (!LOCAL_ADDRESS.test(text.slice(l.start, l.end))) links.push(l.start - verbAt);
    }
    const strength = imperative(head, v, false, links, DIRECTIVE_MARK.test(clause.slice(0, lead)));
    if (strength === undefined) continue;
    // "Read the Docs is testing ...": the verb and its object are the subject of "is".
    if (SUBJECT_PHRASE.test(head)) continue;
    if (howToStep(v, head, inList, s.links.length > 0)) return undefined;
    // An imperative heading without a link is a benefit headline ("Cut reporting time by 80%").
    if (s.container === 'heading' && s.links.length === 0) return undefined;
    // A list item without a link is a feature, an agenda point or a step unless it is a call to action.
    if (inList && s.links.length === 0 && v.ctaVerbs.startOf(head.replace(LEAD_INS, '')) === undefined) return undefined;
    const facts = considered ? { ...s, text: text.slice(0, at) + considered.clause + text.slice(at + considered.clause.length) } : s;
    return result(facts, v, 'imperative', at, end, verbAt, 'engage');
  }
  return undefined;
}

/**
 * A verb and up to three words that are the subject of a finite verb ("Read the Docs is testing",
 * "Book a demo is the fastest way"), not an instruction. Verbs that take a clause ("Make sure your
 * card is current", "Let us know who is coming") and question words keep the imperative.
 */
const SUBJECT_PHRASE =
  /^(?!(?:make sure|ensure|note|notice|remember|know|let|see|check|imagine|say|tell|find out|learn|discover|guess|bet|trust|believe|hope|show|prove|confirm|verify)\b)[a-z'-]+(?:\s+(?!(?:what|how|why|who|where|when|which|whether|if|that|this|it|there|he|she|they|we|you|i|your|everything|anything|something|nothing)\b)[a-z0-9'.-]+){1,3}\s+(?:is|are|was|were|has|have)\s+[a-z]/;

/** A recommendation that opens with "consider" and a gerund, with who recommends it. */
const CONSIDER = /^((?:please |you (?:may|might|should|could|can|will)(?: also| absolutely| definitely| really| strongly)? |also |do )*consider )([a-z]+ing)\b/;

/**
 * The clause at `at` (up to CLAUSE_READ characters) with the gerund after "consider" turned into
 * its base form ("consider upgrading" to "consider   upgrade"), when the vocabulary knows that
 * verb; `lead` is where the verb now starts. The clause keeps its length, so offsets still hold.
 */
function considerGerund(text: string, at: number, v: Vocabulary): { clause: string; lead: number } | undefined {
  const clause = text.slice(at, at + CLAUSE_READ);
  const m = CONSIDER.exec(clause);
  if (!m) return undefined;
  const gerund = m[2]!;
  const stem = gerund.slice(0, -3);
  const from = m[1]!.length;
  const rest = clause.slice(from + gerund.length);
  const head = rest.slice(0, 60);
  const base = [stem, `${stem}e`, /([b-df-hj-np-tv-z])\1$/.test(stem) ? stem.slice(0, -1) : ''].find((w) => w && v.verbs.startOf(w + head) !== undefined);
  if (!base) return undefined;
  // The padding goes before the verb, so that the verb and its phrase read as written.
  const pad = gerund.length - base.length;
  return { clause: clause.slice(0, from) + ' '.repeat(pad) + base + rest, lead: from + pad };
}

const LOCAL_ADDRESS = /\blocalhost\b|\b127\.0\.0\.1\b|\b0\.0\.0\.0\b/;

/**
 * What may come before an imperative clause inside a sentence (from `opening` to `at`): a
 * condition, a colon lead-in. Only its first and last words are looked at.
 */
function leadsToCommand(text: string, opening: number, at: number): boolean {
  const first = text.slice(opening, Math.min(at, opening + 48)).trimStart();
  if (/^(?:if|when|whenever|once|before|after|until|while|for|to)\b/.test(first)) return true;
  const cut = Math.max(opening, at - 48);
  const last = text.slice(cut, at).trimEnd();
  return (cut === opening ? LEAD_LABEL : LEAD_LABEL_AFTER_SPACE).test(last) || /[:—–]$/.test(last);
}

/** A lead-in label before an imperative ("Next step:", "Ready?", "P.S."), ending the text before it. */
const LEAD_LABEL_WORDS = String.raw`(?:next step|next steps|ready|cta|in the meantime|meanwhile|either way|in short|tl;dr|p\.?s\.?)\s*[:,—–-]?$`;
const LEAD_LABEL = new RegExp(String.raw`(?:^|\s)` + LEAD_LABEL_WORDS);
/** The same, when the text was cut before it (a word may not start at the cut). */
const LEAD_LABEL_AFTER_SPACE = new RegExp(String.raw`\s` + LEAD_LABEL_WORDS);

/**
 * Words that make a question a request whatever its position: an invitation ("Would you be open
 * to...?", "worth", "free Tuesday"), an opinion ("thoughts", "make sense").
 */
const REQUEST_QUESTION =
  /\b(?:would you|could you|can you|will you|do you want|would it|are you (?:open|up|free|around|available|interested|the right)|interested|worth|open to|up for|free (?:on|this|next|for|to|monday|tuesday|wednesday|thursday|friday)|thoughts|make sense|sound good|sounds good|works? for you|shall we|should we|can we|could we|want me to|should i|shall i|can i|may i|did (?:this|that|it|i)|does (?:this|that) (?:help|land|resonate|work|make)|any (?:interest|thoughts|feedback|objections|chance)|who (?:else|on your team|should i)|which (?:one|of these|option|works)|what do you think|how does .* sound|ok(?:ay)? if|mind if)\b/;

/**
 * A time proposed for a call, asked as a question: "Does [Date/Time Option 1] or [Option 2]
 * work?", "Would Tuesday at 10am work for you?", "Would [Day 1] or [Day 2] work for a 15-minute
 * sit-down?", "Is [Day/Time] or [Alt] okay?", "15 min to swap notes?". A slot, a day or a clock
 * time must be named: "Does it work offline?" proposes nothing. Tried on short questions only
 * (TIME_PROPOSAL_MAX): such a question is one line, and the pattern's two open gaps would cost
 * the square of a paragraph-long one.
 */
const TIME_PROPOSAL_MAX = 240;
const TIME_PROPOSAL = new RegExp(
  String.raw`^(?:(?:does|do|would|will|is|are|could|can)\b.*(?:\b(?:monday|tuesday|wednesday|thursday|friday|tomorrow|next week|this week|either (?:time|slot|day))\b|\b\d{1,2}(?::\d\d)?\s*(?:am|pm)\b|\b\d{1,2}:\d\d\b|\[[^\]]*(?:day|time|date|slot|option)[^\]]*\]|\{\{[^}]*(?:day|time|date|slot)[^}]*\}\}).*\b(?:work|works|okay|ok|suit you|suits you|good for you|fit your (?:calendar|schedule))(?:\s+for\s+(?:you|a|an|the|your)\b[^?]*)?|(?:a |just )?(?:\d{1,2}|five|ten|fifteen|twenty|thirty)[- ]?(?:min|mins|minutes)\s+(?:to|for)\s+[a-z].*)\s*\?[\s"')\]]*$`,
);

/**
 * How the reader found what they tried or were sent: feedback asked for ("What did you think?",
 * "How was it?", "Did you get a chance to look?", "Not the right fit?"), engage whatever it names.
 */
const FEEDBACK_QUESTION =
  /\b(?:what did you think|how (?:was|were) (?:it|that|they)(?: for you)?\s*\?|how (?:was|were) (?:your|the) [a-z'-]+(?: [a-z'-]+)?(?: for you)?\s*\?|how did (?:it|that|you|(?:your|the) [a-z'-]+) (?:go|land|work|feel|find)\b|how(?: is|'s) (?:it|your|the) (?:going|working|coming)|how are you (?:finding|getting on)|(?:did|have) you (?:get|had|have|got) a chance|(?:not|still) the right fit|(?:did you )?(?:just )?get busy|still interested)(?!\w)/;

function questionShape(s: SentenceFacts, v: Vocabulary, opening: number): ReaderMatch | undefined {
  const text = s.text;
  if (!/\?[\s"')\]]*$/.test(text)) return undefined;
  // A question heading is a hook ("Tired of manual reporting?").
  if (s.container === 'heading') return undefined;
  const q = text.slice(opening);
  const words = q.split(/\s+/).filter((w) => /[a-z0-9]/.test(w)).length;
  const feedback = FEEDBACK_QUESTION.test(q);
  const time = q.length <= TIME_PROPOSAL_MAX && TIME_PROPOSAL.test(q);
  const request = feedback || time || REQUEST_QUESTION.test(q);
  const toReader = request || v.readerQuestion.test(q) || words <= 4;
  if (!toReader) return undefined;
  // Hook and rhetorical openers ask nothing ("What if your team...?", "Ever wondered...?").
  // They are read as questions to the reader only where the draft closes ("Have you ever lost a
  // week to this?" ending a post), like any question with no request in its words.
  const hook = v.hookOpeners.startOf(q) !== undefined && !request;
  // Rhetorical openers ask nothing wherever they stand ("What if your forecast was right?").
  if (v.rhetoricalOpeners.startOf(q) !== undefined && !request) return undefined;
  // Statements in the sender's voice about themselves ("Why did we build it?").
  if (!feedback && /^(?:why|how|what) (?:did|do|does|have|has|is|are|was|were) (?:we|i|they|it|our)\b/.test(q)) return undefined;
  // An auxiliary opening the question ("Have you...", "Do you...") is not the thing asked.
  const verbAt = /^(?:have|has|had|do|does|did|are|is|was|were|am|can|could|would|will|should|shall|may|might|got)\b/.test(q) ? undefined : clauseVerb(text, opening, v);
  // A feedback question asks for a reply whatever it names: "How was the conference?" is not a registration.
  if (feedback) {
    let to = text.length;
    while (to > opening && /[\s"')\]]/.test(text[to - 1]!)) to--;
    return { from: opening, to, cls: 'engage', level: ASK_LEVELS.engage, shape: 'question', via: `read as ${SHAPE_WORDS.question}; how the reader found it` };
  }
  const r = result(s, v, 'question', opening, text.length, verbAt, time ? 'meeting' : 'engage');
  // A question with no request in its words is a question to the reader only where the draft
  // closes ("What's the slowest part of your release?" ending a post), not in its body (an FAQ).
  if (r && (!request || hook)) r.weak = true;
  return r;
}
