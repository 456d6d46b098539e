import { draftTypeInfo } from '../model';
import type { Check } from './check';

/** An email, landing page, ad or invitation that asks for nothing leaves the reader with nowhere to go. */
export const missingAsk: Check = {
  id: 'missing-ask',
  description: 'An email, landing page, ad or event invitation holds no call to action.',
  defaultSeverity: 'information',
  tags: ['asks'],
  check(ctx, report) {
    const type = ctx.profile.type.value;
    if (!type || !draftTypeInfo(type).needsAsk || ctx.asks.length > 0) return;
    if (ctx.units.length === 0) return; // an empty draft is still being written
    // Anchor on the end of the body, where an ask would usually go.
    const last = ctx.units[ctx.units.length - 1]!;
    const stage = ctx.profile.trust.value;
    report({
      start: last.start,
      end: last.end,
      message: `This ${draftTypeInfo(type).name} asks for nothing. Add one ask that fits an audience at ${stage.level === 6 ? '5+' : stage.level} ${stage.stage}.`,
      data: { audience: { level: stage.level, stage: stage.stage, source: ctx.profile.trust.source }, draftType: type, channel: ctx.profile.channel.value },
    });
  },
};
