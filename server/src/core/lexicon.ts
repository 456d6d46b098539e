/**
 * The ask lexicon: data (core/data/lexicon.json) compiled once into matchers.
 *
 * A rule is a small word pattern, not a regular expression, so that marketers
 * can read and extend it:
 *   - words separated by spaces must follow each other (any whitespace between);
 *   - `a|b|c` is one slot with alternatives; `(a quick|some)` groups alternatives
 *     that contain spaces; a slot followed by `?` is optional;
 *   - `@name` is any phrase of the group `name` from the `groups` table;
 *   - `<n>` is a number, in digits or words ("15", "fifteen"), also inside a word: `<n>-minute`;
 *   - `~3` is a gap of up to three arbitrary words.
 * Each rule says where its match may start (`at`):
 *   - `clause` (default): at the start of a sentence, a clause (after , ; : - or
 *     and/or/then/so) or a link's text, optionally after a lead-in ("just", "feel
 *     free to", "you can"); this is what makes "we booked a demo" not an ask;
 *   - `anywhere`: anywhere in the sentence, unless a blocker word comes right before it;
 * and a rule with `question: true` only matches in a sentence ending with "?".
 * A match is dropped when a negation ("no need to", "without") comes shortly before it.
 * A sentence holds at most one ask: the highest-level match wins, then the earliest.
 */
import data from './data/lexicon.json';
import { ASK_LEVELS } from './model';
import { originalSpan, type Normalized } from './text';
import type { AskClass } from './types';

export interface LexiconRule {
  id: string;
  class: AskClass;
  patterns: string[];
  at?: 'clause' | 'anywhere';
  question?: boolean;
  note?: string;
}

export interface PressureRule {
  id: string;
  patterns: string[];
  note?: string;
}

export interface LexiconData {
  groups: Record<string, string[]>;
  leadIns: string[];
  negations: string[];
  negationWindow: number;
  blockers: string[];
  asks: LexiconRule[];
  pressure: PressureRule[];
  calendarHosts: string[];
  shouting: { minRunWords: number; minRunLetters: number; words: string[]; acronyms: string[] };
}

/** Extra phrasings from a project's config: literal text, never patterns. */
export interface ExtraPhrasing {
  phrase: string;
  class: AskClass;
}

export interface UnitMatch {
  /** Block-relative offsets of the matched phrase. */
  start: number;
  end: number;
  class: AskClass;
  level: number;
  via: string;
  inLink: boolean;
  /** Block-relative offsets of the link text, when the ask is in a link. */
  linkStart?: number;
  linkEnd?: number;
  url?: string;
  kind: 'phrase' | 'url';
}

interface Compiled {
  id: string;
  source: string;
  cls: AskClass;
  level: number;
  re: RegExp;
  at: 'clause' | 'anywhere';
  question: boolean;
  /** The rule can only match if the sentence holds one of these words (null: always try). */
  anchors: string[] | null;
}

const NUMBER_WORDS =
  'one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|forty-five|fifty|sixty|ninety|a few|few|a couple of';
const NUM = `(?:\\d+(?:[.,]\\d+)?|${NUMBER_WORDS})`;
const WB = '(?<![\\p{L}\\p{N}])';
const WE = '(?![\\p{L}\\p{N}])';
const WORD = `[\\p{L}\\p{N}][\\p{L}\\p{N}'-]*`;

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Split a pattern into top-level slots, keeping parenthesised groups together. */
function slots(pattern: string): string[] {
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

function splitAlternatives(s: string): string[] {
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

class PatternCompiler {
  constructor(private readonly groups: Record<string, string[]>) {}

  /** Compile a whole pattern (a sequence of slots) to a regex source. */
  sequence(pattern: string, depth = 0): string {
    if (depth > 8) throw new Error(`pattern nests too deeply: ${pattern}`);
    let re = '';
    // While `first`, nothing has been matched for sure, so the next slot needs no separator.
    let first = true;
    for (const raw of slots(pattern)) {
      const optional = raw.endsWith('?') && raw.length > 1;
      const slot = optional ? raw.slice(0, -1) : raw;
      const gap = /^~(\d)$/.exec(slot);
      if (gap) {
        // Up to N arbitrary words between the slots around it.
        re += first ? `(?:${WORD},?\\s+){0,${gap[1]}}` : `(?:\\s+${WORD},?){0,${gap[1]}}`;
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
    const alts = splitAlternatives(slot.startsWith('(') && slot.endsWith(')') ? slot.slice(1, -1) : slot);
    const parts = alts.map((alt) => {
      if (alt.startsWith('@')) {
        const g = this.groups[alt.slice(1)];
        if (!g) throw new Error(`unknown lexicon group ${alt}`);
        return g.map((p) => this.sequence(p, depth + 1)).join('|');
      }
      if (/\s/.test(alt) || alt.includes('(')) return this.sequence(alt, depth + 1);
      return alt
        .split('<n>')
        .map((lit) => escapeRe(lit))
        .join(NUM);
    });
    return `${WB}(?:${parts.join('|')})${WE}`;
  }

  /** Words one of which must be present for the pattern to match, or null. */
  anchors(pattern: string): string[] | null {
    let best: string[] | null = null;
    for (const raw of slots(pattern)) {
      if (raw.endsWith('?') || raw.startsWith('~')) continue;
      const words = this.firstWords(raw);
      if (words && (!best || words.length < best.length)) best = words;
    }
    return best;
  }

  private firstWords(slot: string, depth = 0): string[] | null {
    if (depth > 8) return null;
    const alts = splitAlternatives(slot.startsWith('(') && slot.endsWith(')') ? slot.slice(1, -1) : slot);
    const out: string[] = [];
    for (const alt of alts) {
      if (alt.startsWith('@')) {
        for (const phrase of this.groups[alt.slice(1)] ?? []) {
          const first = slots(phrase)[0];
          if (!first || first.endsWith('?') || first.startsWith('~')) return null;
          const w = this.firstWords(first, depth + 1);
          if (!w) return null;
          out.push(...w);
        }
      } else {
        const first = slots(alt)[0];
        if (!first || first.includes('<n>') || first.endsWith('?') || first.startsWith('~')) return null;
        if (first.startsWith('(') || first.includes('|') || first.startsWith('@')) {
          const w = this.firstWords(first, depth + 1);
          if (!w) return null;
          out.push(...w);
        } else out.push(first.replace(/^[^\p{L}\p{N}]+/u, '').split(/[^\p{L}\p{N}']/u)[0]!);
      }
    }
    return out.filter(Boolean).length === out.length ? out : null;
  }
}

export class Lexicon {
  /** Changes whenever the rules change: part of the block cache key. */
  readonly version: string;
  private readonly rules: Compiled[] = [];
  private readonly pressureRules: { id: string; re: RegExp }[] = [];
  private readonly leadIn: RegExp;
  private readonly negation: RegExp;
  private readonly blocker: RegExp;
  private readonly calendar: RegExp;
  private readonly shoutWords: Set<string>;
  private readonly acronyms: Set<string>;

  constructor(
    readonly data: LexiconData,
    extra: { asks?: ExtraPhrasing[]; pressure?: string[] } = {},
  ) {
    const c = new PatternCompiler(data.groups);
    for (const rule of data.asks) {
      for (const p of rule.patterns) {
        this.rules.push({
          id: rule.id,
          source: p,
          cls: rule.class,
          level: ASK_LEVELS[rule.class],
          re: new RegExp(c.sequence(p), 'gu'),
          at: rule.at ?? 'clause',
          question: rule.question ?? false,
          anchors: c.anchors(p),
        });
      }
    }
    for (const [i, x] of (extra.asks ?? []).entries()) {
      const words = x.phrase.trim().toLowerCase().split(/\s+/).filter(Boolean);
      if (words.length === 0) continue;
      this.rules.push({
        id: `config.asks[${i}]`,
        source: x.phrase,
        cls: x.class,
        level: ASK_LEVELS[x.class],
        re: new RegExp(WB + words.map(escapeRe).join('\\s+') + WE, 'gu'),
        at: 'anywhere',
        question: false,
        anchors: null,
      });
    }
    for (const rule of data.pressure) {
      for (const p of rule.patterns) this.pressureRules.push({ id: rule.id, re: new RegExp(c.sequence(p), 'gu') });
    }
    for (const [i, phrase] of (extra.pressure ?? []).entries()) {
      const words = phrase.trim().toLowerCase().split(/\s+/).filter(Boolean);
      if (words.length) this.pressureRules.push({ id: `config.pressure[${i}]`, re: new RegExp(WB + words.map(escapeRe).join('\\s+') + WE, 'gu') });
    }
    const lead = data.leadIns.map((l) => c.sequence(l)).join('|');
    // Lead-ins may repeat: "so just", "feel free to simply".
    this.leadIn = new RegExp(`(?:(?:${lead})[,]?\\s+)*$`, 'u');
    this.negation = new RegExp(`${WB}(?:${data.negations.map((n) => c.sequence(n)).join('|')})${WE}`, 'u');
    this.blocker = new RegExp(`${WB}(?:${data.blockers.map(escapeRe).join('|')})\\s+$`, 'u');
    this.calendar = new RegExp(`(?:^|[/.@])(?:${data.calendarHosts.map(escapeRe).join('|')})(?:[/:?#]|$)`, 'i');
    this.shoutWords = new Set(data.shouting.words.map((w) => w.toUpperCase()));
    this.acronyms = new Set(data.shouting.acronyms.map((w) => w.toUpperCase()));
    this.version = `${data.asks.length}:${this.rules.length}:${JSON.stringify(extra)}`;
  }

  /** Find the one ask of a sentence, if any. `links` are block-relative link-text spans inside it. */
  match(unit: Normalized, links: { start: number; end: number; url: string }[]): UnitMatch | undefined {
    const text = unit.text;
    const words = new Set(text.match(/[\p{L}\p{N}][\p{L}\p{N}']*/gu) ?? []);
    const isQuestion = /\?["')\]]*$/.test(text);
    // Link text starts count as clause starts: "[Book a demo](...)".
    const linkStartsNorm = new Set<number>();
    if (links.length) {
      for (let i = 0; i < unit.map.length - 1; i++) {
        if (links.some((l) => l.start === unit.map[i])) linkStartsNorm.add(i);
      }
    }
    let best: { rule: Compiled; from: number; to: number } | undefined;
    for (const rule of this.rules) {
      if (rule.question && !isQuestion) continue;
      if (rule.anchors && !rule.anchors.some((a) => words.has(a))) continue;
      if (best && (rule.level < best.rule.level)) continue;
      rule.re.lastIndex = 0;
      let m: RegExpExecArray | null;
      while ((m = rule.re.exec(text))) {
        if (m[0].length === 0) {
          rule.re.lastIndex++;
          continue;
        }
        const from = m.index;
        const to = from + m[0].length;
        if (this.accept(rule, text, from, linkStartsNorm)) {
          if (!best || rule.level > best.rule.level || (rule.level === best.rule.level && from < best.from)) best = { rule, from, to };
          break;
        }
      }
    }
    let result: UnitMatch | undefined;
    if (best) {
      const [start, end] = originalSpan(unit, best.from, best.to);
      result = { start, end, class: best.rule.cls, level: best.rule.level, via: `${best.rule.id}: "${best.rule.source}"`, inLink: false, kind: 'phrase' };
      const link = links.find((l) => start >= l.start && end <= l.end);
      if (link) Object.assign(result, { inLink: true, linkStart: link.start, linkEnd: link.end, url: link.url });
    }
    // A link to a booking page is a meeting ask even when its text says only "here".
    if (!result || result.level < ASK_LEVELS.meeting) {
      const cal = links.find((l) => this.isCalendarUrl(l.url));
      if (cal) {
        result = { start: cal.start, end: cal.end, class: 'meeting', level: ASK_LEVELS.meeting, via: `calendar link: ${cal.url}`, inLink: true, linkStart: cal.start, linkEnd: cal.end, url: cal.url, kind: 'url' };
      } else {
        // A bare calendar URL in the text, recognised without GFM autolinks.
        const bare = /https?:\/\/[^\s<>()\]]+|(?<![\p{L}\p{N}.])(?:[a-z0-9-]+\.)+[a-z]{2,}\/[^\s<>()\]]*/giu;
        let u: RegExpExecArray | null;
        while ((u = bare.exec(text))) {
          if (this.isCalendarUrl(u[0].replace(/^https?:\/\//, ''))) {
            const [start, end] = originalSpan(unit, u.index, u.index + u[0].replace(/[.,;:!?]+$/, '').length);
            result = { start, end, class: 'meeting', level: ASK_LEVELS.meeting, via: `calendar link: ${u[0]}`, inLink: false, kind: 'url' };
            break;
          }
        }
      }
    }
    return result;
  }

  isCalendarUrl(url: string): boolean {
    const host = url.replace(/^[a-z]+:\/\//i, '');
    return this.calendar.test(host);
  }

  private accept(rule: Compiled, text: string, from: number, linkStarts: Set<number>): boolean {
    const before = text.slice(Math.max(0, from - 80), from);
    // Negation shortly before the match: "no need to book a call", "without a demo".
    const window = before.split(/\s+/).slice(-(this.data.negationWindow + 1)).join(' ');
    if (this.negation.test(window) && !/[.;:!?]\s*\S*\s*$/.test(window.slice(window.search(this.negation)))) return false;
    if (rule.at === 'anywhere') return !this.blocker.test(before);
    // Clause start: strip lead-ins, then require a boundary (start, punctuation, conjunction, link).
    const lead = this.leadIn.exec(before);
    const rest = lead ? before.slice(0, before.length - lead[0].length) : before;
    const restStart = from - (before.length - rest.length);
    if (linkStarts.has(from) || linkStarts.has(restStart)) return true;
    if (rest.trim() === '' && from - before.length === 0) return true;
    return /(?:^|[,;:.!?)\-–—"'(\u0000]|\b(?:and|or|then|so|but|also|otherwise)\b)\s*$/u.test(rest);
  }

  /** Urgency and hard-sell hits in a sentence (offsets into the original text). */
  pressure(unit: Normalized): { start: number; end: number; via: string }[] {
    const hits: { start: number; end: number; via: string }[] = [];
    const text = unit.text;
    for (const rule of this.pressureRules) {
      rule.re.lastIndex = 0;
      let m: RegExpExecArray | null;
      while ((m = rule.re.exec(text))) {
        if (m[0].length === 0) {
          rule.re.lastIndex++;
          continue;
        }
        const [start, end] = originalSpan(unit, m.index, m.index + m[0].length);
        hits.push({ start, end, via: rule.id });
      }
    }
    // Exclamation runs: "!!" or more.
    const bang = /!{2,}/g;
    let b: RegExpExecArray | null;
    while ((b = bang.exec(text))) {
      const [start, end] = originalSpan(unit, b.index, b.index + b[0].length);
      hits.push({ start, end, via: 'exclamations' });
    }
    hits.push(...this.shouting(unit));
    hits.sort((a, b) => a.start - b.start || b.end - a.end);
    // Overlapping hits ("only 3 seats" + "3 seats left") are one stretch of pressure.
    const merged: typeof hits = [];
    for (const h of hits) {
      const last = merged[merged.length - 1];
      if (last && h.start < last.end) {
        if (h.end > last.end) last.end = h.end;
      } else merged.push({ ...h });
    }
    return merged;
  }

  /** ALL CAPS runs in the original text (case is lost in the normalised text). */
  private shouting(unit: Normalized): { start: number; end: number; via: string }[] {
    const src = unit.source;
    const start = unit.map[0]!;
    const end = unit.map[unit.map.length - 1]!;
    const original = src.slice(start, end);
    const out: { start: number; end: number; via: string }[] = [];
    const word = /[\p{L}][\p{L}'’]*/gu;
    let run: { s: number; e: number; words: number; letters: number; flagged: boolean } | null = null;
    const flush = () => {
      if (run && (run.flagged || (run.words >= this.data.shouting.minRunWords && run.letters >= this.data.shouting.minRunLetters))) {
        out.push({ start: start + run.s, end: start + run.e, via: 'all-caps' });
      }
      run = null;
    };
    let m: RegExpExecArray | null;
    let lastEnd = 0;
    while ((m = word.exec(original))) {
      const w = m[0];
      const caps = w.length >= 2 && w === w.toUpperCase() && w !== w.toLowerCase() && !this.acronyms.has(w.replace(/['’]S$/, ''));
      const between = original.slice(lastEnd, m.index);
      if (caps && run && /^[\s,!.:-]*$/.test(between)) {
        run.e = m.index + w.length;
        run.words++;
        run.letters += w.length;
        run.flagged ||= this.shoutWords.has(w);
      } else {
        flush();
        if (caps) run = { s: m.index, e: m.index + w.length, words: 1, letters: w.length, flagged: this.shoutWords.has(w) };
      }
      lastEnd = m.index + w.length;
    }
    flush();
    return out;
  }
}

/** The lexicon shipped with Trustline. */
export const DEFAULT_LEXICON_DATA = data as LexiconData;

let defaultLexicon: Lexicon | undefined;
export function defaultLexiconInstance(): Lexicon {
  return (defaultLexicon ??= new Lexicon(DEFAULT_LEXICON_DATA));
}
