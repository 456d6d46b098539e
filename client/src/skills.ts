/** Opening a skill of the library (skills/<name>/SKILL.md, shipped in the extension) in the markdown preview. */
import * as vscode from 'vscode';
import { skillDocPath, skillInfo } from '../../core/src/client';

/** The SKILL.md of a skill inside this install. */
export function skillUri(extensionUri: vscode.Uri, name: string): vscode.Uri {
  return vscode.Uri.joinPath(extensionUri, ...skillDocPath(name).split('/'));
}

/**
 * Show a skill rendered, beside the draft, in a locked preview
 * (`markdown.showLockedPreviewToSide`): a plain `markdown.showPreview` is dynamic and
 * follows the active editor, so the skill would turn into the draft the moment the
 * writer clicked back into it (seen in VS Code 1.99). Unknown names and missing files
 * get a message saying which, never an empty preview. True when it opened.
 */
export async function openSkillPreview(extensionUri: vscode.Uri, name: unknown): Promise<boolean> {
  if (typeof name !== 'string' || !skillInfo(name)) {
    void vscode.window.showErrorMessage(`Trustline: there is no skill named ${JSON.stringify(name)}. Run "Trustline: Open Skill..." to pick one.`);
    return false;
  }
  const uri = skillUri(extensionUri, name);
  try {
    await vscode.workspace.fs.stat(uri);
  } catch {
    void vscode.window.showErrorMessage(`Trustline: the ${name} skill is missing from this install (${uri.fsPath}). Reinstall the extension to get it back.`);
    return false;
  }
  await vscode.commands.executeCommand('markdown.showLockedPreviewToSide', uri);
  return true;
}
