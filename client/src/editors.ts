/** Which document a command acts on. */
import * as vscode from 'vscode';

/** Schemes the server has documents for (the client's documentSelector). */
const SYNCED_SCHEMES = new Set(['file', 'untitled']);

export function isCheckable(doc: vscode.TextDocument): boolean {
  return doc.languageId === 'markdown' && SYNCED_SCHEMES.has(doc.uri.scheme);
}

/**
 * The markdown document the writer is working on: the active editor's, or, while
 * focus is on something that is not a text editor (a preview, a panel), the one
 * visible markdown editor if there is exactly one.
 */
export function currentMarkdownDocument(): vscode.TextDocument | undefined {
  const active = vscode.window.activeTextEditor?.document;
  if (active) return isCheckable(active) ? active : undefined;
  const visible = vscode.window.visibleTextEditors.map((e) => e.document).filter(isCheckable);
  return visible.length === 1 ? visible[0] : undefined;
}

/** An open document by URI (a string from a code action's arguments, or a Uri from a menu). */
export function openDocument(uri: unknown): vscode.TextDocument | undefined {
  const key = typeof uri === 'string' ? uri : uri instanceof vscode.Uri ? uri.toString() : undefined;
  if (key === undefined) return undefined;
  let wanted: string;
  try {
    wanted = vscode.Uri.parse(key, true).toString();
  } catch {
    return undefined;
  }
  return vscode.workspace.textDocuments.find((d) => d.uri.toString() === wanted);
}
