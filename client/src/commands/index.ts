/**
 * Every command of the extension. To add one: write commands/<name>.ts exporting a
 * function of the client (and arguments), add its id to `Commands` in constants.ts,
 * list it below, and contribute it in package.json (`contributes.commands`, category
 * "Trustline").
 */
import * as vscode from 'vscode';
import { Commands } from '../constants';
import type { TrustlineClient } from '../languageClient';
import { restartServer } from './restartServer';

type Handler = (client: TrustlineClient, ...args: unknown[]) => unknown;

const COMMANDS: Record<string, Handler> = {
  [Commands.restartServer]: (client) => restartServer(client),
};

export function registerCommands(context: vscode.ExtensionContext, client: TrustlineClient): void {
  for (const [id, handler] of Object.entries(COMMANDS)) {
    context.subscriptions.push(vscode.commands.registerCommand(id, (...args: unknown[]) => handler(client, ...args)));
  }
}
