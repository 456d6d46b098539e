/**
 * The draft profile: what the draft is (type), where it goes (channel) and how
 * much the audience trusts the sender (trust), each declared in front matter or
 * inferred/assumed, always with the source in words.
 */
import type { FrontMatter, FrontMatterProblem } from './frontmatter';
import {
  CHANNELS,
  DRAFT_TYPES,
  STAGES,
  channelInfo,
  draftTypeInfo,
  parseChannel,
  parseDraftType,
  parseTrust,
  stageLabel,
  trustValue,
} from './model';
import type { TrustlineSettings } from './settings';
import type { Channel, DraftType, Profile, Range } from './types';

/** What the body looks like, gathered from the blocks; drives type inference. */
export interface BodyStats {
  words: number;
  hashtags: number;
  buttons: number;
  h1: number;
  h2: number;
  hasSubjectLine: boolean;
  startsWithGreeting: boolean;
  hasSignOff: boolean;
}

export interface ProfileResult {
  profile: Profile;
  problems: FrontMatterProblem[];
}

export function inferProfile(
  fm: FrontMatter,
  stats: BodyStats,
  settings: TrustlineSettings,
  toRange: (start: number, end: number) => Range,
  path?: string,
): ProfileResult {
  const problems: FrontMatterProblem[] = [...fm.problems];

  // --- type
  let type: Profile['type'] = { value: null, source: 'unknown', detail: 'not declared and not recognisable from the text' };
  const typeField = fm.fields.get('type');
  if (typeField && typeField.value !== null && typeField.value !== '') {
    const t = parseDraftType(typeField.value);
    if (t) type = { value: t, source: 'declared', detail: 'declared in front matter', range: toRange(typeField.start, typeField.end) };
    else
      problems.push({
        message: `Unknown draft type ${JSON.stringify(typeField.value)}: use one of ${DRAFT_TYPES.map((d) => d.id).join(', ')}.`,
        start: typeField.start,
        end: typeField.end,
      });
  }
  if (type.value === null) type = inferType(fm, stats, path) ?? type;

  // --- channel
  let channel: Profile['channel'] = { value: null, source: 'unknown', detail: 'not declared' };
  const channelField = fm.fields.get('channel');
  if (channelField && channelField.value !== null && channelField.value !== '') {
    const c = parseChannel(channelField.value);
    if (c) channel = { value: c, source: 'declared', detail: 'declared in front matter', range: toRange(channelField.start, channelField.end) };
    else
      problems.push({
        message: `Unknown channel ${JSON.stringify(channelField.value)}: use one of ${CHANNELS.map((c) => c.id).join(', ')}.`,
        start: channelField.start,
        end: channelField.end,
      });
  }
  if (channel.value === null && type.value !== null) {
    const follows = draftTypeInfo(type.value).channel;
    if (follows) channel = { value: follows, source: 'inferred', detail: `follows from the draft type (${type.value})` };
  }

  // --- trust
  let trust: Profile['trust'] | undefined;
  const trustField = fm.fields.get('trust');
  if (trustField && trustField.value !== null && trustField.value !== '') {
    const level = parseTrust(trustField.value);
    if (level !== undefined) trust = { value: trustValue(level), source: 'declared', detail: 'declared in front matter', range: toRange(trustField.start, trustField.end) };
    else
      problems.push({
        message: `trust: ${JSON.stringify(trustField.value)} is not a trust level: use 0-6 or a stage name (${STAGES.map((s) => `${s.level === 6 ? '5+' : s.level} ${s.name.toLowerCase()}`).join(', ')}).`,
        start: trustField.start,
        end: trustField.end,
      });
  }
  if (!trust) trust = assumeTrust(channel.value, settings);

  return { profile: { type, channel, trust }, problems };
}

function assumeTrust(channel: Channel | null, settings: TrustlineSettings): Profile['trust'] {
  if (settings.defaultTrust !== null) {
    return { value: trustValue(settings.defaultTrust), source: 'default', detail: `the default trust setting (${stageLabel(settings.defaultTrust)})` };
  }
  if (channel) {
    const info = channelInfo(channel, settings.channels);
    return {
      value: trustValue(info.from),
      source: 'assumed',
      detail: `the entry level of the ${info.name} channel (${stageLabel(info.from)})`,
    };
  }
  return { value: trustValue(0), source: 'assumed', detail: `${stageLabel(0)}: no trust, channel or default was declared` };
}

function inferType(fm: FrontMatter, s: BodyStats, path?: string): Profile['type'] | undefined {
  const inferred = (value: DraftType, why: string): Profile['type'] => ({ value, source: 'inferred', detail: `inferred from ${why}` });
  if (fm.fields.has('subject')) return inferred('email', 'the subject: field');
  if (s.hasSubjectLine) return inferred('email', 'the Subject: line');
  if (s.h1 > 0 && s.buttons >= 1 && s.words < 1500) return inferred('landing-page', 'a hero heading with button-like links');
  if (s.hashtags > 0 && s.words <= 400) return inferred('social', 'hashtags in a short post');
  if (s.h2 >= 2 && s.words >= 600) return inferred('blog', 'a long article with sections');
  if (s.startsWithGreeting && s.words <= 400) return inferred('email', 'the greeting that opens it');
  if (path) {
    const name = path.replace(/\\/g, '/').split('/').pop()!.toLowerCase();
    const byName: [RegExp, DraftType][] = [
      [/e-?mail/, 'email'],
      [/linkedin|(^|[-_.])post([-_.]|$)|social/, 'social'],
      [/landing/, 'landing-page'],
      [/(^|[-_.])ads?([-_.]|$)/, 'ad'],
      [/one-?pager|battlecard|business-case/, 'sales'],
      [/invite|invitation|webinar|event/, 'event'],
    ];
    for (const [re, t] of byName) if (re.test(name)) return inferred(t, `the file name (${name})`);
  }
  return undefined;
}

/** Is a document a draft Trustline should read (trust-model section 6)? */
export function isDraft(fm: FrontMatter, path: string | undefined, settings: TrustlineSettings, matchesGlobs: (p: string) => boolean): boolean {
  if (!settings.enable) return false;
  if (settings.lintAllMarkdown) return true;
  if (fm.fields.has('type') || fm.fields.has('trust')) return true;
  // An unclosed or broken front matter that was meant to declare a draft still opts in,
  // so the writer sees why their declaration is not working.
  if (fm.present && fm.problems.length > 0 && /^(type|trust)\s*:/im.test(fm.rawText ?? '')) return true;
  return path !== undefined && matchesGlobs(path);
}
