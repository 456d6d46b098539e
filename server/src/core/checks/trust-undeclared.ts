import type { Check } from './check';

/** Without `trust:` every judgment rests on an assumption; say which, and offer to declare it. */
export const trustUndeclared: Check = {
  id: 'trust-undeclared',
  description: 'The draft does not declare its audience\'s trust; the level used is assumed.',
  defaultSeverity: 'hint',
  tags: ['profile'],
  check(ctx, report) {
    const trust = ctx.profile.trust;
    if (trust.source === 'declared') return;
    // A `trust:` field that is present but invalid is front-matter-invalid's business.
    if (ctx.frontMatter.fields.has('trust')) return;
    const fm = ctx.frontMatter;
    const [start, end] = fm.present ? [0, fm.end] : [0, Math.min(ctx.text.length, ctx.lines.lineEnd(0))];
    report({
      start,
      end,
      message: `No trust: declared, so Trustline assumes ${trust.detail}. Declare the audience with trust: in front matter.`,
      data: { audience: { level: trust.value.level, stage: trust.value.stage, source: trust.source }, draftType: ctx.profile.type.value, channel: ctx.profile.channel.value },
    });
  },
};
