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
 * Why `value` cannot be a maximum document size, as the end of a sentence naming the setting
 * ("must be ...; the default (1,000,000) applies."), or undefined when it can.
 */
export function maxFileSizeProblem(value: unknown): string | undefined {
  const fallback = `; the default (${DEFAULT_SETTINGS.maxFileSize.toLocaleString('en-US')}) applies.`;
  if (typeof value !== 'number' || !Number.isInteger(value)) return `must be a whole number of characters${fallback}`;
  if (value < MAX_FILE_SIZE_RANGE.min || value > MAX_FILE_SIZE_RANGE.max) {
    return `must be between ${MAX_FILE_SIZE_RANGE.min.toLocaleString('en-US')} and ${MAX_FILE_SIZE_RANGE.max.toLocaleString('en-US')} characters${fallback}`;
  }
  return undefined;
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
