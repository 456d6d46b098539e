import { stageLabel } from '../model';
import type { Check } from './check';
import { askData, quote } from './util';

/** Trust the audience has given is wasted when the strongest ask is far below it. */
export const underAsk: Check = {
  id: 'under-ask',
  description: 'The audience trusts you two or more levels above the strongest ask in the draft.',
  defaultSeverity: 'hint',
  tags: ['asks', 'trust'],
  check(ctx, report) {
    if (ctx.asks.length === 0) return;
    const audience = ctx.profile.trust.value.level;
    let strongest = ctx.asks[0]!;
    for (const a of ctx.asks) if (a.level > strongest.level) strongest = a;
    const gap = audience - strongest.level;
    if (gap < 2) return;
    report({
      start: strongest.start,
      end: strongest.end,
      message: `The strongest ask here, "${quote(strongest.text)}" (${strongest.class}), is ${gap} levels below this audience (${stageLabel(audience)}): you can ask for more.`,
      data: askData(strongest, ctx.profile, ctx.text),
    });
  },
};
