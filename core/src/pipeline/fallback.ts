/**
 * Stage 5d of the analysis (analyze.ts): the fallback for a button. A transactional email puts its
 * call to action on a button and then, for mail clients that do not show it, "Or copy and paste
 * this link into your browser:" and the address again ("{{registerLink}}"). The fallback and its
 * address are the button's ask over again, a how-to for the same request (section 2a), not a
 * second ask: in the labelled sets 16 such lines are traps and none an ask of its own. Where the
 * fallback is the draft's only way to act (no other ask), it stays.
 */
import type { Ask } from '../types';
import { inTextOrder, type Sentences } from './sentences';

/** A line that offers another way to the same link ("Can't see the button? Copy and paste this link into your browser:"). */
const FALLBACK =
  /\b(?:(?:copy (?:and|&|\/) ?)?paste (?:this|the following|the) (?:link|url|address)|(?:copy|paste)\b[^.!?]{0,40}\binto your (?:web )?browser|(?:button|link) (?:above |below )?(?:doesn't|does not|isn't|is not|won't) work|can't (?:see|click) the (?:button|link)|trouble clicking)\b/;

/** A sentence that is only an address or a template's slot for one ("{{registerLink}}", "https://x.example/a?t=..."). */
const ADDRESS_ONLY = /^[^a-z0-9{$<%]*(?:\{\{[^}]{1,60}\}\}|\{[a-z_.]{1,40}\}|\$\{[^}]{1,60}\}|<%=[^%]{1,80}%>|\{%[^%]{1,80}%\}|(?:https?:\/\/|www\.)\S+|(?:[a-z0-9-]+\.)+[a-z]{2,}\/\S*)[^a-z0-9]*$/;

export function fallbackLinks(sentences: Sentences): void {
  const { asks, units } = sentences;
  if (asks.length < 2) return;
  const drop = new Set<Ask>();
  units.forEach((unit, i) => {
    if (unit.ask === undefined) return;
    const after = i > 0 && units[i - 1]!.block >= unit.block - 1 && FALLBACK.test(units[i - 1]!.text) && ADDRESS_ONLY.test(unit.text);
    if (after || (FALLBACK.test(unit.text) && unit.words <= 40)) drop.add(asks[unit.ask]!);
  });
  // The fallback stays where it is the only way to act.
  if (drop.size > 0 && drop.size < asks.length) inTextOrder(asks, units, drop);
}
