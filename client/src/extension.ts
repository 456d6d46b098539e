/**
 * The VS Code extension: start the language server, register the commands, the
 * draft status bar item and the profile pages. Kept thin on purpose: analysis
 * happens in the server, the pickers' logic in the core and client/src/logic/.
 */
import * as vscode from 'vscode';
import { registerCommands } from './commands/index';
import { ContextKeys, OUTPUT_CHANNEL, PROFILE_SCHEME } from './constants';
import { TrustlineClient } from './languageClient';
import { ProfileDocuments } from './profileView';
import { DraftStatusBar } from './statusBar';

let client: TrustlineClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  // A log channel: the server's errors, warnings and info arrive with their level, and
  // setting the channel's level to Trace shows the protocol (trustline.trace.server).
  const output = vscode.window.createOutputChannel(OUTPUT_CHANNEL, { log: true });
  context.subscriptions.push(output);
  client = new TrustlineClient(context, output);
  const profiles = new ProfileDocuments(client);
  const statusBar = new DraftStatusBar(client);
  context.subscriptions.push(profiles, statusBar, vscode.workspace.registerTextDocumentContentProvider(PROFILE_SCHEME, profiles));
  registerCommands(context, { client, extensionUri: context.extensionUri, profiles });
  void vscode.commands.executeCommand('setContext', ContextKeys.active, true);
  await client.start();
  await statusBar.refresh();
}

export async function deactivate(): Promise<void> {
  // Awaited so VS Code waits for the server to shut down instead of killing it mid-write.
  const c = client;
  client = undefined;
  await c?.stop();
}
