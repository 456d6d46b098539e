/**
 * The trust model as data: stages, channels, draft types and ask classes.
 * Everything domain-specific is loaded from JSON files (skills/ and core/data/)
 * so marketers can read and extend it; this module only indexes it.
 */
import stagesData from '../../skills/stages.json';
import channelsData from '../../skills/channels.json';
import typesData from './data/draft-types.json';
import type { AskClass, Channel, DraftType, TrustValue } from './types';

export interface StageInfo {
  level: number;
  name: string;
  label: string;
  meaning: string;
  movesUp: string[];
  appropriateAsk: string;
}

export interface ChannelInfo {
  id: Channel;
  name: string;
  role: string;
  from: number;
  to: number;
  skill: string;
}

export interface DraftTypeInfo {
  id: DraftType;
  name: string;
  channel: Channel | null;
  needsAsk: boolean;
  short: boolean;
  skill: string;
  aliases: string[];
}

export const STAGES: readonly StageInfo[] = stagesData.stages;
export const CHANNELS: readonly ChannelInfo[] = channelsData.channels as ChannelInfo[];
export const DRAFT_TYPES: readonly DraftTypeInfo[] = typesData.types as DraftTypeInfo[];

export const ASK_LEVELS: Readonly<Record<AskClass, number>> = {
  consume: 0,
  engage: 1,
  exchange: 2,
  meeting: 3,
  evaluate: 4,
  commit: 4,
  expand: 5,
  advocate: 6,
};

export const ASK_CLASSES = Object.keys(ASK_LEVELS) as AskClass[];

/** Human description of each ask class, for messages and hovers. */
export const ASK_LABELS: Readonly<Record<AskClass, string>> = {
  consume: 'consume (read, watch, listen)',
  engage: 'engage (follow, subscribe, reply, comment)',
  exchange: 'exchange (contact details for an asset or event)',
  meeting: 'meeting (a call or time on the calendar)',
  evaluate: 'evaluate (a demo, trial or pilot)',
  commit: 'commit (buy, sign, pricing, proposal)',
  expand: 'expand (more seats, renewal, roll-out)',
  advocate: 'advocate (referral, review, case study)',
};

export const MAX_LEVEL = 6;

export function stageOf(level: number): StageInfo {
  return STAGES[Math.max(0, Math.min(MAX_LEVEL, level))]!;
}

export function trustValue(level: number): TrustValue {
  return { level, stage: stageOf(level).name };
}

/** "5+" for level 6, the number otherwise: how a level is shown to writers. */
export function levelLabel(level: number): string {
  return level >= 6 ? '5+' : String(level);
}

export function stageLabel(level: number): string {
  return `${levelLabel(level)} ${stageOf(level).name}`;
}

const stageAliases: Record<string, number> = stagesData.aliases;

/** Parse a `trust:` value: 0-6, "5+", or a stage name (case-insensitive). */
export function parseTrust(raw: unknown): number | undefined {
  if (typeof raw === 'number') return Number.isInteger(raw) && raw >= 0 && raw <= MAX_LEVEL ? raw : undefined;
  if (typeof raw !== 'string') return undefined;
  const s = raw.trim().toLowerCase();
  if (/^[0-6]$/.test(s)) return Number(s);
  if (s in stageAliases) return stageAliases[s];
  const byName = STAGES.find((st) => st.name.toLowerCase() === s);
  return byName?.level;
}

function slug(raw: string): string {
  return raw.trim().toLowerCase().replace(/[\s_]+/g, '-');
}

export function parseDraftType(raw: unknown): DraftType | undefined {
  if (typeof raw !== 'string') return undefined;
  const s = slug(raw);
  return DRAFT_TYPES.find((t) => t.id === s || t.aliases.includes(s))?.id;
}

/** Other names writers use for channels (`linkedin`, `ppc`, ...), mapped to the canonical id. */
export const CHANNEL_ALIASES: Readonly<Record<string, string>> = channelsData.aliases;
const channelAliases = CHANNEL_ALIASES;

export function parseChannel(raw: unknown): Channel | undefined {
  if (typeof raw !== 'string') return undefined;
  const s = slug(raw);
  const id = channelAliases[s] ?? s;
  return CHANNELS.find((c) => c.id === id)?.id;
}

export function draftTypeInfo(type: DraftType): DraftTypeInfo {
  return DRAFT_TYPES.find((t) => t.id === type)!;
}

export function channelInfo(channel: Channel, overrides?: ChannelOverrides): ChannelInfo {
  const base = CHANNELS.find((c) => c.id === channel)!;
  const o = overrides?.[channel];
  return o ? { ...base, from: o[0], to: o[1] } : base;
}

/** Per-project channel trust ranges, `[from, to]`, from the config file. */
export type ChannelOverrides = Partial<Record<Channel, [number, number]>>;

/** The canonical names of every stage, for messages: "0 unknown, 1 aware, ..., 5+ advocate". */
export function stageList(): string {
  return STAGES.map((s) => `${levelLabel(s.level)} ${s.name.toLowerCase()}`).join(', ');
}

/**
 * "Did you mean": the known name a mistyped one stands for, or undefined when nothing is close
 * enough to be a plausible typo. Case, hyphens, underscores and spaces do not count
 * ("Ask Exceeds Trust" is ask-exceeds-trust); a known alias wins (`info` -> information); else
 * the candidate within a small edit distance (Damerau-Levenshtein: a swap of two letters is one
 * edit), else one the input starts ("pressure-before" -> pressure-before-trust). The one matcher
 * for front matter values, suppression comments, config files and editor settings.
 */
export function suggest(input: string, known: readonly string[], aliases: Readonly<Record<string, string>> = {}): string | undefined {
  const norm = (s: string) => s.toLowerCase().replace(/[-_\s]/g, '');
  const n = norm(input);
  if (n === '') return undefined;
  const byAlias = aliases[n] ?? aliases[input.toLowerCase()];
  if (byAlias) return byAlias;
  const exact = known.find((k) => norm(k) === n);
  if (exact) return exact;
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const k of known) {
    const d = editDistance(n, norm(k));
    if (d < bestDistance) {
      best = k;
      bestDistance = d;
    }
  }
  // Two edits for short words, about a third of the length for longer ones.
  if (best !== undefined && bestDistance <= Math.max(2, Math.floor(n.length / 3))) return best;
  return known.find((k) => n.length >= 4 && norm(k).startsWith(n));
}

function editDistance(a: string, b: string): number {
  // Names are short; a long input is no typo of one.
  if (a.length > 64 || b.length > 64) return Infinity;
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
    }
  }
  return d[a.length]![b.length]!;
}
