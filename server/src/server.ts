/**
 * Entry point of the Trustline language server (bundled to dist/server.js).
 *
 *   node dist/server.js --stdio       any LSP client (Neovim, Helix, the protocol tests)
 *   node dist/server.js --node-ipc    VS Code's default (the extension client)
 *
 * `createConnection` reads the transport from those arguments. On --stdio, stdin goes through
 * the framing guard first (framing.ts: a wrong Content-Length is reported once and read past,
 * never leaving the server deaf), and console output is sent to the client's log, so stray
 * logging cannot corrupt the protocol on stdout.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { inspect } from 'node:util';
import { ProposedFeatures, createConnection, type Connection } from 'vscode-languageserver/node';
import { FramingGuard } from './framing';
import { startSession } from './session';

let toClient: ((message: string) => void) | undefined;
const guard = process.argv.includes('--stdio')
  ? new FramingGuard({
      report: (message) => {
        // stderr always works (editors show it in the server's output); the client's log too, once connected.
        process.stderr.write(`Trustline: ${message}\n`);
        toClient?.(message);
      },
    })
  : undefined;
const connection: Connection = guard ? createConnection(ProposedFeatures.all, process.stdin.pipe(guard), process.stdout) : createConnection(ProposedFeatures.all);
toClient = (message) => connection.console.error(message);
if (guard) sendConsoleToClient(connection);

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

/** What `createConnection` does for --stdio by itself: console output goes to the client's log, never onto stdout. */
function sendConsoleToClient(c: Connection): void {
  const text = (args: unknown[]) => args.map((a) => (typeof a === 'string' ? a : inspect(a))).join(' ');
  console.log = (...args: unknown[]) => c.console.log(text(args));
  console.info = (...args: unknown[]) => c.console.info(text(args));
  console.debug = (...args: unknown[]) => c.console.log(text(args));
  console.warn = (...args: unknown[]) => c.console.warn(text(args));
  console.error = (...args: unknown[]) => c.console.error(text(args));
}
