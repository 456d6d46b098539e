import { alternativesForFinding, askRewritable, quoteTitle, replaceAskEdit, type ActionSpec } from '../actions';
import { plainAlternative } from '../alternatives';
import { stageLabel } from '../model';
import { FOUNDATION_SKILL } from '../skills';
import type { Check } from './check';
import { askData, audienceText, fitsClass, quote, wants } from './util';

/** Trust the audience has given is wasted when the strongest ask is far below it. */
export const underAsk: Check = {
  id: 'under-ask',
  description: 'The audience trusts you two or more levels above the strongest ask in the draft.',
  defaultSeverity: 'hint',
  tags: ['asks', 'trust'],
  check(ctx, report) {
    if (ctx.asks.length === 0) return;
    const audience = ctx.profile.trust.value.level;
    // The strongest ask; the first of equals, so the finding is stable.
    let strongest = ctx.asks[0]!;
    for (const a of ctx.asks) if (a.level > strongest.level) strongest = a;
    const gap = audience - strongest.level;
    if (gap < 2) return;
    report({
      start: strongest.start,
      end: strongest.end,
      askIndex: ctx.asks.indexOf(strongest),
      message:
        `The strongest ask here, "${quote(strongest.text)}" (${strongest.class}), is ${gap} levels below this audience, ${audienceText(ctx.profile)}. ` +
        `Buyers who are not asked for the next step drift. Ask for what this audience can give: ${wants(fitsClass(audience))}.`,
      data: askData(strongest, ctx.profile, ctx.text),
    });
  },
  // Ask for more: up to two alternatives above the ask's own level.
  fixes(finding, { analysis, doc, alternatives }) {
    const out: ActionSpec[] = [];
    const { ask, audience } = finding.data;
    if (!ask || !audience || !askRewritable(analysis, finding)) return out;
    for (const alt of alternativesForFinding(finding).filter((a) => a.level > ask.level).slice(0, Math.min(alternatives, 2))) {
      const edit = replaceAskEdit(doc, finding, alt);
      if (edit) out.push({ title: `Ask for more: "${quoteTitle(plainAlternative(alt.text))}" (${alt.class}, fits ${stageLabel(audience.level)})`, kind: 'quickfix', edits: [edit] });
    }
    return out;
  },
  skill: { name: FOUNDATION_SKILL, draftFirst: true },
  summary: { rank: 2, text: () => 'it asks for less than the audience would give' },
  askVerdict: 'under',
};
