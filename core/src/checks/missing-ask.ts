import { draftTypeInfo } from '../model';
import type { Check } from './check';
import { audienceText, firstContentLine, fitsData, profileData, thisDraft, wants } from './util';

/**
 * An email, landing page or ad that asks for nothing leaves the reader with nowhere
 * to go. Reported once, on the first line of the body (where a file-wide
 * `trustline-disable missing-ask` goes); `data.insertAt` says where an ask would go.
 */
export const missingAsk: Check = {
  id: 'missing-ask',
  description: 'An email, landing page or ad holds no call to action.',
  defaultSeverity: 'information',
  tags: ['asks'],
  check(ctx, report) {
    const type = ctx.profile.type.value;
    if (!type || !draftTypeInfo(type).needsAsk || ctx.asks.length > 0) return;
    // An empty draft, or one that is only a title, is still being written.
    if (!ctx.units.some((u) => u.container !== 'heading' && !u.header && u.words > 0)) return;
    const [start, end] = firstContentLine(ctx);
    const fits = fitsData(ctx.profile.trust.value.level);
    const last = ctx.units[ctx.units.length - 1]!;
    report({
      start,
      end,
      message:
        `${thisDraft(ctx.profile)} asks for nothing: no link, button, question or request for the reader to act on. ` +
        `Value with no next step leaves the trust you built unused. Add one ask that fits an audience at ${audienceText(ctx.profile)}: ${wants(fits.class)}.`,
      data: { ...profileData(ctx.profile), fits, insertAt: ctx.lines.positionAt(last.end) },
    });
  },
  skill: { name: null },
  summary: { rank: 4, text: () => 'it asks for nothing' },
};
