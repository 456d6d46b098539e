/**
 * The draft profile: what the draft is (type), where it goes (channel) and how
 * much the audience trusts the sender (trust), each declared in front matter or
 * inferred/assumed, always with the source in words.
 *
 * Type, when `type:` is absent, is inferred from the text, first rule that applies:
 *   1. a `subject:` field                                  -> email
 *   2. a `Subject:` line at the top of the body             -> email
 *   3. two or more ad fields (`Headline:`, `Description:`, `Primary text:`) -> ad
 *   4. hashtags in a body of at most 400 words             -> social
 *   5. opens with a heading and has a button-like link (a paragraph that is one link)
 *      before the next heading, in fewer than 1,200 words -> landing page
 *   6. `When:` and `Where:` lines                          -> event
 *   7. two or more `##` sections and at least 600 words   -> blog
 *   8. opens with a greeting ("Hi Tom,"), at most 500 words -> email
 *   9. the file name (`*.email.md`, `linkedin-post.md`, `landing-*.md`, ...)
 * Channel: `channel:`, else the channel that follows from the type (draft-types.json).
 * Trust: `trust:`, else the default trust setting, else the lowest level the channel
 * serves, else 0 UNKNOWN.
 */
import { showValue, type FrontMatter, type FrontMatterField, type FrontMatterProblem } from './frontmatter';
import {
  CHANNELS,
  CHANNEL_ALIASES,
  DRAFT_TYPES,
  MAX_LEVEL,
  STAGES,
  channelInfo,
  suggest,
  draftTypeInfo,
  parseChannel,
  parseDraftType,
  parseTrust,
  stageList,
  stageLabel,
  trustValue,
} from './model';
import type { TrustlineSettings } from './settings';
import type { Channel, DraftType, Profile, Range, Sourced } from './types';

/** What the body looks like, gathered from the blocks; drives type inference. */
export interface BodyStats {
  words: number;
  hashtags: number;
  /** Paragraphs that are one link and nothing else (button-like links). */
  buttons: number;
  /** Buttons before the second heading: the hero of a landing page. */
  heroButtons: number;
  h1: number;
  h2: number;
  /** The first thing in the body is a heading. */
  startsWithHeading: boolean;
  hasSubjectLine: boolean;
  startsWithGreeting: boolean;
  /** Lines such as `Headline 1:`, `Description:`, `Primary text:` (ad copy decks). */
  adFields: number;
  /** Lines such as `When:` and `Where:` (event invitations). */
  eventFields: number;
}

export function emptyStats(): BodyStats {
  return { words: 0, hashtags: 0, buttons: 0, heroButtons: 0, h1: 0, h2: 0, startsWithHeading: false, hasSubjectLine: false, startsWithGreeting: false, adFields: 0, eventFields: 0 };
}

/** A profile value the host gives for drafts whose front matter does not have the key (the CLI's --type and --channel). */
export interface GivenValue<T> {
  value: T;
  /** Where it came from, in words: "given with --type". */
  detail: string;
}

/**
 * Profile values given to the analysis (AnalyzeOptions.defaults). Each applies to a draft whose
 * front matter lacks the key altogether (a key with a bad or empty value stays the draft's own), as
 * a declaration made outside the file: source `declared`, no range.
 */
export interface ProfileDefaults {
  type?: GivenValue<DraftType>;
  channel?: GivenValue<Channel>;
}

export interface ProfileResult {
  profile: Profile;
  problems: FrontMatterProblem[];
}

/** A declared value that is present and not empty (an empty `trust:` counts as undeclared). */
function declared(field: FrontMatterField | undefined): field is FrontMatterField {
  return field !== undefined && !field.broken && field.value !== null && field.value !== undefined && String(field.value).trim() !== '';
}

export function inferProfile(
  fm: FrontMatter,
  stats: BodyStats,
  settings: TrustlineSettings,
  toRange: (start: number, end: number) => Range,
  path?: string,
  defaults: ProfileDefaults = {},
): ProfileResult {
  const problems: FrontMatterProblem[] = [...fm.problems];

  // --- type
  let type: Profile['type'] = { value: null, source: 'unknown', detail: 'not declared, and not recognisable from the text' };
  const typeField = fm.fields.get('type');
  if (declared(typeField)) {
    const t = parseDraftType(typeField.value);
    if (t) type = { value: t, source: 'declared', detail: 'declared in front matter', range: toRange(typeField.start, typeField.end) };
    else {
      const ids = DRAFT_TYPES.map((d) => d.id);
      const hint = typeof typeField.value === 'string' ? suggest(typeField.value.trim(), [...ids, ...DRAFT_TYPES.flatMap((d) => d.aliases)]) : undefined;
      problems.push({
        message: `${showValue(typeField.value)} is not a draft type Trustline knows${hint ? ` (did you mean "${hint}"?)` : ''}. Use one of: ${ids.join(', ')}.`,
        start: typeField.start,
        end: typeField.end,
        field: 'type',
        expected: ids,
      });
    }
  }
  if (type.value === null) type = given(typeField, defaults.type) ?? inferType(fm, stats, path) ?? type;

  // --- channel
  let channel: Profile['channel'] = { value: null, source: 'unknown', detail: 'not declared, and the draft type does not imply one' };
  const channelField = fm.fields.get('channel');
  if (declared(channelField)) {
    const c = parseChannel(channelField.value);
    if (c) channel = { value: c, source: 'declared', detail: 'declared in front matter', range: toRange(channelField.start, channelField.end) };
    else {
      const ids = CHANNELS.map((x) => x.id);
      const hint = typeof channelField.value === 'string' ? suggest(channelField.value.trim(), [...ids, ...Object.keys(CHANNEL_ALIASES)]) : undefined;
      problems.push({
        message: `${showValue(channelField.value)} is not a channel Trustline knows${hint ? ` (did you mean "${hint}"?)` : ''}. Use one of: ${ids.join(', ')}.`,
        start: channelField.start,
        end: channelField.end,
        field: 'channel',
        expected: ids,
      });
    }
  }
  if (channel.value === null) channel = given(channelField, defaults.channel) ?? channel;
  if (channel.value === null && type.value !== null) {
    const follows = draftTypeInfo(type.value).channel;
    if (follows) channel = { value: follows, source: 'inferred', detail: `follows from the draft type, ${type.value}` };
  }

  // --- trust
  let trust: Profile['trust'] | undefined;
  let badTrust: FrontMatterProblem | undefined;
  const trustField = fm.fields.get('trust');
  if (declared(trustField)) {
    const level = parseTrust(trustField.value);
    if (level !== undefined) trust = { value: trustValue(level), source: 'declared', detail: 'declared in front matter', range: toRange(trustField.start, trustField.end) };
    else badTrust = { message: trustProblem(trustField.value), start: trustField.start, end: trustField.end, field: 'trust', expected: STAGES.map((s) => s.name.toLowerCase()) };
  }
  if (!trust) trust = assumeTrust(channel, settings);
  if (badTrust) {
    // Say what is used meanwhile: every other finding depends on it.
    badTrust.message += ` Until it is fixed, Trustline assumes ${stageLabel(trust.value.level)}: ${trust.detail}.`;
    problems.push(badTrust);
  }

  return { profile: { type, channel, trust }, problems };
}

/** A value given to the analysis, for a front matter without the key. */
function given<T>(field: FrontMatterField | undefined, value: GivenValue<T> | undefined): Sourced<T> | undefined {
  if (field !== undefined || value === undefined) return undefined;
  return { value: value.value, source: 'declared', detail: value.detail };
}

function trustProblem(value: unknown): string {
  const levels = `Use a level from 0 to 5+ (6 also means 5+) or a stage name: ${stageList()}.`;
  if (typeof value === 'number') {
    if (!Number.isFinite(value) || !Number.isInteger(value)) return `trust: ${showValue(value)} is not a whole level. ${levels}`;
    return `trust: ${value} is out of range. ${levels}`;
  }
  if (typeof value === 'string') {
    const s = value.trim().toLowerCase();
    if (/^-?\d+(\.\d+)?\+?$/.test(s)) return `trust: ${showValue(value)} is out of range. ${levels}`;
    const hint = suggest(s, STAGES.map((st) => st.name.toLowerCase()));
    return `trust: ${showValue(value)} is not a trust level${hint ? ` (did you mean "${hint}"?)` : ''}. ${levels}`;
  }
  return `trust: ${showValue(value)} is not a trust level: it must be one number or one stage name. ${levels}`;
}

function assumeTrust(channel: Profile['channel'], settings: TrustlineSettings): Profile['trust'] {
  const d = settings.defaultTrust;
  if (d !== null && d !== undefined && Number.isInteger(d) && d >= 0 && d <= MAX_LEVEL) {
    return { value: trustValue(d), source: 'default', detail: 'your default trust setting' };
  }
  if (channel.value) {
    const info = channelInfo(channel.value, settings.channels);
    return {
      value: trustValue(info.from),
      source: 'assumed',
      detail: `the lowest level the ${info.name} channel serves${channel.source === 'declared' ? '' : ` (the channel ${channel.detail})`}`,
    };
  }
  return { value: trustValue(0), source: 'assumed', detail: 'no trust, channel or default trust setting to go on' };
}

function inferType(fm: FrontMatter, s: BodyStats, path?: string): Profile['type'] | undefined {
  const inferred = (value: DraftType, why: string): Profile['type'] => ({ value, source: 'inferred', detail: `inferred from ${why}` });
  if (declared(fm.fields.get('subject'))) return inferred('email', 'the subject: field');
  if (s.hasSubjectLine) return inferred('email', 'the Subject: line');
  if (s.adFields >= 2) return inferred('ad', 'the Headline:/Description: lines');
  if (s.hashtags > 0 && s.words <= 400) return inferred('social', 'hashtags in a short post');
  if (s.startsWithHeading && s.heroButtons >= 1 && s.words < 1200) return inferred('landing-page', 'a hero heading with button-like links');
  if (s.eventFields >= 2) return inferred('event', 'the When:/Where: lines');
  if (s.h2 >= 2 && s.words >= 600) return inferred('blog', 'a long article with sections');
  if (s.startsWithGreeting && s.words <= 500) return inferred('email', 'the greeting that opens it');
  if (path) {
    const name = path.replace(/\\/g, '/').split('/').pop()!.toLowerCase();
    const byName: [RegExp, DraftType][] = [
      [/e-?mail/, 'email'],
      [/linkedin|(^|[-_.])post([-_.]|$)|social|tweet/, 'social'],
      [/landing/, 'landing-page'],
      [/(^|[-_.])ads?([-_.]|$)/, 'ad'],
      [/one-?pager|battle-?card|business-case/, 'sales'],
      [/invite|invitation|webinar|event/, 'event'],
      [/blog|article/, 'blog'],
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
  // Front matter too broken to yield fields, but meant to declare a draft, still opts in,
  // so the writer sees why the declaration is not working.
  if (fm.present && fm.problems.length > 0 && /^[ \t]*(?:-[ \t]+)?["']?(type|trust)["']?[ \t]*:/im.test(fm.rawText)) return true;
  return path !== undefined && matchesGlobs(path);
}
