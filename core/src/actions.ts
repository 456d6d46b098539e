/**
 * Code actions as plain edits: the shared edit builders (rewrite an ask, declare
 * or change the audience's trust, turn a check off for a line or a file) and the
 * dispatcher that asks a finding's check for its fixes and adds what every check
 * gets (open the skill, turn the check off). Which fixes a check offers, and
 * whether fix-all applies them, is the check's own business (its `fixes` and
 * `fixAll`, checks/check.ts): nothing here names a check. Pure functions over
 * the text and its analysis; the language server only maps them to the protocol.
 *
 * Ranges are LSP-shaped (0-based lines, UTF-16 columns) in the analyzer's
 * coordinates: a byte order mark, when the text has one, is not counted
 * (editors hide it), and `applyEdits` keeps it in place.
 *
 * Every edit touches only the text it must: a link's text and never its URL, a
 * sentence and never the markdown around it, one front matter value and never
 * the comments or other keys beside it. When an edit cannot be made safely (the
 * analysis is stale, the front matter does not parse, the ask is a booking link
 * whose target is the ask) the function returns null and no action is offered.
 *
 * Fix-all rewrites the asks of the checks that take part in it (today
 * ask-exceeds-trust): each has one clearly better answer, the ask that fits the
 * audience, and its edit stays inside one sentence. Nothing else is safe to do
 * unseen. Which ask to keep (competing-asks) and what to ask for at all
 * (missing-ask) are the writer's choice; asking for more (under-ask) and cutting
 * pressure are judgments about tone; raising `trust:` would only silence a
 * check, since the audience's trust is a fact about the readers that only the
 * writer knows; and a suppression comment is an opt-out, never a fix.
 */
import { alternativesFor, escapeSnippet, looksLikeLabel, renderAlternative, tailDecorLength, type Alternative } from './alternatives';
import type { Analysis } from './analyze';
// A cycle (the checks build their fixes with the builders here), safe because the registry is
// only read inside functions.
import { CHECK_IDS, checkById } from './checks/index';
import { splitFrontMatter, type FrontMatter } from './frontmatter';
import { MAX_LEVEL, stageOf } from './model';
import { skillForFinding } from './recommend';
import { Doc, type LineIndex } from './text';
import type { Ask, Finding, Range } from './types';

export interface TextEdit {
  range: Range;
  newText: string;
  /**
   * The same edit as an LSP snippet, when the new text holds a slot the writer must fill (a
   * resource the draft does not name, a time): hosts whose client accepts snippet edits send
   * this, the others `newText`.
   */
  snippet?: string;
}

/** What an action needs of a finding (a Finding, or a Diagnostic mapped back: `code` -> `rule`). */
export type FindingLike = Pick<Finding, 'rule' | 'range' | 'data' | 'askIndex'>;

export const COMMAND_OPEN_SKILL = 'trustline.openSkill';
export const COMMAND_SET_TRUST = 'trustline.setTrust';
export const FIX_ALL_KIND = 'source.fixAll.trustline';

/** A code action as plain data; the server maps it to an LSP CodeAction for the finding's diagnostic. */
export interface ActionSpec {
  title: string;
  kind: 'quickfix' | typeof FIX_ALL_KIND;
  isPreferred?: boolean;
  edits?: TextEdit[];
  command?: { title: string; command: string; arguments: unknown[] };
}

export interface ActionOptions {
  /** How many alternative asks to offer (default 3). */
  alternatives?: number;
}

/** A text (its byte order mark is removed and it is indexed here), or a document already read: an analysis's `doc`. */
function docOf(text: string | Doc): Doc {
  return typeof text === 'string' ? new Doc(text) : text;
}

/** The document's line break: the first one found, "\n" for a one-line document. */
export function eolOf(text: string): string {
  const m = /\r\n|\n|\r/.exec(text);
  return m ? m[0] : '\n';
}

/**
 * Apply edits to a text (as an editor would: all ranges refer to the original
 * text; edits at the same position apply in array order). Throws on overlapping
 * edits, which would make the result depend on the order.
 */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const { text: body, lines } = new Doc(text);
  const bom = text.slice(0, text.length - body.length);
  const spans = edits
    .map((e, i) => ({ s: lines.offsetAt(e.range.start), e: lines.offsetAt(e.range.end), t: e.newText, i }))
    .sort((a, b) => a.s - b.s || a.e - b.e || a.i - b.i);
  for (let k = 1; k < spans.length; k++) {
    if (spans[k]!.s < spans[k - 1]!.e) throw new Error('Overlapping edits cannot be applied together.');
  }
  let out = '';
  let at = 0;
  for (const sp of spans) {
    out += body.slice(at, sp.s) + sp.t;
    at = Math.max(at, sp.e);
  }
  return bom + out + body.slice(at);
}

// ---------------------------------------------------------------------------------------
// Rewriting an ask.

/** The Ask a finding is about (its subject), or undefined when it is about none. */
function askOf(analysis: Analysis, finding: FindingLike): Ask | undefined {
  return finding.askIndex === undefined ? undefined : analysis.asks[finding.askIndex];
}

/** Booking-page links are meeting asks whatever their words say: rewording them changes nothing. */
function isBookingLink(ask: Ask | undefined): boolean {
  return ask !== undefined && ask.via.startsWith('calendar link');
}

/**
 * Can the finding's ask be rewritten? It must carry the ask and the audience, and not be a
 * booking link (whose target, not its words, is the ask).
 */
export function askRewritable(analysis: Analysis, finding: FindingLike): boolean {
  return finding.data.ask !== undefined && finding.data.audience !== undefined && !isBookingLink(askOf(analysis, finding));
}

/** Emphasis delimiter runs (`*`, `_`, `~~`) in a span that open or close outside it. */
function unmatchedDelimiters(text: string, start: number, end: number): { openers: string; closers: string } {
  const re = /\*+|_+|~~/g;
  re.lastIndex = start;
  const stack: string[] = [];
  let closers = '';
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) && m.index < end) {
    const run = m[0];
    if (m.index + run.length > end) break;
    const before = m.index > 0 ? text[m.index - 1]! : ' ';
    const after = m.index + run.length < text.length ? text[m.index + run.length]! : ' ';
    const ws = (c: string) => /\s/.test(c);
    const punct = (c: string) => /[\p{P}\p{S}]/u.test(c);
    const canOpen = !ws(after) && (!punct(after) || ws(before) || punct(before));
    const canClose = !ws(before) && (!punct(before) || ws(after) || punct(after));
    // Underscores inside a word (snake_case) are not emphasis.
    if (run[0] === '_' && /[\p{L}\p{N}]/u.test(before) && /[\p{L}\p{N}]/u.test(after)) continue;
    if (canClose && stack[stack.length - 1] === run) stack.pop();
    else if (canOpen) stack.push(run);
    else if (canClose) closers += run;
  }
  return { openers: stack.join(''), closers };
}

// Decorations a writer puts around a call to action: arrows, pointing hands.
const LEAD_DECOR = /^(?:(?:\p{Extended_Pictographic}\uFE0F?|[→»›➡])\s*)+/u;
// "P.S." and "PS:" stay when the sentence after them is rewritten.
const PS_PREFIX = /^p\.?\s?(?:p\.?\s?)?s\.?:?\s+/i;
const PAIRS: Record<string, string> = { '(': ')', '"': '"', '“': '”', "'": "'", '‘': '’' };

/**
 * The replacement text for a sentence or link text, keeping what is around the
 * ask itself: arrows, a P.S. marker, wrapping parentheses or quotes, emphasis
 * that opens or closes outside the sentence, and the lack of end punctuation
 * (a heading or a button label gets none).
 */
export function fitReplacement(text: string, start: number, end: number, alternative: string): string {
  let s = start;
  let e = end;
  let lead = '';
  let tail = '';
  const take = (re: RegExp, fromStart: boolean) => {
    const span = text.slice(s, e);
    const m = re.exec(span);
    if (!m || m[0].length === 0 || m[0].length >= span.length) return;
    if (fromStart) {
      lead += m[0];
      s += m[0].length;
    } else {
      tail = m[0] + tail;
      e -= m[0].length;
    }
  };
  take(LEAD_DECOR, true);
  take(PS_PREFIX, true);
  // Trailing arrows and emoji, found by a scan back from the end (a regex ending in `+$` retries at
  // every emoji of a long run: tailDecorLength).
  const tailLength = tailDecorLength(text.slice(s, e));
  if (tailLength > 0 && tailLength < e - s) {
    tail = text.slice(e - tailLength, e) + tail;
    e -= tailLength;
  }
  // Wrapping pairs: "(Book a demo.)" keeps its parentheses.
  let wrapOpen = '';
  let wrapClose = '';
  const open = text[s];
  if (open && PAIRS[open] && e - s >= 2 && text[e - 1] === PAIRS[open]) {
    wrapOpen = open;
    wrapClose = PAIRS[open]!;
    s++;
    e--;
  }
  const core = text.slice(s, e);
  const { openers, closers } = unmatchedDelimiters(text, s, e);
  const hadEnd = /[.!?…]["'”’)\]*_~]*$/.test(core);
  let alt = alternative.trim();
  if (!hadEnd) alt = alt.replace(/[.!]+$/, '');
  // Closing emphasis goes before the final punctuation: "**Book a demo** today." -> "**Read it**."
  if (closers) {
    const p = /[.!?…]+$/.exec(alt);
    alt = p ? alt.slice(0, p.index) + closers + p[0] : alt + closers;
  }
  return lead + wrapOpen + openers + alt + wrapClose + tail;
}

/** The link or sentence a finding's ask lives in, checked against the text (null when stale). */
function askSpan({ text, lines }: Doc, finding: FindingLike): { start: number; end: number } | null {
  const ask = finding.data.ask;
  if (!ask) return null;
  const start = lines.offsetAt(ask.sentenceRange.start);
  const end = lines.offsetAt(ask.sentenceRange.end);
  if (end <= start || text.slice(start, end) !== ask.sentence) return null;
  return { start, end };
}

/**
 * Replace a finding's ask with another: inside a link only the link text
 * changes (the URL and brackets stay); otherwise the sentence is replaced and
 * the markdown around it kept. Null when the analysis no longer matches the text.
 */
export function replaceAskEdit(text: string | Doc, finding: FindingLike, alternative: string | Alternative): TextEdit | null {
  const doc = docOf(text);
  const { text: t, lines } = doc;
  const span = askSpan(doc, finding);
  if (!span) return null;
  const rendered = renderAlternative(typeof alternative === 'string' ? alternative : alternative.text, t);
  let alt = rendered.text;
  let lowered = false;
  if (finding.data.ask!.inLink) {
    alt = alt.replace(/[.!]+$/, '');
    // Link text inside a sentence ("happy to help: [book a demo](...)") stays in lower case.
    if (/^[a-z]/.test(t.slice(span.start, span.end)) && /^[A-Z](?:[a-z]|\s)/.test(alt) && !/^I\b/.test(alt)) {
      alt = alt[0]!.toLowerCase() + alt.slice(1);
      lowered = true;
    }
  }
  // Brackets, backticks or a line break in the replacement would change the markdown around it.
  if (/[[\]`\r\n]/.test(alt)) return null;
  let { start, end } = span;
  if (!finding.data.ask!.inLink && /^\s*\|/.test(lines.lineText(lines.positionAt(start).line))) {
    // A table row is read as one sentence: rewrite only the cell holding the ask.
    const askStart = lines.offsetAt(finding.range.start);
    const askEnd = lines.offsetAt(finding.range.end);
    const open = t.lastIndexOf('|', askStart - 1);
    const close = t.indexOf('|', askEnd);
    if (open < start || close < 0 || close > end) return null;
    start = open + 1;
    end = close;
    while (start < end && /\s/.test(t[start]!)) start++;
    while (end > start && /\s/.test(t[end - 1]!)) end--;
    alt = alt.replace(/[.!]+$/, '').replace(/\|/g, '-');
  } else if (!finding.data.ask!.inLink) {
    // Only the ask's own clause changes: "We're confident it's fixable, so could we book a
    // demo?" keeps "We're confident it's fixable, so".
    const clause = askClauseStart(t, start, lines.offsetAt(finding.range.start));
    if (clause > start) {
      start = clause;
      if (/^[A-Z](?:[a-z]|\s)/.test(alt) && !/^I\b/.test(alt)) {
        alt = alt[0]!.toLowerCase() + alt.slice(1);
        lowered = true;
      }
    }
  }
  const original = t.slice(start, end);
  // A sentence holding part of a link or code span cannot be replaced without breaking it.
  if (!finding.data.ask!.inLink && (count(original, '[') !== count(original, ']') || count(original, '`') % 2 === 1)) return null;
  const newText = fitReplacement(t, start, end, alt);
  const edit: TextEdit = { range: lines.range(start, end), newText };
  if (rendered.snippet) edit.snippet = asSnippet(newText, rendered.snippet, lowered);
  return edit;
}

/**
 * Where the clause holding an ask starts in its sentence: after the last ", so", ", and", ", but",
 * ";", a spaced dash or a colon before the ask, when what comes before is a clause of its own
 * (three words or more). The sentence start otherwise.
 */
function askClauseStart(text: string, sentenceStart: number, askStart: number): number {
  const before = text.slice(sentenceStart, askStart);
  const re = /(?:,\s+(?:so|and|but|then|or)\s+|;\s+|\s[—–-]\s+|:\s+)/g;
  let at = -1;
  for (const m of before.matchAll(re)) at = m.index! + m[0].length;
  if (at < 0) return sentenceStart;
  const head = before.slice(0, at);
  // A P.S. marker or a lead-in label ("Next step:") is not a clause of its own.
  if (head.replace(/[^A-Za-z\s']/g, ' ').trim().split(/\s+/).length < 3) return sentenceStart;
  return sentenceStart + at;
}

/**
 * The fitted replacement as a snippet: the plain text escaped, each slot still open turned back
 * into its numbered placeholder (the rendered snippet says which words and in which order).
 */
function asSnippet(fitted: string, rendered: string, lowered: boolean): string {
  let out = escapeSnippet(fitted);
  let from = 0;
  for (const m of rendered.matchAll(/\$\{(\d+):((?:\\.|[^}])*)\}/g)) {
    let words = m[2]!;
    if (lowered && m.index === 0) words = words[0]!.toLowerCase() + words.slice(1);
    const at = out.indexOf(words, from);
    if (at < 0) continue;
    const placeholder = `\${${m[1]}:${words}}`;
    out = out.slice(0, at) + placeholder + out.slice(at + words.length);
    from = at + placeholder.length;
  }
  return out;
}

function count(s: string, ch: string): number {
  return s.split(ch).length - 1;
}

/** The alternatives a finding's ask can be replaced with, best first (short forms for links and labels). */
export function alternativesForFinding(finding: FindingLike): Alternative[] {
  const { ask, audience, draftType } = finding.data;
  if (!ask || !audience) return [];
  return alternativesFor({ askClass: ask.class, audienceLevel: audience.level, draftType: draftType ?? null, inLink: ask.inLink || looksLikeLabel(ask.sentence) });
}

// ---------------------------------------------------------------------------------------
// Declaring the audience's trust.

/**
 * Declare the audience's trust: update the `trust:` value in place (keeping its
 * comment, the other keys and the style: a number stays a number, a stage name a
 * stage name), insert a `trust:` line after `type:` (or before the closing fence),
 * or add front matter at the top, in the document's own line breaks. Null when
 * the front matter does not parse or is not closed: a rewrite there could lose
 * what the writer typed.
 */
export function setTrustEdit(text: string | Doc, level: number, fm?: FrontMatter): TextEdit | null {
  if (!Number.isInteger(level) || level < 0 || level > MAX_LEVEL) return null;
  const { text: t, lines } = docOf(text);
  const front = fm ?? splitFrontMatter(t);
  const eol = eolOf(t);
  const at = (offset: number) => lines.positionAt(offset);
  if (!front.present) {
    const p = at(0);
    return { range: { start: p, end: p }, newText: `---${eol}trust: ${level}${eol}---${eol}` };
  }
  if (!front.closed || front.problems.length > 0) return null;
  // A flow mapping (`{type: email}`) cannot take a new line.
  if (/^\s*[{[]/.test(front.rawText)) return null;
  const field = front.fields.get('trust');
  if (field) {
    const named = typeof field.value === 'string' && !/^\s*\d/.test(field.value);
    const value = named ? stageOf(level).name.toLowerCase() : String(level);
    const hasValue = field.value !== null && field.value !== '' && field.start > field.keyEnd;
    if (hasValue) return { range: lines.range(field.start, field.end), newText: value };
    // `trust:` with no value: write it after the colon, before any comment.
    const lineEnd = lines.lineEnd(lines.positionAt(field.keyEnd).line);
    const colon = t.indexOf(':', field.keyEnd);
    if (colon < 0 || colon >= lineEnd) return null;
    const rest = t.slice(colon + 1, lineEnd);
    const ws = /^[ \t]*/.exec(rest)![0];
    const comment = rest.slice(ws.length).startsWith('#');
    if (rest.slice(ws.length) !== '' && !comment) return null;
    return { range: lines.range(colon + 1, colon + 1 + ws.length), newText: ` ${value}${comment ? ' ' : ''}` };
  }
  // New line: after `type:` when it is a one-line field, else before the closing fence.
  const type = front.fields.get('type');
  if (type) {
    const line = lines.positionAt(type.keyStart).line;
    if (lines.positionAt(type.end).line === line && line + 1 < lines.lineCount && lines.lineStarts[line + 1]! <= front.yamlEnd) {
      const p = at(lines.lineStarts[line + 1]!);
      return { range: { start: p, end: p }, newText: `trust: ${level}${eol}` };
    }
  }
  const p = at(front.yamlEnd);
  return { range: { start: p, end: p }, newText: `trust: ${level}${eol}` };
}

// ---------------------------------------------------------------------------------------
// Suppression comments.

const LIST_ITEM = /^(\s*)([-*+]|\d{1,9}[.)])([ \t]+|$)/;
const BLOCK_START = /^\s{0,3}(?:[-*+][ \t]|\d{1,9}[.)][ \t]|#{1,6}(?:[ \t]|$)|>|\||<|```|~~~)/;
const ENDS_BLOCK = /^\s{0,3}(?:#{1,6}(?:[ \t]|$)|```|~~~|<|\||(?:[-*_][ \t]*){3,}$|=+[ \t]*$)/;

export function isSuppressible(rule: string): boolean {
  return CHECK_IDS.includes(rule) && checkById(rule)?.suppressible !== false;
}

/** Does line `n` continue the paragraph (or table) on line n-1? Then a comment line between them would split it. */
function continuesBlock(lines: LineIndex, n: number, bodyStartLine: number): boolean {
  if (n <= bodyStartLine) return false;
  const prev = lines.lineText(n - 1);
  const cur = lines.lineText(n);
  if (prev.trim() === '' || cur.trim() === '') return false;
  const prevTable = /^\s*\|/.test(prev);
  const curTable = /^\s*\|/.test(cur);
  if (prevTable || curTable) return prevTable && curTable;
  if (BLOCK_START.test(cur) || ENDS_BLOCK.test(prev)) return false;
  if (/^\s*<!--.*-->\s*$/.test(prev)) return false;
  return true;
}

/**
 * Indentation for a comment line inserted above line `n`: the line's own, or,
 * for a list item that follows another part of its list, the item's content
 * column, so the comment joins the list instead of splitting it in two.
 */
function indentAbove(lines: LineIndex, n: number, bodyStartLine: number): string {
  const cur = lines.lineText(n);
  const own = /^[ \t]*/.exec(cur)![0];
  const item = LIST_ITEM.exec(cur);
  if (!item) return own;
  let p = n - 1;
  while (p >= bodyStartLine && lines.lineText(p).trim() === '') p--;
  if (p < bodyStartLine) return own;
  const prev = lines.lineText(p);
  const inList = LIST_ITEM.test(prev) || (/^[ \t]+\S/.test(prev) && !ENDS_BLOCK.test(prev));
  if (!inList) return own;
  return ' '.repeat(item[1]!.length + item[2]!.length + Math.max(1, item[3]!.length));
}

/** The content column of the block starting at line n (for a comment after it). */
function contentIndent(lines: LineIndex, n: number): string {
  const cur = lines.lineText(n);
  const item = LIST_ITEM.exec(cur);
  if (item) return ' '.repeat(item[1]!.length + item[2]!.length + Math.max(1, item[3]!.length));
  return /^[ \t]*/.exec(cur)![0];
}

export interface SuppressionEdit {
  edits: TextEdit[];
  /** `line`: one disable-next-line comment; `block`: disable ... enable around a paragraph or table. */
  scope: 'line' | 'block';
}

/**
 * Turn a check off for the finding's line: `<!-- trustline-disable-next-line id -->`
 * on its own line above it, indented like it (inside a list item, as part of the
 * item). When the line continues a paragraph or a table, a comment line there would
 * split it, so `trustline-disable id` ... `trustline-enable id` go around the whole
 * paragraph or table instead. Null for findings in the front matter and for checks
 * a comment cannot silence.
 */
export function disableLineEdit(text: string | Doc, finding: FindingLike, fm?: FrontMatter): SuppressionEdit | null {
  if (!isSuppressible(finding.rule)) return null;
  const { text: t, lines } = docOf(text);
  const front = fm ?? splitFrontMatter(t);
  const eol = eolOf(t);
  const bodyStart = front.present ? front.bodyStart : 0;
  if (lines.offsetAt(finding.range.start) < bodyStart) return null;
  // A front matter that is its whole document ends without a body line to hold a comment.
  const bodyStartLine = front.present ? lines.positionAt(bodyStart).line + (bodyStart >= t.length && !/[\r\n]$/.test(t) ? 1 : 0) : 0;
  const line = finding.range.start.line;
  if (line >= lines.lineCount) return null;
  const id = finding.rule;
  let first = line;
  while (continuesBlock(lines, first, bodyStartLine)) first--;
  if (first === line) {
    const p = { line, character: 0 };
    return { scope: 'line', edits: [{ range: { start: p, end: p }, newText: `${indentAbove(lines, line, bodyStartLine)}<!-- trustline-disable-next-line ${id} -->${eol}` }] };
  }
  let last = line;
  while (last + 1 < lines.lineCount && continuesBlock(lines, last + 1, bodyStartLine)) last++;
  const top = { line: first, character: 0 };
  const endPos = lines.positionAt(lines.lineEnd(last));
  return {
    scope: 'block',
    edits: [
      { range: { start: top, end: top }, newText: `${indentAbove(lines, first, bodyStartLine)}<!-- trustline-disable ${id} -->${eol}` },
      { range: { start: endPos, end: endPos }, newText: `${eol}${contentIndent(lines, first)}<!-- trustline-enable ${id} -->` },
    ],
  };
}

/**
 * Turn a check off for the whole file: `<!-- trustline-disable-file id -->` on the
 * first line after the front matter (the top of the document without one). Null
 * for checks a comment cannot silence and for an unclosed front matter.
 */
export function disableFileEdit(text: string | Doc, rule: string, fm?: FrontMatter): TextEdit | null {
  if (!isSuppressible(rule)) return null;
  const { text: t, lines } = docOf(text);
  const front = fm ?? splitFrontMatter(t);
  if (front.present && !front.closed) return null;
  const eol = eolOf(t);
  const comment = `<!-- trustline-disable-file ${rule} -->`;
  const at = front.present ? front.bodyStart : 0;
  const p = lines.positionAt(at);
  // "---" as the very last line, with no line break after it: start a new line first.
  const newText = at >= t.length && t.length > 0 && !/[\r\n]$/.test(t) ? `${eol}${comment}${eol}` : `${comment}${eol}`;
  return { range: { start: p, end: p }, newText };
}

// ---------------------------------------------------------------------------------------
// The actions for one finding, and fix-all.

/** A quotation in an action's title: cut at 60 characters. */
export function quoteTitle(s: string): string {
  return s.length > 60 ? `${s.slice(0, 59)}…` : s;
}

/** "Set the audience trust...": the client asks for the level and sends the edit (setTrustEdit). */
export function setTrustCommandAction(): ActionSpec {
  return { title: 'Set the audience trust...', kind: 'quickfix', command: { title: 'Set audience trust...', command: COMMAND_SET_TRUST, arguments: [] } };
}

/**
 * Every code action for one finding, preferred first: the check's own fixes (its `fixes`),
 * then open the skill it points to, then turn the check off for this line (when the finding is
 * in the body) and for this file, for every check a comment can silence.
 *
 * The text is the analysis's own (`analysis.doc`).
 */
export function codeActionsFor(analysis: Analysis, finding: FindingLike, options: ActionOptions = {}): ActionSpec[] {
  if (!analysis.analysed || !analysis.profile) return [];
  const doc = analysis.doc;
  const fm = analysis.frontMatter ?? splitFrontMatter(doc.text);
  const rule = finding.rule;
  const check = checkById(rule);
  const out: ActionSpec[] = check?.fixes?.(finding, { analysis, doc, frontMatter: fm, alternatives: options.alternatives ?? 3 }) ?? [];

  const skill = skillForFinding(rule, analysis);
  if (skill) out.push({ title: `Open the ${skill} skill`, kind: 'quickfix', command: { title: 'Open skill', command: COMMAND_OPEN_SKILL, arguments: [skill] } });

  const line = disableLineEdit(doc, finding, fm);
  if (line) out.push({ title: `Turn off ${rule} for this ${line.scope === 'line' ? 'line' : 'paragraph'}`, kind: 'quickfix', edits: line.edits });
  const file = disableFileEdit(doc, rule, fm);
  if (file) out.push({ title: `Turn off ${rule} for this file`, kind: 'quickfix', edits: [file] });
  return out;
}

/**
 * The key of each finding (vscode-eslint's approach, docs/dev/architecture.md): its check and
 * range, and, for a second finding of one check on one range, its place among them. A diagnostic
 * carries its finding's key in `data.key`, so its code actions find the finding in the analysis
 * of the current text with one lookup; when the text under it has changed, the key is gone and
 * the diagnostic gets no actions.
 */
export function findingKeys(findings: readonly Pick<Finding, 'rule' | 'range'>[]): string[] {
  const seen = new Map<string, number>();
  return findings.map((f) => {
    const { start, end } = f.range;
    const base = `${f.rule}@${start.line}:${start.character}-${end.line}:${end.character}`;
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    return n === 0 ? base : `${base}#${n}`;
  });
}

/** Do the findings of this check take part in fix-all (its `fixAll`)? */
export function takesPartInFixAll(rule: string): boolean {
  return checkById(rule)?.fixAll === true;
}

/**
 * Every safe rewrite in a file at once: the ask of each finding whose check takes
 * part in fix-all replaced by its preferred alternative. Repeats of one ask (a landing page's repeated
 * button) get the same words; different asks get different alternatives, so the
 * draft does not say the same sentence twice. Booking links and stale findings
 * are skipped, and no two edits overlap. As in codeActionsFor, the text is the analysis's own.
 */
export function fixAllEdits(analysis: Analysis): TextEdit[] {
  if (!analysis.analysed) return [];
  const doc = analysis.doc;
  const chosen = new Map<string, string>();
  const used = new Set<string>();
  const edits: { start: number; end: number; edit: TextEdit }[] = [];
  const lines = doc.lines;
  for (const f of analysis.findings) {
    if (!takesPartInFixAll(f.rule) || !f.data.ask) continue;
    const ask = askOf(analysis, f);
    if (!ask || isBookingLink(ask)) continue;
    let pick = chosen.get(ask.key);
    if (pick === undefined) {
      const alts = alternativesForFinding(f);
      pick = (alts.find((a) => !used.has(a.text)) ?? alts[0])?.text;
      if (pick === undefined) continue;
      chosen.set(ask.key, pick);
      used.add(pick);
    }
    const edit = replaceAskEdit(doc, f, pick);
    if (!edit) continue;
    // Many placeholders at once would leave the writer tabbing through the whole file: fix-all writes plain text.
    delete edit.snippet;
    const start = lines.offsetAt(edit.range.start);
    const end = lines.offsetAt(edit.range.end);
    if (edits.some((x) => start < x.end && x.start < end)) continue;
    edits.push({ start, end, edit });
  }
  return edits.sort((a, b) => a.start - b.start).map((x) => x.edit);
}

/** The fix-all action for a file, or null when there is nothing safe to fix. */
export function fixAllAction(analysis: Analysis): ActionSpec | null {
  const edits = fixAllEdits(analysis);
  if (edits.length === 0) return null;
  return { title: `Rewrite ${edits.length} ask${edits.length === 1 ? '' : 's'} to fit the audience's trust`, kind: FIX_ALL_KIND, edits };
}
