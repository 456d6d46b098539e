/**
 * A minimal LSP client for the protocol tests: starts the bundled dist/server.js
 * over stdio, answers workspace/configuration with settings the test chooses, and
 * lets tests wait for events (publishDiagnostics, showMessage, log lines) instead
 * of sleeping. Every wait has a timeout that fails with what was seen so far.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  CodeActionRequest,
  CompletionRequest,
  ConfigurationRequest,
  HoverRequest,
  DidChangeConfigurationNotification,
  DidChangeTextDocumentNotification,
  DidChangeWatchedFilesNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializeRequest,
  InitializedNotification,
  LogMessageNotification,
  PublishDiagnosticsNotification,
  RegistrationRequest,
  ShowMessageNotification,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  createProtocolConnection,
  type ClientCapabilities,
  type CodeAction,
  type Command,
  type CompletionItem,
  type CompletionList,
  type ConfigurationItem,
  type Diagnostic,
  type Hover,
  type Position,
  type Range,
  type FileEvent,
  type InitializeResult,
  type LogMessageParams,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type ShowMessageParams,
  type TextDocumentContentChangeEvent,
} from 'vscode-languageserver/node';
export { ROOT } from '../support/root';
import { ROOT } from '../support/root';

export const SERVER_JS = path.join(ROOT, 'dist', 'server.js');

const DEFAULT_TIMEOUT_MS = 10_000;

/** Trustline's own notifications the harness records (core/src/protocol.ts). */
const TRUSTLINE_NOTIFICATIONS = ['trustline/profileChanged'];

export type Settings = Record<string, unknown>;

export interface HarnessOptions {
  /** An existing workspace folder; a fresh temporary one otherwise (deleted on stop). */
  workspace?: string;
  /** `trace` sent at initialize (the server's log verbosity). */
  trace?: 'off' | 'messages' | 'verbose';
  initializationOptions?: unknown;
  /** Extra client capabilities, merged one level deep over the defaults (`workspace`, `textDocument`). */
  capabilities?: ClientCapabilities;
  /** The client's capabilities exactly as given, instead of the defaults (a client that declares little). */
  exactCapabilities?: ClientCapabilities;
  /** Fields laid over the initialize params (clientInfo, or no workspaceFolders/rootUri but a rootPath). */
  initialize?: Record<string, unknown>;
  /**
   * The answer to each workspace/configuration item, instead of the test's settings; throw a
   * ResponseError to answer the request with an error.
   */
  configuration?: (item: ConfigurationItem) => unknown;
}

/** A notification of Trustline's own protocol (`trustline/...`), as received. */
export interface CustomNotification {
  method: string;
  params: unknown;
}

interface Waiter<T> {
  test: (value: T) => boolean;
  resolve: (value: T) => void;
}

export class LspHarness {
  readonly workspace: string;
  readonly connection: ProtocolConnection;
  /** `trustline` settings for every document (and for requests without a scope). */
  globalSettings: Settings = {};
  /** Per-document overrides, keyed by URI, laid over the global settings. */
  readonly documentSettings = new Map<string, Settings>();
  readonly configurationRequests: ConfigurationItem[] = [];
  /** The server's answer to initialize (its capabilities). */
  initializeResult: InitializeResult | undefined;
  /** Methods the server registered dynamically (client/registerCapability). */
  readonly registrations: string[] = [];
  readonly published = new Map<string, PublishDiagnosticsParams[]>();
  readonly messages: ShowMessageParams[] = [];
  readonly logs: LogMessageParams[] = [];
  readonly notifications: CustomNotification[] = [];
  private stderr = '';
  private exited: string | undefined;
  private readonly ownsWorkspace: boolean;
  private diagnosticWaiters = new Set<Waiter<PublishDiagnosticsParams> & { uri: string }>();
  private messageWaiters = new Set<Waiter<ShowMessageParams>>();
  private logWaiters = new Set<Waiter<LogMessageParams>>();
  private notificationWaiters = new Set<Waiter<CustomNotification>>();

  private constructor(
    private readonly proc: ChildProcess,
    workspace: string,
    ownsWorkspace: boolean,
    configuration?: (item: ConfigurationItem) => unknown,
  ) {
    this.workspace = workspace;
    this.ownsWorkspace = ownsWorkspace;
    this.connection = createProtocolConnection(new StreamMessageReader(proc.stdout!), new StreamMessageWriter(proc.stdin!));
    proc.stderr!.on('data', (chunk: Buffer) => {
      this.stderr += chunk.toString();
    });
    proc.on('exit', (code, signal) => {
      this.exited = `server exited (code ${code}, signal ${signal})`;
    });
    const c = this.connection;
    c.onRequest(ConfigurationRequest.type, (params) =>
      params.items.map((item) => {
        this.configurationRequests.push(item);
        if (configuration) return configuration(item);
        return item.section === 'trustline' || item.section === undefined ? this.settingsFor(item.scopeUri) : null;
      }),
    );
    c.onRequest(RegistrationRequest.type, (params) => {
      this.registrations.push(...params.registrations.map((r) => r.method));
    });
    c.onNotification(PublishDiagnosticsNotification.type, (p) => {
      const list = this.published.get(p.uri) ?? [];
      list.push(p);
      this.published.set(p.uri, list);
      for (const w of [...this.diagnosticWaiters]) if (w.uri === p.uri && w.test(p)) w.resolve(p);
    });
    c.onNotification(ShowMessageNotification.type, (m) => {
      this.messages.push(m);
      for (const w of [...this.messageWaiters]) if (w.test(m)) w.resolve(m);
    });
    c.onNotification(LogMessageNotification.type, (m) => {
      this.logs.push(m);
      for (const w of [...this.logWaiters]) if (w.test(m)) w.resolve(m);
    });
    for (const method of TRUSTLINE_NOTIFICATIONS) {
      c.onNotification(method, (params: unknown) => {
        const n = { method, params };
        this.notifications.push(n);
        for (const w of [...this.notificationWaiters]) if (w.test(n)) w.resolve(n);
      });
    }
    c.listen();
  }

  /** Spawn `node dist/server.js --stdio` and complete the initialize handshake. */
  static async start(options: HarnessOptions = {}): Promise<LspHarness> {
    if (!existsSync(SERVER_JS)) {
      throw new Error(`${path.relative(ROOT, SERVER_JS)} is missing: the protocol tests run the bundled server. Run \`npm run build\` (or \`node esbuild.mjs\`) first; \`npm test\` does.`);
    }
    const workspace = options.workspace ?? mkdtempSync(path.join(os.tmpdir(), 'trustline-lsp-'));
    const proc = spawn(process.execPath, [SERVER_JS, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    const h = new LspHarness(proc, workspace, options.workspace === undefined, options.configuration);
    const folderUri = pathToFileURL(workspace).href;
    const extra = options.capabilities ?? {};
    h.initializeResult = await h.connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: folderUri,
      workspaceFolders: [{ uri: folderUri, name: path.basename(workspace) }],
      trace: options.trace ?? 'off',
      initializationOptions: options.initializationOptions ?? null,
      capabilities: options.exactCapabilities ?? {
        ...extra,
        workspace: {
          configuration: true,
          workspaceFolders: true,
          didChangeConfiguration: { dynamicRegistration: true },
          didChangeWatchedFiles: { dynamicRegistration: true },
          ...extra.workspace,
        },
        textDocument: { publishDiagnostics: { versionSupport: true }, synchronization: { dynamicRegistration: false }, ...extra.textDocument },
      },
      ...options.initialize,
    });
    await h.connection.sendNotification(InitializedNotification.type, {});
    return h;
  }

  uri(relative: string): string {
    return pathToFileURL(path.join(this.workspace, relative)).href;
  }

  settingsFor(scopeUri: string | undefined): Settings {
    return { ...this.globalSettings, ...(scopeUri ? this.documentSettings.get(scopeUri) : undefined) };
  }

  async open(uri: string, text: string, version = 1, languageId = 'markdown'): Promise<void> {
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version, text } });
  }

  async change(uri: string, version: number, contentChanges: TextDocumentContentChangeEvent[]): Promise<void> {
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges });
  }

  async close(uri: string): Promise<void> {
    await this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  /** Tell the server settings changed (pull model: it asks again). */
  async configurationChanged(): Promise<void> {
    await this.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
  }

  async filesChanged(changes: FileEvent[]): Promise<void> {
    await this.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes });
  }

  hover(uri: string, position: Position): Promise<Hover | null> {
    return this.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position });
  }

  /** Code actions for a range, with the diagnostics the editor would send (and an optional kind filter). */
  async codeActions(uri: string, range: Range, diagnostics: Diagnostic[], only?: string[]): Promise<CodeAction[]> {
    const result = await this.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range, context: { diagnostics, ...(only ? { only } : {}) } });
    // Trustline answers with CodeActions only, never bare Commands.
    return (result ?? []).filter((a): a is CodeAction => !isCommand(a));
  }

  async completion(uri: string, position: Position): Promise<CompletionItem[]> {
    const result: CompletionItem[] | CompletionList | null = await this.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position });
    return result === null ? [] : Array.isArray(result) ? result : result.items;
  }

  /** Wait for a `trustline/...` notification (including ones already received). */
  waitForNotification(method: string, predicate: (params: unknown) => boolean = () => true, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<CustomNotification> {
    const test = (n: CustomNotification) => n.method === method && predicate(n.params);
    const seen = this.notifications.find(test);
    if (seen) return Promise.resolve(seen);
    return this.wait(this.notificationWaiters, { test }, timeoutMs, () => `a ${method} notification; received so far: ${JSON.stringify(this.notifications.slice(-8))}`);
  }

  /** Publishes received for a URI, oldest first. */
  publishesFor(uri: string): PublishDiagnosticsParams[] {
    return this.published.get(uri) ?? [];
  }

  /**
   * Resolve with the first publish for `uri` matching `predicate`: the latest one
   * already received if it matches (it is the document's current state), else the
   * next matching one. Fails after `timeoutMs` with the diagnostics last seen.
   */
  waitForDiagnostics(uri: string, predicate: (p: PublishDiagnosticsParams) => boolean, what = 'a matching publish', timeoutMs = DEFAULT_TIMEOUT_MS): Promise<PublishDiagnosticsParams> {
    const last = this.publishesFor(uri).at(-1);
    if (last && predicate(last)) return Promise.resolve(last);
    return this.wait(this.diagnosticWaiters, { uri, test: predicate }, timeoutMs, () => {
      const seen = this.publishesFor(uri).map((p) => `v${p.version ?? '?'}: [${p.diagnostics.map((d) => `${String(d.code)}@${d.range.start.line}:${d.range.start.character}`).join(', ')}]`);
      return `diagnostics for ${uri} (${what}); publishes so far: ${seen.length ? seen.join(' | ') : 'none'}`;
    });
  }

  /** Wait for a window/showMessage notification (including ones already received). */
  waitForMessage(predicate: (m: ShowMessageParams) => boolean, what = 'a matching message', timeoutMs = DEFAULT_TIMEOUT_MS): Promise<ShowMessageParams> {
    const seen = this.messages.find(predicate);
    if (seen) return Promise.resolve(seen);
    return this.wait(this.messageWaiters, { test: predicate }, timeoutMs, () => `window/showMessage (${what}); messages so far: ${JSON.stringify(this.messages.map((m) => m.message))}`);
  }

  /** Wait for a log line (window/logMessage), including ones already received. */
  waitForLog(predicate: (m: LogMessageParams) => boolean, what = 'a matching log line', timeoutMs = DEFAULT_TIMEOUT_MS): Promise<LogMessageParams> {
    const seen = this.logs.find(predicate);
    if (seen) return Promise.resolve(seen);
    return this.wait(this.logWaiters, { test: predicate }, timeoutMs, () => `a log line (${what}); last log lines: ${JSON.stringify(this.logs.slice(-8).map((m) => m.message.slice(0, 200)))}`);
  }

  /**
   * Open a small draft and wait for its diagnostics: every message sent before
   * has been handled by then (the server processes messages in order), so tests
   * use it to prove that something did NOT happen, without sleeping.
   */
  async fence(name = `fence-${Math.random().toString(36).slice(2)}.md`): Promise<void> {
    const uri = this.uri(`emails/${name}`);
    await this.open(uri, '---\ntype: email\ntrust: 0\n---\n\nHi Sam,\n\nCould we book a demo next week?\n');
    await this.waitForDiagnostics(uri, (p) => p.diagnostics.length > 0, 'the fence document');
    await this.close(uri);
  }

  async stop(): Promise<void> {
    try {
      if (!this.exited) {
        await withTimeout(this.connection.sendRequest(ShutdownRequest.type), 5000, 'shutdown');
        await this.connection.sendNotification(ExitNotification.type);
      }
    } catch {
      // A server that does not answer shutdown is killed below.
    } finally {
      this.connection.dispose();
      if (!this.exited) this.proc.kill();
      if (this.ownsWorkspace) rmSync(this.workspace, { recursive: true, force: true });
    }
  }

  private wait<T, W extends Waiter<T>>(set: Set<W>, partial: Omit<W, 'resolve'>, timeoutMs: number, describe: () => string): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const waiter = {
        ...partial,
        resolve: (value: T) => {
          clearTimeout(timer);
          set.delete(waiter);
          resolve(value);
        },
      } as W;
      const timer = setTimeout(() => {
        set.delete(waiter);
        const tail = this.stderr.trim() ? `\nserver stderr:\n${this.stderr.trim().slice(-2000)}` : '';
        reject(new Error(`Timed out after ${timeoutMs} ms waiting for ${describe()}${this.exited ? `\n${this.exited}` : ''}${tail}`));
      }, timeoutMs);
      set.add(waiter);
    });
  }
}

function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const t = setTimeout(() => reject(new Error(`${what} timed out`)), ms);
    p.then(
      (v) => {
        clearTimeout(t);
        resolve(v);
      },
      (e: unknown) => {
        clearTimeout(t);
        reject(e instanceof Error ? e : new Error(String(e)));
      },
    );
  });
}

/** Position of the first occurrence of `needle` in `text` (UTF-16, as LSP counts). */
export function positionOf(text: string, needle: string, from = 0): { line: number; character: number } {
  const offset = text.indexOf(needle, from);
  if (offset < 0) throw new Error(`"${needle}" not found in the test text`);
  const before = text.slice(0, offset);
  const line = before.split(/\r\n|\r|\n/).length - 1;
  const lastBreak = Math.max(before.lastIndexOf('\n'), before.lastIndexOf('\r'));
  return { line, character: offset - (lastBreak + 1) };
}

function isCommand(a: CodeAction | Command): a is Command {
  return typeof (a as Command).command === 'string';
}

/** A diagnostic's message as text (LSP 3.18 also allows markup). */
export function messageOf(d: { message: string | { value: string } }): string {
  return typeof d.message === 'string' ? d.message : d.message.value;
}
