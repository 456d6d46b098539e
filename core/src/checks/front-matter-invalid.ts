import type { Check } from './check';
import { profileData } from './util';

/**
 * Front matter that does not parse, or a value Trustline cannot use: YAML errors,
 * an unclosed fence, fields that are not `key: value`, duplicate keys, and `type:`,
 * `channel:` or `trust:` values it does not know. Never silenced by a comment in the
 * body: the problem is in the declaration every other check relies on.
 */
export const frontMatterInvalid: Check = {
  id: 'front-matter-invalid',
  description: 'Front matter that does not parse, or a type, channel or trust value Trustline does not know.',
  defaultSeverity: 'error',
  tags: ['profile'],
  suppressible: false,
  check(ctx, report) {
    for (const p of ctx.frontMatterProblems) {
      const data: Record<string, unknown> = { ...profileData(ctx.profile) };
      if (p.field) data.field = p.field;
      if (p.expected) data.expected = p.expected;
      report({ start: p.start, end: p.end, message: p.message, data, ...(p.field ? { frontMatterKey: p.field } : {}) });
    }
  },
};
