// The CLI and the language server must never disagree (issue 3). For every markdown file in
// test/fixtures/ and examples/, this compares `trustline lint --format json` with what the real
// dist/server.js publishes over stdio when the file is opened in a workspace at the repository root:
// the same drafts get findings, with the same rule, severity, message, range and data, and the
// files the CLI leaves out of scope get none from the server either.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  ConfigurationRequest,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializeRequest,
  InitializedNotification,
  PublishDiagnosticsNotification,
  RegistrationRequest,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  createProtocolConnection,
  type Diagnostic,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver/node';
import { ROOT, cli } from './helpers';

const SERVER_JS = path.join(ROOT, 'dist', 'server.js');
const DIRS = ['test/fixtures', 'examples'];
const SEVERITY = ['', 'error', 'warning', 'information', 'hint'];
const TIMEOUT_MS = 60_000;

interface Comparable {
  rule: string;
  severity: string;
  message: string;
  range: unknown;
  data: unknown;
}

function markdownFiles(dir: string): string[] {
  const out: string[] = [];
  const abs = path.join(ROOT, dir);
  if (!existsSync(abs)) return out;
  for (const name of readdirSync(abs).sort()) {
    const rel = `${dir}/${name}`;
    const st = statSync(path.join(ROOT, rel));
    if (st.isDirectory()) {
      // The CLI's walk skips dot-folders and node_modules; so does this list.
      if (!name.startsWith('.') && name !== 'node_modules') out.push(...markdownFiles(rel));
    } else if (/\.(md|markdown)$/i.test(name)) out.push(rel);
  }
  return out;
}

const sortKey = (f: Comparable) => JSON.stringify([f.range, f.rule, f.message]);
const normalize = (list: Comparable[]) => list.map((f) => JSON.parse(JSON.stringify(f)) as Comparable).sort((a, b) => sortKey(a).localeCompare(sortKey(b)));

test('the CLI and the language server give the same findings for every fixture and example', { timeout: TIMEOUT_MS * 2 }, async (t) => {
  if (!existsSync(SERVER_JS)) {
    t.skip('dist/server.js does not exist yet: build the server (node esbuild.mjs) to run the CLI/server parity test');
    return;
  }
  const files = DIRS.flatMap(markdownFiles);
  assert.ok(files.length > 0, 'there are fixtures to compare');

  // --- the CLI's verdict: directories, so the opt-in scope applies exactly as in the editor.
  const run = cli(['lint', ...DIRS.filter((d) => existsSync(path.join(ROOT, d))), '--format', 'json', '--allow-empty'], { cwd: ROOT });
  assert.notEqual(run.code, null, run.stderr);
  const report = JSON.parse(run.stdout) as { files: { path: string; findings: Comparable[] }[]; problems: { path: string; kind: string }[] };
  const cliFindings = new Map(report.files.map((f) => [f.path, normalize(f.findings.map(({ rule, severity, message, range, data }) => ({ rule, severity, message, range, data })))]));
  // Files the CLI could not read as UTF-8 text reach an editor decoded some other way: not comparable.
  const unreadable = new Set(report.problems.filter((p) => p.kind === 'error').map((p) => p.path));
  const inScope = files.filter((f) => cliFindings.has(f));
  const outOfScope = files.filter((f) => !cliFindings.has(f) && !unreadable.has(f) && !report.problems.some((p) => p.path === f));

  // --- the server's verdict, over the protocol.
  const proc = spawn(process.execPath, [SERVER_JS, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  proc.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  const connection = createProtocolConnection(new StreamMessageReader(proc.stdout), new StreamMessageWriter(proc.stdin));
  // Default settings for every document, as a fresh VS Code would give.
  connection.onRequest(ConfigurationRequest.type, (params) => params.items.map((item) => (item.section === undefined || item.section === 'trustline' ? {} : null)));
  connection.onRequest(RegistrationRequest.type, () => undefined);
  const published = new Map<string, PublishDiagnosticsParams>();
  const waiting = new Map<string, (p: PublishDiagnosticsParams) => void>();
  connection.onNotification(PublishDiagnosticsNotification.type, (p) => {
    published.set(p.uri, p);
    waiting.get(p.uri)?.(p);
  });
  connection.listen();
  const uriOf = (rel: string) => pathToFileURL(path.join(ROOT, rel)).href;
  const publishOf = (rel: string) =>
    new Promise<PublishDiagnosticsParams>((resolve, reject) => {
      const uri = uriOf(rel);
      const seen = published.get(uri);
      if (seen) return resolve(seen);
      const timer = setTimeout(() => reject(new Error(`no diagnostics published for ${rel} within ${TIMEOUT_MS} ms; server stderr: ${stderr.slice(-2000)}`)), TIMEOUT_MS);
      waiting.set(uri, (p) => {
        clearTimeout(timer);
        resolve(p);
      });
    });

  try {
    const rootUri = pathToFileURL(ROOT).href;
    await connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri,
      workspaceFolders: [{ uri: rootUri, name: 'trustline' }],
      capabilities: { workspace: { configuration: true, workspaceFolders: true }, textDocument: { publishDiagnostics: { versionSupport: true } } },
    });
    await connection.sendNotification(InitializedNotification.type, {});

    // Out-of-scope files first, then the drafts: once the last draft's diagnostics are in, the
    // server has handled every earlier open too, so silence about out-of-scope files is meaningful.
    for (const rel of [...outOfScope, ...inScope]) {
      await connection.sendNotification(DidOpenTextDocumentNotification.type, {
        textDocument: { uri: uriOf(rel), languageId: 'markdown', version: 1, text: readFileSync(path.join(ROOT, rel), 'utf8') },
      });
    }
    const mismatches: string[] = [];
    for (const rel of inScope) {
      const p = await publishOf(rel);
      const server = normalize(p.diagnostics.map((d: Diagnostic) => ({ rule: String(d.code), severity: SEVERITY[d.severity ?? 1]!, message: typeof d.message === 'string' ? d.message : d.message.value, range: d.range, data: withoutOwnRange(d) })));
      try {
        assert.deepEqual(server, cliFindings.get(rel));
      } catch (e) {
        mismatches.push(`${rel}: ${(e as Error).message}`);
      }
    }
    for (const rel of outOfScope) {
      const p = published.get(uriOf(rel));
      if (p && p.diagnostics.length > 0) mismatches.push(`${rel}: out of scope for the CLI, but the server published ${p.diagnostics.map((d) => String(d.code)).join(', ')}`);
    }
    assert.deepEqual(mismatches, [], `the CLI and the server disagree on ${mismatches.length} file(s)`);
    t.diagnostic(`compared ${inScope.length} drafts and ${outOfScope.length} out-of-scope files${unreadable.size ? `; ${unreadable.size} non-UTF-8 file(s) not comparable` : ''}`);
  } finally {
    await connection.sendRequest(ShutdownRequest.type).catch(() => undefined);
    await connection.sendNotification(ExitNotification.type).catch(() => undefined);
    connection.dispose();
    if (proc.exitCode === null) proc.kill();
  }
});

/**
 * A diagnostic's data without what the server adds for code actions: a copy of its own range,
 * which must be exact, and its finding's key (findingKeys), which names its check and range.
 */
function withoutOwnRange(d: Diagnostic): unknown {
  const { range, key, ...rest } = d.data as { range?: unknown; key?: unknown };
  assert.deepEqual(range, d.range, `data.range of ${String(d.code)} is the diagnostic's range`);
  const r = d.range;
  assert.match(String(key), new RegExp(`^${String(d.code)}@${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}(#\\d+)?$`), `data.key of ${String(d.code)} names its check and range`);
  return rest;
}
