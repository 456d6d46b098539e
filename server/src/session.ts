/**
 * The language server's wiring: protocol events in, the linter and the project
 * configs called, diagnostics out; hovers and code actions (editorFeatures.ts),
 * `.trustline.yaml` completion (configCompletion.ts) and Trustline's own
 * `trustline/profile` and `trustline/setTrustEdit` requests (protocol.ts) answered
 * from the linter's current analysis of each document. No analysis here (that is
 * the core) and no state beyond what a session needs.
 */
import {
  CompletionRequest,
  DidChangeConfigurationNotification,
  ExecuteCommandRequest,
  DidChangeWatchedFilesNotification,
  TextDocumentSyncKind,
  type CodeAction,
  type CompletionItem,
  type Connection,
  type Hover,
  type InitializeParams,
  type InitializeResult,
  type WorkspaceFolder,
} from 'vscode-languageserver/node';
import { configCompletions, configHover, isYamlConfigUri, loadConfigSchemaDocs, type ConfigSchemaDocs } from './configCompletion';
import { RuleDocs, resolveDocsRoot } from './diagnostics';
import { DocumentStore } from './documents';
import { buildProfile, notADraft } from './draftProfile';
import { CODE_ACTION_KINDS, codeActionsForRequest, hoverFor, setTrustFor } from './editorFeatures';
import { Linter } from './linter';
import { Logger, parseTrace } from './logger';
import { ProjectConfigs } from './projectConfig';
import {
  PROFILE_CHANGED_NOTIFICATION,
  PROFILE_REQUEST,
  SET_TRUST_REQUEST,
  warmTagger,
  type DraftProfile,
  type HoverLinks,
  type ProfileChangedParams,
  type ProfileParams,
  type SetTrustParams,
  type SetTrustResult,
} from '../../core/src/index';
import { SERVER_COMMANDS, executeCommand, type CommandClient } from './serverCommands';
import { DEFAULT_DEBOUNCE_MS, DocumentSettingsCache } from './settings';
import { Workspace, pathToUri } from './workspace';
import { nodeHost } from '../../core/node/index';

export interface SessionOptions {
  /** Folder of the running server script, for finding the shipped docs/rules pages. */
  serverDir: string;
  version?: string;
}

/** What the client may send in `initializationOptions`. */
export interface TrustlineInitializationOptions {
  /** The extension's install folder (holds docs/rules and skills); diagnostics and hovers link to pages there. */
  extensionRoot?: string;
  /** Send `trustline/profileChanged` after each analysis (the VS Code client's status bar wants it). */
  profileNotifications?: boolean;
  /**
   * Offer completion in `.trustline.yaml` (default true). The VS Code client turns it off
   * when the YAML extension is installed, which completes the file from the schema itself.
   */
  configCompletion?: boolean;
  /**
   * The client runs `trustline.setTrust` and `trustline.openSkill` itself (the VS Code
   * extension: a quick pick, a markdown preview). Any other client gets them run by the
   * server through `workspace/executeCommand` (serverCommands.ts).
   */
  clientCommands?: boolean;
}

/** VS Code and its builds (code-server, VSCodium) by `clientInfo.name`: they run `editor.action.*` commands. */
const VSCODE_CLIENT_NAMES = /^(?:visual studio code|code - oss|vscodium|code-server)\b/i;

/** Where the config file completion is offered when the client registers it dynamically. */
const YAML_CONFIG_SELECTOR = [{ pattern: '**/.trustline.{yaml,yml}' }];
const COMPLETION_TRIGGERS = [':', ' '];

export function startSession(connection: Connection, options: SessionOptions): void {
  const log = new Logger(connection.console);
  const workspace = new Workspace(nodeHost);
  const store = new DocumentStore(log);
  const docs = new RuleDocs(resolveDocsRoot(undefined, options.serverDir));
  let pullConfiguration = false;
  let registerWatchers = false;
  let registerConfiguration = false;
  let registerCompletion = false;
  let documentChanges = false;
  let snippetEdits = false;
  let profileNotifications = false;
  let configCompletion = true;
  let folderEvents = false;
  let completionSnippets = false;
  let vscodeHost = false;
  let clientCommands = false;
  let commandClient: CommandClient = { applyEdit: false, documentChanges: false, showDocument: false };
  let schemaDocs: ConfigSchemaDocs | undefined;

  const projects = new ProjectConfigs({ connection, log, store, workspace, docs });
  const settings = new DocumentSettingsCache(connection, log, (uri) => projects.layerFor(uri), () => pullConfiguration);
  const linter = new Linter({
    connection,
    log,
    store,
    settings,
    workspace,
    docs,
    onDidAnalyze: (uri, version) => {
      if (!profileNotifications) return;
      const params: ProfileChangedParams = version === undefined ? { uri } : { uri, version };
      void connection.sendNotification(PROFILE_CHANGED_NOTIFICATION, params).catch(() => undefined);
    },
  });

  /** Links in hovers: the skills and rule pages shipped inside the extension (file: URIs, they work offline). */
  const links: HoverLinks = {
    skillUri: (name) => docs.skillHref(name) ?? docs.fileHref(`skills/${name}/SKILL.md`),
    ruleUri: (id) => docs.href(id) ?? docs.fileHref(`docs/rules/${id}.md`),
  };
  const schema = () => (schemaDocs ??= loadConfigSchemaDocs(docs.root));

  /**
   * Run a request handler; a bug in it costs that one answer (logged), never the server,
   * and the editor gets the empty answer instead of an error popup.
   */
  const guarded = async <T>(what: string, empty: T, run: () => Promise<T> | T): Promise<T> => {
    try {
      return await run();
    } catch (err) {
      log.error(`${what} failed; answering with nothing.`, err);
      return empty;
    }
  };

  /** Settings or project config changed: forget cached settings and analyse again. */
  const configurationChanged = (why: string) => {
    log.info(`Configuration changed (${why}); analysing open drafts again.`);
    settings.clear();
    linter.analyzeAll();
  };

  const refreshTrace = async () => {
    try {
      const global = await settings.readGlobal();
      if (global.trace) log.setTrace(global.trace);
    } catch (err) {
      log.error('Could not read trustline.trace.server.', err);
    }
  };

  // Edits to an open config file re-read it after the same quiet time as drafts.
  const configTimers = new Map<string, ReturnType<typeof setTimeout>>();
  const reloadConfigSoon = (uri: string, delay: number) => {
    for (const folder of projects.foldersOfConfigFile(uri)) {
      clearTimeout(configTimers.get(folder.uri));
      configTimers.set(
        folder.uri,
        setTimeout(() => {
          configTimers.delete(folder.uri);
          if (projects.reload(folder)) configurationChanged(`${uri} edited`);
        }, delay),
      );
    }
  };
  const isConfigFile = (uri: string) => projects.foldersOfConfigFile(uri).length > 0;

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const caps = params.capabilities;
    pullConfiguration = !!caps.workspace?.configuration;
    registerConfiguration = !!caps.workspace?.didChangeConfiguration?.dynamicRegistration;
    registerWatchers = !!caps.workspace?.didChangeWatchedFiles?.dynamicRegistration;
    registerCompletion = !!caps.textDocument?.completion?.dynamicRegistration;
    documentChanges = !!caps.workspace?.workspaceEdit?.documentChanges;
    snippetEdits = documentChanges && !!(caps.workspace?.workspaceEdit as { snippetEditSupport?: boolean } | undefined)?.snippetEditSupport;
    folderEvents = !!caps.workspace?.workspaceFolders;
    completionSnippets = !!caps.textDocument?.completion?.completionItem?.snippetSupport;
    commandClient = { applyEdit: !!caps.workspace?.applyEdit, documentChanges, showDocument: !!caps.window?.showDocument?.support };
    const trace = parseTrace(params.trace);
    if (trace) log.setTrace(trace);

    const init = (params.initializationOptions ?? {}) as TrustlineInitializationOptions;
    docs.setRoot(resolveDocsRoot(init, options.serverDir));
    schemaDocs = undefined;
    profileNotifications = init.profileNotifications === true;
    configCompletion = init.configCompletion !== false;
    clientCommands = init.clientCommands === true;
    vscodeHost = clientCommands || VSCODE_CLIENT_NAMES.test(params.clientInfo?.name ?? '');

    // Clients without workspace folders (or that send none) still name the root: its
    // `.trustline.yaml` applies as it would from the CLI run there.
    workspace.setFolders(initialFolders(params));
    log.info(
      `Trustline server ${options.version ?? ''} starting (node ${process.version}); folders: ${workspace.all().map((f) => f.fsPath).join(', ') || 'none'}; rule pages: ${docs.root}`,
    );

    return {
      capabilities: {
        // `save` too: without a file watcher, a config file saved in the editor is read again then.
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
        hoverProvider: true,
        // Only for the commands the server runs; the VS Code client registers its own.
        ...(clientCommands ? {} : { executeCommandProvider: { commands: SERVER_COMMANDS } }),
        codeActionProvider: { codeActionKinds: CODE_ACTION_KINDS, resolveProvider: false },
        // Clients that can register it later get it for the config files only (not on every
        // space typed in a draft); the others get it statically and an empty answer in drafts.
        ...(configCompletion && !registerCompletion ? { completionProvider: { triggerCharacters: COMPLETION_TRIGGERS } } : {}),
      },
      serverInfo: { name: 'trustline', ...(options.version ? { version: options.version } : {}) },
    };
  });

  connection.onInitialized(() => {
    // Build the part-of-speech tagger now, while the editor is still opening files, so the first
    // draft's first analysis does not wait for it (about 280 ms, once).
    setTimeout(() => {
      try {
        warmTagger();
      } catch (err) {
        log.error('Could not load the part-of-speech model; asks found by grammar will be missed.', err);
      }
    }, 0);
    if (registerConfiguration) {
      // Pull model: the client tells us when `trustline.*` changes, we ask per document.
      void connection.client.register(DidChangeConfigurationNotification.type, { section: 'trustline' }).catch((err) => log.error('Could not register for configuration changes.', err));
    }
    if (registerWatchers) {
      // Clients that watch files for us (VS Code does, through the extension's own
      // watcher too) report config files created, changed or deleted on disk.
      void connection.client
        .register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/.trustline.{yaml,yml,json}' }] })
        .catch((err) => log.error('Could not register the config file watcher.', err));
    }
    if (configCompletion && registerCompletion) {
      void connection.client
        .register(CompletionRequest.type, { documentSelector: YAML_CONFIG_SELECTOR, triggerCharacters: COMPLETION_TRIGGERS })
        .catch((err) => log.error('Could not register completion for .trustline.yaml.', err));
    }
    if (folderEvents) {
      // vscode-languageserver throws here for a client without workspace folders.
      connection.workspace.onDidChangeWorkspaceFolders((event) => {
        workspace.add(event.added, event.removed);
        projects.reloadAll();
        configurationChanged('workspace folders');
      });
    }
    void refreshTrace();
    if (projects.reloadAll()) configurationChanged('project config read');
  });

  connection.onDidChangeConfiguration((change) => {
    // Clients without workspace/configuration push the settings in the notification. Pushed
    // settings are kept from any client: they also stand in when a pull is answered with an error.
    const pushed = change?.settings as { trustline?: { trace?: { server?: unknown } } } | null | undefined;
    if (!pullConfiguration || (pushed !== null && typeof pushed === 'object' && 'trustline' in pushed)) settings.setPushed(pushed);
    if (!pullConfiguration) {
      const t = parseTrace(pushed !== null && typeof pushed === 'object' ? pushed.trustline?.trace?.server : undefined);
      if (t) log.setTrace(t);
    } else void refreshTrace();
    configurationChanged('editor settings');
  });

  connection.onDidChangeWatchedFiles((params) => {
    let changed = false;
    for (const change of params.changes) {
      // An open config buffer is the truth while it is open; the disk catches up on save.
      if (store.get(change.uri)) continue;
      for (const folder of projects.foldersOfConfigFile(change.uri)) changed = projects.reload(folder) || changed;
    }
    if (changed) configurationChanged('config file changed on disk');
  });

  connection.onDidOpenTextDocument((params) => {
    const doc = store.open(params);
    log.debug(`Opened ${doc.uri} (v${doc.version}, ${doc.getText().length} characters).`);
    if (isConfigFile(doc.uri)) reloadConfigSoon(doc.uri, 0);
    else linter.opened(doc.uri);
  });

  connection.onDidChangeTextDocument((params) => {
    const doc = store.change(params);
    if (!doc) return;
    if (isConfigFile(doc.uri)) reloadConfigSoon(doc.uri, DEFAULT_DEBOUNCE_MS);
    else linter.changed(doc.uri);
  });

  connection.onDidSaveTextDocument((params) => {
    // Clients without a file watcher tell us of a saved config file only this way.
    const uri = params.textDocument?.uri;
    if (typeof uri === 'string' && isConfigFile(uri)) reloadConfigSoon(uri, 0);
  });

  connection.onDidCloseTextDocument((params) => {
    const uri = params.textDocument.uri;
    const wasOpen = store.close(uri);
    if (!wasOpen) log.warn(`Ignored a close for ${uri}: that document was not open.`);
    // Closing an unsaved config buffer falls back to the file on disk.
    if (isConfigFile(uri)) reloadConfigSoon(uri, 0);
    else linter.closed(uri);
  });

  connection.onHover((params) =>
    guarded<Hover | null>('Hover', null, async () => {
      const uri = params.textDocument?.uri;
      if (typeof uri !== 'string') return null;
      if (isYamlConfigUri(uri)) {
        const doc = store.get(uri);
        return doc ? configHover(doc.getText(), params.position, schema()) : null;
      }
      const current = await linter.analysisFor(uri);
      return current ? hoverFor(current, params.position, links) : null;
    }),
  );

  connection.onCodeAction((params) =>
    guarded<CodeAction[]>('Code actions', [], async () => {
      const uri = params.textDocument?.uri;
      if (typeof uri !== 'string') return [];
      const current = await linter.analysisFor(uri);
      return current ? codeActionsForRequest(current, params, { documentChanges, snippets: snippetEdits }) : [];
    }),
  );

  connection.onCompletion((params) =>
    guarded<CompletionItem[]>('Completion', [], () => {
      const uri = params.textDocument?.uri;
      if (!configCompletion || typeof uri !== 'string' || !isYamlConfigUri(uri)) return [];
      const doc = store.get(uri);
      return doc ? configCompletions(doc.getText(), params.position, schema(), { snippets: completionSnippets, vscodeCommands: vscodeHost }) : [];
    }),
  );

  connection.onRequest(PROFILE_REQUEST, (params: ProfileParams) =>
    guarded<DraftProfile | null>('The draft profile', null, async () => {
      const uri = params?.uri;
      if (typeof uri !== 'string' || !store.get(uri)) return null;
      const current = await linter.analysisFor(uri);
      if (current) return buildProfile(current);
      // Open but not analysable (not markdown, binary, a config file): not a draft.
      const doc = store.get(uri);
      return doc ? notADraft(uri, doc.version, 'not-markdown') : null;
    }),
  );

  connection.onRequest(SET_TRUST_REQUEST, (params: SetTrustParams) =>
    guarded<SetTrustResult | null>('Set audience trust', null, async () => {
      const uri = params?.uri;
      if (typeof uri !== 'string') return null;
      const current = await linter.analysisFor(uri);
      return current ? setTrustFor(current, params.level) : null;
    }),
  );

  connection.onRequest(ExecuteCommandRequest.type, (params) =>
    guarded<null>('The command', null, () => executeCommand({ connection, log, linter, docs, client: () => commandClient }, params?.command, params?.arguments)),
  );

  connection.onShutdown(() => {
    for (const t of configTimers.values()) clearTimeout(t);
  });
}

/** The workspace folders at initialize: the client's list, else its root (rootUri, or the older rootPath). */
function initialFolders(params: InitializeParams): WorkspaceFolder[] {
  if (Array.isArray(params.workspaceFolders) && params.workspaceFolders.length > 0) return params.workspaceFolders;
  if (typeof params.rootUri === 'string' && params.rootUri !== '') return [{ uri: params.rootUri, name: 'root' }];
  const rootPath = (params as { rootPath?: unknown }).rootPath;
  if (typeof rootPath === 'string' && rootPath !== '') return [{ uri: pathToUri(rootPath), name: 'root' }];
  return [];
}
