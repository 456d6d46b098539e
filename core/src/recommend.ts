/**
 * The Recommend-skill command, without the editor: a recommendation from what
 * the open draft is and what its findings say (each check sums up its own), and
 * the skill a finding's "Open skill" action opens. The walk through the
 * playbook's decision trees is walk.ts, re-exported here.
 */
import type { Analysis } from './analyze';
// A cycle (checks/ build their fixes with actions.ts, which reads skillForFinding here), safe
// because the registry is only read inside functions.
import { CHECKS, checkById } from './checks/index';
import { article } from './checks/util';
import { draftTypeInfo } from './model';
import { repurposesLongerPiece, skillForDraft, skillInfo, type DraftFacts } from './skills';
import { pathForDraft, start, type WalkHints, type WalkQuestion } from './walk';

export * from './walk';

/**
 * The skill a finding's "Open skill" action opens, as its check says (`skill`): the draft's
 * own skill first for problems with the asks, else the check's, else the draft's own
 * (writing-persuasive-copy when the type is unknown). Null when no skill helps.
 */
export function skillForFinding(rule: string, analysis: Analysis): string | null {
  const skill = checkById(rule)?.skill;
  if (!skill) return null;
  const own = analysis.profile ? skillForDraft(analysis.profile, analysis.doc.text, analysis.asks)?.skill : undefined;
  if (skill.draftFirst && own) return own;
  return skill.name ?? own ?? 'writing-persuasive-copy';
}

// ---------------------------------------------------------------------------------------
// The recommendation for an open draft.

export interface RecommendContext {
  /** The open draft's analysis (its text tells a social post that repurposes a longer piece); omit when no draft is open. */
  analysis?: Analysis;
}

export interface Recommendation {
  /** The skill to open first, or null when nothing is known (no draft, or an unknown type and no findings). */
  skill: string | null;
  /** Skills to use alongside the first (a paid search ad: running-paid-ads). */
  also: string[];
  /** Skills the findings point to ("and check trust-building-principles"). */
  check: string[];
  /** One line for the quick-pick's title or a notification. */
  explanation: string;
  /** The leaf's `why`, when the draft type chose it. */
  why: string;
  /** The walk's first question, with the options that fit the draft marked. */
  walk: WalkQuestion;
  /** Option indices from the root to the draft's leaf (for a client that jumps straight there), or null. */
  path: number[] | null;
}

/**
 * What to open for the current draft, and why, in one line: "This is an email
 * (declared); 2 asks exceed the audience's trust → writing-b2b-emails, and check
 * trust-building-principles". Without a draft, the walk starts unmarked.
 */
export function recommend(context: RecommendContext = {}): Recommendation {
  const analysis = context.analysis;
  if (!analysis || !analysis.analysed || !analysis.profile) {
    return {
      skill: null,
      also: [],
      check: [],
      explanation: 'No draft is open: start from what you need to do.',
      why: '',
      walk: start(),
      path: null,
    };
  }
  const profile = analysis.profile;
  const facts: DraftFacts = { type: profile.type.value, channel: profile.channel.value };
  if (facts.type === 'social') facts.repurposes = repurposesLongerPiece(analysis.doc.text, analysis.asks);
  const own = skillForDraft(facts);

  // Findings, counted per check, summed up by each check (its `summary`), most important first.
  const counts = new Map<string, number>();
  for (const f of analysis.findings) counts.set(f.rule, (counts.get(f.rule) ?? 0) + 1);
  const summed = CHECKS.filter((c) => c.summary && counts.has(c.id)).sort((a, b) => a.summary!.rank - b.summary!.rank);
  const said = summed.map((c) => c.summary!.text(counts.get(c.id)!));
  const check: string[] = [];
  for (const c of summed) {
    const s = c.skill?.name ?? (own ? null : 'writing-persuasive-copy');
    if (s && s !== own?.skill && !own?.also.includes(s) && !check.includes(s)) check.push(s);
  }

  const type = profile.type;
  const what = type.value
    ? `This is ${article(draftTypeInfo(type.value).name)} ${draftTypeInfo(type.value).name} (${type.source === 'declared' ? 'declared' : type.detail})`
    : 'The draft type is not declared and not recognisable';
  const found = said.length > 0 ? said.join(', ') : 'no trust problems found';
  const skill = own?.skill ?? check[0] ?? null;
  const checkRest = own ? check : check.slice(1);
  let target = skill ?? 'pick what you need below';
  if (own && own.also.length > 0) target += ` with ${own.also.join(', ')}`;
  if (checkRest.length > 0) target += `, and check ${checkRest.join(', ')}`;
  const hints: WalkHints = { draftType: facts.type, channel: facts.channel ?? null, skills: [...(skill ? [skill] : []), ...(own?.also ?? []), ...checkRest] };
  if (facts.repurposes !== undefined) hints.repurposes = facts.repurposes;

  return {
    skill,
    also: own?.also ?? [],
    check: checkRest,
    explanation: `${what}; ${found} → ${target}`,
    why: own?.why ?? (skill ? `${skillInfo(skill)?.purpose.replace(/\.$/, '') ?? ''}.` : ''),
    walk: start(hints),
    path: pathForDraft(facts),
  };
}
