import * as vscode from 'vscode';
import { currentMarkdownDocument } from '../editors';
import type { ProfileDocuments } from '../profileView';

/**
 * `Trustline: Show Draft Profile`: the draft's type, channel and trust with where
 * each came from, and the asks found with their class, level and line, as a
 * markdown page in the preview beside the draft. It updates as the draft is edited.
 */
export async function showProfile(profiles: ProfileDocuments): Promise<vscode.Uri | undefined> {
  const doc = currentMarkdownDocument();
  if (!doc) {
    void vscode.window.showWarningMessage('Trustline: open a markdown draft to see its profile.');
    return undefined;
  }
  const uri = profiles.uriFor(doc.uri);
  try {
    // Locked: a dynamic preview would follow the active editor and show the draft's source instead.
    await vscode.commands.executeCommand('markdown.showLockedPreviewToSide', uri);
  } catch {
    // Without the built-in markdown extension: the page as text is still readable.
    await vscode.window.showTextDocument(uri, { viewColumn: vscode.ViewColumn.Beside, preview: true });
  }
  return uri;
}
