import { alternativesForFinding, askRewritable, quoteTitle, replaceAskEdit, setTrustCommandAction, setTrustEdit, type ActionSpec } from '../actions';
import { looksLikeLabel, plainAlternative, stepDown } from '../alternatives';
import { stageLabel } from '../model';
import { FOUNDATION_SKILL } from '../skills';
import type { Check } from './check';
import { ASK_WANTS, askData, audienceText, fitsClass, plural, quote, wants } from './util';

/**
 * An ask whose level is above the audience's trust: the core of the trust model.
 * Every ask is judged on its own (two oversized asks, two findings); the severity
 * grows with the gap, because a one-level stretch is a different mistake from a leap.
 */
export const askExceedsTrust: Check = {
  id: 'ask-exceeds-trust',
  description: 'A call to action asks for more trust than the audience has.',
  defaultSeverity: 'warning',
  severityNote: 'hint when the ask is one level above the audience (the escalation the playbook prescribes), warning when it is two or more',
  tags: ['asks', 'trust'],
  check(ctx, report) {
    const audience = ctx.profile.trust.value.level;
    const fits = fitsClass(audience);
    for (const [askIndex, ask] of ctx.asks.entries()) {
      const gap = ask.level - audience;
      if (gap <= 0) continue;
      report({
        start: ask.start,
        end: ask.end,
        askIndex,
        // One rung up is the step the playbook prescribes (the bundled email skill tells a cold email
        // to ask "Worth a look?"), so it is a hint the hover explains, not a squiggle (trust model section 5).
        severity: gap >= 2 ? 'warning' : 'hint',
        message:
          `"${quote(ask.text)}" asks for ${ASK_WANTS[ask.class]} (${ask.class}), which needs an audience at ${stageLabel(ask.level)}, ` +
          `but this audience is at ${audienceText(ctx.profile)}: ${plural(gap, 'level')} short. ` +
          (gap >= 2 ? 'Readers this far from trusting you rarely say yes, and the ask tells them the draft is about what you want. ' : 'One rung up is the step the playbook prescribes, so this is only a hint: make sure the draft has earned it. ') +
          `Ask for what fits ${stageLabel(audience)} instead, ${wants(fits)}, or earn the trust first.`,
        data: askData(ask, ctx.profile, ctx.text),
      });
    }
  },
  // The trust-matched alternatives (the first is preferred), one rung down when the gap is 2 or
  // more, "the audience is already there: declare it", and the Set audience trust command.
  fixes(finding, { analysis, doc, frontMatter, alternatives }) {
    const out: ActionSpec[] = [];
    const { ask, audience, gap, draftType } = finding.data;
    if (ask && audience && askRewritable(analysis, finding)) {
      const used = new Set<string>();
      for (const alt of alternativesForFinding(finding).slice(0, alternatives)) {
        const edit = replaceAskEdit(doc, finding, alt);
        if (!edit) continue;
        used.add(alt.text);
        out.push({ title: `Ask instead: "${quoteTitle(plainAlternative(alt.text))}" (${alt.class}, fits ${stageLabel(audience.level)})`, kind: 'quickfix', isPreferred: out.length === 0, edits: [edit] });
      }
      const down = (gap ?? 0) >= 2 ? stepDown(ask.class, { draftType: draftType ?? null, inLink: ask.inLink || looksLikeLabel(ask.sentence) }) : null;
      const first = down?.suggestions.find((s) => !used.has(s.text));
      if (down && first) {
        const edit = replaceAskEdit(doc, finding, first);
        if (edit) out.push({ title: `Step down one rung to ${down.class}: "${quoteTitle(plainAlternative(first.text))}" (needs trust ${down.level})`, kind: 'quickfix', edits: [edit] });
      }
    }
    if (ask) {
      const edit = setTrustEdit(doc, ask.level, frontMatter);
      if (edit) out.push({ title: `The audience is already at ${stageLabel(ask.level)}: declare it in trust:`, kind: 'quickfix', edits: [edit] });
    }
    out.push(setTrustCommandAction());
    return out;
  },
  fixAll: true,
  skill: { name: FOUNDATION_SKILL, draftFirst: true },
  summary: { rank: 1, text: (n) => `${n} ask${n === 1 ? ' exceeds' : 's exceed'} the audience's trust` },
  askVerdict: 'exceeds',
};
