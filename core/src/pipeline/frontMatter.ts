/**
 * Stage 1 of the analysis (analyze.ts): the settings over their defaults, then whether the
 * document is to be read at all (enabled, not too large), its front matter, and whether it is a
 * draft (type:/trust: in the front matter, a draft glob, or `force`).
 */
import { splitFrontMatter, type FrontMatter } from '../frontmatter';
import { isDraft } from '../profile';
import { DEFAULT_SETTINGS, matchesDraftGlobs, type TrustlineSettings } from '../settings';

/** The front matter of a draft to analyse, or why the document is skipped (with its front matter once it was read). */
export type FrontMatterStage =
  | { skipped?: undefined; frontMatter: FrontMatter }
  | { skipped: 'disabled' | 'too-large'; frontMatter?: undefined }
  | { skipped: 'out-of-scope'; frontMatter: FrontMatter };

/** Read the front matter of `text` (without its byte order mark) and decide whether it is a draft. */
export function readFrontMatter(text: string, settings: TrustlineSettings, path: string | undefined, force: boolean | undefined): FrontMatterStage {
  if (!settings.enable) return { skipped: 'disabled' };
  if (text.length > settings.maxFileSize) return { skipped: 'too-large' };
  const fm = splitFrontMatter(text);
  if (!force && !isDraft(fm, path, settings, (p) => matchesDraftGlobs(p, settings.draftGlobs))) return { skipped: 'out-of-scope', frontMatter: fm };
  return { frontMatter: fm };
}

/** The host's settings over the defaults; an explicitly undefined (or null) value keeps the default. */
export function withDefaults(partial: Partial<TrustlineSettings> | undefined): TrustlineSettings {
  const out: TrustlineSettings = { ...DEFAULT_SETTINGS };
  if (!partial) return out;
  for (const [k, v] of Object.entries(partial)) {
    if (v === undefined || (v === null && k !== 'defaultTrust')) continue;
    (out as unknown as Record<string, unknown>)[k] = v;
  }
  return out;
}
