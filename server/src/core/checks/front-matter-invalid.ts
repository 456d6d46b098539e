import type { Check } from './check';

/** Front matter that does not parse, or a value Trustline cannot use. */
export const frontMatterInvalid: Check = {
  id: 'front-matter-invalid',
  description: 'Front matter that does not parse, or a type, channel or trust value out of range.',
  defaultSeverity: 'error',
  tags: ['profile'],
  check(ctx, report) {
    for (const p of ctx.frontMatterProblems) report({ start: p.start, end: p.end, message: p.message, data: {} });
  },
};
