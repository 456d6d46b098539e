/**
 * What is not an ask, by the trust model's section 2a, read from structure and position
 * rather than from a list of sentences: courtesy closers, the sender's promises, reply options
 * in the reader's voice, placeholders, negated asks, mentions and examples, benefit headlines,
 * how-to steps. Each filter answers for one sentence or candidate; what only the whole draft
 * shows (a question it answers next, its closing lines) lives in `position.ts` and
 * pipeline/sentences.ts.
 */
import type { Vocabulary } from './vocabulary';

/** Why a sentence holds no ask before any shape is tried, or undefined. */
export function sentenceNonAsk(v: Vocabulary, text: string): string | undefined {
  if (v.courtesy.startOf(text) !== undefined && !thanksThenRequest(text) && !QUESTIONS_OR_WISH.test(text)) return 'a courtesy line';
  if ((SUPPORT_OFFER.test(text) || SUPPORT_QUESTION.test(text)) && !INTEREST_CONDITION.test(text)) return 'an offer of help, not a request';
  if (v.promises.startOf(text) !== undefined) return "the sender's promise";
  if (REPLY_OPTION.test(text)) return "a reply option in the reader's voice";
  if (isPlaceholder(v, text)) return 'a placeholder whose request is unknown';
  return undefined;
}

/**
 * A condition that names what the reader may want ("if you're interested in", "if you'd like
 * to"): "If you are interested in becoming a sponsor or have any questions, email us" invites,
 * whatever help it also offers, so it is never read as a support line.
 */
export const INTEREST_CONDITION = /\bif (?:you(?:'re| are) interested in|you(?:'d| would) like to|you want to|you wish to)\b/;

/** "Feel free to reply if you have any questions", "Contact us if you run into trouble". */
const SUPPORT_OFFER = /\bif you (?:have|had|'ve got|get|run into|hit|need) (?:(?:any|more|other|further|some|additional) ){0,2}(?:questions?|issues?|trouble|problems?|concerns?|help|support|assistance|difficult(?:y|ies))\b(?! or (?:would|want|wish|are)\b)|\bif (?:the button|the link|this link|that link) (?:above |below )?(?:doesn't|does not|isn't|won't)|\bif you didn't (?:request|sign up|ask)|\bif you (?:do not|don't|no longer) (?:wish|want)\b|\bif you'd (?:prefer|rather) (?:i|we) (?:don't|not|didn't|stop)\b|\b(?:for|with) (?:further|more|additional|any) (?:support|help|assistance)\b/;

/**
 * "Have additional questions?", "Any doubts or comments?", "Let us know if we can help out in
 * any way": help offered, in a question or a let-us-know.
 */
const SUPPORT_QUESTION =
  /^(?:(?:do you |still |got |have you got )?(?:have |got )?(?:any |some |more |additional |other |further )?(?:questions?|doubts?|concerns?|problems?|issues?|trouble)(?:\s+(?:or|and)\s+(?:comments?|questions?|concerns?|feedback|suggestions?))?\s*\?|let (?:us|me) know if (?:we|i) can (?:help|assist|be of)\b)/;

/**
 * "If you have any questions or would like to share feedback, ...": a courtesy condition that
 * also names a wish of the reader's is the condition of a real invitation.
 */
const QUESTIONS_OR_WISH = /^if you (?:have|'ve got) (?:any |some )?questions,? or (?:would|want|wish|'d)\b/;

/** "Thanks for reading, and subscribe for more": thanks that runs on into a request keeps it. */
function thanksThenRequest(text: string): boolean {
  return /^(?:thanks|thank you)\b[^.!?]*?,\s*(?:and\s+)?(?:please\s+)?(?:subscribe|follow|share|reply|join|register|sign up|check out|grab|download)\b/.test(text);
}

/** "1 - Interested", "2) Not now", "A. Send me the deck": options the reader replies with. */
const REPLY_OPTION = /^(?:\d{1,2}|[a-c])\s*[-–—.):]\s+\S/;

/** A sentence that is only a template slot for the call to action ("[next step]", "{{cta}}"). */
function isPlaceholder(v: Vocabulary, text: string): boolean {
  const t = text.replace(/[\s.!?→»>-]+$/u, '').trim();
  const slot = v.placeholders.startOf(t);
  if (slot !== undefined && slot.length >= t.length - 1) return true;
  // A bracketed slot naming the ask without its words: "[CTA: book a call]", "{{call_to_action}}".
  return /^(?:\[[^\]]*\b(?:cta|call to action|call-to-action|next step|ask)\b[^\]]*\]|\{\{[^}]*\b(?:cta|call_to_action|next_step)\b[^}]*\}\})$/.test(t);
}

/** Negation words that, shortly before an ask in its clause, cancel it ("no need to book a call"). */
const NEGATION = /(?:^|[\s,(])(?:no need to|not|never|without|don't|do not|doesn't|didn't|won't|instead of|rather than|no)\s+(?:\S+\s+){0,2}$/;

/** Whether the text before an ask's start, in its clause, negates it. */
export function negatedBefore(before: string): boolean {
  const clause = before.split(/[,;:—–(]|\bjust\b|\binstead\b/).pop() ?? '';
  return NEGATION.test(` ${clause}`) && !/don't hesitate|do not hesitate|why not|don't forget|do not forget|don't miss|can't wait|not only/.test(clause);
}

/** Markers after which a phrase is an example being mentioned ("e.g. book a demo"). */
const EXAMPLE = /(?:^|[\s(])(?:e\.g\.?|eg\.|for example|for instance|such as|like this:|examples?:)\s/;

/** Whether an example marker comes before `at` in the sentence. */
export function mentionedAsExample(text: string, at: number): boolean {
  return EXAMPLE.test(text.slice(0, at + 1));
}

/**
 * A how-to step about using a product ("Add the event location, then publish", "Click
 * Settings and select Billing"): an instruction verb with no link to act on, in a list, or
 * chained with "then", or naming the interface it works in.
 */
export function howToStep(v: Vocabulary, clause: string, inList: boolean, hasLink: boolean): boolean {
  if (hasLink) return false;
  // Working in a terminal, a file or a settings screen is using the product, whatever the verb.
  if (TECHNICAL.test(clause)) return true;
  if (v.howToVerbs.startOf(clause) === undefined) return false;
  if (inList) return true;
  if (/(?:,\s*|\s)then\s|\band then\b|\bnext,\s/.test(clause)) return true;
  return INTERFACE.test(clause);
}

/** What an instruction about the reader's own setup names. */
const TECHNICAL = /`|\blocalhost\b|\bkubectl\b|\byaml\b|\bjson\b|\.env\b|\b(?:the|this|that|your|a|new) (?:file|command|terminal|directory|folder|script|config|configuration|deployment|pods?|cluster|namespace|container|image|manifest|repo root|environment variables?)\b/;
const INTERFACE = /\b(?:button|menu|tab|field|dropdown|drop-down|toggle|checkbox|settings page|sidebar|dialog|modal|command line|file|folder|directory|config|script)\b/;

/** How an answer to the question before it opens. */
const ANSWER =
  /^(?:yes|yep|yeah|no|nope|not|sure|absolutely|of course|definitely|nothing|because|it's|it is|that's|that is|here's why|here is why|the answer|turns out|simple|easy|good news|no problem|no worries|you can|you can't|you will|you'll|we|our|most|many|all|every|none|here are|here's|here is)\b/;

/** Whether a sentence opens as the answer to the question before it ("Yes, anytime."). */
export function answersQuestion(text: string): boolean {
  return ANSWER.test(text);
}
