/**
 * Entry point of the Trustline language server (bundled to dist/server.js).
 *
 *   node dist/server.js --stdio       any LSP client (Neovim, Helix, the protocol tests)
 *   node dist/server.js --node-ipc    VS Code's default (the extension client)
 *
 * `createConnection` reads the transport from those arguments; on --stdio it also
 * redirects console.log to the client, so stray logging cannot corrupt the protocol.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { ProposedFeatures, createConnection } from 'vscode-languageserver/node';
import { startSession } from './session';

const connection = createConnection(ProposedFeatures.all);

// A bug anywhere must cost one analysis, not the server: the editor would otherwise
// restart it a few times and then give up, leaving the writer without diagnostics.
process.on('uncaughtException', (err) => {
  try {
    connection.console.error(`Uncaught exception (the server keeps running): ${err.stack ?? err.message}`);
  } catch {
    // Nothing left to report to.
  }
});
process.on('unhandledRejection', (reason) => {
  try {
    connection.console.error(`Unhandled rejection (the server keeps running): ${reason instanceof Error ? (reason.stack ?? reason.message) : String(reason)}`);
  } catch {
    // Nothing left to report to.
  }
});

startSession(connection, { serverDir: __dirname, version: packageVersion() });
connection.listen();

function packageVersion(): string | undefined {
  try {
    return (JSON.parse(readFileSync(path.join(__dirname, '..', 'package.json'), 'utf8')) as { version?: string }).version;
  } catch {
    return undefined;
  }
}
