import * as vscode from 'vscode';
import { currentMarkdownDocument, openDocument } from '../editors';
import type { TrustlineClient } from '../languageClient';
import { trustPickView } from '../logic/walk';
import { pickOnce } from '../quickPick';

/**
 * `Trustline: Set Audience Trust...` (and the "Set the audience trust..." code
 * action, which passes the draft's URI): pick one of the seven stages, then the
 * server's edit declares or changes `trust:` in the front matter. The edit is
 * applied only to the document version it was computed on; the writer's text is
 * never rewritten from a stale copy.
 */
export async function setTrust(client: TrustlineClient, uriArg?: unknown, levelArg?: unknown): Promise<boolean> {
  const doc = uriArg !== undefined ? openDocument(uriArg) : currentMarkdownDocument();
  if (!doc) {
    void vscode.window.showWarningMessage('Trustline: open a markdown draft to set its audience trust.');
    return false;
  }
  let level: number | undefined = typeof levelArg === 'number' && Number.isInteger(levelArg) ? levelArg : undefined;
  if (level === undefined) {
    const profile = await client.profile(doc.uri);
    const current = profile?.trust ? { level: profile.trust.level, declared: profile.trust.source === 'declared' } : undefined;
    const action = await pickOnce(trustPickView(current));
    if (action?.kind !== 'trust') return false;
    level = action.level;
  }
  // Two tries: if the writer typed between the request and its answer, ask again on the new text.
  for (let attempt = 0; attempt < 2; attempt++) {
    const result = await client.setTrustEdit(doc.uri, level);
    if (!result) {
      void vscode.window.showWarningMessage('Trustline: the server is not running or does not have this document open; try again in a moment.');
      return false;
    }
    if (result.edits.length === 0) {
      void vscode.window.showWarningMessage(`Trustline: ${result.reason ?? 'nothing to change.'}`);
      return false;
    }
    if (doc.version !== result.version) continue;
    const edit = new vscode.WorkspaceEdit();
    edit.set(doc.uri, client.asTextEdits(result.edits));
    return vscode.workspace.applyEdit(edit);
  }
  void vscode.window.showWarningMessage('Trustline: the draft kept changing while its trust was being set; try again.');
  return false;
}
