/**
 * Reading the labelled corpora (docs/evaluation.md): a piece's front matter, its expected asks
 * and traps, each found in the body as offsets. Shared by the evaluation and the training script.
 */
import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import type { AskClass } from '../../core/src/index';

export const CLASSES: AskClass[] = ['consume', 'engage', 'exchange', 'meeting', 'evaluate', 'commit', 'expand', 'advocate'];

export interface Expected {
  text: string;
  cls: AskClass;
  also: string[];
  /** Offsets [start, end) of every occurrence of `text` and of the `also` wordings. */
  spans: [number, number][];
}

export interface Trap {
  text: string;
  why: string;
  spans: [number, number][];
}

const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Markdown syntax a label leaves out: emphasis marks, link brackets, an inline link's `](url)` and
 * a reference link's `][label]`.
 */
const MARKUP = '(?:\\]\\([^)\\s]*\\)|\\]\\[[^\\]\\s]*\\]|[*_\\[\\]`])';

/**
 * Every occurrence of `needle` in `text` from `from` on: case-insensitive, any run of whitespace
 * matches any other, markdown syntax in the text is skipped ("Check out the Swag Store" is found
 * in "Check out the [Swag Store](url)"), and straight and curly quotes are the same.
 */
export function occurrences(text: string, needle: string, from: number): [number, number][] {
  let pattern = '';
  let inSpace = false;
  for (const ch of needle.trim()) {
    if (/\s/.test(ch)) {
      // One separator per run of spaces (a literal "+" in the needle is not one: "50,000+ teams").
      if (!inSpace) pattern += `(?:\\s|${MARKUP})+`;
      inSpace = true;
      continue;
    }
    inSpace = false;
    const c = ch === "'" || ch === '\u2019' || ch === '\u2018' ? "['\u2018\u2019]" : ch === '"' || ch === '\u201c' || ch === '\u201d' ? '["\u201c\u201d]' : escapeRegExp(ch);
    pattern += pattern === '' ? c : `${MARKUP}*${c}`;
  }
  if (!pattern) return [];
  const re = new RegExp(pattern, 'gi');
  re.lastIndex = from;
  const out: [number, number][] = [];
  for (let m = re.exec(text); m; m = re.exec(text)) {
    out.push([m.index, m.index + m[0].length]);
    if (m[0].length === 0) re.lastIndex++;
  }
  return out;
}

export function readPiece(path: string, name: string): { text: string; type: string; expected: Expected[]; traps: Trap[]; labelErrors: string[] } {
  const text = readFileSync(path, 'utf8');
  const labelErrors: string[] = [];
  const fm = FRONT_MATTER.exec(text);
  if (!fm) return { text, type: '?', expected: [], traps: [], labelErrors: ['no front matter'] };
  const bodyStart = fm[0].length;
  let data: Record<string, unknown>;
  try {
    data = (parseYaml(fm[1]) ?? {}) as Record<string, unknown>;
  } catch (e) {
    return { text, type: '?', expected: [], traps: [], labelErrors: [`front matter does not parse: ${(e as Error).message}`] };
  }
  if (!('expect' in data)) labelErrors.push('no `expect:` key (write `expect: []` for a piece without an ask)');
  if (!data.source) labelErrors.push('no `source:`');
  const raw = Array.isArray(data.expect) ? data.expect : [];
  if ('expect' in data && !Array.isArray(data.expect)) labelErrors.push('`expect:` is not a list');
  const expected: Expected[] = [];
  for (const item of raw as Record<string, unknown>[]) {
    const t = typeof item?.text === 'string' ? item.text : '';
    const cls = item?.class as AskClass;
    if (!t) {
      labelErrors.push(`an expected ask has no text: ${JSON.stringify(item)}`);
      continue;
    }
    if (!CLASSES.includes(cls)) {
      labelErrors.push(`"${t}": class "${String(item?.class)}" is not one of ${CLASSES.join(', ')}`);
      continue;
    }
    const also = Array.isArray(item.also) ? (item.also as unknown[]).filter((a): a is string => typeof a === 'string') : [];
    const spans: [number, number][] = [];
    for (const wording of [t, ...also]) {
      const found = occurrences(text, wording, bodyStart);
      if (found.length === 0) labelErrors.push(`"${wording}" does not occur in the body of ${name}`);
      spans.push(...found);
    }
    expected.push({ text: t, cls, also, spans });
  }
  const traps: Trap[] = [];
  for (const item of (Array.isArray(data.traps) ? data.traps : []) as Record<string, unknown>[]) {
    const t = typeof item?.text === 'string' ? item.text : '';
    if (!t) continue;
    const spans = occurrences(text, t, bodyStart);
    if (spans.length === 0) labelErrors.push(`trap "${t}" does not occur in the body of ${name}`);
    traps.push({ text: t, why: String(item.why ?? ''), spans });
  }
  return { text, type: typeof data.type === 'string' ? data.type : '?', expected, traps, labelErrors };
}

/** [start, end) of the sentence of the body around [start, end): bounded by the line and by sentence punctuation. */
export function sentenceBounds(text: string, start: number, end: number): [number, number] {
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  let lineEnd = text.indexOf('\n', end);
  if (lineEnd < 0) lineEnd = text.length;
  let s = lineStart;
  const before = text.slice(lineStart, start);
  const stop = /[.!?…]["'”’)]*\s+/g;
  for (let m = stop.exec(before); m; m = stop.exec(before)) s = lineStart + m.index + m[0].length;
  const after = /[.!?…]["'”’)]*(\s|$)/.exec(text.slice(end, lineEnd));
  return [s, after ? end + after.index + after[0].trimEnd().length : lineEnd];
}

/**
 * Greedy one-to-one pairing of found (`f`) and expected (`e`) asks, best first: higher score
 * (phrase overlap over sentence overlap), then same class, then position. Returns both maps.
 */
export function assignPairs(pairs: { f: number; e: number; score: number; same: boolean }[]): { foundTo: Map<number, number>; expectedTo: Map<number, number> } {
  pairs.sort((a, b) => b.score - a.score || Number(b.same) - Number(a.same) || a.f - b.f || a.e - b.e);
  const foundTo = new Map<number, number>();
  const expectedTo = new Map<number, number>();
  for (const p of pairs) {
    if (foundTo.has(p.f) || expectedTo.has(p.e)) continue;
    foundTo.set(p.f, p.e);
    expectedTo.set(p.e, p.f);
  }
  return { foundTo, expectedTo };
}
