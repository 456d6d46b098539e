/**
 * The language server's wiring: protocol events in, the linter and the project
 * configs called, diagnostics out. No analysis here (that is the core) and no
 * state beyond what a session needs.
 */
import {
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  TextDocumentSyncKind,
  type Connection,
  type InitializeParams,
  type InitializeResult,
  type WorkspaceFolder,
} from 'vscode-languageserver/node';
import { RuleDocs, resolveDocsRoot } from './diagnostics';
import { DocumentStore } from './documents';
import { Linter } from './linter';
import { Logger, parseTrace } from './logger';
import { ProjectConfigs } from './projectConfig';
import { DEFAULT_DEBOUNCE_MS, DocumentSettingsCache } from './settings';
import { Workspace } from './workspace';

export interface SessionOptions {
  /** Folder of the running server script, for finding the shipped docs/rules pages. */
  serverDir: string;
  version?: string;
}

/** What the client may send in `initializationOptions`. */
export interface TrustlineInitializationOptions {
  /** The extension's install folder (holds docs/rules); diagnostics link to pages there. */
  extensionRoot?: string;
}

export function startSession(connection: Connection, options: SessionOptions): void {
  const log = new Logger(connection.console);
  const workspace = new Workspace();
  const store = new DocumentStore(log);
  const docs = new RuleDocs(resolveDocsRoot(undefined, options.serverDir));
  let pullConfiguration = false;
  let registerWatchers = false;
  let registerConfiguration = false;

  const projects = new ProjectConfigs({ connection, log, store, workspace, docs });
  const settings = new DocumentSettingsCache(connection, log, (uri) => projects.layerFor(uri), () => pullConfiguration);
  const linter = new Linter({ connection, log, store, settings, workspace, docs });

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
    const trace = parseTrace(params.trace);
    if (trace) log.setTrace(trace);

    const init = (params.initializationOptions ?? {}) as TrustlineInitializationOptions;
    docs.setRoot(resolveDocsRoot(init, options.serverDir));

    const folders: WorkspaceFolder[] = params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri, name: 'root' }] : []);
    workspace.setFolders(folders);
    log.info(
      `Trustline server ${options.version ?? ''} starting (node ${process.version}); folders: ${workspace.all().map((f) => f.fsPath).join(', ') || 'none'}; rule pages: ${docs.root}`,
    );

    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'trustline', ...(options.version ? { version: options.version } : {}) },
    };
  });

  connection.onInitialized(() => {
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
    connection.workspace.onDidChangeWorkspaceFolders((event) => {
      workspace.add(event.added, event.removed);
      projects.reloadAll();
      configurationChanged('workspace folders');
    });
    void refreshTrace();
    if (projects.reloadAll()) configurationChanged('project config read');
  });

  connection.onDidChangeConfiguration((change) => {
    // Clients without workspace/configuration push the settings in the notification.
    if (!pullConfiguration) {
      settings.setPushed(change.settings);
      const t = parseTrace((change.settings as { trustline?: { trace?: { server?: unknown } } } | null)?.trustline?.trace?.server);
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

  connection.onDidCloseTextDocument((params) => {
    const uri = params.textDocument.uri;
    const wasOpen = store.close(uri);
    if (!wasOpen) log.warn(`Ignored a close for ${uri}: that document was not open.`);
    // Closing an unsaved config buffer falls back to the file on disk.
    if (isConfigFile(uri)) reloadConfigSoon(uri, 0);
    else linter.closed(uri);
  });

  connection.onShutdown(() => {
    for (const t of configTimers.values()) clearTimeout(t);
  });
}
