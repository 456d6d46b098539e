/**
 * Hovers and code actions on drafts: the protocol side of the core's hoverAt,
 * codeActionsFor and fixAllAction. Everything is computed from one
 * CurrentAnalysis (the document's text at one version), and every edit is sent
 * as a versioned TextDocumentEdit, so an editor that has moved on since refuses
 * to apply it instead of applying it to the wrong text.
 */
import {
  CodeActionKind,
  TextDocumentEdit,
  type CodeAction,
  type CodeActionParams,
  type Diagnostic,
  type Hover,
  type Position,
  type WorkspaceEdit,
} from 'vscode-languageserver/node';
import {
  COMMAND_SET_TRUST,
  FIX_ALL_KIND,
  codeActionsFor,
  findingKeys,
  fixAllAction,
  hoverAt,
  setTrustEdit,
  takesPartInFixAll,
  type ActionSpec,
  type Analysis,
  type Finding,
  type HoverLinks,
  type LineIndex,
  type SetTrustResult,
  type TextEdit,
} from '../../core/src/index';
import { SOURCE } from './diagnostics';
import type { CurrentAnalysis } from './linter';

/** The code action kinds the server offers (advertised in `codeActionProvider`). */
export const CODE_ACTION_KINDS = [CodeActionKind.QuickFix, FIX_ALL_KIND];

/** A position inside the text, or undefined when it is past the end or malformed. */
function offsetOf(lines: LineIndex, position: Position | undefined): number | undefined {
  const line = position?.line;
  const character = position?.character;
  if (!Number.isInteger(line) || !Number.isInteger(character) || line! < 0 || character! < 0) return undefined;
  if (line! >= lines.lineCount || character! > lines.lineText(line!).length) return undefined;
  return lines.offsetAt({ line: line!, character: character! });
}

/** The hover at a position: asks, front matter values, skill names; null anywhere else. */
export function hoverFor(current: CurrentAnalysis, position: Position, links: HoverLinks): Hover | null {
  const { analysis } = current;
  // Switched off, too large or over the time budget: Trustline says nothing about the document at all.
  if (analysis.skipped === 'disabled' || analysis.skipped === 'too-large' || analysis.skipped === 'over-budget') return null;
  const offset = offsetOf(analysis.doc.lines, position);
  if (offset === undefined) return null;
  const hover = hoverAt(analysis, offset, links, { channels: current.settings.analysis.channels });
  if (!hover) return null;
  return { contents: { kind: 'markdown', value: hover.markdown }, range: hover.range };
}

export interface CodeActionOptions {
  /** The client applies `documentChanges` (versioned edits); else plain `changes` are sent. */
  documentChanges: boolean;
  /**
   * The client applies snippet edits in a workspace edit (LSP 3.18 `snippetEditSupport`): a
   * rewrite whose slot the draft cannot fill is sent as a placeholder to type over.
   */
  snippets?: boolean;
}

/** Does a requested kind filter (`context.only`) let `kind` through? Kinds are hierarchical. */
export function kindWanted(only: readonly string[] | undefined, kind: string): boolean {
  if (!only || only.length === 0) return true;
  return only.some((o) => kind === o || kind.startsWith(`${o}.`));
}

function isRange(r: unknown): r is Diagnostic['range'] {
  const q = r as Diagnostic['range'] | null | undefined;
  return !!q && typeof q === 'object' && !!q.start && !!q.end;
}

function sameRange(a: Diagnostic['range'], b: Finding['range']): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}

/** A UTF-16 column of a line counted in another encoding (UTF-8 bytes, or code points as UTF-32 counts). */
function columnAs(line: string, utf16: number, encoding: 'utf-8' | 'utf-32'): number {
  const head = line.slice(0, utf16);
  return encoding === 'utf-8' ? Buffer.byteLength(head, 'utf8') : Array.from(head).length;
}

/**
 * Does the client's range stand for the finding's range, counted in UTF-16 (as LSP says), in
 * UTF-8 bytes or in code points? Clients that track positions in another unit convert them back
 * imperfectly: Neovim 0.7 sends the byte columns it stores, so on a line with an emoji, a curly
 * quote or a math-bold letter a Trustline range comes back with larger numbers.
 */
function sameRangeAnyEncoding(lines: LineIndex, a: Diagnostic['range'], b: Finding['range']): boolean {
  if (sameRange(a, b)) return true;
  if (a.start.line !== b.start.line || a.end.line !== b.end.line || b.end.line >= lines.lineCount) return false;
  const startLine = lines.lineText(b.start.line);
  const endLine = lines.lineText(b.end.line);
  return (['utf-8', 'utf-32'] as const).some(
    (enc) => a.start.character === columnAs(startLine, b.start.character, enc) && a.end.character === columnAs(endLine, b.end.character, enc),
  );
}

/** Each analysis's findings by their keys (findingKeys), built on the first code action request for it. */
const byKey = new WeakMap<Analysis, Map<string, Finding>>();

function findingsByKey(analysis: Analysis): Map<string, Finding> {
  let map = byKey.get(analysis);
  if (!map) {
    const keys = findingKeys(analysis.findings);
    map = new Map(analysis.findings.map((f, i) => [keys[i]!, f]));
    byKey.set(analysis, map);
  }
  return map;
}

/**
 * The current finding a diagnostic from the client stands for: the one its key names
 * (`data.key`, vscode-eslint's approach; docs/dev/architecture.md says why), looked up in the
 * analysis of the current text, so nothing is matched again. Undefined for a stale diagnostic,
 * whose key is no longer there (the text under it changed), and for one whose data disagrees
 * with the finding its key names (another check, another ask): it then gets no actions.
 * Only a diagnostic without a key (a client that drops `data`) is matched, by its range in any
 * encoding and its message.
 */
export function findingFor(current: CurrentAnalysis, d: Diagnostic): Finding | undefined {
  if (!d || typeof d !== 'object' || d.source !== SOURCE || typeof d.code !== 'string' || !isRange(d.range)) return undefined;
  const raw = d.data;
  const data = raw !== null && typeof raw === 'object' ? (raw as { key?: unknown; check?: unknown; ask?: { text?: unknown } }) : undefined;
  const { analysis } = current;
  if (typeof data?.key === 'string') {
    const f = findingsByKey(analysis).get(data.key);
    if (!f || f.rule !== d.code || (typeof data.check === 'string' && data.check !== f.data.check)) return undefined;
    // The ask the finding is about (its subject) must be the one the diagnostic was published for.
    if (data.ask !== undefined && f.askIndex !== undefined && (typeof data.ask !== 'object' || data.ask === null || data.ask.text !== analysis.asks[f.askIndex]?.text)) return undefined;
    return f;
  }
  const messageAgrees = (f: Finding) => typeof d.message !== 'string' || d.message === f.message;
  return analysis.findings.find((f) => f.rule === d.code && messageAgrees(f) && sameRangeAnyEncoding(analysis.doc.lines, d.range, f.range));
}

function workspaceEdit(current: CurrentAnalysis, edits: TextEdit[], options: CodeActionOptions): WorkspaceEdit {
  if (options.documentChanges) {
    // Snippet edits travel only in versioned document changes, and only to clients that take them.
    const out = edits.map((e) => (options.snippets && e.snippet ? { range: e.range, snippet: { kind: 'snippet' as const, value: e.snippet } } : plain(e)));
    return { documentChanges: [TextDocumentEdit.create({ uri: current.uri, version: current.version }, out)] };
  }
  return { changes: { [current.uri]: edits.map(plain) } };
}

/** A core edit as a plain LSP TextEdit (without its snippet form). */
function plain(e: TextEdit): { range: TextEdit['range']; newText: string } {
  return { range: e.range, newText: e.newText };
}

function toCodeAction(spec: ActionSpec, current: CurrentAnalysis, diagnostics: Diagnostic[], options: CodeActionOptions, kind: string = spec.kind): CodeAction {
  const action: CodeAction = { title: spec.title, kind };
  if (diagnostics.length > 0) action.diagnostics = diagnostics;
  if (spec.isPreferred) action.isPreferred = true;
  if (spec.edits && spec.edits.length > 0) action.edit = workspaceEdit(current, spec.edits, options);
  if (spec.command) {
    // The core leaves the document out; the client's command needs to know which draft to change.
    const args = spec.command.command === COMMAND_SET_TRUST && spec.command.arguments.length === 0 ? [current.uri] : spec.command.arguments;
    action.command = { title: spec.command.title, command: spec.command.command, arguments: args };
  }
  return action;
}

/**
 * The code actions for a request: quick fixes for each Trustline diagnostic in
 * the context that still matches the current analysis, and the file's fix-all
 * (as `source.fixAll.trustline` when asked for by kind, and as a quick fix beside
 * the rewrites when it would change two asks or more).
 */
export function codeActionsForRequest(current: CurrentAnalysis, params: CodeActionParams, options: CodeActionOptions): CodeAction[] {
  const { analysis } = current;
  if (!analysis.analysed) return [];
  const only = params.context?.only;
  const out: CodeAction[] = [];
  const matched: { d: Diagnostic; f: Finding }[] = [];
  for (const d of params.context?.diagnostics ?? []) {
    const f = findingFor(current, d);
    if (f) matched.push({ d, f });
  }
  if (kindWanted(only, CodeActionKind.QuickFix)) {
    for (const { d, f } of matched) {
      for (const spec of codeActionsFor(analysis, f)) out.push(toCodeAction(spec, current, [d], options));
    }
  }
  const fixAll = fixAllAction(analysis);
  if (fixAll) {
    const targets = matched.filter((m) => takesPartInFixAll(m.f.rule)).map((m) => m.d);
    // Asked for by kind (editor.codeActionsOnSave, "Fix all" menus): only when the filter names it,
    // so a plain light-bulb request does not get a source action it would hide anyway.
    if (only && kindWanted(only, FIX_ALL_KIND)) out.push(toCodeAction(fixAll, current, targets, options));
    else if (kindWanted(only, CodeActionKind.QuickFix) && targets.length > 0 && (fixAll.edits?.length ?? 0) >= 2) {
      out.push(toCodeAction({ ...fixAll, title: `${fixAll.title} (every ask in this file)` }, current, targets, options, CodeActionKind.QuickFix));
    }
  }
  return out;
}

/** The edit for Set audience trust, on the document as the server has it now. */
export function setTrustFor(current: CurrentAnalysis, level: unknown): SetTrustResult | null {
  if (typeof level !== 'number' || !Number.isInteger(level) || level < 0 || level > 6) return null;
  const edit = setTrustEdit(current.analysis.doc, level, current.analysis.frontMatter);
  const result: SetTrustResult = { uri: current.uri, version: current.version, edits: edit ? [edit] : [] };
  if (!edit) result.reason = "The front matter does not parse (or is not closed), so Trustline will not rewrite it: fix the front matter first, or type the trust: line yourself.";
  return result;
}
