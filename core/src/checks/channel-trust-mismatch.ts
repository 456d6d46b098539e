import { setTrustCommandAction } from '../actions';
import { CHANNELS, channelInfo, levelLabel, stageLabel } from '../model';
import { FOUNDATION_SKILL } from '../skills';
import type { Check } from './check';
import { audienceText, listing, profileData } from './util';

/**
 * A declared channel that does not serve the audience's trust level (the playbook's
 * channel table, with the project's overrides). A channel that only follows from the
 * draft type is never reported: the writer did not choose it (trust-model section 3).
 */
export const channelTrustMismatch: Check = {
  id: 'channel-trust-mismatch',
  description: "The declared channel does not serve the audience's trust level.",
  defaultSeverity: 'information',
  tags: ['channels', 'trust'],
  check(ctx, report) {
    const ch = ctx.profile.channel;
    if (ch.source !== 'declared' || !ch.value) return;
    // A channel given to the analysis (the CLI's --channel) is on no line: the top of the draft.
    const field = ctx.frontMatter.fields.get('channel') ?? { start: 0, end: 0 };
    const info = channelInfo(ch.value, ctx.settings.channels);
    const level = ctx.profile.trust.value.level;
    if (level >= info.from && level <= info.to) return;
    const serving = CHANNELS.map((c) => channelInfo(c.id, ctx.settings.channels)).filter((c) => level >= c.from && level <= c.to);
    const instead = serving.length
      ? `Use a channel that serves ${stageLabel(level)} (${listing(serving.map((c) => c.id))})`
      : `No channel in the playbook serves ${stageLabel(level)}; leave channel: out`;
    report({
      start: field.start,
      end: field.end,
      frontMatterKey: 'channel',
      message:
        `${info.name} (${info.role}) serves audiences at trust ${levelLabel(info.from)} to ${levelLabel(info.to)}, but this draft's audience is at ${audienceText(ctx.profile)}. ` +
        `A channel used outside its range asks for trust before the words do. ${instead}, or correct trust: if the audience is ${level < info.from ? 'warmer' : 'colder'} than declared.`,
      data: {
        ...profileData(ctx.profile),
        channelRange: [info.from, info.to],
        suggestedChannels: serving.map((c) => c.id),
      },
    });
  },
  // The channel is the writer's choice; what Trustline can offer is to correct trust: when the audience is not what was declared.
  fixes: () => [setTrustCommandAction()],
  skill: { name: FOUNDATION_SKILL },
  summary: { rank: 6, text: () => "the channel does not serve the audience's trust" },
};
