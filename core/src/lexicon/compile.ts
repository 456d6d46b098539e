/**
 * Compiling the lexicon's word patterns (see lexicon.ts for the pattern language) into regular
 * expressions and anchor words: the character classes, the pattern compiler, group expansion.
 */
import type { AskClass } from '../types';

export interface PressureCompiled {
  id: string;
  re: RegExp;
  anchors: string[] | null;
  also: string[][];
  /** `also` as word ids (see Lexicon.vocab). */
  alsoIds?: number[][];
  stamp: number;
  /** As Compiled.atStart. */
  atStart?: boolean;
}

export interface Compiled {
  id: string;
  source: string;
  cls: AskClass;
  level: number;
  re: RegExp;
  at: 'clause' | 'anywhere' | 'link' | 'button';
  question: boolean;
  fallback: boolean;
  supportable: boolean | 'sentence';
  toCustomers: AskClass | undefined;
  byObject: boolean;
  /** Position in the rule list, so candidates are tried in a stable order. */
  index: number;
  /** Further anchor sets: each must share a word with the sentence too. */
  also: string[][];
  /** `also` as word ids (see Lexicon.vocab). */
  alsoIds?: number[][];
  /** Rank by level (highest first), then position: the order candidates are tried in. */
  order: number;
  /** Last sentence this rule was collected for (dedupes candidates without a Set). */
  stamp: number;
  /** Words a match starts with (then `re` is sticky and tried only there), or null (scan). */
  starters: Set<string> | null;
  /** The pattern starts at the sentence start (`^`): `re` is sticky, without START (see startOnly). */
  atStart?: boolean;
}

export const NUMBER_WORDS =
  'one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|twenty-five|thirty|forty|forty-five|fifty|sixty|ninety|a few|few|a couple of|a couple';
export const NUM = `(?:\\d+(?:[.,]\\d+)?|${NUMBER_WORDS})`;
/**
 * Letters and digits, as an explicit class rather than \p{L}\p{N}: V8 spends about half a
 * millisecond parsing every Unicode property escape, and the lexicon has thousands of word
 * boundaries; with this class the whole lexicon compiles in milliseconds. The text is already
 * NFKC-folded and lower-cased, so Latin (with accents), Greek, Cyrillic, Hebrew, Arabic, Indic,
 * Thai, CJK and Hangul letters are covered; anything else counts as punctuation.
 */
export const LN = '0-9A-Za-z\\u00AA\\u00B5\\u00BA\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u02FF\\u0370-\\u052F\\u0531-\\u058F\\u05D0-\\u05EA\\u0620-\\u064A\\u0660-\\u0669\\u0900-\\u0E7F\\u1E00-\\u1FFF\\u3040-\\u9FFF\\uAC00-\\uD7AF';
export const WB = `(?<![${LN}])`;
export const WE = `(?![${LN}])`;
export const WORD = `[${LN}][${LN}'’-]*`;
/** Holds a letter or digit. */
export const HAS_WORD = new RegExp(`[${LN}]`);
/** A word inside a `~N` gap: a word (possibly quoted), "&" or a dash. */
export const GAP_WORD = `(?:[&–—-](?=\\s)|"?${WORD}"?)`;
/** End of sentence: nothing but punctuation, symbols or emoji until the end. */
export const END = `(?=[^${LN}]*$)`;
/** Start of sentence: nothing but punctuation, symbols or emoji before. */
export const START = `(?<=^[^${LN}]*)`;

/**
 * A pattern that opens with START, made sticky and without it, for `startMatch`; or undefined for
 * any other. Scanned, START looks back to the sentence start at every position it is tried: in a
 * long run of symbols, emoji or lone surrogates after a word, each look is as long as the run,
 * and the scan cost the square of it (10x a run of lone surrogates after "Book a demo": 99x the time).
 */
export function startOnly(re: RegExp): RegExp | undefined {
  if (!re.source.startsWith(START)) return undefined;
  return new RegExp(re.source.slice(START.length), re.flags.includes('y') ? re.flags : `${re.flags}y`);
}

/**
 * The first match at or after `from` of a pattern that opens with START (`sticky`: startOnly's
 * regex): START holds exactly up to the first letter or digit, so only those positions are tried.
 */
export function startMatch(sticky: RegExp, text: string, from: number): RegExpExecArray | null {
  let last = 0;
  while (last < text.length && !isWordCode(text.charCodeAt(last))) last++;
  for (let at = from; at <= last; at++) {
    sticky.lastIndex = at;
    const m = sticky.exec(text);
    if (m) return m;
  }
  return null;
}
/** Letters and digits, by char code: the same set as LN. */
export function isWordCode(c: number): boolean {
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c >= 65 && c <= 90);
  return (
    c === 0xaa ||
    c === 0xb5 ||
    c === 0xba ||
    (c >= 0xc0 && c <= 0x2ff && c !== 0xd7 && c !== 0xf7) ||
    (c >= 0x370 && c <= 0x52f) ||
    (c >= 0x531 && c <= 0x58f) ||
    (c >= 0x5d0 && c <= 0x5ea) ||
    (c >= 0x620 && c <= 0x64a) ||
    (c >= 0x660 && c <= 0x669) ||
    (c >= 0x900 && c <= 0xe7f) ||
    (c >= 0x1e00 && c <= 0x1fff) ||
    (c >= 0x3040 && c <= 0x9fff) ||
    (c >= 0xac00 && c <= 0xd7af)
  );
}
/** Words too common to be a useful anchor: a slot of these is only used when nothing rarer is required. */
export const STOPWORDS = new Set(
  'a an the to of in on at for and or but so if is are be was were am this that these those it its i we you your my our us me them they he she his her their with from by as do does did can could would will should shall may might have has had not no yes what how who when where which why there here all any some one up out about into over just'.split(' '),
);

export function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Split a pattern into top-level slots, keeping parenthesised groups together. */
export function slots(pattern: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = '';
  for (const ch of pattern.trim()) {
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    if (/\s/.test(ch) && depth === 0) {
      if (cur) out.push(cur);
      cur = '';
    } else cur += ch;
  }
  if (cur) out.push(cur);
  return out;
}

export function splitAlternatives(s: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = '';
  for (const ch of s) {
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    if (ch === '|' && depth === 0) {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

export function unwrap(slot: string): string {
  // "(a|b)" -> "a|b", but not "(a) (b)" or "(a)|(b)".
  if (!slot.startsWith('(') || !slot.endsWith(')')) return slot;
  let depth = 0;
  for (let i = 0; i < slot.length; i++) {
    if (slot[i] === '(') depth++;
    if (slot[i] === ')') depth--;
    if (depth === 0 && i < slot.length - 1) return slot;
  }
  return slot.slice(1, -1);
}

export class PatternCompiler {
  private readonly cache = new Map<string, string>();
  constructor(private readonly groups: Record<string, string[]>) {}

  /** Compile a whole pattern (a sequence of slots) to a regex source. */
  sequence(pattern: string, depth = 0): string {
    if (depth > 8) throw new Error(`pattern nests too deeply: ${pattern}`);
    let re = '';
    // While `first`, nothing has been matched for sure, so the next slot needs no separator.
    let first = true;
    for (const raw of slots(pattern)) {
      if (raw === '$') {
        re += END;
        continue;
      }
      if (raw === '^') {
        re += START;
        continue;
      }
      if (raw.startsWith('!') && raw.length > 1) {
        const body = this.slot(raw.slice(1), depth);
        re += first ? `(?!${body})` : `(?!\\s+${body})`;
        continue;
      }
      if (raw.startsWith('&') && raw.length > 1 && !first) {
        // The slot must come next but is not part of the match: "read it &(before|first|$)".
        const alts = splitAlternatives(unwrap(raw.slice(1)));
        const rest = alts.filter((a) => a !== '$');
        const body = rest.length ? `\\s+${this.slot(`(${rest.join('|')})`, depth)}` : '';
        re += `(?=${[body, alts.includes('$') ? END : ''].filter(Boolean).join('|')})`;
        continue;
      }
      const optional = raw.endsWith('?') && raw.length > 1;
      const slot = optional ? raw.slice(0, -1) : raw;
      const gap = /^~(\d)$/.exec(slot);
      if (gap) {
        // Up to N arbitrary words between the slots around it (a quoted word, "&" or a dash
        // counts as a word: "Grab an \"all issues pack\"", "Renewal & Upgrade Center").
        re += first ? `(?:${GAP_WORD},?\\s+){0,${gap[1]}}` : `(?:\\s+${GAP_WORD},?){0,${gap[1]}}`;
        continue;
      }
      if (slot === '~"') {
        // A double-quoted title: Get your free "How to Become a Content Machine" infographic.
        const title = '"[^"\\n]{1,120}"';
        if (first) {
          re += optional ? `(?:${title}\\s+)?` : title;
          first = optional;
        } else re += optional ? `(?:\\s+${title})?` : `\\s+${title}`;
        continue;
      }
      const alts = splitAlternatives(unwrap(slot));
      if (!first && alts.length > 1 && alts.includes('$')) {
        // "(now|here|$)": the end of the sentence needs no space before it ("RSVP.").
        const rest = this.slot(`(${alts.filter((a) => a !== '$').join('|')})`, depth);
        re += `(?:\\s+${rest}|${END})${optional ? '?' : ''}`;
        continue;
      }
      const body = this.slot(slot, depth);
      if (first) {
        re += optional ? `(?:${body}\\s+)?` : body;
        first = optional;
      } else {
        re += optional ? `(?:\\s+${body})?` : `\\s+${body}`;
      }
    }
    return re;
  }

  private slot(slot: string, depth: number): string {
    const key = `${depth > 0 ? 1 : 0}:${slot}`;
    const hit = this.cache.get(key);
    if (hit !== undefined) return hit;
    const alts = splitAlternatives(unwrap(slot));
    const parts = alts.map((alt) => {
      if (alt.startsWith('@')) {
        const g = this.groups[alt.slice(1)];
        if (!g) throw new Error(`unknown lexicon group ${alt}`);
        // An entry that extends another ("intro call" after "intro") is tried first, so the
        // underline covers the whole phrase.
        return byExtension(g).map((p) => this.sequence(p, depth + 1)).join('|');
      }
      if (/\s/.test(alt) || alt === '$') return this.sequence(alt, depth + 1);
      if (alt.includes('(')) {
        if (slots(alt).length < 2 && unwrap(alt) === alt) throw new Error(`cannot read "${alt}": write optional words as separate slots ("a paying? customer"), and put spaces between slots`);
        return this.sequence(alt, depth + 1);
      }
      return alt
        .split('<n>')
        .map((lit) => escapeRe(lit))
        .join(NUM);
    });
    // Word boundaries only around top-level slots: inside a phrase, words are already
    // separated by \s+, and every \p{L} class costs V8 parse time on every keystroke's first use.
    const out = depth === 0 ? `${WB}(?:${parts.join('|')})${WE}` : `(?:${parts.join('|')})`;
    this.cache.set(key, out);
    return out;
  }

  /** Alternatives of a list of phrases, as one group (word boundaries are the caller's). */
  phrases(list: string[]): string {
    return `(?:${list.map((p) => this.sequence(p, 1)).join('|')})`;
  }

  /**
   * Words one of which must be present for the pattern to match, or null (always try).
   * Any required slot will do; the cheapest set is chosen (see anchorSets).
   */
  anchors(pattern: string): string[] | null {
    return this.anchorSets(pattern)[0] ?? null;
  }

  /**
   * For every required top-level slot, the words one of which must be present, cheapest
   * first: sets made of rare words and few of them beat sets holding "a", "the" or "your".
   */
  anchorSets(pattern: string): string[][] {
    const sets: string[][] = [];
    for (const raw of slots(pattern)) {
      if (raw.endsWith('?') || raw.startsWith('~') || raw.startsWith('!') || raw.startsWith('&') || raw === '$' || raw === '^') continue;
      const words = this.firstWords(raw);
      if (words) sets.push(words);
    }
    const cost = (ws: string[]) => ws.length + 1000 * ws.filter((w) => STOPWORDS.has(w)).length;
    return sets.sort((a, b) => cost(a) - cost(b));
  }

  /**
   * Words a match of the pattern can start with, or null when it may start elsewhere (an
   * optional or gap first slot, a number, a symbol): the matcher then tries the pattern only
   * at those words instead of scanning the sentence.
   */
  startWords(pattern: string): string[] | null {
    const first = slots(pattern).find((p) => p !== '^' && !p.startsWith('!'));
    if (!first || first === '$' || first.endsWith('?') || first.startsWith('~')) return null;
    const words = this.firstWords(first, 0, true);
    return words;
  }

  private firstWords(slot: string, depth = 0, strict = false): string[] | null {
    if (depth > 8) return null;
    const out = new Set<string>();
    for (const alt of splitAlternatives(unwrap(slot))) {
      let subs: string[];
      if (alt.startsWith('@')) subs = this.groups[alt.slice(1)] ?? [];
      else subs = [alt];
      for (const sub of subs) {
        // The first word of a sequence is its first required slot (skipping optional ones
        // is not safe: a pattern may start with an optional slot, so use the first slot only
        // when it is required).
        const parts = slots(sub);
        const firstSlot = parts.find((p) => !p.startsWith('!') && p !== '$' && p !== '^');
        if (!firstSlot || firstSlot.endsWith('?') || firstSlot.startsWith('~')) return null;
        if (firstSlot.startsWith('(') || firstSlot.includes('|') || firstSlot.startsWith('@')) {
          const w = this.firstWords(firstSlot, depth + 1, strict);
          if (!w) return null;
          for (const x of w) out.add(x);
        } else {
          if (firstSlot.startsWith('<n>')) return null;
          // A start word must be where the match starts: no leading symbol ("#1", "→").
          if (strict && /^[^\p{L}\p{N}]/u.test(firstSlot)) return null;
          const word = firstSlot.replace(/^[^\p{L}\p{N}]+/u, '').split(/[^\p{L}\p{N}']/u)[0]!;
          if (!word) return null;
          out.add(word);
        }
      }
    }
    return out.size ? [...out] : null;
  }
}

/** `@group` alone -> the group's entries (recursively, for groups of groups). */
export function explode(pattern: string, groups: Record<string, string[]>, depth = 0): string[] {
  const parts = slots(pattern);
  if (depth < 4 && parts.length === 1 && /^@[\w-]+$/.test(parts[0]!)) {
    const g = groups[parts[0]!.slice(1)];
    if (!g) throw new Error(`unknown lexicon group ${parts[0]}`);
    return g.flatMap((entry) => explode(entry, groups, depth + 1));
  }
  return [pattern];
}

/** A group's entries with every entry placed before the entries it extends ("intro call" before "intro"). */
export function byExtension(entries: string[]): string[] {
  const extended = (e: string) => entries.some((o) => o !== e && o.startsWith(e + ' '));
  if (!entries.some(extended)) return entries;
  return [...entries.filter((e) => !extended(e)), ...entries.filter(extended)];
}

export function literalWords(phrase: string): string[] {
  return phrase
    .trim()
    .toLowerCase()
    .normalize('NFKC')
    .replace(/[’‘]/g, "'")
    .split(/\s+/)
    .filter(Boolean);
}

/**
 * A workspace's phrasing (`asks:` and `pressure:` in .trustline.yaml) matched as the literal words
 * it is, never compiled to a regular expression (issue 11): its words in order, whitespace between
 * them, not inside a longer word; the same matches as the lexicon's own boundaries (WB, WE) give.
 * It stands where the lexicon holds a global RegExp (`lastIndex`, `exec`); the RegExp it extends
 * is a constant that never matches. Each try costs at most the phrase's length.
 */
export class LiteralPhrase extends RegExp {
  constructor(readonly words: readonly string[]) {
    super('(?!)', 'g');
  }

  override exec(text: string): RegExpExecArray | null {
    const first = this.words[0];
    if (first) {
      for (let at = text.indexOf(first, this.lastIndex); at !== -1; at = text.indexOf(first, at + 1)) {
        if (at > 0 && isWordCode(text.charCodeAt(at - 1))) continue;
        let end = at + first.length;
        for (let k = 1; k < this.words.length && end !== -1; k++) {
          let j = end;
          while (j < text.length && SPACE.test(text[j]!)) j++;
          end = j > end && text.startsWith(this.words[k]!, j) ? j + this.words[k]!.length : -1;
        }
        if (end === -1 || (end < text.length && isWordCode(text.charCodeAt(end)))) continue;
        this.lastIndex = end;
        const m = [text.slice(at, end)] as unknown as RegExpExecArray;
        m.index = at;
        m.input = text;
        return m;
      }
    }
    this.lastIndex = 0;
    return null;
  }
}
const SPACE = /\s/;

/** A literal phrase's anchor: its first word, when that word is one the sentence tokeniser yields whole. */
export function anchorOfLiteral(words: string[]): string[][] {
  const w = words[0]!;
  return /^[\p{L}\p{N}][\p{L}\p{N}']*$/u.test(w) ? [[w]] : [];
}
