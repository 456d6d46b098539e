/**
 * Hover content, as markdown: on an ask (what it asks for, the trust it needs,
 * the audience and where that level came from, the gap, what to ask instead,
 * how to move the audience up, the skill), on a front matter `trust:`, `type:`
 * or `channel:` value, and on a skill name anywhere. Links come from the host
 * (`skillUri`, `ruleUri`) so they open wherever the skills and rule pages live.
 */
import { alternativesFor, appropriateAsk, looksLikeLabel, plainAlternative } from './alternatives';
import { askVerdictOn } from './checks/index';
import { article } from './checks/util';
import type { Analysis } from './analyze';
import { TAKEN_BACK_NOTE } from './asks/learned';
import { ASK_LABELS, CHANNELS, channelInfo, draftTypeInfo, stageLabel, stageOf, type ChannelOverrides } from './model';
import { FOUNDATION_SKILL, TIER_NAMES, draftTypeDescription, skillForDraft, skillInfo, skillNamesIn } from './skills';
import type { Ask, Profile, Range } from './types';

export interface HoverLinks {
  /** A link that opens a skill's SKILL.md. */
  skillUri(name: string): string;
  /** A link to a check's rule page. */
  ruleUri(id: string): string;
}

export interface HoverOptions {
  /** The project's channel trust ranges, when the config overrides them. */
  channels?: ChannelOverrides;
}

export interface Hover {
  markdown: string;
  range: Range;
}

/** Markdown-escape text quoted from the draft or the data. */
export function escapeMarkdown(s: string): string {
  return s.replace(/[\\`*_[\]<>~]/g, (c) => `\\${c}`).replace(/\s+/g, ' ');
}

function link(label: string, uri: string): string {
  return `[${escapeMarkdown(label)}](${uri.replace(/[()\s]/g, encodeURIComponent)})`;
}

function levels(n: number): string {
  return `${n} level${n === 1 ? '' : 's'}`;
}

/** "declared in front matter", "assumed: the entry level of the Email channel (2 INTERESTED)". */
function trustSource(profile: Profile): string {
  const t = profile.trust;
  return t.source === 'declared' ? 'declared in front matter' : `${t.source}: ${t.detail}`;
}

/**
 * The hover at an offset (UTF-16, in the analyzer's coordinates: a byte order
 * mark is not counted), or null. Front matter values first, then asks, then
 * skill names. The text is the analysis's own (`analysis.doc`).
 */
export function hoverAt(analysis: Analysis, offset: number, links: HoverLinks, options: HoverOptions = {}): Hover | null {
  const { lines } = analysis.doc;
  if (analysis.analysed && analysis.profile) {
    const fm = analysis.frontMatter;
    if (fm?.present && offset < fm.bodyStart) {
      for (const key of ['trust', 'type', 'channel'] as const) {
        const field = fm.fields.get(key);
        if (!field || offset < field.keyStart || offset > field.end) continue;
        const markdown = frontMatterHover(key, analysis.profile, links, options);
        if (markdown) return { markdown, range: lines.range(field.start, field.end) };
      }
    }
    const ask = analysis.asks.find((a) => offset >= a.start && offset <= a.end);
    if (ask) return { markdown: askHover(analysis, ask, links), range: ask.range };
    // What the rules read as an ask and the trained reader took back: the writer who expected a
    // warning on this line learns why there is none.
    const back = analysis.takenBack?.find((a) => offset >= a.start && offset <= a.end);
    if (back) return { markdown: takenBackHover(back), range: back.range };
  }
  const pos = lines.positionAt(offset);
  for (const hit of skillNamesIn(lines.lineText(pos.line))) {
    if (pos.character < hit.start || pos.character > hit.end) continue;
    const markdown = skillHover(hit.name, links);
    if (markdown) return { markdown, range: { start: { line: pos.line, character: hit.start }, end: { line: pos.line, character: hit.end } } };
  }
  return null;
}

/** How the explanation of an ask the trained reader found begins (pipeline/trainedReader.ts). */
const TRAINED_READER = 'read by the trained reader';

/** The hover on an imperative the trained reader took back: not an ask, and why. */
function takenBackHover(ask: Ask): string {
  const at = ask.via.lastIndexOf(TAKEN_BACK_NOTE);
  // "read as an imperative; asks for ..." -> "The rules read it as an imperative; asks for ...".
  const rules = (at >= 0 ? ask.via.slice(0, at) : ask.via).replace(/^read as /, 'read it as ');
  const why = at >= 0 ? ask.via.slice(at + TAKEN_BACK_NOTE.length).replace(/\)$/, '') : '';
  return [
    `**Not counted as an ask**: "${escapeMarkdown(ask.text)}"  `,
    `The rules ${escapeMarkdown(rules)} (${ask.class}, needs trust ${stageLabel(ask.level)}).  `,
    `The trained reader took it back${why ? `: ${escapeMarkdown(why)}` : ''}.  `,
    'No check weighs it against the audience; `trustline explain` lists it under *Taken back*.',
  ].join('\n');
}

/** The hover on an ask: at most a dozen lines. */
export function askHover(analysis: Analysis, ask: Ask, links: HoverLinks): string {
  const profile = analysis.profile!;
  const audience = profile.trust.value.level;
  const gap = ask.level - audience;
  const out: string[] = [];
  out.push(`**${ask.class} ask**: "${escapeMarkdown(ask.text)}" needs trust **${stageLabel(ask.level)}**  `);
  // An ask no rule found, only the trained reader (asks/learned.ts): say so, and how sure it is.
  if (ask.via.startsWith(TRAINED_READER)) out.push(`Found by the trained reader: ${escapeMarkdown(ask.via.slice(TRAINED_READER.length).replace(/^\s*\(|\)(?=; class)/g, ''))}  `);
  out.push(`Audience: **${stageLabel(audience)}**, ${stageOf(audience).meaning} (${escapeMarkdown(trustSource(profile))})  `);
  const query = { askClass: ask.class, audienceLevel: audience, draftType: profile.type.value, inLink: ask.inLink || looksLikeLabel(analysis.doc.text.slice(ask.sentenceStart, ask.sentenceEnd)) };
  if (gap > 0) {
    out.push(`Gap: **${levels(gap)}** too far`);
    out.push('', `Ask instead (${appropriateAsk(audience)} fits ${stageLabel(audience)}):`);
    for (const alt of alternativesFor(query).slice(0, 3)) out.push(`- ${escapeMarkdown(plainAlternative(alt.text))}`);
  } else if (gap <= -2) {
    out.push(`Gap: **${levels(-gap)}** below what this audience would give`);
    out.push('', `Ask for more (${appropriateAsk(audience)} fits ${stageLabel(audience)}):`);
    for (const alt of alternativesFor(query).filter((a) => a.level > ask.level).slice(0, 2)) out.push(`- ${escapeMarkdown(plainAlternative(alt.text))}`);
  } else {
    out.push('Fits: this audience can take this step');
  }
  const movesUp = stageOf(audience).movesUp;
  if (movesUp.length > 0) out.push('', `Moves this audience up: ${movesUp.join(', ')}`);
  const skill = skillForDraft(profile)?.skill ?? FOUNDATION_SKILL;
  const refs = [`Skill: ${link(skill, links.skillUri(skill))}`];
  const finding = askVerdictOn(analysis.findings, analysis.asks.indexOf(ask));
  if (finding) refs.push(`Rule: ${link(finding.rule, links.ruleUri(finding.rule))}`);
  out.push('', refs.join(' · '));
  return out.join('\n');
}

function frontMatterHover(key: 'trust' | 'type' | 'channel', profile: Profile, links: HoverLinks, options: HoverOptions): string | null {
  if (key === 'trust') {
    if (profile.trust.source !== 'declared') return null;
    const level = profile.trust.value.level;
    const stage = stageOf(level);
    const fits = appropriateAsk(level);
    const typical = alternativesFor({ audienceLevel: level, draftType: profile.type.value, inLink: true }).slice(0, 3);
    const out = [
      `**trust: ${stageLabel(level)}**: the audience ${stage.meaning}  `,
      `Fitting ask: **${ASK_LABELS[fits]}**  `,
      `Typical asks${profile.type.value ? ` in ${article(draftTypeInfo(profile.type.value).name)} ${draftTypeInfo(profile.type.value).name}` : ''}: ${typical.map((a) => `"${escapeMarkdown(plainAlternative(a.text))}"`).join(', ')}  `,
    ];
    if (stage.movesUp.length > 0) out.push(`Moves up with: ${stage.movesUp.join(', ')}`);
    out.push('', `Skill: ${link(FOUNDATION_SKILL, links.skillUri(FOUNDATION_SKILL))}`);
    return out.join('\n');
  }
  if (key === 'type') {
    const type = profile.type.value;
    if (!type || profile.type.source !== 'declared') return null;
    const info = draftTypeInfo(type);
    const own = skillForDraft(profile);
    const out = [`**type: ${info.id}** (${info.name}): ${escapeMarkdown(lowerFirst(draftTypeDescription(type)))}  `];
    if (own) {
      const also = own.also.map((s) => link(s, links.skillUri(s)));
      out.push(`Skill: ${link(own.skill, links.skillUri(own.skill))}${also.length ? ` with ${also.join(', ')}` : ''}: ${escapeMarkdown(lowerFirst(skillInfo(own.skill)?.purpose ?? ''))}  `);
    }
    if (info.channel) {
      const ch = channelInfo(info.channel, options.channels);
      out.push(`Channel when none is declared: ${ch.name} (${ch.role}; trust ${ch.from} to ${ch.to})  `);
    }
    const rules: string[] = [];
    if (info.short) rules.push('one kind of ask per draft');
    if (info.needsAsk) rules.push(`Trustline flags ${article(info.name)} ${info.name} that asks for nothing`);
    if (rules.length > 0) out.push(upperFirst(rules.join('; ')));
    return out.join('\n').replace(/ {2}$/, '');
  }
  const channel = profile.channel.value;
  if (!channel || profile.channel.source !== 'declared') return null;
  const ch = channelInfo(channel, options.channels);
  const level = profile.trust.value.level;
  const where = level < ch.from ? 'below it' : level > ch.to ? 'above it' : 'inside it';
  return [
    `**channel: ${ch.id}** (${ch.name}): ${ch.role}  `,
    `Serves trust ${stageLabel(ch.from)} to ${stageLabel(ch.to)}; this audience (${stageLabel(level)}) is ${where}  `,
    `Skill: ${link(ch.skill, links.skillUri(ch.skill))}`,
  ].join('\n');
}

/** The hover on a skill name: its purpose, tier, trust range and channels. */
export function skillHover(name: string, links: HoverLinks): string | null {
  const s = skillInfo(name);
  if (!s) return null;
  return [
    `**${s.name}** (tier ${s.tier}, ${TIER_NAMES[s.tier] ?? ''}): ${escapeMarkdown(s.purpose)}  `,
    `Serves trust ${stageLabel(s.trust.from)} to ${stageLabel(s.trust.to)}; ${s.channels.length >= CHANNELS.length ? 'every channel' : `channels: ${s.channels.join(', ')}`}  `,
    link('Open the skill', links.skillUri(s.name)),
  ].join('\n');
}

function lowerFirst(s: string): string {
  return /^[A-Z](?:[a-z]|\s)/.test(s) ? s[0]!.toLowerCase() + s.slice(1) : s;
}

function upperFirst(s: string): string {
  return s ? s[0]!.toUpperCase() + s.slice(1) : s;
}
