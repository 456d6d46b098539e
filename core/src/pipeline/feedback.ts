/**
 * Stage 5c of the analysis (analyze.ts), after the install commands: requests for feedback in a
 * post. A launch post or a Show HN asks its readers what they think, often without a verb that
 * asks: "Feedback welcome, especially on:", "Interested in feedback on the evaluation
 * methodology", "PRs welcome!", "### What I'd love feedback on", and the questions listed under
 * such a line ("Is the tool API surface right?", "What's missing?"). Each is a request for a reply
 * or a contribution (engage, section 2a). In a post these are its call to action; in a README
 * "Contributions are welcome" states a policy, and in an email the questions under "We'd love your
 * feedback" are a survey's, so only posts and blog posts are read, by the draft's type, which only
 * the profile knows. The labelled sets: in posts, 38 such lines are asks and 4 are not.
 */
import { ASK_LEVELS } from '../model';
import type { LineIndex } from '../text';
import type { Profile } from '../types';
import { answersQuestion } from '../asks/filters';
import { askOnSentence, inTextOrder, type Sentences } from './sentences';

/** What a post asks its readers for when it asks what they think. */
const NOUN = String.raw`(?:feedback|input|thoughts|perspectives?|suggestions|contributions|prs|pull requests)`;
/**
 * What may follow the thing wanted: the end, punctuation, or what it is about or from ("feedback
 * on the importer", "feedback from devs"), not another noun ("input validation", "feedback
 * welcome banners").
 */
const END = String.raw`(?=\s*(?:$|[.,;:!?)\u2014\u2013-]|(?:on|from|about|for|and|or|to|too|here|below|via|in|especially|of)\b|[\p{Extended_Pictographic}]))`;
/** What may stand between the wish and what it wants ("your", "any", "honest"). */
const DET = String.raw`(?:(?:any|your|all|some|honest|more|the|brutal|critical)\s+)?`;

/**
 * The sender wants feedback, in the sender's own words, in the present: "feedback welcome", "PRs
 * are always welcome", "I'd love your feedback", "we want your input", "we're looking for feedback
 * from devs", "Would appreciate perspective on", "Interested in feedback on" (a post drops its "I'm"),
 * "What I'd love feedback on". Not someone else's wish ("Users love the suggestions panel",
 * "they would appreciate more input"), not the past ("We were looking for feedback in March"),
 * not a statement of taste ("Why we love feedback": love and like only as a wish, "I'd love"),
 * not negated ("We didn't want feedback", "We're not looking for input": the negation breaks the
 * phrase), and not a noun the word modifies ("I like input validation"). "Questions welcome 👇"
 * offers answers, and is a support line.
 */
const WISH = new RegExp(
  [
    // "feedback welcome", "PRs are always welcome", "contributions are appreciated"
    String.raw`(?<!\b(?:no|not|without)\s+)\b${NOUN}\s+(?:(?:is|are)\s+)?(?:always\s+|very\s+|most\s+|more than\s+|much\s+)?(?:welcome[d]?|appreciated|wanted)${END}`,
    // "I'd love your feedback", "we would appreciate any input", "we welcome feedback", "we want your thoughts"
    String.raw`(?<!\bwhat\s+)\b(?:(?:i|we)(?:'d|\s+would)\s+(?:really\s+|also\s+)?(?:love|like|appreciate|welcome)|(?:i|we)\s+(?:really\s+|also\s+|always\s+)?(?:appreciate|welcome|want|need))\s+(?:to\s+(?:get|hear|have)\s+)?${DET}${NOUN}${END}`,
    // "we're looking for feedback", "I'm open to contributions"
    String.raw`\b(?:i'm|i\s+am|we're|we\s+are)\s+(?:also\s+|always\s+|actively\s+)?(?:looking\s+for|seeking|interested\s+in|open\s+to)\s+${DET}${NOUN}${END}`,
    // A post's "Would appreciate perspective on", "Interested in feedback on", "Looking for feedback from devs"
    String.raw`^[^a-z0-9]*(?:(?:would|'d)\s+)?(?:love|appreciate|welcome|seeking|looking\s+for|interested\s+in|open\s+to)\s+(?:to\s+(?:get|hear)\s+)?${DET}${NOUN}${END}`,
    // "We're building this in public and welcome contributions": a wish joined to the sender's clause
    String.raw`^[^a-z0-9]*(?:i|we)(?:'re|'m|\s+are|\s+am)?\s[^.!?]*?(?:\band|,)\s+(?:always\s+|also\s+)?(?:welcome|appreciate)\s+${DET}${NOUN}${END}`,
    // "What I'd love feedback on", "What I want feedback on:", "What we'd like feedback on"
    String.raw`\bwhat\s+(?:i(?:'d|\s+would)?\s+(?:love|like|want|need)|we(?:'d|\s+would)\s+(?:love|like))\s+${NOUN}\s+on\b`,
  ].join('|'),
  'u',
);

/** The draft types whose requests for feedback are the call to action. */
const POST_TYPES = new Set(['social', 'blog']);

export function feedbackAsks(text: string, lines: LineIndex, sentences: Sentences, profile: Profile): void {
  if (!POST_TYPES.has(profile.type.value ?? '')) return;
  const { asks, units, unitRejected, dropped, above } = sentences;
  let added = false;
  const add = (i: number, via: string) => {
    if (askOnSentence(text, lines, asks, units[i]!, 'engage', ASK_LEVELS.engage, via)) added = true;
  };
  const free = (i: number) => {
    const unit = units[i]!;
    // (A question the rules found by its grammar alone is dropped outside the closing lines: here
    // the line above says whom it is for.)
    return unit.ask === undefined && !unit.header && !unitRejected.has(i) && (!dropped.has(i) || dropped.get(i) === 'weak');
  };
  // The heading whose section asks for feedback: the lists under it hold what about.
  let sectionLead = -1;
  units.forEach((unit, i) => {
    if (unit.container === 'heading') sectionLead = -1;
    const isLead = WISH.test(unit.text);
    if (isLead && free(i) && unit.words <= 40) add(i, 'read as a request for feedback in a post (engage)');
    if (isLead && unit.container === 'heading') {
      sectionLead = i;
      return;
    }
    // A question in the list under such a heading, or in the list such a line introduces with a
    // colon: a question for the reader to answer ("Is the tool API surface right?"). Not one the
    // draft answers next ("Does it work offline? Yes, fully."), nor a support line
    // ("Questions? Just reply."): section 2a's non-asks. A paragraph under the heading is the
    // sender's own text (an FAQ, a look back), so only the items of its lists are read.
    if (unit.container !== 'list' || !unit.text.includes('?') || !free(i) || sentences.unitSupport.has(i)) return;
    if (i + 1 < units.length && units[i + 1]!.container === 'list' && !units[i + 1]!.text.includes('?') && answersQuestion(units[i + 1]!.text)) return;
    const listLead = above[i]!;
    const introduced = listLead >= 0 && listLead < i && /:\s*$/.test(units[listLead]!.text) && WISH.test(units[listLead]!.text);
    if (introduced || sectionLead >= 0) add(i, 'read as a question for the reader under a request for feedback in a post (engage)');
  });
  if (added) inTextOrder(asks, units);
}
