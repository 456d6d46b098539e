/**
 * Completion and hover in `.trustline.yaml` / `.trustline.yml`, so the config file
 * is easy to write without the YAML extension: top-level keys, check ids and their
 * severities, ask classes, channel ids and trust levels, each with the description
 * from the shipped JSON schema (schemas/trustline-config.schema.json, the same
 * file VS Code uses for `.trustline.json` and the YAML extension for YAML).
 *
 * Block-style YAML only, read line by line (a config being typed rarely parses):
 * the indentation above the cursor says which mapping or list it is in. Flow
 * style (`{ ... }`, `[ ... ]`) and comments get nothing rather than a guess.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import {
  CompletionItemKind,
  InsertTextFormat,
  MarkupKind,
  type CompletionItem,
  type Hover,
  type Position,
  type Range,
} from 'vscode-languageserver/node';
import { ASK_CLASSES, ASK_LABELS, CHANNELS, CHECK_IDS, SEVERITY_SETTINGS, STAGES, stageLabel, stripBom } from '../../core/src/index';

/** Descriptions from the JSON schema; every field may be missing (no schema shipped, or an old one). */
export interface ConfigSchemaDocs {
  keys: Record<string, string>;
  checks: Record<string, string>;
  channels: Record<string, string>;
}

const EMPTY_DOCS: ConfigSchemaDocs = { keys: {}, checks: {}, channels: {} };

/** The top-level keys, in the order docs/config.md lists them; `kind` decides the snippet. */
const KEYS: { key: string; kind: 'map' | 'list' | 'asks' | 'scalar' }[] = [
  { key: 'checks', kind: 'map' },
  { key: 'defaultTrust', kind: 'scalar' },
  { key: 'drafts', kind: 'list' },
  { key: 'lintAll', kind: 'scalar' },
  { key: 'asks', kind: 'asks' },
  { key: 'pressure', kind: 'list' },
  { key: 'channels', kind: 'map' },
  { key: 'maxFileSize', kind: 'scalar' },
  { key: 'timeBudgetMs', kind: 'scalar' },
  { key: 'maxFindings', kind: 'scalar' },
];

const SEVERITY_DOCS: Record<string, string> = {
  off: 'The check does not run.',
  hint: 'Shown as faint dots under the text; not in the Problems count.',
  information: 'A blue squiggle; listed under Problems as information.',
  warning: 'A yellow squiggle.',
  error: 'A red squiggle; `trustline` on the command line exits with 1.',
};

/** Ask VS Code to open the suggestions again right after a key is inserted (its values come next). */
const SUGGEST_AGAIN = { title: 'Suggest values', command: 'editor.action.triggerSuggest' };

/** Read the descriptions from the schema under the extension root; missing or broken: no descriptions. */
export function loadConfigSchemaDocs(root: string): ConfigSchemaDocs {
  try {
    const schema = JSON.parse(readFileSync(path.join(root, 'schemas', 'trustline-config.schema.json'), 'utf8')) as {
      properties?: Record<string, { description?: string; properties?: Record<string, { description?: string }> }>;
    };
    const descriptions = (props: Record<string, { description?: string }> | undefined) =>
      Object.fromEntries(Object.entries(props ?? {}).flatMap(([k, v]) => (typeof v?.description === 'string' ? [[k, v.description]] : [])));
    return {
      keys: descriptions(schema.properties),
      checks: descriptions(schema.properties?.checks?.properties),
      channels: descriptions(schema.properties?.channels?.properties),
    };
  } catch {
    return EMPTY_DOCS;
  }
}

/** Is this URI a YAML project config file (the only kind this module serves)? */
export function isYamlConfigUri(uri: string): boolean {
  const name = decodeURIComponent(uri.slice(uri.lastIndexOf('/') + 1));
  return name === '.trustline.yaml' || name === '.trustline.yml';
}

interface LineInfo {
  indent: number;
  dash: boolean;
  /** Column where the content starts (after `- ` on a list item line). */
  contentCol: number;
  /** The mapping key at contentCol, if the line is `key:` or `key: value`. */
  key?: string;
  /** Whether the key has a value on the same line. */
  inlineValue: boolean;
  blank: boolean;
}

const KEY_RE = /^([A-Za-z0-9$_][A-Za-z0-9$_.+-]*|"[^"]*"|'[^']*')[ \t]*:(?=[ \t]|$)/;

function lineInfo(line: string): LineInfo {
  const indent = /^[ ]*/.exec(line)![0].length;
  const rest = line.slice(indent);
  const blank = rest.trim() === '' || rest.startsWith('#');
  const dashM = /^-(?:[ \t]+|$)/.exec(rest);
  const contentCol = indent + (dashM ? dashM[0].length : 0);
  const content = line.slice(contentCol);
  const keyM = KEY_RE.exec(content);
  const info: LineInfo = { indent, dash: !!dashM, contentCol, inlineValue: false, blank };
  if (keyM) {
    info.key = keyM[1]!.replace(/^["']|["']$/g, '');
    const after = content.slice(keyM[0].length).trim();
    info.inlineValue = after !== '' && !after.startsWith('#');
  }
  return info;
}

/**
 * The keys enclosing column `col` of line `lineNo`, outermost first; "[]" marks a
 * list item. `inItem`: the line itself is a list item (its dash is at `col`).
 */
function ancestors(lines: readonly string[], lineNo: number, col: number, inItem: boolean): string[] {
  const out: string[] = [];
  let limit = col;
  let fromDash = inItem;
  for (let i = lineNo - 1; i >= 0; i--) {
    // At the left margin, only a list item (`- ` at column 0) can still have a parent.
    if (limit === 0 && !fromDash) break;
    const info = lineInfo(lines[i]!);
    if (info.blank) continue;
    if (info.dash && info.indent < limit) {
      // Inside a list item whose dash is further left: the item's other keys are siblings.
      out.push('[]');
      limit = info.indent;
      fromDash = true;
      continue;
    }
    const isParent = info.key !== undefined && !info.inlineValue && !info.dash && (info.indent < limit || (fromDash && info.indent === limit));
    if (isParent) {
      out.push(info.key!);
      limit = info.indent;
      fromDash = false;
      continue;
    }
    // A less indented line that opens nothing (a scalar, flow style): the structure is not block YAML we can follow.
    if (info.indent < limit || (fromDash && info.indent === limit && !info.dash)) return ['?'];
  }
  if (inItem) out.unshift('[]');
  return out.reverse();
}

function md(value: string | undefined): CompletionItem['documentation'] {
  return value ? { kind: MarkupKind.Markdown, value } : undefined;
}

/** What the client can take: snippets (`completionItem.snippetSupport`) and VS Code's own commands. */
export interface CompletionClient {
  snippets: boolean;
  /** The client is VS Code (or a build of it), which runs `editor.action.triggerSuggest`. */
  vscodeCommands: boolean;
}

const VSCODE: CompletionClient = { snippets: true, vscodeCommands: true };

/** A snippet as the plain text it inserts: placeholders keep their default words, tab stops go. */
export function snippetToPlain(snippet: string): string {
  return snippet.replace(/\\([$}\\])|\$\{\d+:((?:\\.|[^}\\])*)\}|\$\{\d+\}|\$\d+/g, (_m, escaped: string | undefined, words: string | undefined) =>
    escaped ?? (words ?? '').replace(/\\(.)/g, '$1'),
  );
}

function item(label: string, kind: CompletionItemKind, range: Range, newText: string, extra: Partial<CompletionItem>, client: CompletionClient): CompletionItem {
  const snippet = /\$(?:\d|\{)/.test(newText);
  const it: CompletionItem = { label, kind, textEdit: { range, newText: snippet && !client.snippets ? snippetToPlain(newText) : newText }, ...extra };
  if (snippet && client.snippets) it.insertTextFormat = InsertTextFormat.Snippet;
  // Commands only VS Code knows would fail in any other editor ("command not found").
  if (!client.vscodeCommands) delete it.command;
  return it;
}

/** Lines of the text (any line break). */
function splitLines(text: string): string[] {
  return stripBom(text).split(/\r\n|\r|\n/);
}

/** Completions at a position in a `.trustline.yaml`; empty where nothing fits. */
export function configCompletions(text: string, position: Position, docs: ConfigSchemaDocs = EMPTY_DOCS, client: CompletionClient = VSCODE): CompletionItem[] {
  const lines = splitLines(text);
  const lineNo = position?.line;
  if (!Number.isInteger(lineNo) || lineNo < 0 || lineNo >= lines.length) return [];
  const line = lines[lineNo]!;
  const ch = position.character;
  if (!Number.isInteger(ch) || ch < 0 || ch > line.length) return [];
  const prefix = line.slice(0, ch);
  // In a comment or flow-style YAML: nothing.
  if (/(^|\s)#/.test(prefix) || /[{[]/.test(prefix)) return [];

  const keyPos = /^([ ]*)(-[ \t]+)?([A-Za-z0-9$_-]*)$/.exec(prefix);
  if (keyPos) {
    const indent = keyPos[1]!.length;
    const dash = !!keyPos[2];
    const col = indent + (keyPos[2]?.length ?? 0);
    const range: Range = { start: { line: lineNo, character: col }, end: { line: lineNo, character: ch } };
    const where = dash ? ancestors(lines, lineNo, indent, true) : ancestors(lines, lineNo, col, false);
    return keyCompletions(where, range, lines, docs, client);
  }

  const valuePos = /^([ ]*)(-[ \t]+)?([A-Za-z0-9$_-]+)[ \t]*:([ \t]*)([A-Za-z0-9+_-]*)$/.exec(prefix);
  if (valuePos) {
    const indent = valuePos[1]!.length;
    const dash = !!valuePos[2];
    const col = indent + (valuePos[2]?.length ?? 0);
    const key = valuePos[3]!;
    const where = dash ? ancestors(lines, lineNo, indent, true) : ancestors(lines, lineNo, col, false);
    const start = ch - valuePos[5]!.length;
    const range: Range = { start: { line: lineNo, character: start }, end: { line: lineNo, character: ch } };
    // Right after the colon: the value brings its own space.
    const space = valuePos[4] === '' ? ' ' : '';
    return valueCompletions(where, key, range, space, client);
  }
  return [];
}

function keyCompletions(where: string[], range: Range, lines: readonly string[], docs: ConfigSchemaDocs, client: CompletionClient): CompletionItem[] {
  const path = where.join('/');
  if (path === '') {
    const present = new Set(lines.map(lineInfo).filter((l) => l.indent === 0 && !l.dash && l.key).map((l) => l.key!));
    return KEYS.filter((k) => !present.has(k.key)).map((k, i) => {
      const snippet =
        k.kind === 'map' ? `${k.key}:\n  $0` : k.kind === 'list' ? `${k.key}:\n  - "$0"` : k.kind === 'asks' ? `${k.key}:\n  - phrase: "$1"\n    class: $0` : `${k.key}: `;
      const extra: Partial<CompletionItem> = { documentation: md(docs.keys[k.key]), sortText: String(i).padStart(2, '0') };
      if (k.kind === 'map' || k.kind === 'scalar' || k.kind === 'asks') extra.command = SUGGEST_AGAIN;
      return item(k.key, CompletionItemKind.Property, range, snippet, extra, client);
    });
  }
  if (path === 'checks') {
    return CHECK_IDS.map((id) => item(id, CompletionItemKind.Property, range, `${id}: `, { documentation: md(docs.checks[id]), command: SUGGEST_AGAIN, detail: 'check id' }, client));
  }
  if (path === 'channels') {
    return CHANNELS.map((c) =>
      item(c.id, CompletionItemKind.Property, range, `${c.id}: [\${1:${c.from}}, \${2:${c.to}}]`, {
        detail: `${c.name}: trust ${c.from} to ${c.to}`,
        documentation: md(docs.channels[c.id]),
      }, client),
    );
  }
  if (path === 'asks/[]') {
    return [
      item('phrase', CompletionItemKind.Property, range, 'phrase: "$0"', { detail: 'literal text, not a pattern', documentation: md('The words your team writes, matched case-insensitively with any whitespace between them. Literal text: no regular expressions.') }, client),
      item('class', CompletionItemKind.Property, range, 'class: ', { detail: 'the ask class', command: SUGGEST_AGAIN }, client),
    ];
  }
  return [];
}

function valueCompletions(where: string[], key: string, range: Range, space: string, client: CompletionClient): CompletionItem[] {
  const path = where.join('/');
  if (path === 'checks' && CHECK_IDS.includes(key)) {
    return SEVERITY_SETTINGS.map((s, i) => item(s, CompletionItemKind.EnumMember, range, `${space}${s}`, { documentation: md(SEVERITY_DOCS[s]), sortText: String(i) }, client));
  }
  if (path === 'asks/[]' && key === 'class') {
    return ASK_CLASSES.map((c, i) => item(c, CompletionItemKind.EnumMember, range, `${space}${c}`, { detail: ASK_LABELS[c], sortText: String(i) }, client));
  }
  if (path === '' && key === 'defaultTrust') {
    return STAGES.map((s) =>
      item(String(s.level), CompletionItemKind.EnumMember, range, `${space}${s.level}`, {
        detail: `${stageLabel(s.level)}: ${s.meaning}`,
        filterText: `${s.level} ${s.name.toLowerCase()}`,
        sortText: String(s.level),
      }, client),
    );
  }
  if (path === '' && key === 'lintAll') {
    return ['false', 'true'].map((b) => item(b, CompletionItemKind.Value, range, `${space}${b}`, {}, client));
  }
  return [];
}

/** The hover on a config key (top-level, check id, channel id): its description from the schema. */
export function configHover(text: string, position: Position, docs: ConfigSchemaDocs): Hover | null {
  const lines = splitLines(text);
  const lineNo = position?.line;
  if (!Number.isInteger(lineNo) || lineNo < 0 || lineNo >= lines.length) return null;
  const line = lines[lineNo]!;
  const info = lineInfo(line);
  if (!info.key || info.blank) return null;
  const start = info.contentCol;
  const end = start + info.key.length;
  if (position.character < start || position.character > end) return null;
  const where = info.dash ? ancestors(lines, lineNo, info.indent, true) : ancestors(lines, lineNo, info.contentCol, false);
  const path = where.join('/');
  const value = path === '' ? docs.keys[info.key] : path === 'checks' ? docs.checks[info.key] : path === 'channels' ? docs.channels[info.key] : undefined;
  if (!value) return null;
  return {
    contents: { kind: MarkupKind.Markdown, value: `**${info.key}**: ${value}` },
    range: { start: { line: lineNo, character: start }, end: { line: lineNo, character: end } },
  };
}
