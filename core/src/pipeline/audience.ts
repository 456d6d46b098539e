/**
 * Stage 6 of the analysis (analyze.ts), once the trained reader has read: the asks as the
 * profile's audience reads them, and the distinct asks the checks count.
 */
import { ASK_LEVELS } from '../model';
import type { Ask, AskClass, Profile } from '../types';

/** A price: a currency sign before a number, or a number before a currency code ("$50", "10 USD"). */
const PRICE = /[$€£]\s?\d|\b\d+(?:[.,]\d+)?\s?(?:usd|eur|gbp)\b/i;
/** An ask to register ("Register now", "to register for", "Registration is open"). */
const REGISTERING = /\bregist(?:er|ering|ration)\b/i;
/** A form to fill in names the form, not the ticket ("Complete the registration form"). */
const FORM = /\bregistration form\b/i;

/**
 * The asks for the audience of `profile`, changing them in place, and one entry per distinct ask
 * (same class and wording, the first occurrence kept), each ask's `key` set.
 */
export function asksForAudience(text: string, asks: Ask[], toCustomers: Map<Ask, AskClass>, profile: Profile): Ask[] {
  // On an event page that names a price, registering is buying a ticket ("Register now", "You can
  // register on the registration page" over "$10 USD"): commit, section 2a's money. In the
  // labelled event pages with a price, registration asks are commit 7 times for every exchange.
  if (profile.type.value === 'event') {
    const registering = asks.filter((a) => a.class === 'exchange' && REGISTERING.test(a.text) && !FORM.test(a.text));
    if (registering.length > 0 && PRICE.test(text)) {
      for (const a of registering) {
        a.via += ' (read as commit: registering on an event page that names a price buys a ticket)';
        a.class = 'commit';
        a.level = ASK_LEVELS.commit;
      }
    }
  }
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
