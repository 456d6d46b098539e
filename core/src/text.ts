import type { Position, Range } from './types';

/**
 * Offsets <-> LSP positions. JavaScript string indices already are UTF-16 code
 * units, which is what LSP counts, so a position is just (line, offset - lineStart).
 * Line breaks are \n, \r\n and lone \r, as in LSP.
 */
export class LineIndex {
  readonly lineStarts: number[];

  constructor(readonly text: string) {
    const starts = [0];
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 13 /* \r */) {
        if (text.charCodeAt(i + 1) === 10) i++;
        starts.push(i + 1);
      } else if (c === 10 /* \n */) {
        starts.push(i + 1);
      }
    }
    this.lineStarts = starts;
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  positionAt(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStarts[mid]! <= clamped) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: clamped - this.lineStarts[lo]! };
  }

  offsetAt(position: Position): number {
    if (position.line >= this.lineStarts.length) return this.text.length;
    if (position.line < 0) return 0;
    const start = this.lineStarts[position.line]!;
    const end = this.lineEnd(position.line);
    return Math.min(start + Math.max(0, position.character), end);
  }

  /** Offset of the end of a line's content, before its line break. */
  lineEnd(line: number): number {
    const next = line + 1 < this.lineStarts.length ? this.lineStarts[line + 1]! : this.text.length;
    let end = next;
    if (end > this.lineStarts[line]! && this.text.charCodeAt(end - 1) === 10) end--;
    if (end > this.lineStarts[line]! && this.text.charCodeAt(end - 1) === 13) end--;
    return end;
  }

  lineText(line: number): string {
    return this.text.slice(this.lineStarts[line]!, this.lineEnd(line));
  }

  range(start: number, end: number): Range {
    return { start: this.positionAt(start), end: this.positionAt(end) };
  }
}

/** Whether the two UTF-16 units before `end` (none of them before `floor`) are one surrogate pair: an astral character ends at `end`. */
export function pairEndsAt(text: string, end: number, floor = 0): boolean {
  if (end - 2 < floor) return false;
  const high = text.charCodeAt(end - 2);
  const low = text.charCodeAt(end - 1);
  return high >= 0xd800 && high <= 0xdbff && low >= 0xdc00 && low <= 0xdfff;
}

/** The text without its byte order mark: editors hide it and count columns without it, and so does the core. */
export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * A document as the core reads it: its text with the byte order mark removed, and one line index
 * over that text. Every offset and range of an Analysis is in these coordinates, so hosts, hovers
 * and code actions read them from here instead of stripping and indexing the text again. The line
 * index is built on first use: a document skipped as too large or switched off never needs one.
 */
export class Doc {
  readonly text: string;
  #lines: LineIndex | undefined;

  constructor(rawText: string) {
    this.text = stripBom(rawText);
  }

  get lines(): LineIndex {
    return (this.#lines ??= new LineIndex(this.text));
  }
}

/**
 * Text prepared for matching: NFKC-folded, lower-cased, with typographic quotes
 * and dashes made plain, and a map from every normalised index back to the
 * original offset so that matches still underline the characters the writer typed.
 * LinkedIn posts use mathematical bold letters (U+1D5D4...), which NFKC folds to ASCII.
 */
export interface Normalized {
  text: string;
  /** The original text the offsets point into. */
  source: string;
  /** map[i] = original offset of normalised char i; map[text.length] = end offset. */
  map: number[];
}

const FOLD: Record<string, string> = {
  '\u2018': "'",
  '\u2019': "'",
  '\u201B': "'",
  '\u2032': "'",
  '\u201C': '"',
  '\u201D': '"',
  '\u201F': '"',
  '\u2013': '-',
  // An em dash between words is a clause break, never a hyphen: "hit subscribe—I've got more".
  '\u2014': ' - ',
  '\u2212': '-',
  '\u00A0': ' ',
  '\u2026': '...',
};

const cache = new Map<string, string>();

function foldCodePoint(cp: string): string {
  const hit = cache.get(cp);
  if (hit !== undefined) return hit;
  let out = FOLD[cp] ?? cp.normalize('NFKC');
  // Strip combining marks left over from decomposition so "café" matches "cafe"-style entries.
  out = out.toLowerCase().replace(/[\u0300-\u036f\u200b-\u200d\ufe0f]/g, '');
  if (cache.size < 4096) cache.set(cp, out);
  return out;
}

/** Normalise `source.slice(start, end)`, keeping offsets into `source`. */
export function normalize(source: string, start = 0, end = source.length): Normalized {
  let text = '';
  const map: number[] = [];
  let i = start;
  while (i < end) {
    const code = source.charCodeAt(i);
    // Plain ASCII is by far the common case: no table, no normalize() call.
    if (code < 0x80) {
      text += code >= 65 && code <= 90 ? String.fromCharCode(code + 32) : source[i];
      map.push(i);
      i++;
      continue;
    }
    const cp = String.fromCodePoint(source.codePointAt(i)!);
    const folded = foldCodePoint(cp);
    for (let k = 0; k < folded.length; k++) {
      text += folded[k];
      map.push(i);
    }
    i += cp.length;
  }
  map.push(end);
  return { text, source, map };
}

/** Simple, stable 32-bit FNV-1a hash, used as a cache key for blocks. */
export function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(36) + ':' + text.length;
}

/**
 * The index in a normalised text of a source offset: the first normalised character at or after
 * it. A binary search over the offset map (which never decreases), so mapping many offsets of one
 * sentence stays linear in practice.
 */
export function normIndexOf(unit: Normalized, offset: number): number {
  const map = unit.map;
  let lo = 0;
  let hi = map.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (map[mid]! < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
