/**
 * Quick-pick contents for Recommend skill, Open skill... and Set audience trust...,
 * as plain data. The walk itself (which question comes next, what a leaf says)
 * is the core's state machine in core/src/walk.ts; this module only
 * decides how each state reads in a quick pick. No `vscode` import, so the unit
 * tests run it without an editor (test/unit/client-walk.test.ts).
 */
import { ASK_LABELS, SKILLS, STAGES, TIER_NAMES, skillInfo, stageLabel, type AskClass, type Recommendation, type WalkState } from '../../../core/src/client';

/** What picking an item does. */
export type PickAction = { kind: 'choose'; index: number } | { kind: 'open'; skill: string } | { kind: 'trust'; level: number } | { kind: 'none' };

export interface PickItem {
  label: string;
  description?: string;
  detail?: string;
  /** A group heading (QuickPickItemKind.Separator), not pickable. */
  separator?: boolean;
  /** Selected when the pick opens. */
  active?: boolean;
  action: PickAction;
}

export interface PickView {
  title: string;
  placeholder: string;
  items: PickItem[];
  /** Show the Back button. */
  canGoBack: boolean;
}

/** The codicon that marks what fits the open draft. */
export const RECOMMENDED_ICON = '$(star-full)';
export const WALK_SEPARATOR = 'Or walk the playbook';
export const RECOMMENDED_SEPARATOR = 'Recommended for this draft';

/**
 * What the draft is and what its findings say, without the "→ skill" part the list
 * already shows: "This is an email (declared); 1 ask exceeds the audience's trust".
 */
export function reasonOf(explanation: string): string {
  const i = explanation.lastIndexOf(' → ');
  return i > 0 ? explanation.slice(0, i) : explanation;
}

function separator(label: string): PickItem {
  return { label, separator: true, action: { kind: 'none' } };
}

/**
 * A walk state as a quick pick. At the root, when a draft is open, the
 * recommendation comes first (the skill, why, and the skills its findings point
 * to), then the trees; options that fit the draft carry a star.
 */
export function walkView(state: WalkState, recommendation?: Recommendation | null): PickView {
  const title = ['Trustline: Recommend Skill', ...state.trail].join(' › ');
  if (state.kind === 'result') {
    const items: PickItem[] = state.skills.map((skill, i) => ({
      label: `$(book) ${skill}`,
      description: i === 0 ? 'open first' : 'then',
      detail: i === 0 && state.why ? state.why : skillInfo(skill)?.purpose ?? '',
      action: { kind: 'open', skill },
    }));
    for (const skill of state.also) items.push({ label: `$(book) ${skill}`, description: 'use alongside', detail: skillInfo(skill)?.purpose ?? '', action: { kind: 'open', skill } });
    return { title, placeholder: 'Open a skill in the preview', items, canGoBack: true };
  }
  const items: PickItem[] = [];
  const root = state.cursor.tree === -1;
  if (root && recommendation?.skill) {
    items.push(separator(RECOMMENDED_SEPARATOR));
    items.push({
      label: `${RECOMMENDED_ICON} ${recommendation.skill}`,
      // The quick pick is narrow: the reason reads better than its restatement of the skill names.
      detail: reasonOf(recommendation.explanation),
      action: { kind: 'open', skill: recommendation.skill },
    });
    for (const skill of recommendation.also) {
      items.push({ label: `$(book) ${skill}`, description: 'use alongside', detail: skillInfo(skill)?.purpose ?? '', action: { kind: 'open', skill } });
    }
    for (const skill of recommendation.check) {
      items.push({ label: `$(checklist) ${skill}`, description: 'and check', detail: skillInfo(skill)?.purpose ?? '', action: { kind: 'open', skill } });
    }
    items.push(separator(WALK_SEPARATOR));
  }
  state.options.forEach((o, index) => {
    const item: PickItem = { label: o.recommended ? `${RECOMMENDED_ICON} ${o.label}` : o.label, action: { kind: 'choose', index } };
    if (o.recommended) item.description = 'fits this draft';
    if (o.detail) item.detail = o.detail;
    items.push(item);
  });
  return { title, placeholder: state.question, items, canGoBack: !root };
}

/** Open skill...: the library grouped by tier, each with its trust range and purpose. */
export function skillPickView(recommended: readonly string[] = []): PickView {
  const items: PickItem[] = [];
  const tiers = [...new Set(SKILLS.map((s) => s.tier))].sort((a, b) => a - b);
  for (const tier of tiers) {
    items.push(separator(tier === 0 ? 'The hub' : `Tier ${tier} · ${TIER_NAMES[tier] ?? ''}`));
    for (const s of SKILLS.filter((x) => x.tier === tier)) {
      const range = `trust ${stageLabel(s.trust.from)} to ${stageLabel(s.trust.to)}`;
      const star = recommended.includes(s.name);
      items.push({
        label: star ? `${RECOMMENDED_ICON} ${s.name}` : s.name,
        description: star ? `recommended for this draft · ${range}` : range,
        detail: s.purpose,
        action: { kind: 'open', skill: s.name },
      });
    }
  }
  return { title: 'Trustline: Open Skill', placeholder: 'Open a skill in the preview', items, canGoBack: false };
}

/** Set audience trust...: the seven stages with what each means and the ask that fits it. */
export function trustPickView(current?: { level: number; declared: boolean }): PickView {
  const items: PickItem[] = STAGES.map((s) => {
    const here = current?.level === s.level;
    const fits = ASK_LABELS[s.appropriateAsk as AskClass] ?? s.appropriateAsk;
    const item: PickItem = {
      label: stageLabel(s.level),
      description: `${here ? (current!.declared ? 'current · ' : 'assumed now · ') : ''}fitting ask: ${fits}`,
      detail: `The audience ${s.meaning}.${s.movesUp.length > 0 ? ` Moves up with ${s.movesUp.join(', ')}.` : ''}`,
      action: { kind: 'trust', level: s.level },
    };
    if (here) item.active = true;
    return item;
  });
  return { title: 'Trustline: Set Audience Trust', placeholder: "How much does this draft's audience trust you?", items, canGoBack: false };
}
