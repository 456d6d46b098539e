import { FOUNDATION_SKILL } from '../skills';
import type { Check } from './check';
import { askData, audienceText, quote } from './util';

/** Words a sentence needs to count as giving the reader something before the ask. */
const VALUE_WORDS = 6;
/** The trust level up to which the order of ask and value is checked (1 AWARE). */
const MAX_LEVEL = 1;

/**
 * To a cold or barely aware audience, the first thing a draft does should be to
 * give (an insight, a number, a story), not to ask.
 *
 * How it decides: walking the body in order, the first ask is reported when no
 * sentence of value comes before it. A sentence of value has at least six words,
 * holds no ask and no pressure ("Last chance to see this!" gives nothing), and is not
 * a heading (a title promises, it does not give), an email header line (`Subject:`)
 * or a greeting/sign-off ("Hi Tom,"). So an ask in the
 * opening sentence or paragraph is reported; one after a paragraph of substance is not.
 */
export const askBeforeValue: Check = {
  id: 'ask-before-value',
  description: 'To an audience at level 1 or below, the first ask comes before anything of value.',
  defaultSeverity: 'information',
  tags: ['asks', 'structure'],
  check(ctx, report) {
    if (ctx.profile.trust.value.level > MAX_LEVEL || ctx.asks.length === 0) return;
    for (const u of ctx.units) {
      if (u.ask !== undefined) {
        const ask = ctx.asks[u.ask]!;
        report({
          start: ask.start,
          end: ask.end,
          askIndex: u.ask,
          message:
            `The first ask, "${quote(ask.text, 40)}", comes before the draft has given anything. ` +
            `An audience at ${audienceText(ctx.profile)} decides in the first lines whether you are there to give or to take. ` +
            `Open with the insight, number or story, and move the ask after it.`,
          data: askData(ask, ctx.profile, ctx.text),
        });
        return;
      }
      if (u.container !== 'heading' && !u.header && !u.greeting && u.pressure === 0 && u.words >= VALUE_WORDS) return;
    }
  },
  skill: { name: FOUNDATION_SKILL },
  summary: { rank: 7, text: () => 'it asks before it gives' },
};
