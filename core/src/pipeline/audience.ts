/**
 * Stage 6 of the analysis (analyze.ts), once the trained reader has read: the asks as the
 * profile's audience reads them, and the distinct asks the checks count.
 */
import { ASK_LEVELS } from '../model';
import type { Ask, AskClass, Profile } from '../types';

/**
 * The asks for the audience of `profile`, changing them in place, and one entry per distinct ask
 * (same class and wording, the first occurrence kept), each ask's `key` set.
 */
export function asksForAudience(text: string, asks: Ask[], toCustomers: Map<Ask, AskClass>, profile: Profile): Ask[] {
  // Some asks change class once the reader is a customer ("Upgrade to Enterprise" is
  // expansion, not a first purchase); the lexicon says which, the profile says who reads.
  if (profile.trust.value.level >= ASK_LEVELS.expand) {
    for (const [ask, cls] of toCustomers) {
      ask.via += ` (read as ${cls}: the audience is already a customer)`;
      ask.class = cls;
      ask.level = ASK_LEVELS[cls];
    }
  }

  // One ask repeated (a landing page's repeated button) is one distinct ask.
  const seen = new Set<string>();
  const distinctAsks = asks.filter((a) => {
    const k = `${a.class}:${text.slice(a.start, a.end).toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim()}`;
    a.key = k;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
  return distinctAsks;
}
