import * as vscode from 'vscode';
import type { TrustlineClient } from '../languageClient';

/** `Trustline: Restart Server`: for a server stuck after an edit to its install, or after a crash. */
export async function restartServer(client: TrustlineClient): Promise<void> {
  client.output.info('Restarting the Trustline server.');
  await client.restart();
  void vscode.window.setStatusBarMessage('Trustline server restarted', 3000);
}
