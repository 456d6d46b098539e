/**
 * Splitting a draft body into blocks, and reading each block once.
 *
 * Every keystroke re-analyses the draft, so the body is cut into top-level
 * blocks at blank lines (never inside a fenced code block or an HTML comment,
 * and keeping indented continuation lines with the block above them), and
 * each block is parsed with remark on its own. A block's result depends only
 * on its text and the lexicon, so results are cached by text: an edit re-parses
 * the blocks it touched and reuses the rest. The document-level checks then
 * combine the per-block results exactly as a full run would.
 */
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import type { Blockquote, Root, RootContent, PhrasingContent, Html, Paragraph, Heading } from 'mdast';
import { normalize, normIndexOf, type Normalized } from './text';
import { isWordCode, sourceSpan, type Lexicon, type MatchContext, type Rejection, type UnitMatch } from './lexicon';
import { CONTACT_REQUEST, readerAdvice, readSentence } from './asks/reader';
import { vocabulary, WEB_TLD, WEB_TLD_WITH_PATH } from './asks/vocabulary';
import { classify } from './asks/classify';
import { pressureInContext } from './asks/pressure';
import { ASK_LEVELS } from './model';
import type { AskClass } from './types';

export interface Chunk {
  start: number;
  end: number;
  text: string;
}

const FENCE = /^ {0,3}(`{3,}|~{3,})/;

/** Cut `text[from, to)` into blocks separated by blank lines. */
export function chunkBody(text: string, from: number, to: number): Chunk[] {
  const chunks: Chunk[] = [];
  let chunkStart = -1;
  let lastContentEnd = -1;
  let fence: string | null = null;
  let inComment = false;
  let pos = from;
  while (pos < to) {
    let nl = text.indexOf('\n', pos);
    if (nl === -1 || nl >= to) nl = to;
    let lineEnd = nl;
    if (lineEnd > pos && text.charCodeAt(lineEnd - 1) === 13) lineEnd--;
    const line = text.slice(pos, lineEnd);
    const blank = line.trim() === '';
    if (fence !== null) {
      // Inside a fenced code block: only a matching closing fence ends it.
      const m = FENCE.exec(line);
      if (m && m[1]![0] === fence[0] && m[1]!.length >= fence.length && line.trim() === m[1]) fence = null;
      lastContentEnd = lineEnd;
    } else if (inComment) {
      if (line.includes('-->')) inComment = false;
      lastContentEnd = lineEnd;
    } else if (blank) {
      // A blank line ends the block unless the next non-blank line is indented (list
      // continuation or indented code), which must stay with the block above it.
      if (chunkStart !== -1 && !nextContentIndented(text, nl + 1, to)) {
        chunks.push({ start: chunkStart, end: lastContentEnd, text: text.slice(chunkStart, lastContentEnd) });
        chunkStart = -1;
      }
    } else {
      if (chunkStart === -1) chunkStart = pos;
      const m = FENCE.exec(line);
      if (m) fence = m[1]!;
      else if (line.includes('<!--') && line.lastIndexOf('-->') < line.lastIndexOf('<!--')) inComment = true;
      lastContentEnd = lineEnd;
    }
    pos = nl + 1;
  }
  if (chunkStart !== -1) chunks.push({ start: chunkStart, end: lastContentEnd, text: text.slice(chunkStart, lastContentEnd) });
  return chunks;
}

function nextContentIndented(text: string, from: number, to: number): boolean {
  let pos = from;
  while (pos < to) {
    let nl = text.indexOf('\n', pos);
    if (nl === -1 || nl > to) nl = to;
    const line = text.slice(pos, nl).replace(/\r$/, '');
    if (line.trim() !== '') return /^( {2,}|\t)/.test(line);
    pos = nl + 1;
  }
  return false;
}

/** A sentence-sized piece of prose, the unit in which at most one ask is found. */
export interface Unit {
  /** Offsets relative to the block start. */
  start: number;
  end: number;
  norm: Normalized;
  words: number;
  /** What kind of prose holds it. */
  container: 'paragraph' | 'heading' | 'list' | 'table' | 'ps';
  headingDepth?: number;
  /** Whole paragraph is a single link: a button. */
  button: boolean;
  greeting: boolean;
  /** The first sentence of a list item. */
  itemStart?: true;
  /** Ask candidate found by the lexicon, with offsets relative to the block start. */
  match?: UnitMatch;
  /** No ask, and a section 2a filter turned down a phrasing of the lexicon here (negated, a mention, quoted). */
  rejected?: Rejection;
  /**
   * No ask, and the sentence is a support line ("Need help? Our team answers within a day":
   * `line`), one whose request is to get in touch ("For any questions, contact us at ...":
   * `contact`, section 2a's courtesy closer), or follows one in its paragraph (`after`).
   */
  support?: 'line' | 'contact' | 'after';
  /** Urgency / hard-sell hits, offsets relative to the block start. */
  pressure: { start: number; end: number; via: string }[];
}

export interface LinkSpan {
  /** Offsets of the link text, relative to the block start. */
  start: number;
  end: number;
  url: string;
}

export interface Directive {
  /** `trustline-disable-next-line`, `trustline-disable`, `trustline-enable`, `trustline-disable-file`. */
  kind: 'disable-next-line' | 'disable' | 'enable' | 'disable-file' | 'unknown';
  ids: string[];
  /** Offsets of the comment, relative to the block start. */
  start: number;
  end: number;
  raw: string;
}

/** Everything the document-level analysis needs from one block. Offsets are block-relative. */
export interface BlockResult {
  units: Unit[];
  links: LinkSpan[];
  directives: Directive[];
  words: number;
  headings: { depth: number; words: number }[];
  hashtags: number;
  /** A `Subject:` line (email marker), block-relative offsets of its value. */
  subject?: { start: number; end: number };
  /** Paragraphs whose whole content is one link (buttons). */
  buttons: number;
  /** The block was not read: the markdown parser would take too long on it (see parserHazard). */
  unread?: ParserHazard;
  /** The block is a code block and nothing else (what the sentence before it may introduce). */
  code?: true;
}

/** Why a block is not given to the markdown parser, and where (block-relative offsets). */
export interface ParserHazard {
  start: number;
  end: number;
  /** What the block holds, as the end of "This block was not read: it holds ...". */
  reason: string;
}

/** Quotes and list items opened on one line, at most: drafts nest a few; the parser slows with the square past that. */
export const MAX_NESTING = 32;
/** Alternating emphasis markers in one run ("*_*_*_"), at most: "**_bold italic_**" has 2. */
export const MAX_EMPHASIS_ALTERNATIONS = 64;
/**
 * Runs of emphasis markers in one paragraph, at most. The parser moves every event it has read
 * each time it pairs two of them, so its time grows with the square of their number where a
 * paragraph cannot be read in parts ("-_-_-_..." leaves a marker open in every part): 5,000 take
 * half a second, 100,000 took 78 s. A draft's paragraph holds a few dozen.
 */
export const MAX_EMPHASIS_RUNS = 5_000;

/**
 * What in a block would make the markdown parser's time grow with the square of its size or
 * worse, found in one pass before parsing: a line that opens more than MAX_NESTING quotes and
 * list items ("> > > > ...", "- - - - ... text", "> - > - ..."), or a run of emphasis markers
 * that alternate more than MAX_EMPHASIS_ALTERNATIONS times ("*_*_*_..."). Such a block is not
 * parsed at all (one finding says so), so a pasted pathological draft never hangs the editor.
 * (A long paragraph of emphasis markers that cannot be read in parts is caught after the parts
 * are tried: emphasisRunsHazard.)
 */
export function parserHazard(text: string): ParserHazard | undefined {
  const n = text.length;
  // Containers opened at each line start.
  for (let lineStart = 0; lineStart < n; ) {
    let i = lineStart;
    let depth = 0;
    for (;;) {
      while (i < n && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i++;
      const c = text.charCodeAt(i);
      if (c === 62 /* > */) {
        i++;
      } else if ((c === 45 || c === 42 || c === 43) /* - * + */ && (text.charCodeAt(i + 1) === 32 || text.charCodeAt(i + 1) === 9)) {
        i += 2;
      } else if (c >= 48 && c <= 57) {
        let j = i;
        while (j < n && j - i < 9 && text.charCodeAt(j) >= 48 && text.charCodeAt(j) <= 57) j++;
        const d = text.charCodeAt(j);
        if ((d !== 46 && d !== 41) /* . ) */ || (text.charCodeAt(j + 1) !== 32 && text.charCodeAt(j + 1) !== 9)) break;
        i = j + 2;
      } else break;
      depth++;
    }
    const nl = text.indexOf('\n', i);
    const lineEnd = nl === -1 ? n : nl;
    // (A line of nothing but "- - - -" is a thematic break, which the parser reads in linear time.)
    if (depth > MAX_NESTING && !THEMATIC_BREAK.test(text.slice(lineStart, lineEnd))) {
      return { start: lineStart, end: i, reason: `a line that opens ${fmt(depth)} quotes and list items inside each other (more than ${MAX_NESTING})` };
    }
    lineStart = lineEnd + 1;
  }
  // Runs of * and _ that alternate.
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c !== 42 && c !== 95) continue;
    const start = i;
    let changes = 0;
    while (i + 1 < n && (text.charCodeAt(i + 1) === 42 || text.charCodeAt(i + 1) === 95)) {
      if (text.charCodeAt(i + 1) !== text.charCodeAt(i)) changes++;
      i++;
    }
    if (changes > MAX_EMPHASIS_ALTERNATIONS) return { start, end: i + 1, reason: `a run of ${fmt(i + 1 - start)} emphasis markers that switch between * and _ ${fmt(changes)} times (more than ${MAX_EMPHASIS_ALTERNATIONS})` };
  }
  return undefined;
}

/** A count as the findings write it ("5,000"). */
const fmt = (x: number) => x.toLocaleString('en-US');

/** Whether a line is blank once its quote markers (`inner` characters) are off: ">" alone is a quoted blank line. */
function blankLine(line: string, inner = QUOTE_PREFIX.exec(line)![0].length): boolean {
  return /^[ \t]*\r?$/.test(line.slice(inner));
}

const isWordChar = (c: number) => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);

/**
 * A paragraph (lines up to a blank line, quoted or not) with more than MAX_EMPHASIS_RUNS runs of *
 * or _ that the parser may pair, from its first line to its last; a line that can interrupt a
 * paragraph (a list item, a heading) starts one. Not counted: an underscore inside a word
 * ("snake_case" cannot open or close), a list bullet ("* item"), a thematic break ("***") and
 * fenced code.
 */
export function emphasisRunsHazard(text: string): ParserHazard | undefined {
  const n = text.length;
  let paragraphStart = -1;
  let runs = 0;
  // The marker of the fenced code block the line is in ("```", "~~~~"), or "".
  let fence = '';
  for (let lineStart = 0; lineStart <= n; ) {
    const nl = text.indexOf('\n', lineStart);
    const lineEnd = nl === -1 ? n : nl;
    const line = text.slice(lineStart, lineEnd);
    // Quote markers and indentation first ("> > text"): a quoted blank line is a blank line.
    const inner = QUOTE_PREFIX.exec(line)![0].length;
    const fenceOpen = FENCE.exec(line.slice(inner));
    if (fence) {
      if (fenceOpen && fenceOpen[1]!.startsWith(fence)) fence = '';
    } else if (fenceOpen) {
      fence = fenceOpen[1]!;
      paragraphStart = -1;
      runs = 0;
    } else if (blankLine(line, inner)) {
      paragraphStart = -1;
      runs = 0;
    } else {
      if (paragraphStart < 0) paragraphStart = lineStart;
      if (!THEMATIC_BREAK.test(line.slice(inner))) {
        // A line that can interrupt a paragraph starts one of its own: a list item (a bullet with
        // text, or an ordered item numbered 1) or a heading, indented less than four spaces. Its
        // markers are not emphasis ("* item"). A "2. " inside a paragraph goes on with it.
        let i = lineStart + inner;
        for (;;) {
          const marker = INTERRUPTS.exec(text.slice(i, Math.min(lineEnd, i + 16)));
          if (!marker) break;
          i += marker[0].length;
          paragraphStart = lineStart;
          runs = 0;
        }
        for (; i < lineEnd; i++) {
          const c = text.charCodeAt(i);
          if (c !== 42 && c !== 95) continue;
          const start = i;
          while (i + 1 < lineEnd && text.charCodeAt(i + 1) === c) i++;
          if (c === 95 && start > 0 && isWordChar(text.charCodeAt(start - 1)) && isWordChar(text.charCodeAt(i + 1))) continue;
          if (++runs > MAX_EMPHASIS_RUNS) {
            return { start: paragraphStart, end: paragraphEnd(text, i), reason: `a paragraph of more than ${fmt(MAX_EMPHASIS_RUNS)} runs of emphasis markers (* and _)` };
          }
        }
      }
    }
    if (nl === -1) break;
    lineStart = nl + 1;
  }
  return undefined;
}

/** Quote markers and the spaces around them at a line's start. */
const QUOTE_PREFIX = /^(?:[ ]{0,3}>[ \t]?)*/;
/** A list item or a heading that can interrupt a paragraph, with the space after its marker. */
const INTERRUPTS = /^[ ]{0,3}(?:[-*+][ \t]+(?=\S)|1[.)][ \t]+(?=\S)|#{1,6}(?:[ \t]+|(?=\r?$)))/;

/** The end of the paragraph that holds offset `at`: the end of the line before the next blank line, or of the text. */
function paragraphEnd(text: string, at: number): number {
  let lineStart = text.indexOf('\n', at);
  let end = lineStart === -1 ? text.length : lineStart;
  while (lineStart !== -1) {
    const nl = text.indexOf('\n', lineStart + 1);
    const lineEnd = nl === -1 ? text.length : nl;
    if (blankLine(text.slice(lineStart + 1, lineEnd))) break;
    end = lineEnd;
    lineStart = nl;
  }
  return end > 0 && text.charCodeAt(end - 1) === 13 ? end - 1 : end;
}

const THEMATIC_BREAK = /^[ \t]*(?:(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,})\r?$/;

/** The result of a block that was not read. */
function unreadBlock(hazard: ParserHazard): BlockResult {
  return { units: [], links: [], directives: [], words: 0, headings: [], hashtags: 0, buttons: 0, unread: hazard };
}

const processor = unified().use(remarkParse);

/**
 * The markdown tree of `text`, with positions into `text` as given. The parser drops a byte order
 * mark at the start of what it parses and counts from after it, so a block that starts with one
 * (a BOM pasted after the front matter) would have every offset one off, and an ask's end could
 * land inside a surrogate pair. The mark is read as a space instead: same length, same offsets.
 */
function parseMarkdown(text: string): Root {
  return processor.parse(text.charCodeAt(0) === 0xfeff ? ` ${text.slice(1)}` : text) as Root;
}

export function parseBlock(text: string, lexicon: Lexicon): BlockResult {
  const hazard = parserHazard(text);
  if (hazard) return unreadBlock(hazard);
  const tree = parseTree(text);
  if (!('type' in tree)) return unreadBlock(tree);
  const out: BlockResult = { units: [], links: [], directives: [], words: 0, headings: [], hashtags: 0, buttons: 0 };
  for (const node of tree.children) visitBlock(node, text, lexicon, out, 'paragraph');
  if (onlyCode(tree.children)) out.code = true;
  return out;
}

/**
 * The tree of one block: a long list, quote or other long block in parts that read as one parse.
 * A long block that cannot be cut is parsed whole, unless a paragraph in it holds so many emphasis
 * markers that one parse would take the square of their number (emphasisRunsHazard): that block
 * is not read. (A block shorter than two parts holds too few to matter.)
 */
function parseTree(text: string): Root | ParserHazard {
  const quote = quoteInParts(text);
  if (quote) return quote;
  const parts = listParts(text);
  if (parts) return parseListInParts(text, parts);
  const inParts = blockInParts(text) ? parseInParts(text) : undefined;
  if (inParts) return inParts.tree ?? inParts.hazard;
  return (text.length >= 2 * PART_SIZE && emphasisRunsHazard(text)) || parseWithReferences(text);
}

/** A full or collapsed reference to a link definition: "[support][]", "[the guide][g]". */
const REFERENCE = /\[([^\]\n]{1,200})\]\[([^\]\n]{0,200})\]/g;
/** Whether a text holds a reference at all (REFERENCE without its scan state). */
const HAS_REFERENCE = new RegExp(REFERENCE.source);
/** A link reference definition at a line start: "[g]: https://...". */
const DEFINITION = /^ {0,3}\[[^\]\n]+\]:/m;

/**
 * A block is parsed alone wherever the draft defines links (parseBlocksTogether), so a reference
 * to a definition in another block ("See [`support.md`][support] for ways to get help.", as
 * READMEs write links) would read as brackets around words. Each full or collapsed reference the
 * block makes is given a definition after the block's text, so it reads as the link it is; the
 * definitions produce no nodes of their own, and nothing before the block's end moves. A shortcut
 * reference ("[First Name]") is left as written: alone it is as likely a placeholder.
 */
function parseWithReferences(text: string): Root {
  if (!text.includes('][') || DEFINITION.test(text)) return parseMarkdown(text);
  const labels = new Set<string>();
  for (const m of text.matchAll(REFERENCE)) {
    const label = (m[2] || m[1])!.replace(/\s+/g, ' ').trim();
    // A label with a bracket or a backslash cannot be defined ("m[i][j[k]]" in code).
    if (label && !/[[\]\\]/.test(label)) labels.add(label);
  }
  if (labels.size === 0) return parseMarkdown(text);
  // Each definition in a paragraph of its own, so that one the parser refuses swallows no other.
  const tree = parseMarkdown(`${text}\n\n${[...labels].map((l) => `[${l}]: #`).join('\n\n')}\n`);
  // Nothing that starts after the block's own text is the block's.
  tree.children = tree.children.filter((n) => n.position!.start.offset! < text.length);
  return tree;
}

/**
 * A long block quote, parsed as what it quotes: the block with one quote marker (and the space
 * after it) taken off every line is parsed as a block of its own (in parts where it is long:
 * parseTree), and its tree, its offsets moved back onto the quoted lines, is the quote's content.
 * The parser moves all the events it has read each time a container inside the quote closes, so a
 * quote of a thousand list items that quote again ("> - > - ...") cost the square of its length.
 * Only where every line starts with ">" followed by a space, a visible character or the line's
 * end (no lazy line, no indent, no tab to expand): then the quote's content is exactly those lines
 * with the marker off, as section 5.1 of CommonMark reads it. Undefined otherwise; the hazard
 * where what it quotes is not read (parseTree).
 */
function quoteInParts(text: string): Root | ParserHazard | undefined {
  if (text.length < 2_000 || text.charCodeAt(0) !== 62 /* > */) return undefined;
  const starts: number[] = [];
  const cuts: number[] = [];
  let inner = '';
  for (let at = 0; at < text.length; ) {
    const nl = text.indexOf('\n', at);
    const end = nl === -1 ? text.length : nl + 1;
    if (text.charCodeAt(at) !== 62) return undefined;
    const next = text.charCodeAt(at + 1);
    if (next === 9) return undefined;
    const cut = next === 32 ? 2 : 1;
    // A tab in the indent after the marker counts from the marker's column: not the same indent alone.
    for (let i = at + cut; i < end && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9); i++) if (text.charCodeAt(i) === 9) return undefined;
    starts.push(inner.length);
    cuts.push(at + cut - inner.length);
    inner += text.slice(at + cut, end);
    at = end;
  }
  const tree = parseTree(inner);
  // An offset into the inner text, moved onto the line it came from.
  const back = (offset: number): number => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return offset + cuts[lo]!;
  };
  // A quoted paragraph the parser would take the square of its markers to read: not read either.
  if (!('type' in tree)) return { ...tree, start: back(tree.start), end: back(tree.end) };
  for (const node of tree.children) mapOffsets(node, back);
  let last = text.length;
  while (last > 0 && (text.charCodeAt(last - 1) === 10 || text.charCodeAt(last - 1) === 13)) last--;
  const quote: Blockquote = { type: 'blockquote', children: tree.children as Blockquote['children'], position: { start: point(0), end: point(last) } };
  return { type: 'root', children: [quote], position: { start: point(0), end: point(last) } };
}

function onlyCode(nodes: readonly RootContent[]): boolean {
  return nodes.length > 0 && nodes.every((n) => n.type === 'code');
}

/** Top-level list items per parse of a long list (see listParts). */
const ITEMS_PER_PARSE = 32;

/**
 * Where to cut a block that is one long list into parses of ITEMS_PER_PARSE top-level items, or
 * undefined to parse it whole. The parser moves all the events it has read each time a nested list
 * item closes, so a list of thousands of lines like "- - - item" costs the square of its length
 * (1,000 lines of four nested markers: 2.5 s). Cut before a line that starts a top-level item, the
 * parses give the tree of one parse, their lists joined: the block is cut only when every line
 * that is not indented (or blank) opens an item with the first line's marker (so no line can be a
 * lazy continuation or start another list), and it holds no fenced code, HTML block or link
 * reference definition that a cut could split or separate from its use.
 */
export function listParts(text: string): number[] | undefined {
  if (text.length < 2_000) return undefined;
  const first = LIST_LINE.exec(text);
  if (!first) return undefined;
  const marker = first[1]!.replace(/\d+/, '0');
  if (/^[ \t]*(?:```|~~~|<)|^ {0,3}\[[^\]\n]+\]:/m.test(text)) return undefined;
  const starts: number[] = [];
  for (let at = 0; at < text.length; ) {
    let nl = text.indexOf('\n', at);
    if (nl === -1) nl = text.length;
    const c = text.charCodeAt(at);
    if (at < nl && c !== 32 && c !== 9 && c !== 13) {
      const m = LIST_LINE.exec(text.slice(at, Math.min(nl, at + 13)));
      if (!m || m[1]!.replace(/\d+/, '0') !== marker) return undefined;
      starts.push(at);
    }
    at = nl + 1;
  }
  if (starts.length <= ITEMS_PER_PARSE) return undefined;
  const cuts: number[] = [];
  for (let k = ITEMS_PER_PARSE; k < starts.length; k += ITEMS_PER_PARSE) cuts.push(starts[k]!);
  return cuts;
}

/** A line that opens a list item: its marker ("-", "*", "+", "1." or "1)") and a space or tab. */
const LIST_LINE = /^([-*+]|\d{1,9}[.)])[ \t]/;

/** About this many characters per parse of a long block that is not a list (see blockInParts). */
export const PART_SIZE = 4_000;

/** A setext heading's underline (or a thematic break, "---"): the line closes the block above it. */
const UNDERLINE = /^ {0,3}(?:=+|-+)[ \t]*\r?$/;

/**
 * Whether to parse a block (not a long list: listParts) in parts: a long block, or one with more
 * setext headings than SETEXT_PER_PARSE. The parser is superlinear on one long paragraph (each
 * emphasis it resolves moves all the events after it: a sentence of thousands of "**bold** and
 * _it_" costs the square of its length) and resolves each setext heading over all it parses.
 */
export function blockInParts(text: string): boolean {
  if (text.length < 2 * PART_SIZE && setextUnderlines(text) <= SETEXT_PER_PARSE) return false;
  // A link reference definition (at a line start, in a quote or a list item, its label over
  // lines) serves links anywhere in the block: a cut could separate them, so a block with "]:" is not cut.
  return !text.includes(']:');
}

function isAsciiLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/**
 * Whether a line that starts with this character starts a paragraph: not a space, digit, byte order
 * mark or a character that can open another block (`# > - + * _ = \` ~ < |`). (A `[` could open a
 * link reference definition, but a block that may hold one is not cut: blockInParts.)
 */
function startsProse(c: number): boolean {
  if (c <= 32 || (c >= 48 && c <= 57) || c === 0xfeff) return false;
  return !'#>-+*_=`~<|'.includes(String.fromCharCode(c));
}

interface Cut {
  at: number;
  /** After a line that closes a heading or a thematic break, or inside a line of a paragraph. */
  kind: 'line' | 'inline';
}

/**
 * The first place to cut at or after `min` (or after `setext` underlines from `from`): the start
 * of the line after a setext underline or a thematic break; or in a paragraph's text, before a
 * character that starts a paragraph (startsProse) at the start of a line, or inside a line after a
 * space or tab with a letter earlier in that line (so the text before the cut is not a bare list
 * marker, thematic break or underline that the whole line is not), the line not followed by an
 * underline (which would make it a heading). A cut is only a candidate: the parse of the part
 * before it, and of the part after it, say whether it holds (see parseInParts).
 */
function nextCut(text: string, from: number, min: number, setext: number): Cut | undefined {
  const n = text.length;
  let underlines = 0;
  for (let lineStart = from; lineStart < n; ) {
    const nl = text.indexOf('\n', lineStart);
    const lineEnd = nl === -1 ? n : nl;
    const line = text.slice(lineStart, Math.min(lineEnd, lineStart + 200));
    if (lineEnd - lineStart < 200 && (UNDERLINE.test(line) || THEMATIC_BREAK.test(line))) {
      underlines++;
      // (A byte order mark that starts a part would be dropped by the parser.)
      if (nl !== -1 && (nl + 1 >= min || underlines >= setext) && text.charCodeAt(nl + 1) !== 0xfeff) return { at: nl + 1, kind: 'line' };
    } else if (lineEnd > min) {
      // At the start of this line or inside it, at or after min.
      const nextEnd = nl === -1 ? n : text.indexOf('\n', nl + 1);
      const next = nl === -1 ? '' : text.slice(nl + 1, Math.min(nextEnd === -1 ? n : nextEnd, nl + 1 + 200));
      if (!UNDERLINE.test(next)) {
        // At the line start, when the line before ends in a character that is not a space or a
        // backslash (either would make the line break a hard break in one parse, not at a part's end).
        if (lineStart >= min && lineStart > from && startsProse(text.charCodeAt(lineStart))) {
          let end = lineStart - 1;
          if (text.charCodeAt(end - 1) === 13) end--;
          const c = text.charCodeAt(end - 1);
          if (end > from && c !== 32 && c !== 9 && c !== 92 && c !== 10) return { at: lineStart, kind: 'inline' };
        }
        let letter = lineStart;
        while (letter < lineEnd && !isAsciiLetter(text.charCodeAt(letter))) letter++;
        for (let c = Math.max(min, letter + 2, lineStart + 1); c < lineEnd; c++) {
          const p = text.charCodeAt(c - 1);
          if ((p === 32 || p === 9) && startsProse(text.charCodeAt(c))) return { at: c, kind: 'inline' };
        }
      }
    }
    if (nl === -1) break;
    lineStart = nl + 1;
  }
  return undefined;
}

type Positioned = { position?: { start: { offset?: number }; end: { offset?: number } } };
const startOf = (node: Positioned) => node.position!.start.offset!;
const endOf = (node: Positioned) => node.position!.end.offset!;

/**
 * Whether a paragraph that ends a part may go on in the next part and read as one paragraph:
 * nothing in it is left open that a later character could close. Emphasis, links, code spans,
 * autolinks and inline HTML are all matched within a paragraph, an opener with a later closer; an
 * opener the parser found no closer for stays in the text. So every `[`, backtick and `<` left in
 * its text, and every run of `*` or `_` that could open emphasis, makes the cut unsafe. A run that
 * cannot open is one followed by a space, or an `_` run after a letter or digit ("snake_case"):
 * decided on text that is its source character for character, any other is taken as unsafe.
 */
function closedParagraph(nodes: readonly PhrasingContent[], text: string): boolean {
  for (const node of nodes) {
    if ('children' in node) {
      if (!closedParagraph(node.children as PhrasingContent[], text)) return false;
      continue;
    }
    if (node.type !== 'text') continue;
    const v = node.value;
    if (!/[[`<*_]/.test(v)) continue;
    if (/[[`]/.test(v)) return false;
    const exact = text.slice(startOf(node), endOf(node)) === v;
    if (!exact) return false;
    for (let i = 0; i < v.length; i++) {
      const c = v.charCodeAt(i);
      if (c === 60 /* < */) {
        const d = v.charCodeAt(i + 1);
        if (Number.isNaN(d) || isAsciiLetter(d) || d === 47 || d === 33 || d === 63) return false;
      } else if (c === 42 || c === 95 /* * _ */) {
        let j = i;
        while (v.charCodeAt(j + 1) === c) j++;
        const before = v.charCodeAt(i - 1);
        const after = v.charCodeAt(j + 1);
        const spaceAfter = after === 32 || after === 9 || after === 10 || after === 13;
        const wordBefore = isAsciiLetter(before) || (before >= 48 && before <= 57);
        if (!spaceAfter && !(c === 95 && wordBefore)) return false;
        i = j;
      }
    }
  }
  return true;
}

/**
 * The tree of a long block parsed in parts (blockInParts), the same tree one parse gives; or
 * undefined where a part says a cut does not hold, for the caller to parse the block whole. Parts
 * are about PART_SIZE characters or SETEXT_PER_PARSE setext headings. A cut holds
 * - after a line that closes a heading or thematic break at the top level: the next line starts
 *   afresh in one parse too;
 * - inside a paragraph at the top level when the part before leaves nothing open in it
 *   (closedParagraph) and the part after starts with a paragraph: the two are one paragraph, the
 *   spaces between them joined to the text around them.
 * A part whose cut does not hold is parsed again up to a cut twice as far, at most twice. The third
 * cut is then taken with what the part leaves open remembered (leftOpen: a stray `[`, backtick
 * run, `<`, `*` or `_` that found no closer in its part): the paragraph's later parts must leave
 * nothing that could close it (closesOpen), or the whole block is parsed at once after all. So a
 * paragraph that opens something at its start and never closes it is still read in parts.
 * A paragraph that a setext underline in a later part makes a heading becomes that heading.
 */
export function parseInParts(text: string, partSize = PART_SIZE): { tree: Root; parses: number; hazard?: undefined } | { hazard: ParserHazard; parses: number; tree?: undefined } | undefined {
  const root: Root = { type: 'root', children: [] };
  let parses = 0;
  let from = 0;
  let joinParagraph = false;
  // What the paragraph that goes on into the next part left open in its earlier parts.
  let open: Open | undefined;
  while (from < text.length) {
    let scale = 1;
    let part: Root;
    let cut: Cut | undefined;
    let forced = false;
    for (;;) {
      // After three cuts that do not hold, the rest is parsed whole, unless the third holds but
      // for what its part left open (a stray "[" at the paragraph's start): see `open`.
      cut = scale > 4 ? undefined : nextCut(text, from, from + scale * partSize, scale * SETEXT_PER_PARSE);
      // Not a part (nor the rest, parsed whole) where a paragraph holds so many emphasis markers
      // that its parse would take the square of their number.
      if ((cut?.at ?? text.length) - from > MAX_EMPHASIS_RUNS) {
        const hazard = emphasisRunsHazard(text.slice(from, cut?.at));
        // (Its paragraph may go on past the part.)
        if (hazard) return { hazard: { ...hazard, start: hazard.start + from, end: paragraphEnd(text, hazard.start + from) }, parses };
      }
      parses++;
      part = from === 0 ? parseMarkdown(text.slice(from, cut?.at)) : (processor.parse(text.slice(from, cut?.at)) as Root);
      for (const node of part.children) shiftPositions(node, -from);
      if (!cut) break;
      const last = part.children[part.children.length - 1];
      const tail = last ? text.slice(endOf(last), cut.at) : '';
      if (cut.kind === 'line' && (last?.type === 'heading' || last?.type === 'thematicBreak') && /^[ \t]*\r?\n$/.test(tail)) break;
      if (cut.kind === 'inline' && last?.type === 'paragraph' && /^(?:[ \t]*|\r?\n)$/.test(tail)) {
        if (closedParagraph(last.children, text)) break;
        if (scale === 4) {
          forced = true;
          break;
        }
      }
      scale *= 2;
    }
    let children = part.children;
    if (joinParagraph) {
      const prev = root.children[root.children.length - 1];
      const next = children[0];
      if (prev?.type !== 'paragraph' || (next?.type !== 'paragraph' && next?.type !== 'heading') || startOf(next) !== from) return undefined;
      if (open && closesOpen(next.children, text, open)) return undefined;
      joinParagraphs(prev, next, text);
      // A setext underline in this part makes the whole paragraph its heading, as in one parse.
      if (next.type === 'heading') root.children[root.children.length - 1] = { type: 'heading', depth: next.depth, children: prev.children, position: prev.position! } satisfies Heading;
      children = children.slice(1);
    }
    // The paragraph goes on into the next part: what it leaves open so far.
    const continues = cut?.kind === 'inline';
    if (!continues || children.length > 0 || !joinParagraph) open = undefined;
    if (forced) {
      const last = part.children[part.children.length - 1] as Paragraph;
      open = leftOpen(last.children, text, open ?? noneOpen());
    }
    root.children.push(...children);
    joinParagraph = continues;
    from = cut ? cut.at : text.length;
  }
  if (root.children.length) root.position = { start: root.children[0]!.position!.start, end: root.children[root.children.length - 1]!.position!.end };
  return { tree: root, parses };
}

/** What a paragraph's part left open: literal markers that a later closer could still pair with. */
interface Open {
  star: boolean;
  underscore: boolean;
  bracket: boolean;
  angle: boolean;
  /** Lengths of literal backtick runs (a code span closes on a run of the same length); all when unknown. */
  ticks: Set<number> | 'all';
}

function noneOpen(): Open {
  return { star: false, underscore: false, bracket: false, angle: false, ticks: new Set() };
}

/** The literal text of a paragraph part's nodes, and whether each is its source character for character. */
function* literals(nodes: readonly PhrasingContent[], text: string): Generator<{ value: string; exact: boolean }> {
  for (const node of nodes) {
    if ('children' in node) yield* literals(node.children as PhrasingContent[], text);
    else if (node.type === 'text') yield { value: node.value, exact: text.slice(startOf(node), endOf(node)) === node.value };
  }
}

/** Add to `open` every marker left literal in these nodes (any text that is not its source: all of them). */
function leftOpen(nodes: readonly PhrasingContent[], text: string, open: Open): Open {
  for (const { value, exact } of literals(nodes, text)) {
    if (!exact) return { star: true, underscore: true, bracket: true, angle: true, ticks: 'all' };
    if (value.includes('*')) open.star = true;
    if (value.includes('_')) open.underscore = true;
    if (value.includes('[')) open.bracket = true;
    if (value.includes('<')) open.angle = true;
    if (open.ticks !== 'all') for (const run of value.match(/`+/g) ?? []) open.ticks.add(run.length);
  }
  return open;
}

/**
 * Whether the next part of a paragraph could close what its earlier parts left open, so that one
 * parse would read it otherwise: a literal `*`, `_` or `]` left in its text (a closer that found no
 * opener in its part looks further back in one parse), a backtick run of a length left open, or a
 * `>` that could end an HTML tag opened before (both anywhere in its source).
 */
function closesOpen(nodes: readonly PhrasingContent[], text: string, open: Open): boolean {
  if (!nodes.length) return false;
  const source = text.slice(startOf(nodes[0]!), endOf(nodes[nodes.length - 1]!));
  if (open.angle && source.includes('>')) return true;
  if (open.ticks === 'all' ? source.includes('`') : (source.match(/`+/g) ?? []).some((run) => (open.ticks as Set<number>).has(run.length))) return true;
  // A run that can both open and close (between two characters that are not spaces: "a*b") opens
  // in its part but may close one left open before it in one parse.
  if ((open.star && bothWays(source, '*')) || (open.underscore && bothWays(source, '_'))) return true;
  for (const { value, exact } of literals(nodes, text)) {
    if (!exact && /[*_\]]/.test(source)) return true;
    if ((open.star && value.includes('*')) || (open.underscore && value.includes('_')) || (open.bracket && value.includes(']'))) return true;
  }
  return false;
}

/** Whether `source` has a run of `marker` with a character that is not a space on each side. */
function bothWays(source: string, marker: '*' | '_'): boolean {
  for (let i = source.indexOf(marker); i !== -1; i = source.indexOf(marker, i)) {
    let j = i;
    while (source[j] === marker) j++;
    if (i > 0 && j < source.length && !/\s/.test(source[i - 1]!) && !/\s/.test(source[j]!)) return true;
    i = j;
  }
  return false;
}

/** Make `next` the rest of `prev`: the spaces between their contents are text, joined to the text on either side. */
function joinParagraphs(prev: Paragraph, next: Paragraph | Heading, text: string): void {
  const kids = prev.children;
  let last = kids[kids.length - 1];
  const gapStart = last ? endOf(last) : startOf(prev);
  const gapEnd = next.children.length ? startOf(next.children[0]!) : endOf(next);
  if (last?.type === 'text') {
    last.value += text.slice(gapStart, gapEnd);
    last.position = { start: last.position!.start, end: point(gapEnd) };
  } else {
    last = { type: 'text', value: text.slice(gapStart, gapEnd), position: { start: point(gapStart), end: point(gapEnd) } };
    kids.push(last);
  }
  const rest = next.children;
  const first = rest[0];
  if (first?.type === 'text' && startOf(first) === gapEnd) {
    last.value += first.value;
    last.position = { start: last.position!.start, end: first.position!.end };
    kids.push(...rest.slice(1));
  } else kids.push(...rest);
  prev.position = { start: prev.position!.start, end: next.position!.end };
}

/** The tree of a long list parsed in parts cut at `cuts` (listParts): each part's list joins the one before. */
function parseListInParts(text: string, cuts: number[]): Root {
  const root: Root = { type: 'root', children: [] };
  const bounds = [0, ...cuts, text.length];
  for (let k = 0; k + 1 < bounds.length; k++) {
    const from = bounds[k]!;
    const part = parseMarkdown(text.slice(from, bounds[k + 1]));
    for (const node of part.children) shiftPositions(node, -from);
    const last = root.children[root.children.length - 1];
    const next = part.children[0];
    if (last?.type === 'list' && next?.type === 'list' && next.position!.start.offset === from && last.ordered === next.ordered) {
      last.children.push(...next.children);
      last.position!.end = next.position!.end;
      last.spread = last.spread || next.spread;
      root.children.push(...part.children.slice(1));
    } else root.children.push(...part.children);
  }
  if (root.children.length) root.position = { start: root.children[0]!.position!.start, end: root.children[root.children.length - 1]!.position!.end };
  return root;
}

/** Setext headings per parse when many blocks are read at once, at most (see parseBlocksInWindows). */
const SETEXT_PER_PARSE = 16;

/** Lines of a block that may underline a setext heading ("===" or "---" under a line of text). */
function setextUnderlines(text: string): number {
  let count = 0;
  for (let nl = text.indexOf('\n'); nl !== -1; nl = text.indexOf('\n', nl + 1)) {
    let i = nl + 1;
    let spaces = 0;
    while (spaces < 3 && text.charCodeAt(i) === 32) {
      i++;
      spaces++;
    }
    const c = text.charCodeAt(i);
    if (c !== 61 /* = */ && c !== 45 /* - */) continue;
    while (text.charCodeAt(i) === c) i++;
    while (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9 || text.charCodeAt(i) === 13) i++;
    if (i >= text.length || text.charCodeAt(i) === 10) count++;
  }
  return count;
}

/** Characters of body per parse when many blocks are read at once (see parseBlocksInWindows). */
export const PARSE_WINDOW = 20_000;

/**
 * `parseBlocksTogether` in windows of about PARSE_WINDOW characters: one parse per window keeps
 * the parser's set-up cost amortised, and no parse is long enough for the parser's superlinear
 * paths (a 600 KB landing page: 3.3 s in one parse, 0.7 s in windows; bench/ANALYSIS.md).
 */
export function parseBlocksInWindows(text: string, chunks: readonly Chunk[], lexicon: Lexicon, stop: () => boolean = () => false): (BlockResult | undefined)[] {
  const out: (BlockResult | undefined)[] = [];
  for (let i = 0; i < chunks.length; ) {
    // Past the time budget: the blocks not read yet come back undefined (the caller stops too).
    if (stop()) break;
    // A block the parser must not read is never parsed with others (see parserHazard).
    const hazard = parserHazard(chunks[i]!.text);
    if (hazard) {
      out.push(unreadBlock(hazard));
      i++;
      continue;
    }
    // A long list, and any other long block, is parsed in parts of its own (listParts, blockInParts).
    if (listParts(chunks[i]!.text) || blockInParts(chunks[i]!.text)) {
      out.push(parseBlock(chunks[i]!.text, lexicon));
      i++;
      continue;
    }
    let j = i + 1;
    let setext = setextUnderlines(chunks[i]!.text);
    while (j < chunks.length && chunks[j]!.end - chunks[i]!.start <= PARSE_WINDOW && !parserHazard(chunks[j]!.text) && !listParts(chunks[j]!.text) && !blockInParts(chunks[j]!.text)) {
      // The parser resolves each setext heading over the whole of what it parses: a window of
      // thousands of them costs the square of its size, so a window holds only a few.
      const more = setextUnderlines(chunks[j]!.text);
      if (setext + more > SETEXT_PER_PARSE) break;
      setext += more;
      j++;
    }
    out.push(...parseBlocksTogether(text, chunks.slice(i, j), lexicon));
    i = j;
  }
  return out;
}

/**
 * Read many blocks with one parse. Each remark call has a fixed set-up cost
 * (extension tables, compiler config), which dominates when a draft is opened
 * and every block is new. So the whole body is parsed once and its top-level
 * nodes are handed to the blocks that hold them, shifted to block-relative
 * offsets, and read exactly as `parseBlock` reads a block parsed alone.
 * A block whose nodes do not line up with it (a node spanning a blank line,
 * such as a `<pre>` block) comes back undefined for the caller to parse alone,
 * and a body with link reference definitions, or with references to them, is not batched at
 * all: a definition changes how other blocks parse, and a block read alone reads its references
 * as links (parseWithReferences). The incremental tests check that
 * both paths give identical results.
 */
export function parseBlocksTogether(text: string, chunks: readonly Chunk[], lexicon: Lexicon): (BlockResult | undefined)[] {
  const results: (BlockResult | undefined)[] = new Array(chunks.length).fill(undefined);
  if (chunks.length === 0) return results;
  const from = chunks[0]!.start;
  const to = chunks[chunks.length - 1]!.end;
  const body = text.slice(from, to);
  // A definition changes how other blocks parse, and a block parsed alone reads its references as
  // links (parseWithReferences): both are read a block at a time.
  if (DEFINITION.test(body) || (body.includes('][') && HAS_REFERENCE.test(body))) return results;
  const tree = parseMarkdown(body);
  const assigned: RootContent[][] = chunks.map(() => []);
  const broken = new Set<number>();
  let c = 0;
  const place = (node: RootContent): number | undefined => {
    const s = node.position!.start.offset! + from;
    const e = node.position!.end.offset! + from;
    while (c < chunks.length && chunks[c]!.end <= s) c++;
    const chunk = chunks[c];
    if (!chunk || s < chunk.start) return undefined;
    return e <= chunk.end ? c : -1;
  };
  for (const node of tree.children) {
    const at = place(node);
    if (at === undefined) continue;
    if (at >= 0) {
      assigned[at]!.push(node);
      continue;
    }
    // A loose list runs across blank lines; its items still sit in one block each.
    if (node.type === 'list') {
      for (const item of node.children) {
        const i = place(item);
        if (i === undefined || i < 0) {
          markSpan(node, from, chunks, broken);
          break;
        }
        const prev = assigned[i]![assigned[i]!.length - 1];
        if (prev && prev.type === 'list' && (prev as { _split?: true })._split) (prev.children as unknown[]).push(item);
        else assigned[i]!.push({ ...node, position: undefined, children: [item], _split: true } as unknown as RootContent);
      }
      continue;
    }
    markSpan(node, from, chunks, broken);
  }
  chunks.forEach((chunk, i) => {
    if (broken.has(i)) return;
    const out: BlockResult = { units: [], links: [], directives: [], words: 0, headings: [], hashtags: 0, buttons: 0 };
    const shift = chunk.start - from;
    for (const node of assigned[i]!) {
      shiftPositions(node, shift);
      visitBlock(node, chunk.text, lexicon, out, 'paragraph');
    }
    if (onlyCode(assigned[i]!)) out.code = true;
    results[i] = out;
  });
  return results;
}

function markSpan(node: RootContent, from: number, chunks: readonly Chunk[], broken: Set<number>): void {
  const s = node.position!.start.offset! + from;
  const e = node.position!.end.offset! + from;
  chunks.forEach((ch, i) => {
    if (ch.end > s && ch.start < e) broken.add(i);
  });
}

/** Make a node's offsets relative to its block (only offsets are read, never line/column). */
function shiftPositions(node: Positioned & { children?: unknown[] }, by: number): void {
  mapOffsets(node, (offset) => offset - by);
}

/** Every offset of a tree's positions, mapped by `f`. */
function mapOffsets(node: Positioned & { children?: unknown[] }, f: (offset: number) => number): void {
  if (node.position) {
    if (node.position.start.offset !== undefined) node.position.start.offset = f(node.position.start.offset);
    if (node.position.end.offset !== undefined) node.position.end.offset = f(node.position.end.offset);
  }
  if (node.children) for (const child of node.children) mapOffsets(child as typeof node, f);
}

/** A point at an offset, for nodes the parts put together (the analysis reads offsets only). */
function point(offset: number): { line: number; column: number; offset: number } {
  return { line: 1, column: 1, offset };
}

type Container = Unit['container'];

function visitBlock(node: RootContent, text: string, lexicon: Lexicon, out: BlockResult, container: Container): void {
  switch (node.type) {
    case 'paragraph':
      readProse(node.children, text, lexicon, out, container);
      return;
    case 'heading': {
      const before = out.units.length;
      readProse(node.children, text, lexicon, out, 'heading', node.depth);
      let words = 0;
      for (let i = before; i < out.units.length; i++) words += out.units[i]!.words;
      out.headings.push({ depth: node.depth, words });
      return;
    }
    case 'list': {
      // The first paragraph of an item opens it: "- [Post title](...)" is a list of reads. In a
      // list of features or steps where most items open with words, an item that opens with a
      // link names a feature and links its reference ("- [Kill switches](/docs/...)").
      const reads = linkLedShare(node) >= 0.5;
      for (const item of node.children) {
        item.children.forEach((child, i) => {
          if (i === 0 && child.type === 'paragraph') readProse(child.children, text, lexicon, out, 'list', undefined, true, reads);
          else visitBlock(child, text, lexicon, out, 'list');
        });
      }
      return;
    }
    case 'table':
      for (const row of node.children) for (const cell of row.children) readProse(cell.children, text, lexicon, out, 'table');
      return;
    case 'html':
      readDirectives(node, out);
      return;
    case 'blockquote':
      // A quoted testimonial holds no ask (its words are a customer's, not the sender's); a
      // callout or a note set off with ">" is the sender's own copy and is read like the rest.
      if (!isTestimonial(node, text)) for (const child of node.children) visitBlock(child, text, lexicon, out, container);
      return;
    // Code and thematic breaks hold no asks.
    default:
      return;
  }
}

/**
 * The share of a list's items that open with a link (ignoring emphasis and leading spaces). A
 * list of four items or fewer counts as link-led whatever it holds: a short list under a
 * sentence is a handful of reads as often as a handful of features.
 */
function linkLedShare(list: { children: { children: RootContent[] }[] }): number {
  const items = list.children;
  if (items.length <= 4) return 1;
  let led = 0;
  for (const item of items) {
    const first = item.children[0];
    if (first?.type !== 'paragraph') continue;
    let n: PhrasingContent | undefined = first.children.find((c) => !(c.type === 'text' && c.value.trim() === ''));
    while (n && (n.type === 'strong' || n.type === 'emphasis')) n = n.children[0];
    if (n?.type === 'link') led++;
  }
  return led / items.length;
}

const DIRECTIVE = /<!--\s*trustline-([a-z-]+)\s*([^]*?)-->/g;

function readDirectives(node: Html, out: BlockResult): void {
  const base = node.position!.start.offset!;
  DIRECTIVE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = DIRECTIVE.exec(node.value))) {
    const name = m[1]!;
    const kind: Directive['kind'] =
      name === 'disable-next-line' || name === 'disable' || name === 'enable' || name === 'disable-file' ? name : 'unknown';
    const ids = m[2]!.split(/[\s,]+/).filter(Boolean);
    out.directives.push({ kind, ids, start: base + m.index, end: base + m.index + m[0].length, raw: m[0] });
  }
}

interface Piece {
  /** Block-relative offsets of a run of source characters that are prose. */
  start: number;
  end: number;
  /** Insert a word break instead of text (inline code, images, inline HTML). */
  gap?: boolean;
  /** A hard line break: read as a line break. */
  br?: boolean;
}

/** A link node as a whole, for telling a row of buttons from a sentence with links. */
interface LinkNode {
  /** Offsets of the whole `[text](url)` node. */
  nodeStart: number;
  nodeEnd: number;
  /** Offset where its text starts (as in LinkSpan). */
  textStart: number;
}

/** Flatten inline content into source pieces, recording links. */
function collect(nodes: PhrasingContent[], pieces: Piece[], links: LinkSpan[], linkNodes: LinkNode[] = [], htmls: Html[] = []): void {
  for (const n of nodes) {
    const s = n.position?.start.offset;
    const e = n.position?.end.offset;
    if (s === undefined || e === undefined) continue;
    switch (n.type) {
      case 'text':
        pieces.push({ start: s, end: e });
        break;
      case 'link':
      // "See [support][] for ways to get help": a reference to a definition elsewhere in the
      // draft is a link like any other; its address is the definition's, unknown here.
      case 'linkReference': {
        const url = n.type === 'link' ? n.url : '';
        const first = pieces.length;
        collect(n.children, pieces, links, linkNodes, htmls);
        const inner = pieces.slice(first).filter((p) => !p.gap);
        if (inner.length > 0) links.push({ start: inner[0]!.start, end: inner[inner.length - 1]!.end, url });
        else links.push({ start: s, end: e, url });
        linkNodes.push({ nodeStart: s, nodeEnd: e, textStart: links[links.length - 1]!.start });
        break;
      }
      case 'strong':
      case 'emphasis':
      case 'delete':
        collect(n.children, pieces, links, linkNodes, htmls);
        break;
      case 'break':
        pieces.push({ start: s, end: s, br: true });
        break;
      case 'html':
        // Inline HTML: a suppression comment may sit at the end of a line of text.
        pieces.push({ start: s, end: s, gap: true });
        htmls.push(n);
        break;
      default:
        // inlineCode, image, footnotes: not prose.
        pieces.push({ start: s, end: s, gap: true });
    }
  }
}

/**
 * Whether a "?" or "!" at `at` stands inside a parenthesis opened on the same line and closed by
 * the mark itself or later on that line ("New agents (Snowflake? Databricks? FinOps for Data?)",
 * "We shipped it (finally!) and it works"): the parenthesis is one aside, not sentences of its
 * own. Looks at most 200 characters each way, so a long run stays linear.
 */
function insideParentheses(t: string, segStart: number, at: number, mark: string, end: number): boolean {
  // "(finally!) and it works": a mark that closes the parenthesis ends the aside, not the sentence.
  const closes = mark.includes(')');
  const from = Math.max(segStart, at - 200);
  let open = -1;
  for (let i = at - 1; i >= from; i--) {
    const c = t.charCodeAt(i);
    if (c === 41 /* ) */ || c === 10) return false;
    if (c === 40 /* ( */) {
      open = i;
      break;
    }
  }
  if (open === -1) return false;
  if (closes) return true;
  const to = Math.min(t.length, end + 200);
  for (let i = end; i < to; i++) {
    const c = t.charCodeAt(i);
    if (c === 41) return true;
    if (c === 10 || c === 40) return false;
  }
  return false;
}

/** End punctuation (with closing quotes/brackets) followed by a space or the end. */
const SENTENCE_END = /[.!?]+["')\]]*(?=\s|$)/g;
/** Words whose final period is not a sentence end: "e.g.", "vs.", "Dr.", single initials, "U.S.". */
const ABBREVIATION = /(?:^|[\s(])(?:e\.g|i\.e|vs|mr|mrs|ms|dr|st|approx|cf|incl|esp|fig|\p{L}(?:\.\p{L})*)\.$/u;
/** Greetings that open a letter; the sign-offs that close one follow them in GREETING. */
const OPENERS = String.raw`hi|hey|hello|dear|good (?:morning|afternoon|evening)|greetings`;
/** A line that opens a letter ("Hi Dana,"), not one that signs it off (asks/position.ts). */
export const OPENING_GREETING = new RegExp(String.raw`^(?:${OPENERS})\b`);
const GREETING = new RegExp(
  String.raw`^(?:${OPENERS}|thanks|thank you|many thanks|best|all the best|best wishes|cheers|regards|kind regards|warm regards|warmly|sincerely|talk soon|speak soon|looking forward)\b[^.!?]{0,40}$`,
);
/** A P.S. (or P.P.S.) marker at the start of a sentence. */
const PS = /^p\.?\s?(?:p\.?\s?)?s\.?(?=[\s:,\-–—]|$)/;
const PS_ONLY = /^p\.?\s?(?:p\.?\s?)?s\.?[\s:\-–—]*$/;
const HASHTAG = /(^|\s)#[\p{L}\p{N}_]{2,}/gu;
const SUBJECT = /^\s*(subject|subject line)\s*:\s*/i;
const UPPER_OR_SYMBOL = /^[\p{Lu}\p{Lt}]|^[^\p{L}\p{N}\s]/u;
/** What /\s|\u0000/ matches, by char code. */
function isSpaceOrGap(c: number): boolean {
  if (c <= 32) return c === 32 || c === 0 || (c >= 9 && c <= 13);
  if (c < 0xa0) return false;
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}
/** Space, tab or carriage return. */
function isBlank(c: number): boolean {
  return c === 32 || c === 9 || c === 13;
}
const PREV_CONTINUES = /[\p{L}\p{N},;(\-–—'"]/u;

/**
 * Whether the line that ends at `end` is a written-out address, alone or after a short label
 * ("github: https://github.com/acme/tool", "docs: acme.dev/docs", "🔗 https://acme.dev"): a post's
 * lines of links are a sentence each, whatever case the next one starts in ("npm: https://...").
 * A line of prose that ends with an address goes on in the next line ("Grab the checklist at
 * https://acme.dev/checklist" then "and book a call"), and so does one that ends with a comma.
 */
function endsWithAddress(normText: string, end: number): boolean {
  const from = Math.max(0, end - 400);
  const lineStart = normText.lastIndexOf('\n', end - 1) + 1;
  if (lineStart < from) return false;
  return ADDRESS_LINE.test(normText.slice(lineStart, end));
}
const ADDRESS_LINE = /^[^a-z0-9]{0,6}(?:[a-z][a-z0-9 &'/-]{0,30}(?::|→|->)\s*)?(?:(?:https?:\/\/|www\.)\S*|(?:[a-z0-9-]+\.)+[a-z]{2,}\/\S*)[^\s,;]$/;
const ASCII = /^[\x00-\x7f]*$/;

function readProse(
  nodes: PhrasingContent[],
  text: string,
  lexicon: Lexicon,
  out: BlockResult,
  container: Container,
  headingDepth?: number,
  itemStart = false,
  listReads = true,
): void {
  const pieces: Piece[] = [];
  const linkNodes: LinkNode[] = [];
  const htmls: Html[] = [];
  const firstLink = out.links.length;
  collect(nodes, pieces, out.links, linkNodes, htmls);
  for (const h of htmls) readDirectives(h, out);
  if (pieces.length === 0) return;
  const links = out.links.slice(firstLink);

  // One normalised string for the whole paragraph, with the offset map kept.
  let normText = '';
  const map: number[] = [];
  for (const p of pieces) {
    if (p.br) {
      normText += '\n';
      map.push(p.start);
      continue;
    }
    if (p.gap) {
      normText += ' \u0000 ';
      map.push(p.start, p.start, p.start);
      continue;
    }
    // Plain ASCII (most prose) is lower-cased in one go; anything else goes through NFKC folding.
    const raw = text.slice(p.start, p.end);
    if (ASCII.test(raw)) {
      normText += raw.toLowerCase();
      for (let i = p.start; i < p.end; i++) map.push(i);
      continue;
    }
    const n = normalize(text, p.start, p.end);
    normText += n.text;
    for (let i = 0; i < n.text.length; i++) map.push(n.map[i]!);
  }
  map.push(pieces[pieces.length - 1]!.end);
  rowButtons(normText, map, links, linkNodes, lexicon);
  if (normText.includes('[')) normText = nameSlots(normText, map, text, links);

  const trimmed = normText.trim();
  const isButton =
    container !== 'heading' &&
    links.length === 1 &&
    trimmed.length > 0 &&
    (() => {
      const l = links[0]!;
      const ln = normalize(text, l.start, l.end).text.trim();
      return ln.length > 0 && trimmed.replace(/[\s→»>›✓✔\-–—]+$/u, '').replace(/^[\s→»>›]+/u, '') === ln.replace(/[\s→»>›\-–—]+$/u, '');
    })();
  if (isButton) out.buttons++;

  if (normText.includes('#')) {
    HASHTAG.lastIndex = 0;
    out.hashtags += (normText.match(HASHTAG) ?? []).length;
  }

  if (out.units.length === 0 && out.subject === undefined && container === 'paragraph') {
    const m = SUBJECT.exec(text.slice(pieces[0]!.start, pieces[0]!.end));
    if (m) {
      const s = pieces[0]!.start + m[0].length;
      let e = text.indexOf('\n', s);
      if (e === -1 || e > pieces[pieces.length - 1]!.end) e = pieces[pieces.length - 1]!.end;
      out.subject = { start: s, end: e };
    }
  }

  const cuts = sentenceCuts(normText, map, text, linkNodes);
  const firstUnit = out.units.length;
  // Whether a support line ("Questions?") came earlier in the paragraph: each sentence is checked
  // at most once and only when a later one needs to know, so a long paragraph stays linear.
  let supportChecked = 0;
  let supportSeen = false;
  const supportBefore = (n: number): boolean => {
    while (!supportSeen && supportChecked < n) supportSeen = lexicon.isSupportCue(earlier[supportChecked++]!);
    return supportSeen;
  };
  const quoted = quotedSpans(normText);
  const quoteAt = quoted.map(() => 0);
  let inPs = false;
  // The sentences read so far: a support line among them ("Questions?", "Still need help?")
  // turns a later reply or contact line into a help offer (the lexicon looks only when it must).
  const earlier: string[] = [];
  let from = 0;
  let linkAt = 0;
  cuts.push(normText.length);
  for (const cut of cuts) {
    let s = from;
    let e = cut;
    from = cut;
    while (s < e && isSpaceOrGap(normText.charCodeAt(s))) s++;
    while (e > s && isSpaceOrGap(normText.charCodeAt(e - 1))) e--;
    if (s >= e) continue;
    const sentence = normText.slice(s, e);
    const words = countWords(sentence);
    out.words += words;
    const unitNorm: Normalized = { text: sentence, source: text, map: map.slice(s, e + 1) };
    // The map slot after the last char points just past that char in the source (not at the
    // next piece, which may start after a link's "](url)").
    const endOffset = sourceEnd(text, map[e - 1]!, map[e]);
    unitNorm.map[sentence.length] = endOffset;
    // The sentence's links, found with a pointer that only moves forward (sentences and links are
    // both in order), so a paragraph of thousands of links stays linear.
    while (linkAt < links.length && links[linkAt]!.start < map[s]!) linkAt++;
    const unitLinks: LinkSpan[] = [];
    for (let k = linkAt; k < links.length && links[k]!.start < endOffset; k++) if (links[k]!.end <= endOffset) unitLinks.push(links[k]!);
    // P.S.: a sentence opening with the marker, and every sentence after it in the paragraph.
    inPs ||= PS.test(sentence);
    const unit: Unit = {
      start: map[s]!,
      end: endOffset,
      norm: unitNorm,
      words,
      container: inPs ? 'ps' : container,
      button: isButton,
      greeting: GREETING.test(sentence),
      pressure: pressureInContext(lexicon.pressure(unitNorm), unitNorm, inPs ? 'ps' : container),
    };
    if (headingDepth !== undefined) unit.headingDepth = headingDepth;
    if (itemStart && out.units.length === firstUnit) unit.itemStart = true;
    // Template logic kept in the copy ("<% if @registration.comments.present? %>", "{% endif %}")
    // is the template's, not the reader's: nothing in it asks.
    if (templateLogic(sentence)) unit.rejected = 'template';
    else {
      // Whether the sentence is a support line: asked at most once, by whichever reading needs it first.
      let supportLine: boolean | undefined;
      const isSupportLine = (): boolean => (supportLine ??= lexicon.isSupportCue(sentence));
      const q = quotedIn(quoted, quoteAt, s, e);
      const ctx: MatchContext = { container: unit.container, support: isSupportLine };
      if (q && q.length) ctx.quoted = q;
      if (earlier.length) ctx.earlier = earlier;
      const match = lexicon.match(unitNorm, unitLinks, ctx) ?? readShape(unitNorm, unitLinks, unit.container, q, {
          itemStart: itemStart && out.units.length === firstUnit,
          listReads,
          afterSupport: () => supportBefore(earlier.length),
          support: isSupportLine,
          afterColon: /:\s*$/.test(earlier[earlier.length - 1] ?? ''),
        });
      if (match?.byObject) classByObject(match, unitNorm.text);
      if (match) unit.match = match;
      else {
        if (ctx.rejected) unit.rejected = ctx.rejected;
        else if (readerAdvice(sentence, unitLinks.length > 0, unit.container)) unit.rejected = 'advice';
        if (isSupportLine()) unit.support = CONTACT_CLAUSE.test(sentence) ? 'contact' : 'line';
        else if (supportBefore(earlier.length)) unit.support = 'after';
      }
    }
    earlier.push(sentence);
    out.units.push(unit);
  }
  // (A question the draft answers itself, "Can I switch plans? Yes, anytime.", is dropped by the
  // analysis, which sees the next sentence across blocks too: pipeline/sentences.ts.)
  // A question that leads into the request after it ("Want the template? DM me.", "Can't
  // make it live? Register anyway") is that request's lead-in: the sentence after it holds the ask,
  // whether the question was read by its shape or is a phrasing of the lexicon ("Interested in
  // contributing? Email us at ...").
  for (let i = firstUnit; i < out.units.length - 1; i++) {
    const u = out.units[i]!;
    if (!u.match || !/\?[\s"')\]]*$/.test(u.norm.text)) continue;
    const next = out.units[i + 1]!;
    // A question that asks for time or more, and more than the sentence after it, stays ("Would
    // a 15-minute call make sense? I can share the playbook" keeps the meeting); an interest check
    // or an offer ("Interested in contributing? [Check out our contribution page]", "Want the
    // template? DM me.") leads into what follows.
    // An interest check classed by what it names leads in like any interest check ("Interested
    // in sponsoring? Check out our prospectus"), unless what it names is a call with the sender.
    const level = u.match.byObject && u.match.class !== 'meeting' ? ASK_LEVELS.engage : u.match.level;
    if (next.match && (next.match.level >= level || level < ASK_LEVELS.meeting)) delete u.match;
  }
}

/** Where an interest check's subject ends: "Interested in usability testing, but don't know how to get started?". */
const INTEREST_CLAUSE_END = /,?\s+(?:but|though|although|yet|because|since|or not)\s.*$|\s[—–]\s.*$/;
/** Time with the sender or the product in hand; a team, a review, a price or an event named is the check's topic. */
const RAISED_BY_OBJECT: ReadonlySet<AskClass> = new Set(['meeting', 'evaluate']);

/**
 * A generic interest check ("Would you be interested in exploring this over a brief call?",
 * "Would 15 minutes make sense next week?") asks for what it names when that is a call or a
 * trial: the ask reader's classifier reads the sentence's objects (LexiconRule.byObject).
 */
function classByObject(match: UnitMatch, text: string): void {
  const c = classify(vocabulary(), text.replace(INTEREST_CLAUSE_END, ''), undefined, match.class);
  // "Worth exploring with your team?" names its topic, not a referral.
  if (ASK_LEVELS[c.cls] <= match.level || !RAISED_BY_OBJECT.has(c.cls)) return;
  match.class = c.cls;
  match.level = ASK_LEVELS[c.cls];
  match.via += ` (${c.why})`;
  if (c.toCustomers) match.toCustomers = c.toCustomers;
}

/** Source offset just past the source char at `at` (never inside a surrogate pair). */
function sourceEnd(text: string, at: number, next: number | undefined): number {
  const width = (text.codePointAt(at) ?? 0) > 0xffff ? 2 : 1;
  const end = at + width;
  return next !== undefined && next < end ? next : end;
}

/** Bracketed text that is not markdown link syntax: a template's button ("[See pricing]"). */
const BARE_BRACKET = /\[([^[\]\n]{1,80})\](?![(:[])/g;

/**
 * Bracketed button text in a row, the way templates and mock-ups draw buttons: "[Try free]
 * [See pricing]", "[Book a Demo](/cloud) [Product Tour]". A bracket beside another button, with
 * nothing but spaces or separators between them, is a button too, and is added to the
 * paragraph's links (and so cut into its own sentence, one ask per button). A row of brackets
 * alone counts only when one of them names an action the lexicon knows: "[First Name] [Last
 * Name]" is a form's slots, not buttons.
 */
function rowButtons(normText: string, map: number[], links: LinkSpan[], linkNodes: LinkNode[], lexicon: Lexicon): void {
  if (!normText.includes('[')) return;
  type Item = { node: LinkNode; link?: LinkSpan };
  const items: Item[] = linkNodes.map((node) => ({ node }));
  BARE_BRACKET.lastIndex = 0;
  for (let m = BARE_BRACKET.exec(normText); m; m = BARE_BRACKET.exec(normText)) {
    const a = m.index + 1;
    const b = a + m[1]!.length;
    if (!/[a-z]/.test(m[1]!)) continue;
    items.push({ node: { nodeStart: map[m.index]!, nodeEnd: map[b]! + 1, textStart: map[a]! }, link: { start: map[a]!, end: map[b]!, url: '' } });
  }
  if (items.length === linkNodes.length) return;
  items.sort((x, y) => x.node.nodeStart - y.node.nodeStart);
  // The normalised index of a source offset.
  const normAt = (at: number) => normIndexOf({ text: normText, source: '', map }, at);
  let run: Item[] = [];
  const flush = () => {
    const bare = run.filter((r) => r.link);
    const buttons =
      run.length > 1 &&
      bare.length > 0 &&
      (run.length > bare.length || bare.some((r) => lexicon.match(normalizedSlice(normText, map, normAt(r.link!.start), normAt(r.link!.end)), [], { container: 'paragraph' }) !== undefined));
    if (buttons) {
      for (const r of bare) {
        links.push(r.link!);
        linkNodes.push(r.node);
      }
    }
    run = [];
  };
  for (const item of items) {
    const prev = run[run.length - 1];
    if (prev && /[\p{L}\p{N}]/u.test(normText.slice(normAt(prev.node.nodeEnd), normAt(item.node.nodeStart)))) flush();
    run.push(item);
  }
  flush();
  links.sort((x, y) => x.start - y.start);
  linkNodes.sort((x, y) => x.nodeStart - y.nodeStart);
}

/** A template's slot for a name inside a sentence: "[Product Name]", "[COMPANY]", "[Feature_Name]". */
const NAME_SLOT = /\[([^[\]\n]{1,40})\](?![(:[])/g;
const NAME_SLOT_SOURCE = /^(?:\p{Lu}[\p{L}\p{N}'’_-]*(?:\s+\p{Lu}[\p{L}\p{N}'’_-]*){0,3}|[\p{Lu}\p{N}_ ]+)$/u;

/**
 * Template copy names its product through a slot: "Try [Product Name] free for 14 days". Read
 * as it stands, the brackets cut the sentence's phrasing apart; read as the name it holds, it is
 * "Try Acme free". Each slot in running prose (words before it on its line, not a button) is
 * replaced in the text that is read by one word of the same length ("xproductxnamex"), so every
 * offset still maps to what the writer typed.
 */
function nameSlots(normText: string, map: number[], source: string, links: LinkSpan[]): string {
  let out = '';
  let from = 0;
  let linkStarts: Set<number> | undefined;
  NAME_SLOT.lastIndex = 0;
  for (let m = NAME_SLOT.exec(normText); m; m = NAME_SLOT.exec(normText)) {
    const start = map[m.index + 1]!;
    linkStarts ??= new Set(links.map((l) => l.start));
    if (linkStarts.has(start)) continue;
    if (!NAME_SLOT_SOURCE.test(source.slice(start, map[m.index + 1 + m[1]!.length]!)) || /\b(?:link|url)\b/.test(m[1]!)) continue;
    const lineStart = normText.lastIndexOf('\n', m.index) + 1;
    if (!/[a-z]/.test(normText.slice(lineStart, m.index))) continue;
    out += normText.slice(from, m.index) + 'x' + m[1]!.replace(/[^a-z0-9]/g, 'x') + 'x';
    from = m.index + m[0].length;
  }
  return from === 0 ? normText : out + normText.slice(from);
}

/** The normalised text [from, to) with its own offset map. */
function normalizedSlice(normText: string, map: number[], from: number, to: number): Normalized {
  return { text: normText.slice(from, to), source: '', map: map.slice(from, to + 1) };
}

/**
 * Where sentences end in a paragraph's normalised text (offsets just past each end):
 *  - end punctuation followed by a space, except after a P.S. marker or an abbreviation;
 *  - a line break (soft or hard) when the next line starts with a capital letter or a
 *    symbol (emoji, arrow, bullet, link) or the line before ends in a symbol or colon: posts
 *    and signatures put one sentence per line without a period, while hard-wrapped email
 *    prose continues in lower case;
 *  - between links that follow each other with nothing but spaces or separators between
 *    them: a row of buttons is one ask per button.
 */
function sentenceCuts(normText: string, map: number[], source: string, linkNodes: LinkNode[]): number[] {
  const cuts: number[] = [];
  let segStart = 0;
  SENTENCE_END.lastIndex = 0;
  let m: RegExpExecArray | null;
  // The segment's first character that is not a space: a P.S. marker alone is a few characters
  // long, so only a short segment is tested, never the whole run since the last cut (a sentence
  // of thousands of "e.g." stays linear).
  let lead = 0;
  while ((m = SENTENCE_END.exec(normText))) {
    const end = m.index + m[0].length;
    if (m[0].charCodeAt(0) === 46 /* . */) {
      if (lead < segStart) lead = segStart;
      while (lead < end && /\s/.test(normText[lead]!)) lead++;
      if ((end - lead <= 16 && PS_ONLY.test(normText.slice(lead, end).trim())) || ABBREVIATION.test(normText.slice(Math.max(segStart, m.index - 12), m.index + 1))) continue;
    } else if (insideParentheses(normText, segStart, m.index, m[0], end)) continue;
    cuts.push(end);
    segStart = end;
  }
  for (let i = normText.indexOf('\n'); i !== -1; i = normText.indexOf('\n', i + 1)) {
    let j = i + 1;
    while (j < normText.length && isBlank(normText.charCodeAt(j))) j++;
    if (j >= normText.length) continue;
    let k = i - 1;
    while (k >= 0 && isBlank(normText.charCodeAt(k))) k--;
    const nextSource = source.slice(map[j]!, map[j]! + 2);
    const prev = k >= 0 ? normText[k]! : '';
    const prevBreaks = prev !== '' && (!PREV_CONTINUES.test(prev) || endsWithAddress(normText, k + 1));
    if (UPPER_OR_SYMBOL.test(nextSource) || prevBreaks || PS.test(normText.slice(j, j + 6))) cuts.push(i);
  }
  if (linkNodes.length > 1) {
    for (let n = 1; n < linkNodes.length; n++) {
      const between = source.slice(linkNodes[n - 1]!.nodeEnd, linkNodes[n]!.nodeStart);
      if (/[\p{L}\p{N}]/u.test(between)) continue;
      // (A binary search over the offset map, not indexOf: a row of thousands of buttons stays linear.)
      const at = normIndexOf({ text: normText, source, map }, linkNodes[n]!.textStart);
      if (at > 0 && map[at] === linkNodes[n]!.textStart) cuts.push(at);
    }
  }
  if (cuts.length < 2) return cuts;
  return [...new Set(cuts)].sort((a, b) => a - b);
}

/**
 * Spans between pairs of double quotes (after folding), as [just after the opening mark, the
 * closing mark), and between single quotes used as quotation marks: an opening ' after a space,
 * a bracket or the start, a closing ' before a space, punctuation or the end ('Unlock it — upgrade
 * in 30 seconds' in a table of example subject lines). Apostrophes inside words (you're,
 * customers') never open a span.
 */
function quotedSpans(normText: string): [number, number][][] {
  const spans: [number, number][] = [];
  let open = -1;
  for (let i = normText.indexOf('"'); i !== -1; i = normText.indexOf('"', i + 1)) {
    if (open === -1) open = i + 1;
    else {
      spans.push([open, i]);
      open = -1;
    }
  }
  const single: [number, number][] = [];
  if (normText.includes("'") && OPENING_SINGLE.test(normText)) {
    SINGLE_QUOTED.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = SINGLE_QUOTED.exec(normText))) single.push([m.index + m[1]!.length + 1, m.index + m[0].length - 1]);
  }
  // Two lists, each in order and without overlaps (a double-quoted span may overlap a single-quoted one).
  return [spans, single];
}

/**
 * The quoted spans that overlap the sentence [s, e), relative to its start, double-quoted ones
 * first; undefined when there are none. The spans of each list are in order and never overlap, so
 * their ends only grow: `at` keeps a pointer per list that only moves forward from one sentence to
 * the next, and a paragraph of thousands of quotations stays linear.
 */
function quotedIn(lists: [number, number][][], at: number[], s: number, e: number): [number, number][] | undefined {
  let out: [number, number][] | undefined;
  for (let k = 0; k < lists.length; k++) {
    const list = lists[k]!;
    let i = at[k]!;
    while (i < list.length && list[i]![1] <= s) i++;
    at[k] = i;
    for (let j = i; j < list.length && list[j]![0] < e; j++) (out ??= []).push([list[j]![0] - s, list[j]![1] - s]);
  }
  return out;
}

const OPENING_SINGLE = /(?:^|[\s(\[:|])'/;
/** 'a quoted phrase': the opening mark after a space, bracket, colon or the start; the closing one before a space, punctuation or the end. */
const SINGLE_QUOTED = /(^|[\s(\[:|])'(?=[^\s'])[^'\n]*?[^\s'](?:'(?=[\w])[^'\n]*?[^\s'])*'(?=$|[\s.,;:!?)\]|])/g;

/** Words for counting: letters and digits, with apostrophes and hyphens inside ("don't", "30-day"). */
function countWords(s: string): number {
  let n = 0;
  let inWord = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (isWordCode(c)) {
      if (!inWord) n++;
      inWord = true;
    } else if (!(inWord && (c === 39 || c === 0x2019 || c === 45))) inWord = false;
  }
  return n;
}

/**
 * The ask of a sentence the lexicon found nothing in, read from its shape (asks/reader.ts).
 * Offsets come back in the sentence's normalised text and are mapped to the block here.
 */
function readShape(
  unit: Normalized,
  links: LinkSpan[],
  container: Container,
  quoted: [number, number][] | undefined,
  context: { itemStart: boolean; listReads: boolean; afterSupport: () => boolean; support: () => boolean; afterColon: boolean },
): UnitMatch | undefined {
  const normLinks: { start: number; end: number; link: LinkSpan; hasUrl?: boolean; bare?: boolean; slot?: boolean }[] = [];
  for (const l of links) {
    const a = Math.min(normIndexOf(unit, l.start), unit.text.length);
    const b = Math.min(normIndexOf(unit, l.end), unit.text.length);
    if (b > a) normLinks.push({ start: a, end: b, link: l, hasUrl: true });
  }
  // A bracketed button with no address at all ("[Update Payment Method →]" in a template) is
  // a button too when it is the whole sentence; a bracketed slot that names no action
  // ("[next step]") stays a placeholder (asks/filters.ts).
  const bare = /^\[([^\]\n]{1,80})\]$/.exec(unit.text.trim());
  if (normLinks.length === 0 && bare) {
    const at = unit.text.indexOf('[') + 1;
    normLinks.push({ start: at, end: at + bare[1]!.length, link: { start: unit.map[at]!, end: unit.map[at + bare[1]!.length]!, url: '' } });
  }
  // A link whose address the markdown parser could not read (a template slot with spaces:
  // "[Join now]({{ invite }})") is still a link to the reader.
  if (normLinks.length === 0 && unit.text.includes('](')) {
    const re = /\[([^\]\n]{1,120})\]\([^)\n]*\)/g;
    let m: RegExpExecArray | null;
    while ((m = re.exec(unit.text))) normLinks.push({ start: m.index + 1, end: m.index + 1 + m[1]!.length, link: { start: unit.map[m.index + 1]!, end: unit.map[m.index + 1 + m[1]!.length]!, url: '' }, hasUrl: true });
  }
  // A URL written out in the text (no markdown link, no GFM autolinks) is a link to the reader.
  if (normLinks.length === 0 && (unit.text.includes('://') || unit.text.includes('.'))) {
    BARE_LINK.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = BARE_LINK.exec(unit.text))) {
      const end = m.index + m[0].replace(/[.,;:!?)\]'"]+$/, '').length;
      normLinks.push({ start: m.index, end, link: { start: unit.map[m.index]!, end: unit.map[end]!, url: m[0] }, hasUrl: true, bare: true });
    }
  }
  // A line that is a label and a bare domain ("Homepage: hermes-labs.ai", "Docs: acme.com.ng",
  // "Hermes Labs → hermes-labs.ai"): the domain is the address it gives.
  if (normLinks.length === 0 && unit.text.includes('.')) {
    const m = LABELLED_DOMAIN.exec(unit.text);
    // The label says it is an address ("Homepage", "Docs", "Try it") or asks for something
    // ("Join the waitlist"), or an arrow points at it; "Hosting: fly.io" names a supplier.
    if (m && (m[2] !== ':' || ADDRESS_LABEL.test(m[1]!.trim()) || vocabulary().ctaVerbs.startOf(m[1]!.trim()) !== undefined)) {
      const at = m.index + m[0].lastIndexOf(m[3]!);
      const end = at + m[3]!.length;
      normLinks.push({ start: at, end, link: { start: unit.map[at]!, end: unit.map[end]!, url: m[3]! }, hasUrl: true, bare: true });
    }
  }
  // A template's slot for an address ("{project_link}", "[Luma invitation link]", "{{ action_url }}",
  // "(link to quote)") is where the reader will act: a URL written out, still to be filled in.
  if (LINK_SLOT_HINT.test(unit.text)) {
    LINK_SLOT.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = LINK_SLOT.exec(unit.text))) {
      const a = m.index;
      const b = a + m[0].length;
      if (normLinks.some((l) => l.start < b && a < l.end)) continue;
      normLinks.push({ start: a, end: b, link: { start: unit.map[a]!, end: unit.map[b]!, url: '' }, hasUrl: true, bare: true, slot: true });
    }
    normLinks.sort((x, y) => x.start - y.start);
  }
  const facts: Parameters<typeof readSentence>[0] = { text: unit.text, links: normLinks, container, ...context };
  if (quoted?.length) facts.quoted = quoted;
  const m = readSentence(facts);
  if (!m) return undefined;
  const [start, end] = sourceSpan(unit, m.from, m.to);
  const out: UnitMatch = { start, end, class: m.cls, level: m.level, via: m.via, inLink: false, kind: 'phrase', shape: m.shape };
  if (m.toCustomers) out.toCustomers = m.toCustomers;
  if (m.weak) out.weak = true;
  const link = normLinks.find((l) => m.from >= l.start && m.to <= l.end)?.link;
  if (link) Object.assign(out, { inLink: true, linkStart: link.start, linkEnd: link.end, url: link.url });
  return out;
}

/**
 * A blockquote that quotes someone: it opens with a quotation mark, or it ends on an attribution
 * ("— Dana, Director of GRC" or a short "Name, Title, Company" line with no sentence in it).
 */
function isTestimonial(node: Blockquote, text: string): boolean {
  const first = node.children[0];
  const last = node.children[node.children.length - 1];
  if (!first || !last) return false;
  const slice = (n: RootContent) => text.slice(n.position!.start.offset!, n.position!.end.offset!).replace(/^\s*>\s?/gm, '').trim();
  if (/^[*_]*["“‘«]/u.test(slice(first))) return true;
  const attribution = slice(last);
  if (/^[*_]*(?:[—–~]|--?\s)/u.test(attribution)) return true;
  return node.children.length > 1 && attribution.length < 100 && !/[.!?]["”’)]?$/u.test(attribution) && /^[*_]*\p{Lu}[\p{L}.'-]+(?:\s+\p{Lu}[\p{L}.'-]+)*\s*,/u.test(attribution);
}

/** Template slots for an address, in normalised (lower-case) text; the hint is a cheap first test. */
const LINK_SLOT_HINT = /link|url/;
const LINK_SLOT =
  /\{\{?\s*[a-z_.]{0,30}(?:link|url)[a-z_.]{0,20}\s*\}\}?|\[ ?[a-z ]{0,30}\b(?:link|url) ?\]|\((?:link|url)(?: to [^)\n]{1,40})?\)|\[ ?(?:link|url)(?: to [^\]\n]{1,40})\]/g;

/** A short label, a colon or an arrow, and a domain with no path, alone in the sentence ("Homepage: hermes-labs.ai"). */
const LABELLED_DOMAIN = new RegExp(String.raw`^[^a-z0-9]{0,6}([a-z][a-z0-9 ]{0,30})(:|→|->)\s*((?:[a-z0-9-]+\.)+${WEB_TLD}(?:\.[a-z]{2})?)\/?\s*$`);
/** A label that says what follows is an address to go to. */
const ADDRESS_LABEL =
  /^(?:home ?page|home|site|web ?site|web|url|link|links|docs?|documentation|demo|live(?: demo)?|try(?: it)?(?: out| now| here| free)?|app|blog|repo|repository|source(?: code)?|code|github|gitlab|npm|pypi|download|get it|sign ?up|join|waitlist|more|learn more|more info|info|read more|read|watch|newsletter|subscribe|roadmap|changelog|release notes)$/;

/** A URL in prose: with a scheme, or a domain with a path ("github.com/acme/tool"). */
const BARE_LINK = new RegExp(String.raw`(?:https?:\/\/|www\.)[^\s<>()\]]+|(?<![a-z0-9.@/-])(?:[a-z0-9-]+\.)+${WEB_TLD_WITH_PATH}(?:\.[a-z]{2})?\/[^\s<>()\]]*`, 'g');

/** Control tags of a template (ERB, Liquid, Jinja, Handlebars), unclosed ones to the end of the sentence. */
const TEMPLATE_TAG = /<%(?![=-])[\s\S]*?(?:%>|$)|\{%[\s\S]*?(?:%\}|$)|\{\{[#/^][\s\S]*?(?:\}\}|$)|\{\{\s*else\s*\}\}/g;
const OPENS_WITH_TAG = /^(?:<%(?![=-])|\{%|\{\{[#/^]|\{\{\s*else\b)/;

/** A sentence that is only template logic: no words outside its control tags. */
export function templateLogic(sentence: string): boolean {
  if (!OPENS_WITH_TAG.test(sentence)) return false;
  return !/[a-z0-9]/.test(sentence.replace(TEMPLATE_TAG, ''));
}

/** A clause that asks the reader to get in touch: in a support line, the courtesy itself (section 2a). */
const CONTACT_CLAUSE = new RegExp(`(?:^|[,;:(\u2014\u2013]\\s*|\\b(?:please|or|and|just)\\s+)${CONTACT_REQUEST.source.replace(/^\^/, '')}`);
