/**
 * Stage 5c of the analysis (analyze.ts), after the install commands: requests for feedback in a
 * post. A launch post or a Show HN asks its readers what they think, often without a verb that
 * asks: "Feedback welcome, especially on:", "Interested in feedback on the evaluation
 * methodology", "PRs welcome!", "### What I'd love feedback on", and the questions listed under
 * such a line ("Is the tool API surface right?", "What's missing?"). Each is a request for a reply
 * or a contribution (engage, section 2a). In a post these are its call to action; in a README
 * "Contributions are welcome" states a policy, and in an email the questions under "We'd love your
 * feedback" are a survey's, so only posts are read, by the draft's type, which only the profile
 * knows. The labelled sets: in posts, 38 such lines are asks and 4 are not.
 */
import { ASK_LEVELS } from '../model';
import type { LineIndex } from '../text';
import type { Profile } from '../types';
import { askAt, inTextOrder, wordsSpan, type Sentences } from './sentences';

/** What a post asks its readers for when it asks what they think. */
const NOUN = String.raw`(?:feedback|input|thoughts|perspectives?|suggestions|contributions|prs|pull requests)`;

/**
 * The sender wants feedback: "feedback welcome", "PRs are always welcome", "would appreciate
 * perspective on", "looking for feedback from devs", "open to feedback and contributions", "what I
 * want feedback on". ("Questions welcome 👇" offers answers, and is a support line.)
 */
const WISH = new RegExp(
  String.raw`\b${NOUN}\s+(?:(?:is|are)\s+)?(?:always\s+|very\s+|most\s+|more than\s+|much\s+)?(?:welcome[d]?|appreciated|wanted)\b|\b(?:welcome|appreciate|seeking|looking for|interested in|open to|love|like|want)\s+(?:any\s+|your\s+|all\s+|some\s+|honest\s+|more\s+|the\s+|brutal\s+|critical\s+)?${NOUN}\b`,
);

/** A negation before the wish ("we don't want feedback on pricing"). */
const NEGATED = /\b(?:not|no|don't|do not|never|isn't|aren't|won't)\b/;

/** The draft types whose requests for feedback are the call to action. */
const POST_TYPES = new Set(['social', 'blog']);

export function feedbackAsks(text: string, lines: LineIndex, sentences: Sentences, profile: Profile): void {
  if (!POST_TYPES.has(profile.type.value ?? '')) return;
  const { asks, units, unitRejected, dropped, above } = sentences;
  let added = false;
  const add = (i: number, via: string) => {
    const unit = units[i]!;
    const [start, end] = wordsSpan(text, unit.start, unit.end);
    if (start >= end) return;
    unit.ask = asks.length;
    asks.push(askAt(text, lines, start, end, unit.start, unit.end, 'engage', ASK_LEVELS.engage, 'sentence', via, false));
    added = true;
  };
  const free = (i: number) => {
    const unit = units[i]!;
    // (A question the rules found by its grammar alone is dropped outside the closing lines: here
    // the line above says whom it is for.)
    return unit.ask === undefined && !unit.header && !unitRejected.has(i) && (!dropped.has(i) || dropped.get(i) === 'weak');
  };
  // The heading whose section asks for feedback, and the sentence that introduces a list of what.
  let sectionLead = -1;
  units.forEach((unit, i) => {
    if (unit.container === 'heading') sectionLead = -1;
    const wish = WISH.exec(unit.text);
    const isLead = !!wish && !NEGATED.test(unit.text.slice(0, wish.index));
    if (isLead && free(i) && unit.words <= 40) add(i, 'read as a request for feedback in a post (engage)');
    if (isLead && unit.container === 'heading') {
      sectionLead = i;
      return;
    }
    // A question under the heading or in the list that a request for feedback introduces: a
    // question for the reader to answer ("Is the tool API surface right?").
    if (!unit.text.includes('?') || !free(i)) return;
    const listLead = unit.container === 'list' ? above[i]! : -1;
    const underLead = (listLead >= 0 && listLead < i && WISH.test(units[listLead]!.text) && /:\s*$/.test(units[listLead]!.text)) || sectionLead >= 0;
    if (underLead) add(i, 'read as a question for the reader under a request for feedback in a post (engage)');
  });
  if (added) inTextOrder(asks, units);
}
