import { vocabulary } from '../asks/vocabulary';
import { draftTypeInfo, stageLabel } from '../model';
import { normalize } from '../text';
import type { Ask } from '../types';
import type { Check, CheckContext } from './check';
import { askData, fitsClass, listing, quote, wants } from './util';

/**
 * Short drafts should ask for one thing. An email, social post or ad holding asks
 * of more than one class splits the reader's attention; a landing page may carry
 * secondary links, but only one primary ask.
 *
 * How it decides (also in docs/rules/competing-asks.md):
 *  - asks are compared by class: "Start your free trial" twice, or "Start your free
 *    trial" and "Try it free for 14 days", are one ask;
 *  - a question directly followed by a link ("Worth a look? [Read the teardown](...)")
 *    is one ask, the link's: the question introduces the link;
 *  - a wish to see the reader at the event ("Hope to see you there!") is the same ask as the
 *    draft's registration or ticket ask, when that ask's own words name the registration or the
 *    ticket ("Early-bird registration is open until 30 April"): both ask the reader to come;
 *  - on a landing page only primary asks count: button-like links (a paragraph, or a line,
 *    that is one link and nothing else) anywhere on the page, and links in the hero
 *    (everything before the second heading). Text links in the prose further down are
 *    secondary and never compete; asks without a link cannot be clicked, so are not primary.
 * The finding sits on the first occurrence of every class after the first one.
 */
export const competingAsks: Check = {
  id: 'competing-asks',
  description: 'A short draft (email, social post, ad) asks for more than one kind of thing, or a landing page has more than one primary ask.',
  defaultSeverity: 'warning',
  tags: ['asks', 'focus'],
  check(ctx, report) {
    const type = ctx.profile.type.value;
    if (!type) return;
    const landing = type === 'landing-page';
    if (!landing && !draftTypeInfo(type).short) return;

    const counted = countedAsks(ctx).filter((a) => !landing || isPrimary(ctx, a));
    // First ask of every class, in document order.
    const byClass = new Map<string, Ask>();
    for (const a of counted) if (!byClass.has(a.class)) byClass.set(a.class, a);
    if (byClass.size <= 1) return;

    const firsts = [...byClass.values()];
    const fits = fitsClass(ctx.profile.trust.value.level);
    const keep = firsts.find((a) => a.class === fits);
    const advice = keep
      ? `Keep "${quote(keep.text, 40)}", the ask that fits ${stageLabel(ctx.profile.trust.value.level)}, and`
      : `Keep one ask (an audience at ${stageLabel(ctx.profile.trust.value.level)} is ready for ${wants(fits)}) and`;
    for (const a of firsts.slice(1)) {
      const others = firsts.filter((o) => o !== a).map((o) => `"${quote(o.text, 40)}" (${o.class})`);
      const message = landing
        ? `"${quote(a.text, 40)}" (${a.class}) is another primary ask on this landing page, next to ${listing(others)}. ` +
          `Several main buttons split the visitor's decision, and most choose nothing. ${advice} turn the others into plain text links lower down.`
        : `"${quote(a.text, 40)}" (${a.class}) competes with ${listing(others)} in this ${draftTypeInfo(type).name}. ` +
          `Readers given more than one ask usually take none. ${advice} save the others for later touches.`;
      report({
        start: a.start,
        end: a.end,
        askIndex: ctx.asks.indexOf(a),
        message,
        data: {
          ...askData(a, ctx.profile, ctx.text),
          competing: firsts.map((x) => ({ text: x.text, class: x.class, level: x.level, range: x.range })),
          keep: keep ? { text: keep.text, class: keep.class } : null,
          primaryOnly: landing,
        },
      });
    }
  },
  skill: { name: null },
  summary: { rank: 3, text: () => 'it holds competing asks' },
};

/**
 * The asks that count: a question that only introduces the link after it is dropped, and so is a
 * wish to see the reader at an event when the draft asks them to register or buy a ticket.
 */
function countedAsks(ctx: CheckContext): Ask[] {
  const sameAsk = new Set<number>();
  for (let i = 0; i < ctx.units.length - 1; i++) {
    const u = ctx.units[i]!;
    const next = ctx.units[i + 1]!;
    if (u.ask === undefined || next.ask === undefined) continue;
    const q = ctx.asks[u.ask]!;
    const link = ctx.asks[next.ask]!;
    if (q.kind === 'question' && !q.inLink && link.inLink) sameAsk.add(u.ask);
  }
  // A wish to see the reader at the event, beside the ask to register or buy a ticket for it: the
  // other ask's own words must name the registration or the ticket ("Grab your early-bird ticket").
  const v = vocabulary();
  const words = (a: Ask): string => normalize(ctx.text, a.start, a.end).text;
  const wishes: number[] = [];
  let eventAsk = false;
  ctx.asks.forEach((a, i) => {
    if (a.class === 'exchange' && v.attendance.test(words(a))) wishes.push(i);
    else if ((a.class === 'exchange' || a.class === 'commit') && v.eventAsks.test(words(a))) eventAsk = true;
  });
  if (eventAsk) for (const i of wishes) sameAsk.add(i);
  return ctx.asks.filter((_, i) => !sameAsk.has(i));
}

function isPrimary(ctx: CheckContext, a: Ask): boolean {
  if (a.kind === 'button') return true;
  if (!a.inLink && a.kind !== 'url') return false;
  if (isButtonLine(ctx, a)) return true;
  const unit = ctx.units.find((u) => u.ask !== undefined && ctx.asks[u.ask] === a);
  return unit?.hero ?? false;
}

/**
 * A link alone on its line, inside a paragraph of several lines (page builders export stacked
 * buttons that way): as much a button as a paragraph that is one link.
 */
function isButtonLine(ctx: CheckContext, a: Ask): boolean {
  const { line } = a.sentenceRange.start;
  if (a.sentenceRange.end.line !== line) return false;
  const text = ctx.lines.lineText(line);
  const before = text.slice(0, a.sentenceRange.start.character);
  const after = text.slice(a.sentenceRange.end.character);
  // Around the link text: its brackets and URL, emphasis, arrows and list markers, nothing else.
  return /^\s*(?:[-*+]\s+|\d+[.)]\s+)?[*_\s→»>›👉]*!?\[$/u.test(before) && /^\]\([^)]*\)[*_\s→»›✓✔.!-]*$/u.test(after);
}
