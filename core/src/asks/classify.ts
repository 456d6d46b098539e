/**
 * Which class an ask has: what the reader commits to by saying yes (trust model section 2a).
 *
 * The thing asked for decides, not the verb: the objects named in the ask's clause ("a demo",
 * "15 minutes", "tickets", "the newsletter") are read first, and the highest class among them
 * wins, since one sentence holds one ask, its strongest. Only an attention verb changes that:
 * "Read the report" and "Watch the webinar" ask for attention, not for contact details or time,
 * so under read/watch/see/explore such an object counts as consume ("Check out the live demo",
 * "See pricing" and "Check us out on Twitter" keep theirs). A decisive verb keeps its class over
 * a lesser object ("Schedule a training session"). With no object the verb decides ("Forward this",
 * "Renew"), and with neither the candidate's shape gives the default (a link is consume, a
 * question or an offer engage), so an unknown phrasing is still classed sensibly.
 */
import { ASK_LEVELS } from '../model';
import type { AskClass } from '../types';
import type { Vocabulary } from './vocabulary';

export interface Classification {
  cls: AskClass;
  /** What decided it, for `trustline explain` and the hover. */
  why: string;
  /** The class when the audience is already a customer, if different. */
  toCustomers?: AskClass;
}

/**
 * Class the ask held in `clause` (normalised text from the ask's start to its end), whose
 * verb, if known, starts at `verbAt` in the clause. `topics` says whether topic objects count
 * (offers, questions and short buttons: yes; link titles and imperatives: only right after a
 * call-to-action verb).
 */
export function classify(v: Vocabulary, clause: string, verbAt: number | undefined, fallback: AskClass, topics = true): Classification {
  // "Help us spread the word", "Help us make it a success by spreading the word": what the
  // sender wants help with, or the means the sentence names, is the request.
  const help = verbAt === undefined ? null : HELP_US.exec(clause.slice(verbAt));
  if (help) return helpWith(v, clause, verbAt! + help[0].length, fallback, topics);
  const verb = verbAt === undefined ? undefined : v.verbs.startOf(clause.slice(verbAt));
  const attention = verb !== undefined && v.consumeVerbs.has(verb.phrase.split(/\s+/)[0]!);
  let best: { cls: AskClass; phrase: string } | undefined;
  for (const o of v.objects.scan(clause)) {
    // A topic ("a content calendar", "the meeting room") classes an offer or a question about
    // time ("Free Tuesday?"), not a title or an instruction that merely mentions it.
    if (!topics && v.topicObjects.has(o.phrase)) continue;
    // A noun that modifies another ("sponsorship information", "community call") is not the
    // thing asked for: the noun it modifies is.
    if (modifier(clause, o.end)) continue;
    // A place or a channel ("on GitHub", "with one of our teammates") says where or with whom,
    // not what is asked for; "interested in sponsoring" still asks about sponsoring.
    if ((v.placeObjects.has(o.phrase) || WITH_BEFORE.test(clause.slice(0, o.start))) && PLACE_BEFORE.test(clause.slice(0, o.start))) continue;
    // What feedback is about is its topic: "your feedback on the beta" asks for feedback.
    if (ABOUT_BEFORE.test(clause.slice(0, o.start))) continue;
    // What news is about is its topic: "announcements of our sponsors" asks for attention.
    if (NEWS_OF.test(clause.slice(0, o.start))) continue;
    // An invoice to view or download is a document to read, not a purchase ("view and download
    // your invoice"); paying it stays commit.
    if (PAPERS.test(o.phrase) && READ_PAPERS.test(clause.slice(Math.max(0, o.start - 60), o.start))) continue;
    // A word after a modal is a verb, not the thing asked for: "We hope you will plan to attend"
    // names no plan.
    if (MODAL_BEFORE.test(clause.slice(0, o.start))) continue;
    let cls = o.cls;
    // Accepting a colleague's invitation is starting to use the product with them, not giving
    // effort for something: "Please click on the following link to accept the invitation" in a
    // team invitation is evaluate. An invitation to speak or to an event keeps its class.
    if (acceptedInvitation(v, clause, o)) cls = 'evaluate';
    // Reading the report or watching the webinar asks for attention, not contact details or time.
    if (attention && (cls === 'exchange' || cls === 'meeting')) cls = 'consume';
    if (!best || ASK_LEVELS[cls] > ASK_LEVELS[best.cls]) best = { cls, phrase: o.phrase };
  }
  // Joining the organisation one was invited to is using the product ("[Link to join the
  // organization](...)"), where nothing above engagement is named and the joining is the ask's
  // own verb or its purpose; weakly, so that where the link goes ("/membership") still decides.
  const joined = attention || (best && ASK_LEVELS[best.cls] > ASK_LEVELS.engage) ? null : JOIN_ORGANISATION.exec(clause.slice(verbAt ?? 0));
  // A decisive verb keeps its class over a lesser object: "Schedule a training session" is a meeting.
  const decisive = verb !== undefined && verbAt !== undefined && v.decisiveVerbs.startOf(clause.slice(verbAt)) !== undefined;
  if (decisive && (!best || ASK_LEVELS[verb.cls] > ASK_LEVELS[best.cls])) best = undefined;
  let result: Classification;
  if (joined && !(decisive && ASK_LEVELS[verb!.cls] > ASK_LEVELS.engage)) result = { cls: 'evaluate', why: `"${joined[1]}" with nothing more specific named` };
  else if (best) result = { cls: best.cls, why: `asks for "${best.phrase}"` };
  else if (verb) result = { cls: verb.cls, why: `"${verb.phrase}"${decisive ? '' : ' with nothing more specific named'}` };
  else result = { cls: fallback, why: 'nothing named: the default for its shape' };
  // To a customer, paying more or switching a module on is expansion (section 2a).
  if (result.cls === 'commit' || result.cls === 'evaluate') {
    for (const t of v.toCustomers) {
      if (t.cls === result.cls && t.set.test(clause)) {
        result.toCustomers = 'expand';
        break;
      }
    }
  }
  return result;
}

const HELP_US = /^(?:please\s+)?help\s+us\s+(?:to\s+)?(?=[a-z])/;
/** "by spreading the word": a means, in the gerund. */
const BY_MEANS = /\bby\s+([a-z]{3,}ing)\b/g;

/** The class of "help us <request>": the request's, or the means' ("by spreading the word") when higher. */
function helpWith(v: Vocabulary, clause: string, at: number, fallback: AskClass, topics: boolean): Classification {
  let best = classify(v, clause, at, fallback, topics);
  const named = !/nothing named/.test(best.why);
  let n = 0;
  for (const m of clause.slice(at).matchAll(BY_MEANS)) {
    if (++n > 3) break;
    const from = at + m.index! + m[0].length - m[1]!.length;
    const rest = clause.slice(from + m[1]!.length);
    for (const base of gerundBases(m[1]!)) {
      if (v.verbs.startOf(base + rest) === undefined) continue;
      const c = classify(v, base + rest, 0, fallback, topics);
      if (!named || ASK_LEVELS[c.cls] > ASK_LEVELS[best.cls]) best = { ...c, why: `${c.why}, the means it names` };
      break;
    }
  }
  return best;
}

/** The base forms a gerund may have: "spreading" -> spread, "sharing" -> share, "submitting" -> submit. */
function gerundBases(word: string): string[] {
  const stem = word.slice(0, -3);
  const out = [stem, `${stem}e`];
  if (/([b-df-hj-np-tv-z])\1$/.test(stem)) out.unshift(stem.slice(0, -1));
  return out;
}

/** A preposition of place or means, with its article and up to two words, just before a phrase. */
const PLACE_BEFORE = /\b(?:from|in|on|at|via|through|using|into|under|inside|within|with)\s+(?:(?:the|a|an|your|our|their|its|this|my|one of our|one of the)\s+)?(?:[\w-]+\s+){0,2}$/;

/** A word of opinion and "on", "about" or "for" just before a phrase: the phrase is its topic. */
const ABOUT_BEFORE = /\b(?:feedback|thoughts|input|take|opinion|opinions|views|questions|notes|ideas|suggestions|comments)\s+(?:on|about|regarding|for)\s+(?:(?:the|our|your|this|my)\s+)?$/;

/** News and what it is of or about, just before a phrase: the phrase is the news's topic. */
const NEWS_OF = /\b(?:announcements?|news|updates?|details|information|info|word)\s+(?:of|on|about|from|regarding)\s+(?:(?:the|our|your|this|its|their|new|upcoming|latest)\s+){0,2}$/;

/** Papers a customer is sent about what they bought. */
const PAPERS = /^(?:invoice|invoices|receipt|receipts)$/;
/** Viewing or downloading, then up to three words, just before a phrase. */
const READ_PAPERS = /\b(?:view|see|download|open|check|review|find|access|print)\s+(?:(?:and|or|&)\s+[a-z]+\s+)?(?:[a-z'-]+\s+){0,3}$/;

/** An invitation, as the thing a clause names. */
const INVITATION = /^(?:an\s+)?(?:invitation|invite)$/;
/** "accept" and up to two determiners ("the", "your", "this"), just before a phrase: "accept the webinar invitation" is not one. */
const ACCEPT_BEFORE = /\baccept(?:ed|ing|s)?\s+(?:(?:the|this|that|your|my|our|their|an?)\s+){0,2}$/;
/** An invitation to give a talk: "the invitation to speak". */
const TO_SPEAK = /^\s+(?:to|for)\s+(?:speak|present|give|attend)\b/;

/**
 * Whether the object `o` of `clause` is an invitation the reader is asked to accept, and not an
 * invitation to an event, a meeting or a purchase named right after it ("accept the invitation
 * to join our webinar", "... to speak at our meetup" keep their class; "accept your invite to
 * continue the registration process" is the product's own sign-up).
 */
function acceptedInvitation(v: Vocabulary, clause: string, o: { phrase: string; start: number; end: number }): boolean {
  if (!INVITATION.test(o.phrase) || !ACCEPT_BEFORE.test(clause.slice(Math.max(0, o.start - 40), o.start))) return false;
  const after = clause.slice(o.end, o.end + 60);
  if (TO_SPEAK.test(after)) return false;
  for (const x of v.objects.scan(after)) {
    if ((x.cls === 'exchange' || x.cls === 'meeting' || x.cls === 'commit') && INVITED_TO.test(after.slice(0, x.start))) return false;
  }
  return true;
}

/** What an invitation is to, up to the thing named: " to join our ", " for the ", " and join the " (not " to continue the "). */
const INVITED_TO = /^\s+(?:(?:to|for)\s+|and\s+)(?:join\s+(?:us\s+(?:at|for|in|on)\s+)?|attend\s+)?(?:(?:the|our|this|a|an|my|their|your)\s+)?(?:[\w'-]+\s+)?$/;

/**
 * Joining an organisation, as the ask's own verb or its purpose ("Link to join the organization"):
 * not "how to join", not "the organization's mailing list", not an organisation on GitHub.
 */
const JOIN_ORGANISATION = /(?:^|(?<!\bhow\s)\bto\s+)(join\s+(?:the|your|their|my|our|this)\s+(?:[\w'-]+\s+)?organi[sz]ation)(?![\w'-])(?!\s+on\s+(?:github|gitlab)\b)/;

/** A modal just before a phrase: the word is a verb ("you will plan to attend"). */
const MODAL_BEFORE = /\b(?:will|would|can|could|should|might|may|must|shall|you'll|we'll|i'll|they'll)\s+$/;
/** "with" (and up to three words) just before a phrase: company, not the thing asked for. */
const WITH_BEFORE = /\bwith\s+(?:[\w'-]+\s+){0,3}$/;

/** Words that may follow the noun asked for: a preposition, a conjunction, an adverb of time or place. */
const HEAD_NEXT =
  /^(?:to|for|with|on|in|at|and|or|from|by|of|that|which|who|so|now|today|tomorrow|here|below|above|this|next|before|after|when|if|as|you|your|while|free|instead|too|again|anytime|soon|first|is|are|will|can|them|it|us|me|this|that|those|these|one|the|a|an|our|my|your|his|her|their|—|-)$/;

/** Whether the phrase ending at `end` is followed by another noun it modifies. */
function modifier(clause: string, end: number): boolean {
  const next = /^[\s*_]*([a-z0-9][a-z0-9'-]*)/.exec(clause.slice(end))?.[1];
  return next !== undefined && !HEAD_NEXT.test(next) && !/^\d/.test(next);
}

/**
 * Asks that only open a channel ("Email us", "Get in touch", "Reply", "Reach out") commit the
 * reader to what the channel is for, and the sentence says what that is: "If you are interested
 * in becoming a sponsor, please email us" asks for a sponsorship (commit), "Email us with a link
 * to your logo" for a vouch (advocate), "Reply to claim your seat" for a registration (exchange).
 */
const CHANNEL = /^(?:(?:please|just|simply|feel free to|do)\s+)*(?:contact|reach out|get in touch|e-?mail|reply|respond|send (?:us|me)|write (?:to )?(?:us|me)|message (?:us|me)|ping (?:us|me)|dm (?:us|me)|drop (?:us|me)|talk to|speak to|chat with|let (?:us|me) know)\b/;

/** Where a channel is ("via the pricing page", "on our website"): not what it is for ("with a link to your logo" is). */
const CHANNEL_PLACE = /\b(?:from|in|on|at|via|through|using|under)\s+(?:(?:the|a|an|your|our|their|its|this|my)\s+)?(?:[\w-]+\s+){0,2}$/;

const TALK_ABOUT = /\b(?:chat|talk|talking|chatting|speak|discuss|conversation|call)\s+(?:about|regarding|on)\s+(?:(?:the|our|your|this|my)\s+)?$/;

/** Where the sender's own part of the sentence starts. */
const SENDER_CLAUSE = /\b(?:so(?: that)? (?:i|we) can|and (?:i|we)(?:'ll| will| can)|(?:i|we)(?:'ll| will) )/;

/** Classes a channel's purpose can give: what a contact is for, above the contact itself. */
const PURPOSE_CLASSES = new Set<AskClass>(['exchange', 'evaluate', 'commit', 'expand', 'advocate']);

/**
 * The class of a channel ask (`ask`, normalised, from its verb) by its purpose in `sentence`
 * (normalised), when that is more than the channel's own `cls`; undefined otherwise.
 */
export function channelPurpose(v: Vocabulary, ask: string, sentence: string, cls: AskClass): { cls: AskClass; phrase: string } | undefined {
  if ((cls !== 'meeting' && cls !== 'engage') || !CHANNEL.test(ask.replace(/^[^a-z]+/, ''))) return undefined;
  let best: { cls: AskClass; phrase: string } | undefined;
  // What the sender will do after ("... so I can close the ticket", "and we'll send the invoice") is not the reader's purpose.
  const own = SENDER_CLAUSE.exec(sentence);
  if (own) sentence = sentence.slice(0, own.index);
  for (const o of v.objects.scan(sentence)) {
    // ("a sponsorship package" is about sponsorship: here a modifier names the purpose too.)
    if (!PURPOSE_CLASSES.has(o.cls)) continue;
    const before = sentence.slice(0, o.start);
    // A topic ("sponsor") is the purpose only as the verb of one: "contact us to sponsor the meetup".
    if (v.topicObjects.has(o.phrase) && !/\bto\s+$/.test(before)) continue;
    // A topic of conversation ("chat about pricing") is what the talk is about, not a commitment.
    if (ABOUT_BEFORE.test(before) || CHANNEL_PLACE.test(before) || TALK_ABOUT.test(before)) continue;
    if (ASK_LEVELS[o.cls] > ASK_LEVELS[cls] && (!best || ASK_LEVELS[o.cls] > ASK_LEVELS[best.cls])) best = { cls: o.cls, phrase: o.phrase };
  }
  return best;
}

/**
 * The class a link's address says, when it goes to a page for one kind of ask: a sponsorship or
 * payment page (commit), a form or an event's registration (exchange), a booking page (meeting),
 * a demo or trial page (evaluate). Read from the host ("paypal.me", "calendly.com", or a host
 * ending in one) and from whole path segments ("/pricing", "/register"); undefined for any other
 * address, a relative one included only when its path says so.
 */
export function destinationClass(v: Vocabulary, url: string | undefined): { cls: AskClass; where: string } | undefined {
  if (!url || url.length > 2048) return undefined;
  const m = /^([a-z][a-z0-9+.-]*:\/\/)?([^/?#\s]*)([^?#\s]*)/i.exec(url.trim());
  if (!m) return undefined;
  // With a scheme, or a name that ends like a domain ("use60.com/waitlist"), the first part is the host.
  const host = m[1] !== undefined || /\.[a-z]{2,}$/i.test(m[2]!) ? m[2]!.toLowerCase().replace(/^www\./, '') : '';
  const path = (host ? m[3]! : m[2]! + m[3]!).toLowerCase();
  const segments = path.split('/').filter(Boolean).slice(0, 8);
  let best: { cls: AskClass; where: string } | undefined;
  for (const d of v.destinations) {
    let where: string | undefined;
    if (host && d.hosts.some((h) => host === h || host.endsWith(`.${h}`))) where = host;
    else if (host && d.hostPaths.some((hp) => `${host}${path}`.startsWith(hp))) where = `${host}${path}`;
    else {
      const seg = segments.find((x) => d.paths.has(x));
      if (seg !== undefined) where = `/${seg}`;
    }
    if (where !== undefined && (!best || ASK_LEVELS[d.cls] > ASK_LEVELS[best.cls])) best = { cls: d.cls, where };
  }
  return best;
}

/** Asks that only send the reader somewhere: "Visit", "Go to", "Head over to", "Follow the link", "Click". */
const NAVIGATION = /^(?:(?:please|just|simply|now)\s+)*(?:visit|go (?:to|over to)|head (?:to|over to|over)|follow (?:the|this|that) link|click|tap|use (?:the|this) (?:[a-z-]+ )?(?:link|form|button)|stop by)\b/;

/**
 * What going somewhere is for, when the sentence says it with an infinitive after the ask:
 * "Visit [our site](...) to register" asks for a registration (exchange), "Head to the portal
 * to renew" for a renewal. Only a class above attention counts, and only the purpose clause
 * (up to the sentence's next stop) is read.
 */
function navigationPurpose(v: Vocabulary, ask: string, sentence: string): { cls: AskClass; phrase: string } | undefined {
  const a = ask.replace(/^[^a-z]+/, '');
  const at = sentence.indexOf(a);
  if (at < 0) return undefined;
  // The ask may be only the pointer ("the link below") of a clause that navigates: "Please use
  // the link below to upload your slides" reads from the clause's start.
  // Only the 60 characters before the ask are read for the clause's start: a sentence of thousands
  // of commas stays linear.
  const before = sentence.slice(Math.max(0, at - 60), at);
  let cut = -1;
  for (const x of before.matchAll(/[,;:!?]\s|\.\s/g)) cut = x.index! + x[0].length;
  const clauseStart = cut >= 0 ? at - before.length + cut : at <= 60 ? 0 : -1;
  if (!NAVIGATION.test(a) && !(clauseStart >= 0 && at - clauseStart <= 40 && NAVIGATION.test(sentence.slice(clauseStart, at + a.length)))) return undefined;
  const after = sentence.slice(at + a.length, at + a.length + 200);
  const to = /^[^.!?;:]*?\s(?<!\b(?:how|what|where|ways|steps|guide|welcome|want|like|need|wish)\s)(?:in order )?to\s+(?=[a-z])/.exec(after);
  if (!to) return undefined;
  const clause = after.slice(to[0].length).split(/[.!?;:]|\s(?:and|but|so|or)\s(?:we|i|you)\b/)[0]!;
  const c = classify(v, clause, 0, 'consume');
  if (c.cls === 'consume' || /nothing named/.test(c.why)) return undefined;
  return { cls: c.cls, phrase: clause.split(/\s+/).slice(0, 4).join(' ') };
}

/** An ask classed by joining an organisation (`classify`), which where its link goes overrides. */
const JOINED = /"join [^"]*organi[sz]ation" with nothing more specific named/;

/** How an ask was classed when its words named nothing more specific than its shape or a pointer. */
const WEAK_CLASS = /nothing named|nothing more specific|a URL written out|consume\.pointer|click here|"(?:learn|read|find out) more"/;

/**
 * The class of a found ask once its context is read: what its sentence says a channel ask is
 * for ("If you'd like to sponsor, email us" is commit), or, when its words name nothing more
 * specific, where its link goes ("[Click here](https://forms.gle/...)" is exchange). Only ever
 * raises the class; `ask` and `sentence` are normalised text, `via` says what decided.
 */
export function classInContext(v: Vocabulary, m: { class: AskClass; via: string; url?: string }, ask: string, sentence: string): { cls: AskClass; via: string } {
  const purpose = channelPurpose(v, ask, sentence, m.class);
  if (purpose) return { cls: purpose.cls, via: `${m.via} (read as ${purpose.cls}: the sentence says what it is for, "${purpose.phrase}")` };
  // Where the link goes, or what the sentence says going there is for: the higher wins.
  const dest = WEAK_CLASS.test(m.via) ? destinationClass(v, m.url) : undefined;
  const goal = m.class === 'consume' ? navigationPurpose(v, ask, sentence) : undefined;
  if (goal && ASK_LEVELS[goal.cls] > ASK_LEVELS[dest?.cls ?? m.class]) return { cls: goal.cls, via: `${m.via} (read as ${goal.cls}: the sentence says what going there is for, "${goal.phrase}")` };
  // Joining an organisation is evaluate only where the link does not say otherwise ("[Join our
  // organization](/membership)" is a membership, commit).
  if (dest && (ASK_LEVELS[dest.cls] > ASK_LEVELS[m.class] || (JOINED.test(m.via) && dest.cls !== m.class))) return { cls: dest.cls, via: `${m.via} (read as ${dest.cls}: the link goes to ${dest.where})` };
  return { cls: m.class, via: m.via };
}
