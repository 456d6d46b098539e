/**
 * Front matter is split off before markdown parsing: it is cheap to find, and
 * it keeps YAML out of remark (no remark-frontmatter needed). The YAML is parsed
 * with `yaml`'s Document API so that every problem and every value has an exact range.
 *
 * Nothing here throws: broken YAML, a list instead of fields, an unclosed fence,
 * duplicate keys and absurdly long values all become problems with a range
 * (reported by front-matter-invalid), and the fields that could be read are kept,
 * so one typo does not switch every other check to assumed values while the writer types.
 */
import { parseDocument, isAlias, isMap, isPair, isScalar, isNode, LineCounter, type Document, type Node } from 'yaml';
import { pairEndsAt } from './text';

export interface FrontMatterField {
  key: string;
  value: unknown;
  /** Offsets of the value (or of the key when the value is empty) in the document. */
  start: number;
  end: number;
  keyStart: number;
  keyEnd: number;
  /**
   * The value could not be read because the YAML around it is broken; a problem
   * has been reported for it already, so the profile must not report it again.
   */
  broken?: boolean;
}

export interface FrontMatterProblem {
  message: string;
  start: number;
  end: number;
  /** The field the problem is about, when it is about one (`trust`, `type`, `channel`). */
  field?: string;
  /** Values that would be accepted, for a quick fix. */
  expected?: string[];
  /** The YAML could not be read as fields (a syntax error, or not `key: value`): some fields may be lost. */
  structural?: boolean;
}

export interface FrontMatter {
  /** True when the document opens with front matter (a `---` fence line followed by fields). */
  present: boolean;
  /** False when the opening fence has no closing fence (the fields are still read). */
  closed: boolean;
  /** Offset where the body (the markdown after the closing fence) starts. */
  bodyStart: number;
  /** Offsets of the YAML text between the fences. */
  yamlStart: number;
  yamlEnd: number;
  /** End offset of the closing fence line's content (or of the last field when unclosed). */
  end: number;
  /** Offset of the start of the closing fence line: where a new field can be inserted. */
  insertAt: number;
  fields: Map<string, FrontMatterField>;
  problems: FrontMatterProblem[];
  /** The YAML text. */
  rawText: string;
}

/** The opening fence; a byte order mark before it is allowed (editors hide it). */
const OPEN = /^\uFEFF?---[ \t]*(?:\r\n|\n|\r|$)/;
const CLOSE = /^(?:---|\.\.\.)[ \t]*$/;
const LINE_BREAK = /\r\n|\n|\r/g;
/** Lines that look like YAML fields, for an opening fence that is never closed. */
const FIELD_LINE = /^(?:[^\s#:][^:]*:(?:[ \t]|$)|[ \t]+\S|[ \t]*#|[ \t]*-[ \t])/;
/** Longest value quoted back in a message. */
const QUOTE_MAX = 40;

/** A value as a writer would recognise it in a message, cut when long. */
export function showValue(value: unknown): string {
  let s: string;
  try {
    s = typeof value === 'string' ? value : JSON.stringify(value) ?? String(value);
  } catch {
    s = String(value);
  }
  s = s.replace(/\s+/g, ' ').trim();
  return `"${s.length > QUOTE_MAX ? `${s.slice(0, QUOTE_MAX - 1)}…` : s}"`;
}

interface Line {
  start: number;
  /** End of the content, before the line break. */
  end: number;
  /** Start of the next line. */
  next: number;
}

function* linesFrom(text: string, from: number): Generator<Line> {
  let start = from;
  while (start < text.length) {
    LINE_BREAK.lastIndex = start;
    const m = LINE_BREAK.exec(text);
    if (!m) {
      yield { start, end: text.length, next: text.length };
      return;
    }
    yield { start, end: m.index, next: m.index + m[0].length };
    start = m.index + m[0].length;
  }
}

export function splitFrontMatter(text: string): FrontMatter {
  const none: FrontMatter = { present: false, closed: false, bodyStart: 0, yamlStart: 0, yamlEnd: 0, end: 0, insertAt: 0, fields: new Map(), problems: [], rawText: '' };
  const open = OPEN.exec(text);
  if (!open) return none;
  const fenceStart = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const yamlStart = open[0].length;
  if (yamlStart === text.length && !/[\r\n]$/.test(open[0])) return none; // just "---": still being typed

  // The closing fence: `---` or `...` on a line of its own.
  for (const line of linesFrom(text, yamlStart)) {
    if (CLOSE.test(text.slice(line.start, line.end))) {
      const fm: FrontMatter = {
        present: true,
        closed: true,
        bodyStart: line.next,
        yamlStart,
        yamlEnd: line.start,
        end: line.end,
        insertAt: line.start,
        fields: new Map(),
        problems: [],
        rawText: text.slice(yamlStart, line.start),
      };
      parseYaml(text, fm);
      return fm;
    }
  }

  // No closing fence. When the lines after the opening fence look like fields, the writer
  // meant front matter (and is probably still typing it): read those fields, report the
  // missing fence, and lint the rest as the body. Otherwise the `---` is a thematic break.
  let firstField = -1;
  let yamlEnd = yamlStart;
  let bodyStart = yamlStart;
  for (const line of linesFrom(text, yamlStart)) {
    const content = text.slice(line.start, line.end);
    if (content.trim() === '') {
      if (firstField === -1) continue;
      break;
    }
    if (!FIELD_LINE.test(content) || (firstField === -1 && !/^[^\s#:-]/.test(content))) break;
    if (firstField === -1) firstField = line.start;
    yamlEnd = line.end;
    bodyStart = line.next;
  }
  if (firstField === -1) return none;
  const fm: FrontMatter = {
    present: true,
    closed: false,
    bodyStart,
    yamlStart,
    yamlEnd,
    end: yamlEnd,
    insertAt: bodyStart,
    fields: new Map(),
    problems: [
      {
        message: 'The front matter is not closed, so it may be read as part of the draft. Add a line with `---` after the last field.',
        start: fenceStart,
        end: fenceStart + 3,
      },
    ],
    rawText: text.slice(yamlStart, yamlEnd),
  };
  parseYaml(text, fm);
  return fm;
}

function parseYaml(text: string, fm: FrontMatter): void {
  // Lone CR line ends (old Mac files) become LF, which the YAML parser understands; same length, same offsets.
  const yamlText = text.slice(fm.yamlStart, fm.yamlEnd).replace(/\r(?!\n)/g, '\n');
  if (yamlText.trim() === '') return;
  let doc: Document.Parsed;
  try {
    // uniqueKeys is off so that a duplicate key gets a clearer message than the parser's.
    doc = parseDocument(yamlText, { lineCounter: new LineCounter(), prettyErrors: false, uniqueKeys: false, strict: false });
  } catch (err) {
    fm.problems.push({ message: `The front matter could not be read: ${(err as Error).message}`, start: fm.yamlStart, end: fm.yamlEnd, structural: true });
    return;
  }
  const errorSpans: [number, number][] = [];
  for (const err of doc.errors) {
    const [s, e] = err.pos;
    errorSpans.push([s, e]);
    const firstLine = err.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '').replace(/\.$/, '');
    // The commonest mistake by far: `subject: Re: your question` (a colon inside a value).
    const colon = err.code === 'BLOCK_AS_IMPLICIT_KEY' || err.code === 'MULTILINE_IMPLICIT_KEY';
    fm.problems.push({
      message: colon
        ? 'The front matter is not valid YAML: a value that contains ": " must be in quotes, for example subject: "Re: your question".'
        : `The front matter is not valid YAML: ${firstLine}.`,
      // At least one character, never half of a surrogate pair ("type: 😀: : [" reports the emoji's second half).
      start: fm.yamlStart + charStart(yamlText, s),
      end: fm.yamlStart + charEnd(yamlText, Math.min(yamlText.length, Math.max(e, s + 1))),
      structural: true,
    });
  }
  const contents = doc.contents;
  if (contents === null) return;
  if (!isMap(contents)) {
    if (doc.errors.length > 0) return; // the parse error says it already
    const r = contents.range ?? [0, yamlText.length];
    // Underline the text, not the line break after it.
    const end = r[0] + yamlText.slice(r[0], r[1]).trimEnd().length;
    fm.problems.push({
      message: 'The front matter must be `key: value` fields, one per line, such as `type: email` and `trust: 2`.',
      start: fm.yamlStart + r[0],
      end: fm.yamlStart + Math.max(end, r[0] + 1),
      structural: true,
    });
    return;
  }
  for (const item of contents.items) {
    if (!isPair(item) || !isScalar(item.key) || item.key.value === null) continue;
    const key = String(item.key.value).trim().toLowerCase();
    const keyRange = item.key.range ?? [0, 0];
    const value = item.value as Node | null;
    // An empty value (`trust:`) has an empty range: point at the key instead.
    const valueRange: [number, number] =
      isNode(value) && value.range && value.range[1] > value.range[0] ? [value.range[0], value.range[1]] : [keyRange[0], keyRange[1]];
    const start = fm.yamlStart + valueRange[0];
    const end = fm.yamlStart + valueRange[1];
    const existing = fm.fields.get(key);
    if (existing) {
      // YAML forbids duplicate keys; say which one counts instead of failing the whole block.
      const firstLine = lineOf(text, existing.keyStart);
      fm.problems.push({
        message: `\`${key}:\` appears twice in the front matter. Trustline uses the first one (line ${firstLine}); delete the other.`,
        start: fm.yamlStart + keyRange[0],
        end: fm.yamlStart + keyRange[1],
        field: key,
      });
      continue;
    }
    // A value the parser had to guess at (an error inside or right around it) is not used.
    const broken = errorSpans.some(([s, e]) => s < valueRange[1] + 1 && e > keyRange[0]);
    const field: FrontMatterField = {
      key,
      value: broken ? undefined : readValue(value, doc),
      start,
      end,
      keyStart: fm.yamlStart + keyRange[0],
      keyEnd: fm.yamlStart + keyRange[1],
    };
    if (broken) field.broken = true;
    fm.fields.set(key, field);
  }
}

function readValue(value: Node | null, doc: Document.Parsed): unknown {
  if (value === null) return null;
  if (isScalar(value)) return value.value;
  if (isAlias(value)) {
    const target = value.resolve(doc);
    return isScalar(target) ? target.value : target ? (target as { toJSON(): unknown }).toJSON() : null;
  }
  try {
    return (value as { toJSON(): unknown }).toJSON();
  } catch {
    return null;
  }
}

/** 1-based line number of an offset, for messages. */
function lineOf(text: string, offset: number): number {
  let n = 1;
  for (let i = 0; i < offset && i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) n++;
  }
  return n;
}

/** `at`, or one before it when `at` falls between the two halves of a surrogate pair. */
function charStart(text: string, at: number): number {
  return pairEndsAt(text, at + 1) ? at - 1 : at;
}

/** `at`, or one after it when `at` falls between the two halves of a surrogate pair. */
function charEnd(text: string, at: number): number {
  return pairEndsAt(text, at + 1) ? at + 1 : at;
}
