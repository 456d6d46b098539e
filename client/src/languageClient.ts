/**
 * Starting, stopping and restarting the language server. Everything the editor
 * needs from the server goes through `TrustlineClient`, so commands and the
 * status bar take it as their one dependency.
 */
import * as vscode from 'vscode';
import {
  LanguageClient,
  State,
  TransportKind,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';
import {
  PROFILE_CHANGED_NOTIFICATION,
  PROFILE_REQUEST,
  SET_TRUST_REQUEST,
  type DraftProfile,
  type ProfileChangedParams,
  type SetTrustResult,
} from '../../core/src/client';
import { CLIENT_ID, CLIENT_NAME, CONFIG_FILE_GLOB, YAML_EXTENSION_ID } from './constants';
import { OPEN_SKILL_COMMAND, rewriteSkillLinks } from './logic/links';

export class TrustlineClient implements vscode.Disposable {
  private client: LanguageClient | undefined;
  /** Serialises start/stop/restart: a restart clicked twice must not start two servers. */
  private pending: Promise<void> = Promise.resolve();
  private readonly stateEmitter = new vscode.EventEmitter<State>();
  /** Fires when the server starts or stops (for a status bar item). */
  readonly onDidChangeState = this.stateEmitter.event;
  private readonly profileEmitter = new vscode.EventEmitter<vscode.Uri>();
  /** Fires when the server has analysed a document again (or closed it): its profile may have changed. */
  readonly onDidChangeProfile = this.profileEmitter.event;

  constructor(
    private readonly context: vscode.ExtensionContext,
    readonly output: vscode.LogOutputChannel,
  ) {}

  /** The running client, for features that send requests (undefined while stopped). */
  get languageClient(): LanguageClient | undefined {
    return this.client;
  }

  start(): Promise<void> {
    return this.enqueue(() => this.doStart());
  }

  stop(): Promise<void> {
    return this.enqueue(() => this.doStop());
  }

  restart(): Promise<void> {
    return this.enqueue(async () => {
      await this.doStop();
      await this.doStart();
    });
  }

  dispose(): void {
    void this.stop();
    this.stateEmitter.dispose();
    this.profileEmitter.dispose();
  }

  /** Whether the server is up and answering. */
  get running(): boolean {
    return this.client?.state === State.Running;
  }

  /**
   * The profile of an open document: what the draft is, its asks and findings, and the
   * recommendation. null when the server is not running or does not have the document.
   */
  async profile(uri: vscode.Uri): Promise<DraftProfile | null> {
    const client = this.client;
    if (!client || client.state !== State.Running) return null;
    try {
      return await client.sendRequest<DraftProfile | null>(PROFILE_REQUEST, { uri: client.code2ProtocolConverter.asUri(uri) });
    } catch (err) {
      this.output.warn(`Could not get the draft profile of ${uri.toString()}: ${String(err)}`);
      return null;
    }
  }

  /** The edit that sets the audience's trust in a draft, computed on the server's copy at a version. */
  async setTrustEdit(uri: vscode.Uri, level: number): Promise<SetTrustResult | null> {
    const client = this.client;
    if (!client || client.state !== State.Running) return null;
    return client.sendRequest<SetTrustResult | null>(SET_TRUST_REQUEST, { uri: client.code2ProtocolConverter.asUri(uri), level });
  }

  /** Protocol edits as editor edits. */
  asTextEdits(edits: SetTrustResult['edits']): vscode.TextEdit[] {
    const client = this.client;
    if (!client) return [];
    return edits.map((e) => new vscode.TextEdit(client.protocol2CodeConverter.asRange(e.range), e.newText));
  }

  private enqueue(step: () => Promise<void>): Promise<void> {
    const next = this.pending.then(step, step);
    this.pending = next.catch(() => undefined);
    return next;
  }

  private async doStart(): Promise<void> {
    if (this.client) return;
    // IPC is what VS Code uses best (no stdout to guard); stdio is the fallback for
    // environments where forking with an IPC channel fails.
    for (const transport of [TransportKind.ipc, TransportKind.stdio] as const) {
      const client = this.create(transport);
      try {
        await client.start();
        this.client = client;
        client.onNotification(PROFILE_CHANGED_NOTIFICATION, (p: ProfileChangedParams) => {
          if (typeof p?.uri === 'string') this.profileEmitter.fire(client.protocol2CodeConverter.asUri(p.uri));
        });
        return;
      } catch (err) {
        this.output.error(`Trustline server did not start over ${transport === TransportKind.ipc ? 'IPC' : 'stdio'}: ${String(err)}`);
        await client.dispose().catch(() => undefined);
      }
    }
    void vscode.window.showErrorMessage('Trustline: the language server could not start. See the Trustline output for details.');
  }

  private async doStop(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    if (!client) return;
    try {
      if (client.state !== State.Stopped) await client.stop();
    } catch (err) {
      this.output.warn(`Trustline server did not stop cleanly: ${String(err)}`);
    }
    await client.dispose().catch(() => undefined);
  }

  private create(transport: TransportKind.ipc | TransportKind.stdio): LanguageClient {
    const module = this.context.asAbsolutePath('dist/server.js');
    const serverOptions: ServerOptions = {
      run: { module, transport },
      // --inspect lets "Attach to Server" debug the server; nolazy keeps breakpoints where they are set.
      debug: { module, transport, options: { execArgv: ['--nolazy', '--inspect=6011'] } },
    };
    const clientOptions: LanguageClientOptions = {
      documentSelector: [
        { scheme: 'file', language: 'markdown' },
        { scheme: 'untitled', language: 'markdown' },
        // Config files are synced too, so the server reads the buffer being typed, not the disk.
        { scheme: 'file', pattern: CONFIG_FILE_GLOB },
      ],
      synchronize: {
        // Config files created, changed or deleted outside the editor (git pull, another tool).
        fileEvents: vscode.workspace.createFileSystemWatcher(CONFIG_FILE_GLOB),
      },
      initializationOptions: {
        // The server links diagnostics and hovers to docs/rules/<id>.md and skills/<name>/SKILL.md inside this install.
        extensionRoot: this.context.extensionPath,
        // The status bar follows each analysis without polling.
        profileNotifications: true,
        // The YAML extension completes .trustline.yaml from the schema (yamlValidation); two lists would repeat each other.
        configCompletion: !vscode.extensions.getExtension(YAML_EXTENSION_ID),
        // Set audience trust and Open skill are this extension's own commands (a quick pick, a
        // markdown preview); the server runs them only for other editors.
        clientCommands: true,
      },
      outputChannel: this.output,
      traceOutputChannel: this.output,
      middleware: {
        // Skill links in hovers open the rendered skill (markdown preview) instead of its source.
        provideHover: async (document, position, token, next) => {
          const hover = await next(document, position, token);
          if (!hover) return hover;
          let changed = false;
          const contents = hover.contents.map((c) => {
            const value = c instanceof vscode.MarkdownString ? c.value : undefined;
            if (value === undefined) return c;
            const r = rewriteSkillLinks(value);
            if (!r.rewritten) return c;
            changed = true;
            const md = new vscode.MarkdownString(r.markdown);
            // Trusted for this one command only: nothing else in the hover can run anything.
            md.isTrusted = { enabledCommands: [OPEN_SKILL_COMMAND] };
            return md;
          });
          return changed ? new vscode.Hover(contents, hover.range) : hover;
        },
      },
    };
    const client = new LanguageClient(CLIENT_ID, CLIENT_NAME, serverOptions, clientOptions);
    client.onDidChangeState((e) => this.stateEmitter.fire(e.newState));
    return client;
  }
}
