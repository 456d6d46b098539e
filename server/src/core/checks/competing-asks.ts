import { draftTypeInfo } from '../model';
import type { Check } from './check';
import { askData, quote } from './util';

/**
 * Short drafts should ask for one thing. An email, post or ad with asks of two
 * classes splits the reader's attention; a landing page may carry secondary
 * links, but only one primary ask (its buttons).
 */
export const competingAsks: Check = {
  id: 'competing-asks',
  description: 'A short draft asks for more than one kind of thing, or a landing page has more than one primary ask.',
  defaultSeverity: 'warning',
  tags: ['asks', 'focus'],
  check(ctx, report) {
    const type = ctx.profile.type.value;
    if (!type) return;
    let candidates = ctx.distinctAsks;
    if (type === 'landing-page') {
      // Primary asks on a landing page are its buttons; one class of button is one ask.
      candidates = ctx.distinctAsks.filter((a) => a.kind === 'button');
    } else if (!draftTypeInfo(type).short) return;
    const classes = new Map<string, typeof candidates[number]>();
    for (const a of candidates) if (!classes.has(a.class)) classes.set(a.class, a);
    if (classes.size <= 1) return;
    const first = [...classes.values()][0]!;
    const listed = [...classes.values()].map((a) => `"${quote(a.text, 30)}" (${a.class})`).join(', ');
    // Flag every ask after the first: each is a place the writer could cut.
    for (const a of [...classes.values()].slice(1)) {
      report({
        start: a.start,
        end: a.end,
        message: `This ${type === 'landing-page' ? 'landing page has more than one primary ask' : `${draftTypeInfo(type).name} asks for ${classes.size} different things`}: ${listed}. Keep one ask; "${quote(first.text, 30)}" comes first.`,
        data: { ...askData(a, ctx.profile, ctx.text), competing: [...classes.values()].map((x) => ({ text: x.text, class: x.class })) },
      });
    }
  },
};
