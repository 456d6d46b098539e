/**
 * Settings the analysis depends on, already merged by the host (VS Code settings,
 * `.trustline.yaml`, CLI flags). The core never reads configuration itself.
 *
 * To add a setting: add it here with its default, contribute it in package.json
 * (`contributes.configuration`) with a markdownDescription, read it in
 * server/src/settings.ts, and document it in the README's settings table.
 */
import { compileGlob, globMatches, type CompiledGlob } from './glob';
import type { ChannelOverrides } from './model';
import type { ExtraPhrasing } from './lexicon';
import type { SeveritySetting } from './types';

export interface TrustlineSettings {
  /** Turn Trustline off entirely for a workspace or folder. */
  enable: boolean;
  /** Severity per check id; `off` silences a check. Absent ids keep their default. */
  checks: Record<string, SeveritySetting>;
  /** Trust level assumed when a draft declares none; null: the channel's entry level. */
  defaultTrust: number | null;
  /** Paths that are drafts even without front matter (opt-in scope). */
  draftGlobs: string[];
  /** Lint every markdown file, not only drafts (a project config can say so). */
  lintAllMarkdown: boolean;
  /** Documents longer than this many characters are skipped, with one message. */
  maxFileSize: number;
  /**
   * Milliseconds one analysis of one document may take. The analysis goes block by block and
   * looks at the host's clock (AnalyzeOptions.clock) between blocks; past the budget it stops
   * and the document is reported as skipped, once, never left half-read in silence.
   */
  timeBudgetMs: number;
  /** Findings shown per document at most; the rest are cut, with one note saying how many. */
  maxFindings: number;
  /** Extra ask phrasings (literal text) with their class. */
  asks: ExtraPhrasing[];
  /** Extra pressure phrasings (literal text). */
  pressure: string[];
  /** Channel trust-range overrides. */
  channels: ChannelOverrides;
}

export const DEFAULT_DRAFT_GLOBS = ['**/drafts/**', '**/emails/**', '**/campaigns/**', '**/copy/**', '**/*.email.md', '**/*.draft.md'];

export const DEFAULT_SETTINGS: TrustlineSettings = {
  enable: true,
  checks: {},
  defaultTrust: null,
  draftGlobs: DEFAULT_DRAFT_GLOBS,
  lintAllMarkdown: false,
  maxFileSize: 1_000_000,
  timeBudgetMs: 10_000,
  maxFindings: 1_000,
  asks: [],
  pressure: [],
  channels: {},
};

/**
 * The range a maximum document size may be set to, in characters. Below the lower bound a
 * draft of a few paragraphs would go unchecked; above the upper one a single document can take
 * minutes and gigabytes (a 50 MB file ran the CLI out of memory). A value outside it, or not a
 * whole number, falls back to the default with one message saying so.
 */
export const MAX_FILE_SIZE_RANGE = { min: 1_000, max: 10_000_000 } as const;

/**
 * The range the time budget per document may be set to, in milliseconds. Below the lower bound
 * the first draft a server reads (which loads the part-of-speech model) or an ordinary long page
 * on a slow machine would be skipped; above the upper one a single document could hold the
 * editor for minutes.
 */
export const TIME_BUDGET_RANGE = { min: 1_000, max: 300_000 } as const;

/**
 * The range the maximum number of findings per document may be set to. Below it a draft would
 * hide most of what is wrong with it; above it the Problems view and a CI log drown.
 */
export const MAX_FINDINGS_RANGE = { min: 10, max: 100_000 } as const;

/** "must be ...; the default (N) applies." for a whole number that must lie in `range`, or undefined. */
function boundedProblem(value: unknown, range: { min: number; max: number }, fallback: number, unit: string): string | undefined {
  const n = (x: number) => x.toLocaleString('en-US');
  const applies = `; the default (${n(fallback)}) applies.`;
  if (typeof value !== 'number' || !Number.isInteger(value)) return `must be a whole number${unit ? ` of ${unit}` : ''}${applies}`;
  if (value < range.min || value > range.max) return `must be between ${n(range.min)} and ${n(range.max)}${unit ? ` ${unit}` : ''}${applies}`;
  return undefined;
}

/**
 * Why `value` cannot be a maximum document size, as the end of a sentence naming the setting
 * ("must be ...; the default (1,000,000) applies."), or undefined when it can.
 */
export function maxFileSizeProblem(value: unknown): string | undefined {
  return boundedProblem(value, MAX_FILE_SIZE_RANGE, DEFAULT_SETTINGS.maxFileSize, 'characters');
}

/** Why `value` cannot be a time budget per document (as maxFileSizeProblem words it), or undefined. */
export function timeBudgetProblem(value: unknown): string | undefined {
  return boundedProblem(value, TIME_BUDGET_RANGE, DEFAULT_SETTINGS.timeBudgetMs, 'milliseconds');
}

/** Why `value` cannot be a maximum number of findings per document, or undefined. */
export function maxFindingsProblem(value: unknown): string | undefined {
  return boundedProblem(value, MAX_FINDINGS_RANGE, DEFAULT_SETTINGS.maxFindings, 'findings');
}

const matcherCache = new Map<string, CompiledGlob[]>();

/** Does a path (forward slashes, relative to the workspace root or absolute) match a draft glob? */
export function matchesDraftGlobs(path: string, globs: readonly string[]): boolean {
  if (globs.length === 0) return false;
  const key = globs.join('\u0000');
  let m = matcherCache.get(key);
  if (!m) {
    // `*.email.md` without a folder part matches in any folder, as users expect. A glob that
    // globProblem refuses (reported where it was written) matches nothing.
    m = globs.map((g) => compileGlob(g.includes('/') ? g : `**/${g}`));
    if (matcherCache.size > 64) matcherCache.clear();
    matcherCache.set(key, m);
  }
  const p = path.replace(/\\/g, '/');
  return m.some((g) => globMatches(g, p));
}
