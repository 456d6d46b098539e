/**
 * The skills library as data: the inventory, the playbook's decision trees and
 * its "I want to..." quick reference (skills/*.json, bundled as JSON imports so
 * the server and the CLI need no file access), and the "I need to write
 * something" tree applied to a draft.
 */
import inventoryData from '../../skills/inventory.json';
import treesData from '../../skills/trees.json';
import { channelInfo, DRAFT_TYPES } from './model';
import type { Ask, Channel, DraftType, Profile } from './types';

export interface SkillInfo {
  name: string;
  /** 0 for the hub (orchestrating-marketing), 1 foundation ... 4 tactical. */
  tier: number;
  purpose: string;
  trust: { from: number; to: number };
  channels: Channel[];
}

/** One answer to a tree's question: a leaf (skills) or a sub-question (next). */
export interface TreeOption {
  label: string;
  detail?: string;
  draftTypes?: DraftType[];
  skills?: string[];
  also?: string[];
  why?: string;
  next?: { question: string; options: TreeOption[] };
}

export interface DecisionTree {
  id: string;
  title: string;
  question: string;
  options: TreeOption[];
}

export interface QuickReferenceRow {
  want: string;
  skill: string;
}

export interface SkillsData {
  skills: readonly SkillInfo[];
  trees: readonly DecisionTree[];
  quickReference: readonly QuickReferenceRow[];
}

export const SKILLS: readonly SkillInfo[] = inventoryData.skills as SkillInfo[];
export const TREES: readonly DecisionTree[] = treesData.trees as DecisionTree[];
export const QUICK_REFERENCE: readonly QuickReferenceRow[] = treesData.quickReference;
export const SKILLS_DATA: SkillsData = { skills: SKILLS, trees: TREES, quickReference: QUICK_REFERENCE };

/** The hub every other skill hangs off; it is the map, not a leaf of any tree. */
export const HUB_SKILL = 'orchestrating-marketing';
/** The foundation skill: the trust thread every other skill references. */
export const FOUNDATION_SKILL = 'trust-building-principles';

export const TIER_NAMES: readonly string[] = ['hub', 'foundation', 'strategic', 'channel execution', 'tactical'];

export function skillInfo(name: string): SkillInfo | undefined {
  return SKILLS.find((s) => s.name === name);
}

/** Where a skill's playbook lives, relative to the extension or package root. */
export function skillDocPath(name: string): string {
  return `skills/${name}/SKILL.md`;
}

/** Find every skill name in a line of text, with offsets into it (for hovers). */
export function skillNamesIn(line: string): { name: string; start: number; end: number }[] {
  const out: { name: string; start: number; end: number }[] = [];
  const re = /(?<![\w-])[a-z0-9]+(?:-[a-z0-9]+)+(?![\w-])/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(line))) if (skillInfo(m[0])) out.push({ name: m[0], start: m.index, end: m.index + m[0].length });
  return out;
}

/** What a draft type is, in the words of the write tree's options (the shallowest options naming only that type). */
export function draftTypeDescription(type: DraftType): string {
  const write = TREES.find((t) => t.id === 'write');
  let level: TreeOption[] = write ? write.options : [];
  while (level.length > 0) {
    const own = level.filter((o) => o.draftTypes?.length === 1 && o.draftTypes[0] === type && o.detail);
    if (own.length > 0) return own.map((o) => o.detail!).join('; ');
    level = level.flatMap((o) => o.next?.options ?? []);
  }
  return DRAFT_TYPES.find((d) => d.id === type)?.name ?? type;
}

/** What is known about a draft for the "I need to write something" tree. */
export interface DraftFacts {
  type: DraftType | null;
  channel?: Channel | null;
  /** The draft repurposes or links a longer piece (a social post cut from a report). */
  repurposes?: boolean;
}

/** The write tree's answer for a draft. */
export interface DraftSkill {
  /** The skill to open first. */
  skill: string;
  /** Skills to use alongside (a paid search ad: running-paid-ads). */
  also: string[];
  why: string;
  /** Indices of the options chosen in the write tree, for the Recommend-skill walk. */
  path: number[];
  /** The option labels along the way, e.g. ["Landing page/ad", "Paid search ad"]. */
  trail: string[];
}

// Phrases that say a post is cut from something longer. Kept literal and narrow:
// a false positive only changes which skill is suggested first.
const REPURPOSE =
  /\b(?:repurpos\w*|adapted from|excerpt(?:ed)? from|originally (?:published|posted|written)|(?:from|in) (?:our|my|the|this) (?:latest |new |full |recent |\d{4} )?(?:report|webinar|guide|article|e-?book|whitepaper|podcast|episode|talk|keynote|study|research|benchmark|playbook|survey)|(?:full|whole|complete) (?:report|article|guide|write-?up|breakdown|episode|recording|study|teardown|analysis|post)|link in (?:the )?(?:first )?comments?)\b/i;

/**
 * Does a draft say it repurposes a longer piece, or link to one? True when the
 * text says so ("from our 2024 benchmark report", "full write-up in the comments")
 * or when one of its asks is a link asking the reader to consume something.
 */
export function repurposesLongerPiece(text: string, asks: readonly Ask[] = []): boolean {
  if (REPURPOSE.test(text)) return true;
  return asks.some((a) => a.inLink && a.class === 'consume');
}

function factsOf(draft: DraftFacts | Profile): DraftFacts {
  if (draft.type !== null && typeof draft.type === 'object') {
    const p = draft as Profile;
    return { type: p.type.value, channel: p.channel.value };
  }
  return draft as DraftFacts;
}

/**
 * Which option of one question fits a draft: among the options listing its
 * type, one that names the channel's own skill (paid search -> running-paid-ads),
 * or atomizing-content for a repurposed piece; otherwise the plainest option
 * (fewest skills). -1 when no option lists the type.
 */
export function optionForDraft(options: readonly TreeOption[], facts: DraftFacts): number {
  if (!facts.type) return -1;
  const candidates = options.map((o, i) => ({ o, i })).filter(({ o }) => o.draftTypes?.includes(facts.type!));
  if (candidates.length === 0) return -1;
  if (candidates.length === 1) return candidates[0]!.i;
  const skillsOf = (o: TreeOption): string[] => (o.next ? o.next.options.flatMap(skillsOf) : [...(o.skills ?? []), ...(o.also ?? [])]);
  const wanted = facts.repurposes ? 'atomizing-content' : facts.channel ? channelInfo(facts.channel).skill : undefined;
  const hit = wanted ? candidates.find(({ o }) => skillsOf(o).includes(wanted)) : undefined;
  if (hit) return hit.i;
  // Without a signal, skip the repurposing branch and prefer the plainest answer.
  const plain = candidates.filter(({ o }) => !skillsOf(o).includes('atomizing-content'));
  const pool = plain.length > 0 ? plain : candidates;
  return pool.reduce((best, c) => (skillsOf(c.o).length < skillsOf(best.o).length ? c : best)).i;
}

/**
 * The "I need to write something" tree applied to a draft: email ->
 * writing-b2b-emails, a paid search ad -> writing-persuasive-copy with
 * running-paid-ads, a social post that repurposes a longer piece -> atomizing-content.
 * `text` and `asks` let it notice repurposing; null when the type is unknown.
 */
export function skillForDraft(draft: DraftFacts | Profile, text?: string, asks?: readonly Ask[]): DraftSkill | null {
  const facts = { ...factsOf(draft) };
  if (!facts.type) return null;
  if (facts.repurposes === undefined && text !== undefined && facts.type === 'social') facts.repurposes = repurposesLongerPiece(text, asks);
  const write = TREES.find((t) => t.id === 'write');
  if (!write) return null;
  let options: readonly TreeOption[] = write.options;
  const path: number[] = [];
  const trail: string[] = [];
  for (;;) {
    const i = optionForDraft(options, facts);
    if (i < 0) return null;
    const o = options[i]!;
    path.push(i);
    trail.push(o.label);
    if (o.next) {
      options = o.next.options;
      continue;
    }
    const [skill, ...rest] = o.skills ?? [];
    if (!skill) return null;
    return { skill, also: [...rest, ...(o.also ?? [])], why: o.why ?? '', path, trail };
  }
}

/** Every option of a tree, depth first, with the labels leading to it. */
export function walkOptions(options: readonly TreeOption[], trail: string[] = []): { option: TreeOption; trail: string[] }[] {
  const out: { option: TreeOption; trail: string[] }[] = [];
  for (const option of options) {
    const here = [...trail, option.label];
    out.push({ option, trail: here });
    if (option.next) out.push(...walkOptions(option.next.options, here));
  }
  return out;
}

/**
 * Problems in the skills data, in words (empty when all is well): a leaf or a
 * quick-reference row naming a skill that does not exist, an option that is
 * neither a leaf nor a question, and skills no tree or row leads to (the hub aside).
 */
export function validateSkillsData(d: SkillsData = SKILLS_DATA): string[] {
  const problems: string[] = [];
  const names = new Set(d.skills.map((s) => s.name));
  const reachable = new Set<string>();
  for (const tree of d.trees) {
    for (const { option, trail } of walkOptions(tree.options, [tree.title])) {
      const where = trail.join(' > ');
      if (option.next) {
        if (option.next.options.length === 0) problems.push(`${where}: the question "${option.next.question}" has no options`);
        continue;
      }
      const named = [...(option.skills ?? []), ...(option.also ?? [])];
      if ((option.skills ?? []).length === 0) problems.push(`${where}: a leaf that names no skill`);
      for (const n of named) {
        if (names.has(n)) reachable.add(n);
        else problems.push(`${where}: unknown skill "${n}"`);
      }
    }
  }
  for (const row of d.quickReference) {
    if (names.has(row.skill)) reachable.add(row.skill);
    else problems.push(`I want to... > ${row.want}: unknown skill "${row.skill}"`);
  }
  for (const n of names) if (n !== HUB_SKILL && !reachable.has(n)) problems.push(`${n}: no tree leaf or quick-reference row leads to it`);
  return problems;
}
