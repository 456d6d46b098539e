// Protocol tests: the bundled dist/server.js over stdio, driven as an editor would
// drive it. Every wait is on an event (a publish, a message, a log line) with a
// timeout; "nothing happened" is proven with a fence document opened afterwards.
import assert from 'node:assert/strict';
import { fork } from 'node:child_process';
import { existsSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  DiagnosticSeverity,
  ExitNotification,
  IPCMessageReader,
  IPCMessageWriter,
  InitializeRequest,
  MessageType,
  ShutdownRequest,
  TextDocumentSyncKind,
  createProtocolConnection,
  type Diagnostic,
  type TextDocumentContentChangeEvent,
} from 'vscode-languageserver/node';
import { LspHarness, SERVER_JS, messageOf, positionOf } from './lsp-harness';

const COLD_EMAIL = `---
type: email
trust: 0
subject: Your Reno dock schedule
---

Hi Tom,

Congratulations on opening the Reno distribution center. A second site usually means the dock schedule now has to cover two yards and three shifts.

We build dock appointment scheduling for 3PLs. Cold Ridge Foods cut average truck wait time from two hours to 26 minutes.

Could we book a 30-minute demo next week?

Best,
Maya
`;

const README = `# Dockwise

Dock appointment scheduling for 3PLs. Book a demo today, or start a free trial!

## Install

Run the installer and sign up for a paid plan.
`;

const hasCode = (code: string) => (d: Diagnostic) => d.code === code;

describe('language server over stdio', () => {
  let lsp: LspHarness;

  before(async () => {
    // Verbose: some tests wait for the server's debug lines (a skip, an analysis).
    lsp = await LspHarness.start({ trace: 'verbose' });
    // Quick debounce: tests wait on events, this only keeps them fast.
    lsp.globalSettings = { debounceMs: 5 };
  });

  after(async () => {
    await lsp?.stop();
  });

  test('a cold email gets exactly the oversized-ask diagnostic, linked to its rule page', async () => {
    const uri = lsp.uri('emails/cold.md');
    await lsp.open(uri, COLD_EMAIL);
    const { diagnostics, version } = await lsp.waitForDiagnostics(uri, (p) => p.diagnostics.length > 0, 'the cold email');
    assert.equal(version, 1);
    assert.deepEqual(
      diagnostics.map((d) => d.code),
      ['ask-exceeds-trust'],
    );
    const d = diagnostics[0]!;
    const start = positionOf(COLD_EMAIL, 'book a 30-minute demo');
    assert.deepEqual(d.range, { start, end: { line: start.line, character: start.character + 'book a 30-minute demo'.length } });
    assert.equal(d.severity, DiagnosticSeverity.Warning);
    assert.equal(d.source, 'trustline');
    assert.match(messageOf(d), /book a 30-minute demo/);
    assert.match(messageOf(d), /0 UNKNOWN/);
    // The link opens the page shipped with the extension.
    const href = d.codeDescription?.href;
    assert.ok(href, 'codeDescription.href is set');
    assert.match(href, /^file:\/\/.*\/docs\/rules\/ask-exceeds-trust\.md$/);
    assert.ok(existsSync(fileURLToPath(href)), `${href} exists`);
    // Code actions (issue 4) read the ask and the audience from data.
    const data = d.data as { check: string; ask: { class: string; level: number }; audience: { level: number } };
    assert.equal(data.check, 'ask-exceeds-trust');
    assert.equal(data.ask.class, 'evaluate');
    assert.equal(data.audience.level, 0);
    // Settings were asked for with the document as scope (folder settings apply).
    assert.ok(lsp.configurationRequests.some((item) => item.section === 'trustline' && item.scopeUri === uri));
  });

  test('a README in the same workspace stays silent', async () => {
    const uri = lsp.uri('README.md');
    await lsp.open(uri, README);
    await lsp.fence();
    assert.deepEqual(
      lsp.publishesFor(uri).filter((p) => p.diagnostics.length > 0),
      [],
      'no diagnostics were published for the README',
    );
    await lsp.close(uri);
  });

  test('a draft that leaves the opt-in scope has its diagnostics cleared', async () => {
    const uri = lsp.uri('notes/plan.md');
    await lsp.open(uri, COLD_EMAIL);
    await lsp.waitForDiagnostics(uri, (p) => p.diagnostics.length > 0, 'the draft while it opts in');
    // Delete the front matter (lines 0-4 and the blank line): notes/ matches no draft glob.
    await lsp.change(uri, 2, [{ range: { start: { line: 0, character: 0 }, end: { line: 6, character: 0 } }, text: '' }]);
    const cleared = await lsp.waitForDiagnostics(uri, (p) => p.version === 2, 'the cleared publish');
    assert.deepEqual(cleared.diagnostics, []);
    await lsp.close(uri);
  });

  test('incremental edits end in the same diagnostics as a fresh open of the final text', async () => {
    const uri = lsp.uri('emails/edit.md');
    let doc = TextDocument.create(uri, 'markdown', 1, COLD_EMAIL);
    await lsp.open(uri, COLD_EMAIL);
    await lsp.waitForDiagnostics(uri, (p) => p.diagnostics.some(hasCode('ask-exceeds-trust')), 'the first analysis');

    // Each edit is built against the text as it is at that moment, as an editor would.
    const edits: ((d: TextDocument) => TextDocumentContentChangeEvent[])[] = [
      // Swap the demo for a reading ask: the oversized-ask warning must go.
      (d) => [{ range: rangeOf(d, 'book a 30-minute demo next week?'), text: 'send you our dock scheduling teardown?' }],
      // Type a pressure line in two steps, the second one adding a paragraph.
      (d) => [{ range: rangeOf(d, 'Best,'), text: 'Act now' }],
      (d) => [{ range: rangeOf(d, 'Act now'), text: 'Act now, last chance!!!\n\nBest,' }],
      // An emoji and a CRLF in the body: ranges are UTF-16 and line-break agnostic.
      (d) => [{ range: rangeOf(d, 'Hi Tom,'), text: 'Hi Tom 👋,\r\n' }],
      // Two changes in one notification, applied in order (the second sits above the first,
      // so its range is the same before and after the first).
      (d) => [
        { range: rangeOf(d, 'Cold Ridge Foods'), text: 'Cold Ridge' },
        { range: rangeOf(d, 'Congratulations'), text: 'Congrats' },
      ],
    ];
    let version = 1;
    for (const edit of edits) {
      version++;
      const changes = edit(doc);
      // The test keeps its own copy, updated exactly as the server must update its own.
      doc = TextDocument.update(doc, changes, version);
      await lsp.change(uri, version, changes);
    }
    const final = await lsp.waitForDiagnostics(uri, (p) => p.version === version, `version ${version}`);
    const publishedVersions = lsp.publishesFor(uri).map((p) => p.version ?? 0);
    assert.deepEqual(publishedVersions, [...publishedVersions].sort((a, b) => a - b), 'versions are published in order, never an old one after a newer one');

    const fresh = lsp.uri('emails/edit-fresh.md');
    await lsp.open(fresh, doc.getText());
    const expected = await lsp.waitForDiagnostics(fresh, (p) => p.version === 1, 'the fresh open');
    assert.deepEqual(final.diagnostics, expected.diagnostics);
    assert.ok(
      !final.diagnostics.some((d) => d.code === 'ask-exceeds-trust' && (d.data as { ask?: { class?: string } }).ask?.class === 'evaluate'),
      'the demo ask was edited away',
    );
    assert.ok(final.diagnostics.some(hasCode('pressure-before-trust')), 'the typed pressure line is flagged');
    await lsp.close(uri);
    await lsp.close(fresh);
  });

  test('severity per check from settings: override and off', async () => {
    const uri = lsp.uri('emails/severity.md');
    lsp.documentSettings.set(uri, { checks: { 'ask-exceeds-trust': 'error' } });
    await lsp.open(uri, COLD_EMAIL);
    const errorRun = await lsp.waitForDiagnostics(uri, (p) => p.diagnostics.some(hasCode('ask-exceeds-trust')), 'the overridden severity');
    assert.equal(errorRun.diagnostics.find(hasCode('ask-exceeds-trust'))!.severity, DiagnosticSeverity.Error);

    const off = lsp.uri('emails/severity-off.md');
    lsp.documentSettings.set(off, { checks: { 'ask-exceeds-trust': 'off', 'ask-before-value': 'hint' } });
    // This text also trips ask-before-value, so the publish is not empty and `off` is visible.
    await lsp.open(off, '---\ntype: email\ntrust: 0\n---\n\nHi Sam,\n\nCould we book a demo next week?\n');
    const offRun = await lsp.waitForDiagnostics(off, () => true, 'the draft with the check off');
    assert.ok(!offRun.diagnostics.some(hasCode('ask-exceeds-trust')));
    assert.equal(offRun.diagnostics.find(hasCode('ask-before-value'))?.severity, DiagnosticSeverity.Hint);
    await lsp.close(uri);
    await lsp.close(off);
  });

  test('didChangeConfiguration re-analyses open drafts with the new settings', async () => {
    const uri = lsp.uri('emails/reconfigure.md');
    await lsp.open(uri, COLD_EMAIL);
    await lsp.waitForDiagnostics(uri, (p) => p.diagnostics.some((d) => d.code === 'ask-exceeds-trust' && d.severity === DiagnosticSeverity.Warning), 'the default severity');

    lsp.documentSettings.set(uri, { checks: { 'ask-exceeds-trust': 'error' } });
    await lsp.configurationChanged();
    await lsp.waitForDiagnostics(uri, (p) => p.diagnostics.some((d) => d.code === 'ask-exceeds-trust' && d.severity === DiagnosticSeverity.Error), 'error after the change');

    lsp.documentSettings.set(uri, { checks: { 'ask-exceeds-trust': 'off' } });
    await lsp.configurationChanged();
    const offRun = await lsp.waitForDiagnostics(uri, (p) => !p.diagnostics.some(hasCode('ask-exceeds-trust')), 'the check turned off');
    assert.equal(offRun.version, 1, 'same document version, analysed again');

    lsp.documentSettings.set(uri, { enable: false });
    await lsp.configurationChanged();
    await lsp.waitForDiagnostics(uri, (p) => p.diagnostics.length === 0, 'cleared when disabled');
    lsp.documentSettings.delete(uri);
    await lsp.close(uri);
  });

  test('documents above the size cap are skipped, and the writer is told once', async () => {
    const uri = lsp.uri('emails/long.md');
    // 1,000 characters is the smallest cap the setting takes; the draft is about 1,800.
    lsp.documentSettings.set(uri, { maxFileSize: 1000, debounceMs: 0 });
    const long = COLD_EMAIL + '\nMore words about docks and trucks.\n'.repeat(40);
    await lsp.open(uri, long);
    const told = await lsp.waitForMessage((m) => m.message.includes('long.md'), 'the size cap message');
    assert.equal(told.type, MessageType.Info);
    assert.match(told.message, /trustline\.maxFileSize/);
    assert.match(told.message, /1,000/);

    // Another edit, still too large: skipped again, without a second message.
    await lsp.change(uri, 2, [{ text: long + 'x' }]);
    await lsp.waitForLog((m) => m.message.includes('Still skipping') && m.message.includes(uri), 'the second skip');
    // Shrink it below the cap: analysed normally again.
    await lsp.change(uri, 3, [{ text: COLD_EMAIL }]);
    await lsp.waitForDiagnostics(uri, (p) => p.version === 3 && p.diagnostics.length > 0, 'the shrunk draft');
    assert.equal(lsp.messages.filter((m) => m.message.includes('long.md')).length, 1, 'told once per document');
    lsp.documentSettings.delete(uri);
    await lsp.close(uri);
  });

  test('findings over trustline.maxFindings are cut, with one note that says how many were left out', async () => {
    const uri = lsp.uri('emails/many-findings.md');
    lsp.documentSettings.set(uri, { maxFindings: 10, debounceMs: 0 });
    const many = COLD_EMAIL + Array.from({ length: 20 }, (_, i) => `\nYard ${i} is waiting. Book a demo now, only ${i} seats left!!!\n`).join('');
    await lsp.open(uri, many);
    const p = await lsp.waitForDiagnostics(uri, (x) => x.diagnostics.length > 0, 'the capped diagnostics');
    assert.equal(p.diagnostics.length, 11);
    const notes = p.diagnostics.filter(hasCode('max-findings'));
    assert.equal(notes.length, 1);
    assert.equal(notes[0]!.severity, DiagnosticSeverity.Information);
    assert.match(messageOf(notes[0]!), /^This draft has \d+ findings; only the first 10 by severity are shown and \d+ were left out \(maxFindings is 10\)/);
    // The note offers no quick fix of its own (it is not a check that could be turned off).
    const actions = await lsp.codeActions(uri, notes[0]!.range, [notes[0]!]);
    assert.ok(actions.every((a) => !JSON.stringify(a).includes('max-findings')), JSON.stringify(actions.map((a) => a.title)));
    lsp.documentSettings.delete(uri);
    await lsp.close(uri);
  });

  test('a 5 MB document is skipped under the default cap and the server keeps answering', async () => {
    const uri = lsp.uri('emails/huge.md');
    const huge = COLD_EMAIL + 'Lorem ipsum dolor sit amet, book a demo.\n'.repeat(Math.ceil((5 * 1024 * 1024) / 41));
    await lsp.open(uri, huge);
    const told = await lsp.waitForMessage((m) => m.message.includes('huge.md'), 'the size cap message for 5 MB');
    assert.match(told.message, /1,000,000/);
    await lsp.fence();
    assert.deepEqual(lsp.publishesFor(uri).filter((p) => p.diagnostics.length > 0), []);
    await lsp.close(uri);
  });

  test('a change for a never-opened document is logged and ignored', async () => {
    const uri = lsp.uri('emails/ghost.md');
    await lsp.change(uri, 7, [{ text: COLD_EMAIL }]);
    await lsp.waitForLog((m) => m.message.includes(uri) && /never opened/.test(m.message), 'the ignored change');
    await lsp.fence();
    assert.deepEqual(lsp.publishesFor(uri), []);
  });

  test('binary junk and malformed edits do not crash the server', async () => {
    const junk = lsp.uri('emails/junk.md');
    const bytes = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256));
    await lsp.open(junk, bytes.toString('latin1'));
    await lsp.waitForLog((m) => m.message.includes(junk) && /NUL/.test(m.message), 'the binary skip');

    // No NUL bytes, but lone surrogates, control characters and an opt-in front matter.
    const weird = lsp.uri('emails/weird.md');
    const text = '---\ntype: email\ntrust: 0\n---\n\uD800\uDFFF\uDC00 \u0001\u0002\u001b[31m ' + '\uFFFD'.repeat(50) + '\n\n**Book a demo** \uD83D\n';
    await lsp.open(weird, text);
    // Edits the document cannot apply: missing text, negative positions.
    await lsp.change(weird, 2, [{ range: { start: { line: -1, character: 0 }, end: { line: 0, character: 0 } }, text: 'x' } as TextDocumentContentChangeEvent]);
    await lsp.waitForLog((m) => m.message.includes(weird) && /malformed/.test(m.message), 'the malformed edit');
    // Positions past the end are clamped, as the protocol says.
    await lsp.change(weird, 3, [{ range: { start: { line: 9999, character: 9999 }, end: { line: 99999, character: 0 } }, text: '\n\nReply with a question.' }]);
    await lsp.waitForLog((m) => m.message.startsWith('[debug] Analysed ' + weird + ' v3'), 'the analysis of the weird text');
    assert.ok(!lsp.logs.some((m) => /could not analyse/i.test(m.message)), 'no analysis failed');
    await lsp.close(junk);
    await lsp.close(weird);
  });

  test('closing a document clears its diagnostics', async () => {
    const uri = lsp.uri('emails/close.md');
    await lsp.open(uri, COLD_EMAIL);
    await lsp.waitForDiagnostics(uri, (p) => p.diagnostics.length > 0, 'diagnostics before closing');
    await lsp.close(uri);
    await lsp.waitForDiagnostics(uri, (p) => p.diagnostics.length === 0, 'the clearing publish');
  });

  test('a document closed before its analysis finishes publishes nothing after the close', async () => {
    const uri = lsp.uri('emails/closed-early.md');
    // Back to back: the analysis is waiting for its settings when the close arrives.
    await Promise.all([lsp.open(uri, COLD_EMAIL), lsp.close(uri)]);
    await lsp.fence();
    const publishes = lsp.publishesFor(uri);
    assert.ok(publishes.length > 0, 'the close published its clearing');
    assert.deepEqual(publishes.at(-1)!.diagnostics, [], 'the last word on a closed document is empty');
  });
});

/** Range of `needle` in a document (for building edits against the current text). */
function rangeOf(doc: TextDocument, needle: string) {
  const offset = doc.getText().indexOf(needle);
  if (offset < 0) throw new Error(`"${needle}" not in the document`);
  return { start: doc.positionAt(offset), end: doc.positionAt(offset + needle.length) };
}

describe('language server over node IPC', () => {
  test('starts with --node-ipc, as the VS Code client runs it', async () => {
    const proc = fork(SERVER_JS, ['--node-ipc'], { stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
    const connection = createProtocolConnection(new IPCMessageReader(proc), new IPCMessageWriter(proc));
    connection.listen();
    try {
      const result = await connection.sendRequest(InitializeRequest.type, { processId: process.pid, rootUri: null, workspaceFolders: null, capabilities: {} });
      assert.equal(result.serverInfo?.name, 'trustline');
      assert.deepEqual(result.capabilities.textDocumentSync, { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } });
      await connection.sendRequest(ShutdownRequest.type);
      await connection.sendNotification(ExitNotification.type);
    } finally {
      connection.dispose();
      proc.kill();
    }
  });
});
