import { setTrustCommandAction, setTrustEdit, type ActionSpec } from '../actions';
import { stageLabel } from '../model';
import { FOUNDATION_SKILL } from '../skills';
import type { Check } from './check';
import { firstContentLine, profileData } from './util';

/**
 * Without `trust:` every judgment rests on an assumption; say which, and offer to
 * declare it. A `trust:` that is present but invalid is front-matter-invalid's
 * business; an empty `trust:` counts as undeclared and is reported on its line.
 */
export const trustUndeclared: Check = {
  id: 'trust-undeclared',
  description: "The draft does not declare its audience's trust; the level used is assumed.",
  defaultSeverity: 'hint',
  tags: ['profile'],
  check(ctx, report) {
    const trust = ctx.profile.trust;
    if (trust.source === 'declared') return;
    const fm = ctx.frontMatter;
    const field = fm.fields.get('trust');
    const empty = field !== undefined && !field.broken && (field.value === null || String(field.value).trim() === '');
    if (field && !empty) return;
    // Front matter too broken to read may well hold a trust: line; front-matter-invalid says so.
    if (fm.problems.some((p) => p.structural) && /trust/i.test(fm.rawText)) return;
    let start: number;
    let end: number;
    if (empty) [start, end] = [field.keyStart, field.keyEnd];
    else if (fm.present) {
      // The opening fence line: short, and where the writer looks for the fields (the text has no
      // byte order mark: Analysis.doc).
      start = 0;
      end = 3;
    } else {
      // The first line with text (the whole draft is the body here).
      [start, end] = firstContentLine(ctx);
    }
    const assumed = `${stageLabel(trust.value.level)}: ${trust.detail}`;
    report({
      start,
      end,
      frontMatterKey: 'trust',
      message:
        `This draft does not say how much its audience trusts you, so Trustline assumes ${assumed}. ` +
        `Every other finding depends on that level: add trust: to the front matter (0 to 5+, or a stage name such as trust: interested).`,
      data: {
        ...profileData(ctx.profile),
        frontMatter: fm.present,
        // Where a `trust:` line goes: before the closing fence, or a new front matter block at the top.
        insertAt: ctx.lines.positionAt(fm.present ? fm.insertAt : 0),
      },
    });
  },
  // Declare the level assumed now (preferred), or choose another with the Set audience trust command.
  fixes(finding, { doc, frontMatter }) {
    const out: ActionSpec[] = [];
    const audience = finding.data.audience;
    if (audience) {
      const edit = setTrustEdit(doc, audience.level, frontMatter);
      if (edit) out.push({ title: `Declare the audience: trust: ${audience.level} (${stageLabel(audience.level)}, the level assumed now)`, kind: 'quickfix', isPreferred: true, edits: [edit] });
    }
    out.push(setTrustCommandAction());
    return out;
  },
  skill: { name: FOUNDATION_SKILL },
  summary: { rank: 8, text: () => "the audience's trust is assumed" },
};
