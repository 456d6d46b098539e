import { stageLabel } from '../model';
import type { Check } from './check';
import { quote } from './util';

/** Urgency and hard-sell language spends trust a new audience does not have yet. */
export const pressureBeforeTrust: Check = {
  id: 'pressure-before-trust',
  description: 'Urgency or hard-sell language (act now, last chance, only N left, ALL CAPS, !!!) aimed at an audience at level 2 or below.',
  defaultSeverity: 'warning',
  tags: ['tone', 'trust'],
  check(ctx, report) {
    const audience = ctx.profile.trust.value.level;
    if (audience > 2) return;
    for (const hit of ctx.pressure) {
      report({
        start: hit.start,
        end: hit.end,
        message: `"${quote(hit.text, 40)}" is ${hit.via === 'all-caps' ? 'shouting' : hit.via === 'exclamations' ? 'hard-sell punctuation' : 'pressure'} aimed at an audience at ${stageLabel(audience)}, which has no reason yet to act fast.`,
        data: { pressure: { text: hit.text, via: hit.via }, audience: { level: audience, stage: ctx.profile.trust.value.stage, source: ctx.profile.trust.source } },
      });
    }
  },
};
