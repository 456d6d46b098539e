/**
 * Starting, stopping and restarting the language server. Everything the editor
 * needs from the server goes through `TrustlineClient`, so commands and the
 * status bar (issue 4) take it as their one dependency.
 */
import * as vscode from 'vscode';
import {
  LanguageClient,
  State,
  TransportKind,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';
import { CLIENT_ID, CLIENT_NAME, CONFIG_FILE_GLOB } from './constants';

export class TrustlineClient implements vscode.Disposable {
  private client: LanguageClient | undefined;
  /** Serialises start/stop/restart: a restart clicked twice must not start two servers. */
  private pending: Promise<void> = Promise.resolve();
  private readonly stateEmitter = new vscode.EventEmitter<State>();
  /** Fires when the server starts or stops (for a status bar item). */
  readonly onDidChangeState = this.stateEmitter.event;

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
      // The server links every diagnostic to docs/rules/<id>.md inside this install.
      initializationOptions: { extensionRoot: this.context.extensionPath },
      outputChannel: this.output,
      traceOutputChannel: this.output,
    };
    const client = new LanguageClient(CLIENT_ID, CLIENT_NAME, serverOptions, clientOptions);
    client.onDidChangeState((e) => this.stateEmitter.fire(e.newState));
    return client;
  }
}
