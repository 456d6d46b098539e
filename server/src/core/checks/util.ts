import { ASK_LABELS, stageLabel } from '../model';
import type { Ask, Profile } from '../types';
import type { Report } from './check';

/** What code actions and hovers need to know about an ask and its audience. */
export function askData(ask: Ask, profile: Profile, text: string): NonNullable<Report['data']> {
  return {
    ask: {
      text: ask.text,
      class: ask.class,
      level: ask.level,
      sentence: text.slice(ask.sentenceStart, ask.sentenceEnd),
      inLink: ask.inLink,
      sentenceRange: ask.sentenceRange,
    },
    audience: { level: profile.trust.value.level, stage: profile.trust.value.stage, source: profile.trust.source },
    draftType: profile.type.value,
    channel: profile.channel.value,
    gap: ask.level - profile.trust.value.level,
  };
}

/** "trust 1 AWARE (declared in front matter)" */
export function audienceText(profile: Profile): string {
  return `${stageLabel(profile.trust.value.level)} (${profile.trust.source === 'declared' ? 'declared' : profile.trust.detail})`;
}

export function askLabel(ask: Ask): string {
  return ASK_LABELS[ask.class];
}

/** `n` words of a string, with an ellipsis when cut. */
export function quote(s: string, max = 60): string {
  const one = plain(s);
  return one.length > max ? `${one.slice(0, max - 1)}…` : one;
}

/** The text a reader sees: markdown link syntax, emphasis and code marks removed. */
export function plain(s: string): string {
  return s
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]*)\]\[[^\]]*\]/g, '$1')
    .replace(/[*_`~]+/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** "a" or "an" before a word. */
export function article(word: string): string {
  return /^[aeiou]/i.test(word) ? 'an' : 'a';
}
