/**
 * The open buffers, kept in sync with the editor (incremental sync).
 *
 * Written out rather than using `TextDocuments` so that a change for a document
 * that was never opened, or an edit the document cannot apply, is logged with its
 * URI instead of vanishing or throwing inside the library.
 */
import { TextDocument } from 'vscode-languageserver-textdocument';
import type {
  DidChangeTextDocumentParams,
  DidOpenTextDocumentParams,
  TextDocumentContentChangeEvent,
} from 'vscode-languageserver/node';
import type { Logger } from './logger';

export class DocumentStore {
  private docs = new Map<string, TextDocument>();

  constructor(private readonly log: Logger) {}

  open(params: DidOpenTextDocumentParams): TextDocument {
    const { uri, languageId, version, text } = params.textDocument;
    // A second open without a close (some clients do this after a rename) replaces the first.
    const doc = TextDocument.create(uri, languageId, version, typeof text === 'string' ? text : '');
    this.docs.set(uri, doc);
    return doc;
  }

  /** Apply edits; undefined when the document is not open (the change is ignored and logged). */
  change(params: DidChangeTextDocumentParams): TextDocument | undefined {
    const { uri, version } = params.textDocument;
    const doc = this.docs.get(uri);
    if (!doc) {
      this.log.warn(`Ignored a change for ${uri}: that document was never opened (or is already closed).`);
      return undefined;
    }
    const changes = (params.contentChanges ?? []).filter(isValidChange);
    if (changes.length !== (params.contentChanges ?? []).length) {
      this.log.warn(`Ignored ${(params.contentChanges ?? []).length - changes.length} malformed edit(s) for ${uri}.`);
    }
    try {
      TextDocument.update(doc, changes, typeof version === 'number' ? version : doc.version + 1);
    } catch (err) {
      this.log.error(`Could not apply an edit to ${uri}; analysis continues on the last good text.`, err);
    }
    return doc;
  }

  close(uri: string): boolean {
    return this.docs.delete(uri);
  }

  get(uri: string): TextDocument | undefined {
    return this.docs.get(uri);
  }

  all(): TextDocument[] {
    return [...this.docs.values()];
  }
}

function isPosition(p: unknown): boolean {
  const q = p as { line?: unknown; character?: unknown } | null;
  return !!q && Number.isInteger(q.line) && Number.isInteger(q.character) && (q.line as number) >= 0 && (q.character as number) >= 0;
}

/** An edit we can apply: text plus, for a ranged edit, two valid positions. */
function isValidChange(c: TextDocumentContentChangeEvent): boolean {
  const e = c as { text?: unknown; range?: { start?: unknown; end?: unknown } };
  if (typeof e.text !== 'string') return false;
  if (e.range === undefined) return true;
  return isPosition(e.range?.start) && isPosition(e.range?.end);
}
