import { stageLabel, levelLabel } from '../model';
import type { Check } from './check';
import { article, askData, quote } from './util';

/** An ask whose level is above the audience's trust: the core of the trust model. */
export const askExceedsTrust: Check = {
  id: 'ask-exceeds-trust',
  description: "A call to action asks for more trust than the audience has.",
  defaultSeverity: 'warning',
  severityNote: 'information when the ask is one level above the audience, warning when two or more',
  tags: ['asks', 'trust'],
  check(ctx, report) {
    const audience = ctx.profile.trust.value.level;
    for (const ask of ctx.asks) {
      const gap = ask.level - audience;
      if (gap <= 0) continue;
      report({
        start: ask.start,
        end: ask.end,
        severity: gap >= 2 ? 'warning' : 'information',
        message:
          `"${quote(ask.text)}" is ${article(ask.class)} ${ask.class} ask (needs trust ${levelLabel(ask.level)}), ` +
          `but this audience is at ${stageLabel(audience)}` +
          (ctx.profile.trust.source === 'declared' ? '' : ` (assumed: ${ctx.profile.trust.detail})`) +
          `: ${gap} level${gap === 1 ? '' : 's'} too far.`,
        data: askData(ask, ctx.profile, ctx.text),
      });
    }
  },
};
