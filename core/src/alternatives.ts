/**
 * Trust-matched alternative asks (data/alternatives.json): what to ask instead
 * when an ask is too big for the audience, ordered the way a writer should
 * consider them. Hovers show the first few; code actions turn them into edits.
 */
import data from './data/alternatives.json';
import { ASK_CLASSES, ASK_LEVELS, MAX_LEVEL, stageOf } from './model';
import type { AskClass, DraftType } from './types';
import { pairEndsAt } from './text';

/** One suggested ask, ready to drop into a draft. */
export interface Alternative {
  /** The words, with slots in braces: "Read {the case study}" (see renderAlternative). */
  text: string;
  class: AskClass;
  level: number;
  /** `link`: short link or button text; `sentence`: a whole sentence with its punctuation. */
  form: 'sentence' | 'link';
  /** The draft type it was written for, or null for the generic entries. */
  draftType: DraftType | null;
}

export interface AlternativesQuery {
  /** The class of the ask being replaced (left out of the suggestions). Omit when there is no ask (missing-ask). */
  askClass?: AskClass | null;
  /** The audience's trust level, 0-6. */
  audienceLevel: number;
  draftType?: DraftType | null;
  /** The ask is link or button text: suggest short link forms. */
  inLink?: boolean;
}

interface Forms {
  sentence?: string[];
  link?: string[];
}

const TABLE = (data as { asks: Record<string, Record<string, Forms>> }).asks;

/** The ask class that moves an audience at `level` one stage up (stages.json `appropriateAsk`). */
export function appropriateAsk(level: number): AskClass {
  return stageOf(level).appropriateAsk as AskClass;
}

/** The written alternatives of one class, the draft type's own first, then the generic ones. */
function entries(cls: AskClass, draftType: DraftType | null | undefined, form: 'sentence' | 'link'): Alternative[] {
  const byType = TABLE[cls];
  if (!byType) return [];
  const out: Alternative[] = [];
  const seen = new Set<string>();
  const add = (texts: string[] | undefined, type: DraftType | null) => {
    for (const text of texts ?? []) {
      if (seen.has(text)) continue;
      seen.add(text);
      out.push({ text, class: cls, level: ASK_LEVELS[cls], form, draftType: type });
    }
  };
  if (draftType) add(byType[draftType]?.[form], draftType);
  add(byType['any']?.[form], null);
  return out;
}

/**
 * Suggestions for an ask, best first: the class appropriate at the audience's
 * stage, then each lower rung (a smaller ask still fits). No suggestion is above
 * the audience's level, so replacing a too-big ask always closes the gap; when
 * the ask being replaced is already below the audience (under-ask), the
 * appropriate class is an ask for more. The replaced ask's own class is left
 * out: another ask of the same class would be a rewording, not a fix.
 */
export function alternativesFor(q: AlternativesQuery): Alternative[] {
  const audience = Math.max(0, Math.min(MAX_LEVEL, Math.floor(q.audienceLevel)));
  const form = q.inLink ? 'link' : 'sentence';
  const appropriate = appropriateAsk(audience);
  const classes: AskClass[] = [appropriate];
  // Lower rungs, highest first; at one level the order of ASK_CLASSES holds (evaluate before commit).
  const lower = ASK_CLASSES.filter((c) => c !== appropriate && ASK_LEVELS[c] <= audience).sort(
    (a, b) => ASK_LEVELS[b] - ASK_LEVELS[a] || ASK_CLASSES.indexOf(a) - ASK_CLASSES.indexOf(b),
  );
  classes.push(...lower);
  // Another ask of the same class is a rewording, not a fix.
  return classes.filter((c) => c !== q.askClass).flatMap((c) => entries(c, q.draftType, form));
}

/**
 * Does an ask's sentence read as a label (a heading, a bold line, a list item
 * without end punctuation, up to eight words, or a table row)? Then short link forms fit it better.
 */
export function looksLikeLabel(sentence: string): boolean {
  // A table row: each cell is a label.
  if (/^\s*\|/.test(sentence)) return true;
  const bare = sentence.slice(0, sentence.length - tailDecorLength(sentence));
  return !/[.!?…]["'”’)\]*_~]*\s*$/.test(bare) && bare.trim().split(/\s+/).length <= 8;
}

const PICTOGRAPHIC = /^\p{Extended_Pictographic}$/u;
const SPACE = /^\s$/u;
const ARROWS = '→»›➡';

/**
 * The length of the decoration that ends `text`: emoji (each with an optional variation selector),
 * arrows (→ » › ➡ ->) and the spaces between and before them; what
 * /(?:\s*(?:\p{Extended_Pictographic}\uFE0F?|[→»›➡]|->))+$/u matches, found by one scan back
 * from the end. (That regex tries every start in a run of emoji and fails at each one when the run
 * does not end the text: a line of thousands of emoji took seconds to hover and tens of seconds
 * for its code actions.)
 */
export function tailDecorLength(text: string): number {
  let start = text.length;
  for (let p = text.length; ; ) {
    const token = decorEndingAt(text, p);
    if (token < 0) break;
    p = token;
    while (p > 0 && SPACE.test(text[p - 1]!)) p--;
    start = p;
  }
  return text.length - start;
}

/** The start of the emoji or arrow that ends just before `p`, or -1. */
function decorEndingAt(text: string, p: number): number {
  if (p <= 0) return -1;
  if (p >= 2 && text.charCodeAt(p - 2) === 45 /* - */ && text.charCodeAt(p - 1) === 62 /* > */) return p - 2;
  let end = p;
  if (text.charCodeAt(p - 1) === 0xfe0f) end--;
  const from = pairEndsAt(text, end) ? end - 2 : end - 1;
  if (from < 0) return -1;
  const ch = text.slice(from, end);
  if (PICTOGRAPHIC.test(ch)) return from;
  // An arrow takes no variation selector here (the pattern allowed one only after an emoji).
  return end === p && ARROWS.includes(ch) ? from : -1;
}

export interface StepDown {
  class: AskClass;
  level: number;
  suggestions: Alternative[];
}

/**
 * The class one rung below an ask: the nearest class at a lower level
 * (commit and evaluate, both level 4, step down to meeting), with its suggestions.
 * Null for consume, the bottom rung.
 */
export function stepDown(askClass: AskClass, opts: { draftType?: DraftType | null; inLink?: boolean } = {}): StepDown | null {
  const level = ASK_LEVELS[askClass];
  let target: AskClass | undefined;
  for (const c of ASK_CLASSES) {
    const l = ASK_LEVELS[c];
    // Nearest lower level; at a tie, the first class of that level (evaluate over commit).
    if (l < level && (target === undefined || l > ASK_LEVELS[target])) target = c;
  }
  if (!target) return null;
  return { class: target, level: ASK_LEVELS[target], suggestions: entries(target, opts.draftType, opts.inLink ? 'link' : 'sentence') };
}

// ---------------------------------------------------------------------------------------------
// Slots: a resource or a time the writer must make their own.

/** What a rewrite puts in the draft: the plain words, and the same as a snippet when it has slots. */
export interface RenderedAlternative {
  /** Plain text: each slot as its own words, or as the draft's asset. */
  text: string;
  /** LSP snippet syntax with a numbered placeholder per slot still open, when any is. */
  snippet?: string;
}

const SLOT = /\{([^{}]+)\}/g;

/** An alternative's words as a writer reads them (hovers, titles): the slots' own words. */
export function plainAlternative(text: string): string {
  return text.replace(SLOT, '$1');
}

/**
 * Families of assets, so a slot takes the draft's own asset of the same kind: "Read {the
 * teardown}" in a draft that offers "the 2025 benchmark report" becomes "Read the report".
 * Listed most specific first.
 */
const ASSET_FAMILIES: { slot: RegExp; draft: RegExp }[] = [
  { slot: /\b(?:case study|teardown|breakdown|write-up|summary|video|recording|episode|slides)\b/, draft: /\b(?:case study|teardown|breakdown|write-up|recording|video|episode|webinar recording|talk|post|article|story)\b/ },
  { slot: /\b(?:report|benchmark|guide|checklist|template|playbook|ebook|e-book|whitepaper|worksheet|workbook|cheat sheet|calculator|scorecard|one-pager|deck)\b/, draft: /\b(?:benchmark report|report|guide|checklist|template|playbook|ebook|e-book|whitepaper|worksheet|workbook|cheat sheet|calculator|scorecard|one-pager|toolkit)\b/ },
];

/**
 * Render an alternative for a draft. A resource slot takes the asset the draft already names
 * ("the report"), so the suggestion never invents one; a slot the draft cannot fill (a resource
 * it does not mention, a time) stays the writer's to fill: a numbered snippet placeholder
 * holding the slot's words, and those words in the plain text.
 */
export function renderAlternative(text: string, draft: string): RenderedAlternative {
  if (!text.includes('{')) return { text };
  const lower = draft.toLowerCase();
  let open = 0;
  const plainParts: string[] = [];
  const snippetParts: string[] = [];
  let last = 0;
  for (const m of text.matchAll(SLOT)) {
    const before = text.slice(last, m.index);
    plainParts.push(before);
    snippetParts.push(escapeSnippet(before));
    const words = m[1]!;
    const own = ownAsset(words, lower);
    if (own) {
      plainParts.push(own);
      snippetParts.push(escapeSnippet(own));
    } else {
      open++;
      plainParts.push(words);
      snippetParts.push(`\${${open}:${escapeSnippet(words)}}`);
    }
    last = m.index! + m[0].length;
  }
  plainParts.push(text.slice(last));
  snippetParts.push(escapeSnippet(text.slice(last)));
  const out: RenderedAlternative = { text: plainParts.join('') };
  if (open > 0) out.snippet = snippetParts.join('');
  return out;
}

/** The draft's own asset for a resource slot ("the report"), or undefined (a time slot, or none named). */
function ownAsset(slot: string, draft: string): string | undefined {
  const family = ASSET_FAMILIES.find((f) => f.slot.test(slot.toLowerCase()));
  if (!family) return undefined;
  const m = family.draft.exec(draft);
  if (!m) return undefined;
  const article = /^(?:a|an)\b/i.test(slot) ? 'a' : 'the';
  return `${article} ${m[0]}`;
}

/** Text as literal snippet content: `$`, `}` and `\` escaped. */
export function escapeSnippet(s: string): string {
  return s.replace(/[\\$}]/g, '\\$&');
}
