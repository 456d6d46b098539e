/**
 * Every command of the extension. To add one: write commands/<name>.ts exporting a
 * function of what it needs (and its arguments), add its id to `Commands` in
 * constants.ts, list it below, and contribute it in package.json
 * (`contributes.commands` with category "Trustline", and a `when` clause under
 * `menus.commandPalette` if it only makes sense in some editors). Keep the logic
 * that can run without VS Code in logic/ and test it in test/unit/client-*.test.ts.
 */
import * as vscode from 'vscode';
import { Commands } from '../constants';
import type { TrustlineClient } from '../languageClient';
import type { ProfileDocuments } from '../profileView';
import { openSkill } from './openSkill';
import { recommendSkill } from './recommendSkill';
import { restartServer } from './restartServer';
import { setTrust } from './setTrust';
import { showProfile } from './showProfile';

export interface CommandDeps {
  client: TrustlineClient;
  extensionUri: vscode.Uri;
  profiles: ProfileDocuments;
}

type Handler = (deps: CommandDeps, ...args: unknown[]) => unknown;

const COMMANDS: Record<string, Handler> = {
  [Commands.restartServer]: ({ client }) => restartServer(client),
  [Commands.recommendSkill]: ({ client, extensionUri }) => recommendSkill(client, extensionUri),
  [Commands.openSkill]: ({ client, extensionUri }, name) => openSkill(client, extensionUri, name),
  [Commands.setTrust]: ({ client }, uri, level) => setTrust(client, uri, level),
  [Commands.showProfile]: ({ profiles }) => showProfile(profiles),
};

export function registerCommands(context: vscode.ExtensionContext, deps: CommandDeps): void {
  for (const [id, handler] of Object.entries(COMMANDS)) {
    context.subscriptions.push(vscode.commands.registerCommand(id, (...args: unknown[]) => handler(deps, ...args)));
  }
}
