import { stageLabel } from '../model';
import type { Check } from './check';
import { askData, quote } from './util';

/** Words a sentence needs to count as giving the reader something before the ask. */
const VALUE_WORDS = 6;

/**
 * To a cold or barely aware audience, the first thing a draft does should be to
 * give (an insight, a number, a story), not to ask. Fires when the first ask
 * comes before any sentence of substance (greetings and subject lines don't count).
 */
export const askBeforeValue: Check = {
  id: 'ask-before-value',
  description: 'To an audience at level 1 or below, the first ask comes before anything of value.',
  defaultSeverity: 'information',
  tags: ['asks', 'structure'],
  check(ctx, report) {
    const audience = ctx.profile.trust.value.level;
    if (audience > 1 || ctx.asks.length === 0) return;
    for (const u of ctx.units) {
      if (u.ask !== undefined) {
        const ask = ctx.asks[u.ask]!;
        report({
          start: ask.start,
          end: ask.end,
          message: `The first ask, "${quote(ask.text)}", comes before anything of value. An audience at ${stageLabel(audience)} should get an insight, a number or a story first.`,
          data: askData(ask, ctx.profile, ctx.text),
        });
        return;
      }
      if (!u.greeting && u.container !== 'heading' && u.words >= VALUE_WORDS) return;
      // A headline with substance (landing pages) counts as value too.
      if (u.container === 'heading' && u.words >= VALUE_WORDS) return;
    }
  },
};
