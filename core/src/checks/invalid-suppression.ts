import { suggest } from '../model';
import type { Check } from './check';
// A cycle (the registry lists this check), safe because CHECK_IDS is only read inside check().
import { CHECK_IDS } from './index';

const DIRECTIVES = ['trustline-disable-next-line', 'trustline-disable', 'trustline-enable', 'trustline-disable-file'];

/**
 * A suppression comment that silences nothing: a misspelt directive
 * (`<!-- trustline-disable-nextline -->`) or an unknown check id
 * (`<!-- trustline-disable ask-exceed-trust -->`). Reported so that a typo never
 * hides as a comment that seems to work; a comment cannot silence it.
 */
export const invalidSuppression: Check = {
  id: 'invalid-suppression',
  description: 'A trustline-disable comment names an unknown check id or misspells the directive.',
  defaultSeverity: 'warning',
  tags: ['suppression'],
  suppressible: false,
  check(ctx, report) {
    const known = [...CHECK_IDS];
    for (const d of ctx.directives) {
      if (d.kind === 'unknown') {
        const name = /trustline-[a-z-]*/.exec(d.raw)?.[0] ?? 'trustline-';
        const at = d.start + d.raw.indexOf(name);
        const hint = suggest(name, DIRECTIVES);
        report({
          start: at,
          end: at + name.length,
          message:
            `"${name}" is not a Trustline comment, so it silences nothing${hint ? `. Did you mean "${hint}"?` : '.'} ` +
            `Use trustline-disable-next-line, trustline-disable, trustline-enable or trustline-disable-file.`,
          data: { unknown: [name], suggestion: hint ?? null, directive: name },
        });
        continue;
      }
      // Each unknown id gets its own finding, on the id itself.
      let searchFrom = d.raw.indexOf('trustline-') + `trustline-${d.kind}`.length;
      for (const id of d.ids) {
        const idAt = d.raw.indexOf(id, searchFrom);
        searchFrom = idAt + id.length;
        if (known.includes(id)) continue;
        const hint = suggest(id, known);
        report({
          start: d.start + idAt,
          end: d.start + idAt + id.length,
          message:
            `"${id}" is not a Trustline check, so this comment does not silence it${hint ? `. Did you mean "${hint}"?` : '.'} ` +
            `Check ids: ${known.join(', ')}.`,
          data: { unknown: [id], suggestion: hint ?? null, directive: `trustline-${d.kind}` },
        });
      }
    }
  },
};
