import { FOUNDATION_SKILL } from '../skills';
import type { Check } from './check';
import { audienceText, profileData, quote } from './util';

/** The trust level up to which pressure is flagged (2 INTERESTED). */
const MAX_LEVEL = 2;

/** What each kind of pressure is called in a message, and what to do instead. */
function describe(via: string): { what: string; fix: string } {
  switch (via) {
    case 'all-caps':
      return { what: 'shouting (ALL CAPS)', fix: 'Write it in normal case; let the offer carry the weight.' };
    case 'exclamations':
      return { what: 'hard-sell punctuation', fix: 'End the sentence with one full stop.' };
    case 'hard-sell':
      return { what: 'a hard-sell promise', fix: 'Replace the promise with evidence: a number, a named customer, a result.' };
    case 'scarcity':
      return { what: 'scarcity pressure', fix: 'Cut it, or state the real limit plainly ("The room holds 24").' };
    case 'urgency':
      return { what: 'urgency', fix: 'Cut it, or give the real date plainly ("Registration closes on 14 May").' };
    default:
      return { what: 'pressure language (from your project\'s list)', fix: 'Cut it, or say the same thing plainly.' };
  }
}

/** Urgency and hard-sell language spends trust a new audience does not have yet. */
export const pressureBeforeTrust: Check = {
  id: 'pressure-before-trust',
  description: 'Urgency or hard-sell language (act now, last chance, only N left, guaranteed, ALL CAPS, !!!) aimed at an audience at level 2 or below.',
  defaultSeverity: 'warning',
  tags: ['tone', 'trust'],
  check(ctx, report) {
    if (ctx.profile.trust.value.level > MAX_LEVEL) return;
    for (const hit of ctx.pressure) {
      const { what, fix } = describe(hit.via);
      report({
        start: hit.start,
        end: hit.end,
        message:
          `"${quote(hit.text, 40)}" is ${what} aimed at an audience at ${audienceText(ctx.profile)}. ` +
          `Readers who do not trust you yet read pressure as a spam signal, not a reason to act. ${fix}`,
        data: { ...profileData(ctx.profile), pressure: { text: hit.text, via: hit.via } },
      });
    }
  },
  skill: { name: FOUNDATION_SKILL },
  summary: { rank: 5, text: (n) => `${n === 1 ? 'one phrase puts' : `${n} phrases put`} pressure on a new audience` },
};
