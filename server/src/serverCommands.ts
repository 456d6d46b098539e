/**
 * `workspace/executeCommand` for clients other than the VS Code extension: the commands
 * Trustline's code actions carry, run by the server itself.
 *
 *   trustline.setTrust  [uri, level?]  declare the draft's `trust:`; without a level the
 *                                      server asks which one (window/showMessageRequest),
 *                                      then sends the edit (workspace/applyEdit)
 *   trustline.openSkill [name]         open the skill's SKILL.md (window/showDocument), or
 *                                      say where it is when the client cannot open documents
 *
 * The VS Code extension runs both commands itself (a quick pick, a markdown preview) and
 * says so in `initializationOptions.clientCommands`; the server then declares no
 * `executeCommandProvider`, since vscode-languageclient would register the same command
 * ids a second time.
 */
import { MessageType, TextDocumentEdit, type Connection, type MessageActionItem, type WorkspaceEdit } from 'vscode-languageserver/node';
import { COMMAND_OPEN_SKILL, COMMAND_SET_TRUST, MAX_LEVEL, STAGES, skillInfo, stageLabel, type TextEdit } from '../../core/src/index';
import type { RuleDocs } from './diagnostics';
import { setTrustFor } from './editorFeatures';
import type { Linter } from './linter';
import type { Logger } from './logger';
import { uriToPath } from './workspace';

/** The commands the server runs (its `executeCommandProvider.commands`). */
export const SERVER_COMMANDS = [COMMAND_SET_TRUST, COMMAND_OPEN_SKILL];

/** What the client can do for these commands, read from its capabilities at initialize. */
export interface CommandClient {
  /** `workspace.applyEdit`: the client applies edits the server sends. */
  applyEdit: boolean;
  /** `workspace.workspaceEdit.documentChanges`: versioned edits. */
  documentChanges: boolean;
  /** `window.showDocument.support`: the client opens a document the server names. */
  showDocument: boolean;
}

export interface CommandDeps {
  connection: Connection;
  log: Logger;
  linter: Linter;
  docs: RuleDocs;
  client: () => CommandClient;
}

/** Run one command; every failure is told to the writer in one message, never thrown. */
export async function executeCommand(deps: CommandDeps, command: unknown, args: unknown): Promise<null> {
  const list = Array.isArray(args) ? args : [];
  if (command === COMMAND_SET_TRUST) await setTrust(deps, list[0], list[1]);
  else if (command === COMMAND_OPEN_SKILL) await openSkill(deps, list[0]);
  else deps.log.warn(`Unknown command ${JSON.stringify(command)}: Trustline runs ${SERVER_COMMANDS.join(' and ')}.`);
  return null;
}

function tell(deps: CommandDeps, type: MessageType, message: string): void {
  void deps.connection.sendNotification('window/showMessage', { type, message }).catch(() => undefined);
}

function fileName(uri: string): string {
  return decodeURIComponent(uri.slice(uri.lastIndexOf('/') + 1));
}

/** A level from an argument: 0-6 as a number or a numeric string; undefined for anything else. */
function levelOf(raw: unknown): number | undefined {
  const n = typeof raw === 'string' && /^\s*\d+\s*$/.test(raw) ? Number(raw) : raw;
  return typeof n === 'number' && Number.isInteger(n) && n >= 0 && n <= MAX_LEVEL ? n : undefined;
}

async function setTrust(deps: CommandDeps, uriArg: unknown, levelArg: unknown): Promise<void> {
  const { connection, log, linter } = deps;
  if (typeof uriArg !== 'string') {
    tell(deps, MessageType.Warning, 'Trustline: trustline.setTrust needs the draft\'s URI as its first argument (and a level 0-6 as its second, or it asks).');
    return;
  }
  const current = await linter.analysisFor(uriArg);
  if (!current) {
    tell(deps, MessageType.Warning, `Trustline: ${fileName(uriArg)} is not an open markdown draft, so its trust cannot be set.`);
    return;
  }
  let level = levelOf(levelArg);
  if (levelArg !== undefined && levelArg !== null && level === undefined) {
    tell(deps, MessageType.Warning, `Trustline: ${JSON.stringify(levelArg)} is not a trust level; use 0 to 6.`);
    return;
  }
  if (level === undefined) {
    const items: (MessageActionItem & { level: number })[] = STAGES.map((s) => ({ title: `${stageLabel(s.level)}: ${s.meaning}`, level: s.level }));
    let picked: MessageActionItem | null | undefined;
    try {
      picked = await connection.window.showInformationMessage(`Set the audience trust of ${fileName(uriArg)} to:`, ...items);
    } catch (err) {
      log.warn(`The editor could not show the list of trust levels (${err instanceof Error ? err.message : String(err)}); run trustline.setTrust with a level (0-6) as its second argument instead.`);
      return;
    }
    // Clients answer with the item they were given, or with a copy holding only its title.
    level = items.find((i) => i.title === picked?.title)?.level;
    if (level === undefined) return;
  }
  // The document may have changed while the writer chose: compute the edit on its text now.
  const now = await linter.analysisFor(uriArg);
  const result = now ? setTrustFor(now, level) : null;
  if (!now || !result) return;
  if (result.edits.length === 0) {
    tell(deps, MessageType.Warning, `Trustline: ${result.reason ?? 'nothing to change.'}`);
    return;
  }
  const client = deps.client();
  if (!client.applyEdit) {
    tell(deps, MessageType.Info, `Trustline: this editor does not take edits from the server; type \`trust: ${level}\` in the front matter of ${fileName(uriArg)}.`);
    return;
  }
  const edit = toWorkspaceEdit(now.uri, now.version, result.edits, client.documentChanges);
  try {
    const applied = await connection.workspace.applyEdit({ label: `Set the audience trust to ${stageLabel(level)}`, edit });
    if (!applied.applied) log.warn(`The editor did not apply the trust: edit to ${uriArg}${applied.failureReason ? `: ${applied.failureReason}` : ''}.`);
  } catch (err) {
    log.warn(`The editor refused the trust: edit to ${uriArg}: ${err instanceof Error ? err.message : String(err)}`);
  }
}

function toWorkspaceEdit(uri: string, version: number, edits: readonly TextEdit[], documentChanges: boolean): WorkspaceEdit {
  const plain = edits.map((e) => ({ range: e.range, newText: e.newText }));
  return documentChanges ? { documentChanges: [TextDocumentEdit.create({ uri, version }, plain)] } : { changes: { [uri]: plain } };
}

async function openSkill(deps: CommandDeps, name: unknown): Promise<void> {
  const { connection, log, docs } = deps;
  const href = typeof name === 'string' && skillInfo(name) ? docs.skillHref(name) : undefined;
  if (typeof name !== 'string' || !href) {
    tell(deps, MessageType.Warning, `Trustline: ${JSON.stringify(name)} is not a skill shipped with Trustline.`);
    return;
  }
  if (deps.client().showDocument) {
    try {
      const shown = await connection.window.showDocument({ uri: href, takeFocus: true });
      if (shown.success) return;
    } catch (err) {
      log.warn(`The editor could not open ${href}: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  // No window/showDocument (Neovim 0.7): say where the playbook is, so it can be opened by hand.
  tell(deps, MessageType.Info, `Trustline: the ${name} skill is ${uriToPath(href) ?? href}`);
}
