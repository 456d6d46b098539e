import { stageLabel } from '../model';
import type { Check } from './check';
import { ASK_WANTS, askData, audienceText, fitsClass, plural, quote, wants } from './util';

/**
 * An ask whose level is above the audience's trust: the core of the trust model.
 * Every ask is judged on its own (two oversized asks, two findings); the severity
 * grows with the gap, because a one-level stretch is a different mistake from a leap.
 */
export const askExceedsTrust: Check = {
  id: 'ask-exceeds-trust',
  description: 'A call to action asks for more trust than the audience has.',
  defaultSeverity: 'warning',
  severityNote: 'hint when the ask is one level above the audience (the escalation the playbook prescribes), warning when it is two or more',
  tags: ['asks', 'trust'],
  check(ctx, report) {
    const audience = ctx.profile.trust.value.level;
    const fits = fitsClass(audience);
    for (const [askIndex, ask] of ctx.asks.entries()) {
      const gap = ask.level - audience;
      if (gap <= 0) continue;
      report({
        start: ask.start,
        end: ask.end,
        askIndex,
        // One rung up is the step the playbook prescribes (the bundled email skill tells a cold email
        // to ask "Worth a look?"), so it is a hint the hover explains, not a squiggle (trust model section 5).
        severity: gap >= 2 ? 'warning' : 'hint',
        message:
          `"${quote(ask.text)}" asks for ${ASK_WANTS[ask.class]} (${ask.class}), which needs an audience at ${stageLabel(ask.level)}, ` +
          `but this audience is at ${audienceText(ctx.profile)}: ${plural(gap, 'level')} short. ` +
          (gap >= 2 ? 'Readers this far from trusting you rarely say yes, and the ask tells them the draft is about what you want. ' : 'One rung up is the step the playbook prescribes, so this is only a hint: make sure the draft has earned it. ') +
          `Ask for what fits ${stageLabel(audience)} instead, ${wants(fits)}, or earn the trust first.`,
        data: askData(ask, ctx.profile, ctx.text),
      });
    }
  },
};
