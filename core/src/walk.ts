/**
 * The Recommend-skill walk without the editor: the playbook's decision trees as a
 * pure state machine (`start`, `choose`, `back`) that a client renders as
 * quick-picks. Every state is plain JSON. The client runs it itself, so it reads
 * only the skills data: nothing of the analysis or the checks comes with it.
 */
import {
  QUICK_REFERENCE,
  SKILLS_DATA,
  TREES,
  optionForDraft,
  skillInfo,
  type DecisionTree,
  type DraftFacts,
  type SkillsData,
  type TreeOption,
} from './skills';
import type { Channel, DraftType } from './types';

// ---------------------------------------------------------------------------------------
// The walk: tree -> question -> options -> leaf skills with `why`.

/** What the walk knows about the open draft, to mark the options that fit it. */
export interface WalkHints {
  draftType?: DraftType | null;
  channel?: Channel | null;
  repurposes?: boolean;
  /** Skills the recommendation named, marked in the "I want to..." list. */
  skills?: string[];
}

export interface WalkOption {
  label: string;
  detail?: string;
  /** The option fits the open draft: the client lists it first or marks it. */
  recommended?: boolean;
}

/** Where the walk is: the root, a question of a tree (by option indices), or the quick reference. */
export interface WalkCursor {
  /** -1: the root; 0..n-1: a tree; n: the "I want to..." quick reference. */
  tree: number;
  /** Option indices chosen inside the tree so far. */
  path: number[];
}

export interface WalkQuestion {
  kind: 'question';
  /** The tree's title ("I need to write something"), or the command's own at the root. */
  title: string;
  question: string;
  options: WalkOption[];
  /** Labels chosen so far. */
  trail: string[];
  cursor: WalkCursor;
  hints: WalkHints;
}

export interface WalkResult {
  kind: 'result';
  /** Skills to open first, in order. */
  skills: string[];
  /** Skills to use alongside. */
  also: string[];
  why: string;
  trail: string[];
  cursor: WalkCursor;
  hints: WalkHints;
}

export type WalkState = WalkQuestion | WalkResult;

export const WALK_TITLE = 'Recommend a skill';
export const WALK_QUESTION = 'What do you need?';
export const QUICK_REFERENCE_LABEL = 'I want to...';

/** The first question: which tree (or the quick reference). */
export function start(hints: WalkHints = {}, data: SkillsData = SKILLS_DATA): WalkQuestion {
  return questionAt({ tree: -1, path: [] }, hints, data);
}

/** Answer the current question with one of its options. Throws on a result or an index out of range. */
export function choose(state: WalkState, optionIndex: number, data: SkillsData = SKILLS_DATA): WalkState {
  if (state.kind !== 'question') throw new Error('The walk has ended: there is nothing left to choose.');
  if (!Number.isInteger(optionIndex) || optionIndex < 0 || optionIndex >= state.options.length) {
    throw new RangeError(`No option ${optionIndex}: choose 0 to ${state.options.length - 1}.`);
  }
  const { cursor, hints } = state;
  const trail = [...state.trail, state.options[optionIndex]!.label];
  if (cursor.tree === -1) return questionAt({ tree: optionIndex, path: [] }, hints, data);
  if (cursor.tree === data.trees.length) {
    const row = data.quickReference[optionIndex]!;
    const info = data.skills.find((s) => s.name === row.skill);
    return { kind: 'result', skills: [row.skill], also: [], why: info ? `${info.purpose.replace(/\.$/, '')}.` : '', trail, cursor: { tree: cursor.tree, path: [optionIndex] }, hints };
  }
  const path = [...cursor.path, optionIndex];
  const option = optionsAt(data.trees[cursor.tree]!, cursor.path)[optionIndex]!;
  if (option.next) return questionAt({ tree: cursor.tree, path }, hints, data);
  return { kind: 'result', skills: [...(option.skills ?? [])], also: [...(option.also ?? [])], why: option.why ?? '', trail, cursor: { tree: cursor.tree, path }, hints };
}

/** One step back (the client's Back button); the root stays the root. */
export function back(state: WalkState, data: SkillsData = SKILLS_DATA): WalkQuestion {
  const { tree, path } = state.cursor;
  if (state.kind === 'result') {
    // A result sits at the question it answered.
    return questionAt(tree === data.trees.length ? { tree, path: [] } : { tree, path: path.slice(0, -1) }, state.hints, data);
  }
  if (tree === -1) return state;
  if (path.length === 0) return questionAt({ tree: -1, path: [] }, state.hints, data);
  return questionAt({ tree, path: path.slice(0, -1) }, state.hints, data);
}

function optionsAt(tree: DecisionTree, path: number[]): TreeOption[] {
  let options = tree.options;
  for (const i of path) options = options[i]?.next?.options ?? [];
  return options;
}

function questionAt(cursor: WalkCursor, hints: WalkHints, data: SkillsData): WalkQuestion {
  const facts: DraftFacts = { type: hints.draftType ?? null, channel: hints.channel ?? null };
  if (hints.repurposes !== undefined) facts.repurposes = hints.repurposes;
  if (cursor.tree === -1) {
    const options: WalkOption[] = data.trees.map((t) => {
      const o: WalkOption = { label: t.title, detail: t.question };
      if (t.id === 'write' && facts.type && optionForDraft(t.options, facts) >= 0) o.recommended = true;
      return o;
    });
    const quick: WalkOption = { label: QUICK_REFERENCE_LABEL, detail: 'Pick a goal from the quick reference' };
    options.push(quick);
    return { kind: 'question', title: WALK_TITLE, question: WALK_QUESTION, options, trail: [], cursor, hints };
  }
  if (cursor.tree === data.trees.length) {
    const options = data.quickReference.map((r) => {
      const o: WalkOption = { label: r.want, detail: r.skill };
      if (hints.skills?.includes(r.skill)) o.recommended = true;
      return o;
    });
    return { kind: 'question', title: QUICK_REFERENCE_LABEL, question: 'What do you want to do?', options, trail: [QUICK_REFERENCE_LABEL], cursor, hints };
  }
  const tree = data.trees[cursor.tree]!;
  const trail = [tree.title];
  let options = tree.options;
  let question = tree.question;
  for (const i of cursor.path) {
    const o = options[i]!;
    trail.push(o.label);
    question = o.next!.question;
    options = o.next!.options;
  }
  const fit = tree.id === 'write' ? optionForDraft(options, facts) : -1;
  return {
    kind: 'question',
    title: tree.title,
    question,
    options: options.map((o, i) => {
      const w: WalkOption = { label: o.label };
      if (o.detail !== undefined) w.detail = o.detail;
      if (i === fit) w.recommended = true;
      return w;
    }),
    trail,
    cursor,
    hints,
  };
}

/** The option indices that lead from the root to the write tree's leaf for a draft, or null. */
export function pathForDraft(facts: DraftFacts, data: SkillsData = SKILLS_DATA): number[] | null {
  const tree = data.trees.findIndex((t) => t.id === 'write');
  if (tree < 0 || !facts.type) return null;
  const path = [tree];
  let options = data.trees[tree]!.options;
  for (;;) {
    const i = optionForDraft(options, facts);
    if (i < 0) return null;
    path.push(i);
    const o = options[i]!;
    if (!o.next) return path;
    options = o.next.options;
  }
}

/** The quick reference as the client lists it: "Calibrate my CTA" → trust-building-principles. */
export function quickReference(): { want: string; skill: string; purpose: string }[] {
  return QUICK_REFERENCE.map((r) => ({ want: r.want, skill: r.skill, purpose: skillInfo(r.skill)?.purpose ?? '' }));
}

/** The trees, for a client that wants to show them whole. */
export function trees(): readonly DecisionTree[] {
  return TREES;
}
