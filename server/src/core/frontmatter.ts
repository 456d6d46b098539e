/**
 * Front matter is split off before markdown parsing: it is cheap to find, and
 * it keeps YAML out of remark (no remark-frontmatter needed). The YAML is parsed
 * with `yaml`'s Document API so that every problem and every value has an exact range.
 */
import { parseDocument, isMap, isScalar, isPair, LineCounter } from 'yaml';

export interface FrontMatterField {
  key: string;
  value: unknown;
  /** Offsets of the value (or of the key when the value is empty) in the document. */
  start: number;
  end: number;
  keyStart: number;
  keyEnd: number;
}

export interface FrontMatterProblem {
  message: string;
  start: number;
  end: number;
}

export interface FrontMatter {
  /** True when the document opens with a `---` fence line. */
  present: boolean;
  /** Offset where the body (the markdown after the closing fence) starts. */
  bodyStart: number;
  /** Offsets of the YAML text between the fences. */
  yamlStart: number;
  yamlEnd: number;
  /** End offset of the closing fence line (== bodyStart minus its line break). */
  end: number;
  fields: Map<string, FrontMatterField>;
  problems: FrontMatterProblem[];
  /** The YAML text (for an unclosed fence: the first lines after it). */
  rawText: string;
}

const OPEN = /^---[ \t]*(\r\n|\n|\r|$)/;
const CLOSE = /^(---|\.\.\.)[ \t]*$/;

export function splitFrontMatter(text: string): FrontMatter {
  const empty: FrontMatter = { present: false, bodyStart: 0, yamlStart: 0, yamlEnd: 0, end: 0, fields: new Map(), problems: [], rawText: '' };
  const open = OPEN.exec(text);
  if (!open) return empty;
  const yamlStart = open[0].length;
  // Find the closing fence on a line of its own.
  let lineStart = yamlStart;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd === -1) lineEnd = text.length;
    let contentEnd = lineEnd;
    if (contentEnd > lineStart && text.charCodeAt(contentEnd - 1) === 13) contentEnd--;
    if (CLOSE.test(text.slice(lineStart, contentEnd))) {
      const bodyStart = Math.min(text.length, lineEnd + 1);
      const fm: FrontMatter = { present: true, bodyStart, yamlStart, yamlEnd: lineStart, end: contentEnd, fields: new Map(), problems: [], rawText: text.slice(yamlStart, lineStart) };
      parseYaml(text, fm);
      return fm;
    }
    if (lineEnd >= text.length) break;
    lineStart = lineEnd + 1;
  }
  // An unterminated fence: the writer is probably still typing it. Report it, and read
  // the body from the line after the opening fence so the rest of the draft is still linted.
  return {
    present: true,
    bodyStart: yamlStart,
    yamlStart,
    yamlEnd: yamlStart,
    end: 3,
    fields: new Map(),
    rawText: text.slice(yamlStart, yamlStart + 2000),
    problems: [{ message: 'Front matter is not closed: add a line with `---` after the last field.', start: 0, end: 3 }],
  };
}

function parseYaml(text: string, fm: FrontMatter): void {
  const yamlText = text.slice(fm.yamlStart, fm.yamlEnd);
  if (yamlText.trim() === '') return;
  const lineCounter = new LineCounter();
  const doc = parseDocument(yamlText, { lineCounter, prettyErrors: false, uniqueKeys: true, strict: false });
  for (const err of doc.errors) {
    const [s, e] = err.pos;
    const firstLine = err.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
    fm.problems.push({
      message: `Front matter is not valid YAML: ${firstLine}`,
      start: fm.yamlStart + s,
      end: fm.yamlStart + Math.max(e, s + 1),
    });
  }
  if (doc.errors.length > 0) return;
  const contents = doc.contents;
  if (contents === null) return;
  if (!isMap(contents)) {
    const r = contents.range ?? [0, yamlText.length];
    fm.problems.push({ message: 'Front matter must be a list of `key: value` fields.', start: fm.yamlStart + r[0], end: fm.yamlStart + r[1] });
    return;
  }
  for (const item of contents.items) {
    if (!isPair(item) || !isScalar(item.key)) continue;
    const key = String(item.key.value).trim().toLowerCase();
    const keyRange = item.key.range ?? [0, 0];
    const value = item.value;
    const valueRange = (value && 'range' in value && value.range) || keyRange;
    fm.fields.set(key, {
      key,
      value: isScalar(value) ? value.value : value === null ? null : (value as { toJSON(): unknown }).toJSON(),
      start: fm.yamlStart + valueRange[0],
      end: fm.yamlStart + valueRange[1],
      keyStart: fm.yamlStart + keyRange[0],
      keyEnd: fm.yamlStart + keyRange[1],
    });
  }
}
