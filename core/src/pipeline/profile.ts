/**
 * Stage 4 of the analysis (analyze.ts): the draft's profile (type, channel, trust and where each
 * came from, profile.ts) from its front matter, its body's statistics and the settings.
 */
import type { FrontMatter } from '../frontmatter';
import { inferProfile, type BodyStats, type ProfileDefaults, type ProfileResult } from '../profile';
import type { TrustlineSettings } from '../settings';
import type { LineIndex } from '../text';

/** The profile, and the front matter's problems (its own and those of the values it declares); `defaults` are the values the host gives. */
export function profileDraft(fm: FrontMatter, stats: BodyStats, settings: TrustlineSettings, lines: LineIndex, path: string | undefined, defaults?: ProfileDefaults): ProfileResult {
  return inferProfile(fm, stats, settings, (s, e) => lines.range(s, e), path, defaults);
}
