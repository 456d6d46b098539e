/**
 * The VS Code extension: start the language server and register the commands.
 * Kept thin on purpose; analysis happens in the server, UI lives in commands/.
 */
import * as vscode from 'vscode';
import { registerCommands } from './commands/index';
import { OUTPUT_CHANNEL } from './constants';
import { TrustlineClient } from './languageClient';

let client: TrustlineClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  // A log channel: the server's errors, warnings and info arrive with their level, and
  // setting the channel's level to Trace shows the protocol (trustline.trace.server).
  const output = vscode.window.createOutputChannel(OUTPUT_CHANNEL, { log: true });
  context.subscriptions.push(output);
  client = new TrustlineClient(context, output);
  registerCommands(context, client);
  await client.start();
}

export async function deactivate(): Promise<void> {
  // Awaited so VS Code waits for the server to shut down instead of killing it mid-write.
  const c = client;
  client = undefined;
  await c?.stop();
}
