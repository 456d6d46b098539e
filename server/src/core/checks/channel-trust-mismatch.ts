import { channelInfo, levelLabel, stageLabel } from '../model';
import type { Check } from './check';

/** A declared channel that does not serve the audience's trust level (the playbook's channel table). */
export const channelTrustMismatch: Check = {
  id: 'channel-trust-mismatch',
  description: "The declared channel does not serve the audience's trust level.",
  defaultSeverity: 'information',
  tags: ['channels', 'trust'],
  check(ctx, report) {
    const ch = ctx.profile.channel;
    if (ch.source !== 'declared' || !ch.value) return;
    const info = channelInfo(ch.value, ctx.settings.channels);
    const level = ctx.profile.trust.value.level;
    if (level >= info.from && level <= info.to) return;
    const field = ctx.frontMatter.fields.get('channel')!;
    report({
      start: field.start,
      end: field.end,
      message: `${info.name} (${info.role}) serves trust ${levelLabel(info.from)} to ${levelLabel(info.to)}; this audience is at ${stageLabel(level)}.`,
      data: { channel: ch.value, range: [info.from, info.to], audience: { level, stage: ctx.profile.trust.value.stage, source: ctx.profile.trust.source } },
    });
  },
};
