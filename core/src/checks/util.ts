import { ASK_LABELS, draftTypeInfo, stageLabel, stageOf } from '../model';
import type { Ask, AskClass, Profile } from '../types';
import type { CheckContext, Report } from './check';

/** The audience as the findings' data carries it. */
export function audienceData(profile: Profile): NonNullable<NonNullable<Report['data']>['audience']> {
  return { level: profile.trust.value.level, stage: profile.trust.value.stage, source: profile.trust.source };
}

/** What every finding carries about the draft: audience, where its level came from, type and channel. */
export function profileData(profile: Profile): NonNullable<Report['data']> {
  return {
    audience: audienceData(profile),
    audienceDetail: profile.trust.detail,
    draftType: profile.type.value,
    channel: profile.channel.value,
  };
}

/** What code actions and hovers need to know about an ask and its audience. */
export function askData(ask: Ask, profile: Profile, text: string): NonNullable<Report['data']> {
  return {
    ...profileData(profile),
    ask: {
      text: ask.text,
      class: ask.class,
      level: ask.level,
      sentence: text.slice(ask.sentenceStart, ask.sentenceEnd),
      inLink: ask.inLink,
      sentenceRange: ask.sentenceRange,
    },
    gap: ask.level - profile.trust.value.level,
    fits: fitsData(profile.trust.value.level),
  };
}

/** The ask class that fits an audience level: the step that moves it up one stage. */
export function fitsClass(level: number): AskClass {
  return stageOf(level).appropriateAsk as AskClass;
}

export function fitsData(level: number): { class: AskClass; label: string } {
  const c = fitsClass(level);
  return { class: c, label: ASK_LABELS[c] };
}

/**
 * "1 AWARE (declared)", "2 INTERESTED (assumed)" or "1 AWARE (your default)". Where an
 * assumed level comes from is said once, by trust-undeclared, not in every message.
 */
export function audienceText(profile: Profile): string {
  const t = profile.trust;
  const label = stageLabel(t.value.level);
  if (t.source === 'declared') return `${label} (declared)`;
  if (t.source === 'default') return `${label} (your default trust setting)`;
  return `${label} (assumed)`;
}

/** What an ask of each class requests, in a marketer's words. */
export const ASK_WANTS: Readonly<Record<AskClass, string>> = {
  consume: 'something to read, watch or listen to',
  engage: 'a follow, a subscription, a reply or a comment',
  exchange: 'contact details in exchange for an asset or an event',
  meeting: 'a call or time on the calendar',
  evaluate: 'a demo, a trial or a pilot',
  commit: 'a purchase, a signature or a pricing request',
  expand: 'more seats, a renewal or a roll-out',
  advocate: 'a referral, a review or a case study',
};

/** "a demo, a trial or a pilot (evaluate)". */
export function wants(c: AskClass): string {
  return `${ASK_WANTS[c]} (${c})`;
}

/** "This email" or "This email (inferred from the Subject: line)". */
export function thisDraft(profile: Profile): string {
  const t = profile.type;
  if (!t.value) return 'This draft';
  return `This ${draftTypeInfo(t.value).name}${t.source === 'inferred' ? ` (${t.detail})` : ''}`;
}

/** Start and end of the first line of the body that holds text (or of the document). */
export function firstContentLine(ctx: CheckContext): [number, number] {
  const from = ctx.lines.positionAt(ctx.frontMatter.bodyStart).line;
  for (let line = from; line < ctx.lines.lineCount; line++) {
    const t = ctx.lines.lineText(line);
    if (t.trim() !== '') {
      const start = ctx.lines.lineStarts[line]! + (t.length - t.trimStart().length);
      return [start, ctx.lines.lineEnd(line) - (t.length - t.trimEnd().length)];
    }
  }
  const at = Math.min(ctx.frontMatter.bodyStart, ctx.text.length);
  return [at, at];
}

/** A short quotation of draft text, with markdown marks removed and an ellipsis when cut. */
export function quote(s: string, max = 60): string {
  const one = plain(s);
  return one.length > max ? `${[...one].slice(0, max - 1).join('')}…` : one;
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

/** "one", "two", ... for small counts in messages. */
export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** "A", "A and B", "A, B and C". */
export function listing(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
