// Protocol tests for LSP clients other than the VS Code extension (issue 9 item 5, issue 11
// item 6): ranges sent back re-encoded (Neovim 0.7's byte columns), the commands the server runs
// (workspace/executeCommand), clients without workspace folders, configuration, dynamic
// registration or file watching, completion without snippets, and a workspace/configuration
// reply that is an error or of the wrong type. The bundled dist/server.js over stdio; every wait
// is on an event, and `fence()` proves that something did not happen.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  ApplyWorkspaceEditRequest,
  DiagnosticSeverity,
  DidSaveTextDocumentNotification,
  ExecuteCommandRequest,
  InsertTextFormat,
  ResponseError,
  ShowDocumentRequest,
  ShowMessageRequest,
  type ApplyWorkspaceEditParams,
  type Diagnostic,
  type ShowDocumentParams,
  type ShowMessageRequestParams,
  type TextEdit,
} from 'vscode-languageserver/node';
import { LspHarness, ROOT } from './lsp-harness';

// The line of examples/linkedin-post-math-bold.md that Neovim 0.7 could not act on.
const EMOJI_POST = `---
type: social
channel: linkedin-organic
trust: 1
---

If you run a plant and want the same view of your presses:

👉 𝗕𝗼𝗼𝗸 𝗮 𝗱𝗲𝗺𝗼 𝗼𝗳 𝗧𝗼𝗿𝗾𝘂𝗲𝗹𝗶𝗻𝗲: https://torqueline.example/demo
`;

const CURLY = `---
type: email
trust: 0
---

Hi Sam,

Our “dock board” cut wait times in half. Could we book a demo next week?
`;

const COLD = `---
type: email
trust: unknown   # bought list
---

Hi Tom,

Could we book a 30-minute demo next week?
`;

const SKILL = (name: string) => path.join(ROOT, 'skills', name, 'SKILL.md');

/** A range with its columns counted as `encoding` instead of UTF-16, as a client might send it back. */
function reencode(text: string, d: Diagnostic, encoding: 'utf-8' | 'utf-32'): Diagnostic['range'] {
  const lines = text.split('\n');
  const col = (line: number, character: number) => {
    const head = lines[line]!.slice(0, character);
    return encoding === 'utf-8' ? Buffer.byteLength(head) : Array.from(head).length;
  };
  const { start, end } = d.range;
  return { start: { line: start.line, character: col(start.line, start.character) }, end: { line: end.line, character: col(end.line, end.character) } };
}

function applyTextEdits(text: string, edits: TextEdit[]): string {
  return TextDocument.applyEdits(TextDocument.create('file:///x.md', 'markdown', 1, text), edits);
}

describe('code actions for a client that re-encodes ranges', () => {
  let lsp: LspHarness;
  before(async () => {
    lsp = await LspHarness.start({ initializationOptions: { clientCommands: false } });
    lsp.globalSettings = { debounceMs: 0 };
  });
  after(async () => {
    await lsp?.stop();
  });

  async function firstAsk(name: string, text: string) {
    const uri = lsp.uri(`emails/${name}`);
    await lsp.open(uri, text);
    const p = await lsp.waitForDiagnostics(uri, (x) => x.diagnostics.some((d) => d.code === 'ask-exceeds-trust'), name);
    return { uri, d: p.diagnostics.find((d) => d.code === 'ask-exceeds-trust')! };
  }

  for (const [name, text, bytes] of [
    ['emoji-math-bold.md', EMOJI_POST, { start: 5, end: 43 }],
    ['curly-quotes.md', CURLY, { start: 54, end: 65 }],
  ] as const) {
    test(`${name}: the same actions for the range as sent, in UTF-8 bytes (Neovim 0.7), in code points, and without data`, async () => {
      const { uri, d } = await firstAsk(name, text);
      const titles = (await lsp.codeActions(uri, d.range, [d])).map((a) => a.title);
      assert.ok(titles.length >= 5, JSON.stringify(titles));
      assert.match(titles[0]!, /^Ask instead: /);

      // What Neovim 0.7 sends back: its byte columns, with the diagnostic's data kept.
      const asBytes = reencode(text, d, 'utf-8');
      assert.deepEqual([asBytes.start.character, asBytes.end.character], [bytes.start, bytes.end], 'the range really differs in bytes');
      assert.notDeepEqual(asBytes, d.range);
      const neovim = { ...d, range: asBytes };
      assert.deepEqual((await lsp.codeActions(uri, asBytes, [neovim])).map((a) => a.title), titles);
      // The edit is computed on the server's finding, so it is exact whatever range came back.
      const preferred = (await lsp.codeActions(uri, asBytes, [neovim])).find((a) => a.isPreferred)!;
      const after = applyTextEdits(text, preferred.edit!.changes![uri]!);
      assert.ok(!after.includes('demo'), after);
      assert.equal(after.split('\n').length, text.split('\n').length);

      // A client that counts code points, and one that drops `data`: matched by range and message.
      assert.deepEqual((await lsp.codeActions(uri, d.range, [{ ...d, range: reencode(text, d, 'utf-32') }])).map((a) => a.title), titles);
      const { data: _dropped, ...noData } = d;
      assert.deepEqual((await lsp.codeActions(uri, asBytes, [{ ...noData, range: asBytes }])).map((a) => a.title), titles);
      // Without data, a range on another line, or another message, is not this finding.
      const elsewhere = { start: { ...asBytes.start, line: asBytes.start.line - 2 }, end: { ...asBytes.end, line: asBytes.end.line - 2 } };
      assert.deepEqual(await lsp.codeActions(uri, elsewhere, [{ ...noData, range: elsewhere }]), []);
      assert.deepEqual(await lsp.codeActions(uri, asBytes, [{ ...noData, range: asBytes, message: 'something else' }]), []);
      await lsp.close(uri);
    });
  }

  test('the diagnostic data carries the finding\'s key, and the code actions are those of the finding it names, whatever ranges come back', async () => {
    const { uri, d } = await firstAsk('key.md', EMOJI_POST);
    const data = d.data as { key: string; range: unknown };
    const r = d.range;
    assert.equal(data.key, `ask-exceeds-trust@${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`);
    const titles = (await lsp.codeActions(uri, d.range, [d])).map((a) => a.title);
    assert.match(titles[0]!, /^Ask instead: /);
    // With the key there, neither range is read: a client may send both back changed.
    const nowhere = { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } };
    assert.deepEqual((await lsp.codeActions(uri, nowhere, [{ ...d, range: nowhere, data: { ...data, range: nowhere } }])).map((a) => a.title), titles);
    // A key no current finding has (the text under it changed since): no actions.
    assert.deepEqual(await lsp.codeActions(uri, d.range, [{ ...d, data: { ...data, key: 'ask-exceeds-trust@0:0-0:1' } }]), []);
    await lsp.close(uri);
  });

  test('the diagnostic data carries the finding\'s range and the ask\'s text', async () => {
    const { uri, d } = await firstAsk('data.md', EMOJI_POST);
    const data = d.data as { range: unknown; ask: { text: string } };
    assert.deepEqual(data.range, d.range);
    assert.equal(data.ask.text, '𝗕𝗼𝗼𝗸 𝗮 𝗱𝗲𝗺𝗼');
    await lsp.close(uri);
  });
});

describe('commands the server runs (workspace/executeCommand)', () => {
  let lsp: LspHarness;
  const edits: ApplyWorkspaceEditParams[] = [];
  const asked: ShowMessageRequestParams[] = [];
  const shown: ShowDocumentParams[] = [];
  let pick: (p: ShowMessageRequestParams) => unknown = () => null;

  before(async () => {
    lsp = await LspHarness.start({
      capabilities: { workspace: { applyEdit: true }, window: { showDocument: { support: true } } },
      initialize: { clientInfo: { name: 'Neovim', version: '0.10.0' } },
    });
    lsp.globalSettings = { debounceMs: 0 };
    lsp.connection.onRequest(ApplyWorkspaceEditRequest.type, (p) => {
      edits.push(p);
      return { applied: true };
    });
    lsp.connection.onRequest(ShowMessageRequest.type, (p) => {
      asked.push(p);
      return pick(p) as never;
    });
    lsp.connection.onRequest(ShowDocumentRequest.type, (p) => {
      shown.push(p);
      return { success: true };
    });
  });
  after(async () => {
    await lsp?.stop();
  });

  const run = (command: string, args: unknown[]) => lsp.connection.sendRequest(ExecuteCommandRequest.type, { command, arguments: args });

  test('both commands are declared, and the code actions carry them', async () => {
    assert.deepEqual(lsp.initializeResult?.capabilities.executeCommandProvider, { commands: ['trustline.setTrust', 'trustline.openSkill'] });
    // The VS Code extension runs them itself: declared, vscode-languageclient would register them twice.
    const vscode = await LspHarness.start({ initializationOptions: { clientCommands: true } });
    try {
      assert.equal(vscode.initializeResult?.capabilities.executeCommandProvider, undefined);
    } finally {
      await vscode.stop();
    }
    const uri = lsp.uri('emails/cmd.md');
    await lsp.open(uri, COLD);
    const { diagnostics } = await lsp.waitForDiagnostics(uri, (p) => p.diagnostics.length > 0, 'cmd.md');
    const d = diagnostics.find((x) => x.code === 'ask-exceeds-trust')!;
    const commands = (await lsp.codeActions(uri, d.range, [d])).flatMap((a) => (a.command ? [[a.title, a.command.command, a.command.arguments]] : []));
    assert.deepEqual(commands, [
      ['Set the audience trust...', 'trustline.setTrust', [uri]],
      ['Open the writing-b2b-emails skill', 'trustline.openSkill', ['writing-b2b-emails']],
    ]);
    await lsp.close(uri);
  });

  test('trustline.setTrust asks for the level, then sends the edit; dismissing the question changes nothing', async () => {
    const uri = lsp.uri('emails/set-trust.md');
    await lsp.open(uri, COLD);
    await lsp.waitForDiagnostics(uri, (p) => p.diagnostics.length > 0, 'set-trust.md');
    pick = (p) => p.actions!.find((a) => a.title.startsWith('2 INTERESTED'))!;
    assert.equal(await run('trustline.setTrust', [uri]), null);
    const q = asked.at(-1)!;
    assert.equal(q.message, 'Set the audience trust of set-trust.md to:');
    assert.deepEqual(q.actions!.map((a) => a.title.split(':')[0]), ['0 UNKNOWN', '1 AWARE', '2 INTERESTED', '3 ENGAGED', '4 TRUSTING', '5 CUSTOMER', '5+ ADVOCATE']);
    const edit = edits.at(-1)!;
    assert.equal(edit.label, 'Set the audience trust to 2 INTERESTED');
    // This client did not declare documentChanges: plain changes.
    assert.equal(applyTextEdits(COLD, edit.edit.changes![uri]!).split('\n')[2], 'trust: interested   # bought list');

    // With the level as an argument there is no question.
    const before = asked.length;
    await run('trustline.setTrust', [uri, 4]);
    assert.equal(asked.length, before);
    assert.equal(applyTextEdits(COLD, edits.at(-1)!.edit.changes![uri]!).split('\n')[2], 'trust: trusting   # bought list');

    const count = edits.length;
    pick = () => null;
    await run('trustline.setTrust', [uri]);
    await lsp.fence();
    assert.equal(edits.length, count, 'no edit when the writer dismisses the question');

    // Bad arguments get a message, not an error.
    await run('trustline.setTrust', [uri, 'eleven']);
    await lsp.waitForMessage((m) => m.message === 'Trustline: "eleven" is not a trust level; use 0 to 6.');
    await run('trustline.setTrust', []);
    await lsp.waitForMessage((m) => m.message.startsWith("Trustline: trustline.setTrust needs the draft's URI"));
    await run('trustline.setTrust', [lsp.uri('emails/not-open.md'), 1]);
    await lsp.waitForMessage((m) => m.message === 'Trustline: not-open.md is not an open markdown draft, so its trust cannot be set.');
    assert.equal(edits.length, count);
    await lsp.close(uri);
  });

  test('trustline.openSkill opens the skill with window/showDocument; an unknown skill gets a message', async () => {
    await run('trustline.openSkill', ['writing-b2b-emails']);
    assert.deepEqual(shown.at(-1), { uri: pathToFileURL(SKILL('writing-b2b-emails')).href, takeFocus: true });
    await run('trustline.openSkill', ['../../etc/passwd']);
    await lsp.waitForMessage((m) => m.message === 'Trustline: "../../etc/passwd" is not a skill shipped with Trustline.');
    assert.equal(shown.length, 1);
  });
});

describe('a client that declares almost nothing', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'trustline-bare-'));
    writeFileSync(path.join(dir, '.trustline.yaml'), 'checks:\n  ask-exceeds-trust: error\n');
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  for (const root of ['rootUri', 'rootPath'] as const) {
    test(`no workspace folders, configuration, registration or file watching: the root config is read (${root}), nothing throws`, async () => {
      const lsp = await LspHarness.start({
        workspace: dir,
        exactCapabilities: {},
        initialize: { workspaceFolders: null, rootUri: root === 'rootUri' ? pathToFileURL(dir).href : null, rootPath: root === 'rootPath' ? dir : null, initializationOptions: null },
      });
      try {
        const uri = lsp.uri('emails/bare.md');
        await lsp.open(uri, COLD);
        const p = await lsp.waitForDiagnostics(uri, (x) => x.diagnostics.some((d) => d.code === 'ask-exceeds-trust'), 'bare.md');
        assert.equal(p.diagnostics.find((d) => d.code === 'ask-exceeds-trust')!.severity, DiagnosticSeverity.Error, '.trustline.yaml applies');
        assert.deepEqual(lsp.registrations, []);
        assert.deepEqual(lsp.configurationRequests, []);
        assert.ok(lsp.logs.every((l) => !/Uncaught|Unhandled|failed|throw|Could not/i.test(l.message)), JSON.stringify(lsp.logs.map((l) => l.message)));

        // Without a file watcher, a config edited and saved in the editor applies.
        const cfg = pathToFileURL(path.join(dir, '.trustline.yaml')).href;
        await lsp.open(cfg, 'checks:\n  ask-exceeds-trust: error\n', 1, 'yaml');
        await lsp.change(cfg, 2, [{ text: 'checks:\n  ask-exceeds-trust: hint\n' }]);
        await lsp.connection.sendNotification(DidSaveTextDocumentNotification.type, { textDocument: { uri: cfg } });
        await lsp.waitForDiagnostics(uri, (x) => x.diagnostics.some((d) => d.code === 'ask-exceeds-trust' && d.severity === DiagnosticSeverity.Hint), 'the saved severity');
        await lsp.close(cfg);
      } finally {
        await lsp.stop();
      }
    });
  }

  test('no workspace folders and no root at all: the config of the document\'s own project applies, as the CLI run there would read it', async () => {
    // The document's folder is inside a repository (dir holds .git): its config at the git root applies.
    const repo = mkdtempSync(path.join(os.tmpdir(), 'trustline-noroot-'));
    const loose = mkdtempSync(path.join(os.tmpdir(), 'trustline-noroot-loose-'));
    const lsp = await LspHarness.start({ workspace: repo, exactCapabilities: {}, initialize: { workspaceFolders: null, rootUri: null, rootPath: null, initializationOptions: null } });
    try {
      mkdirSync(path.join(repo, '.git'));
      writeFileSync(path.join(repo, '.trustline.yaml'), 'checks:\n  ask-exceeds-trust: error\n');
      // Outside any repository: the document's own folder only, as for the CLI.
      writeFileSync(path.join(loose, '.trustline.yaml'), 'checks:\n  ask-exceeds-trust: information\n');
      const inRepo = pathToFileURL(path.join(repo, 'emails', 'bare.md')).href;
      await lsp.open(inRepo, COLD);
      const p = await lsp.waitForDiagnostics(inRepo, (x) => x.diagnostics.some((d) => d.code === 'ask-exceeds-trust'), 'the draft in the repository');
      assert.equal(p.diagnostics.find((d) => d.code === 'ask-exceeds-trust')!.severity, DiagnosticSeverity.Error, 'the repository\'s .trustline.yaml applies');
      const alone = pathToFileURL(path.join(loose, 'note.md')).href;
      await lsp.open(alone, COLD);
      const q = await lsp.waitForDiagnostics(alone, (x) => x.diagnostics.some((d) => d.code === 'ask-exceeds-trust'), 'the draft outside any repository');
      assert.equal(q.diagnostics.find((d) => d.code === 'ask-exceeds-trust')!.severity, DiagnosticSeverity.Information, 'its own folder\'s .trustline.yaml applies');
      // Edited and saved in the editor (no file watcher): applies too.
      const cfg = pathToFileURL(path.join(repo, '.trustline.yaml')).href;
      await lsp.open(cfg, 'checks:\n  ask-exceeds-trust: error\n', 1, 'yaml');
      await lsp.change(cfg, 2, [{ text: 'checks:\n  ask-exceeds-trust: hint\n' }]);
      await lsp.connection.sendNotification(DidSaveTextDocumentNotification.type, { textDocument: { uri: cfg } });
      await lsp.waitForDiagnostics(inRepo, (x) => x.diagnostics.some((d) => d.code === 'ask-exceeds-trust' && d.severity === DiagnosticSeverity.Hint), 'the edited severity');
    } finally {
      await lsp.stop();
      rmSync(repo, { recursive: true, force: true });
      rmSync(loose, { recursive: true, force: true });
    }
  });

  test('a config file saved while not open in the editor (didSave only) is read again from disk', async () => {
    const lsp = await LspHarness.start({ workspace: dir, exactCapabilities: {}, initialize: { workspaceFolders: null } });
    try {
      writeFileSync(path.join(dir, '.trustline.yaml'), 'checks:\n  ask-exceeds-trust: error\n');
      const uri = lsp.uri('emails/saved.md');
      await lsp.open(uri, COLD);
      await lsp.waitForDiagnostics(uri, (x) => x.diagnostics.some((d) => d.severity === DiagnosticSeverity.Error), 'error severity');
      writeFileSync(path.join(dir, '.trustline.yaml'), 'checks:\n  ask-exceeds-trust: information\n');
      await lsp.connection.sendNotification(DidSaveTextDocumentNotification.type, { textDocument: { uri: pathToFileURL(path.join(dir, '.trustline.yaml')).href } });
      await lsp.waitForDiagnostics(uri, (x) => x.diagnostics.some((d) => d.code === 'ask-exceeds-trust' && d.severity === DiagnosticSeverity.Information), 'the severity on disk');
    } finally {
      await lsp.stop();
    }
  });
});

describe('config completion for clients without snippets or VS Code commands', () => {
  const text = 'checks:\n  ask-exceeds-trust: warning\n\n';
  async function completions(options: Parameters<typeof LspHarness.start>[0]) {
    const lsp = await LspHarness.start(options);
    try {
      const uri = lsp.uri('.trustline.yaml');
      await lsp.open(uri, text, 1, 'yaml');
      const top = await lsp.completion(uri, { line: 2, character: 0 });
      const ids = await lsp.completion(uri, { line: 1, character: 2 });
      return [...top, ...ids];
    } finally {
      await lsp.stop();
    }
  }
  const snippet = { textDocument: { completion: { completionItem: { snippetSupport: true } } } };

  test('no snippetSupport: plain text, no placeholders, no VS Code command', async () => {
    const items = await completions({ initialize: { clientInfo: { name: 'helix' } } });
    const channels = items.find((i) => i.label === 'channels')!;
    assert.ok(items.length > 10);
    assert.ok(items.every((i) => i.insertTextFormat !== InsertTextFormat.Snippet && i.command === undefined), JSON.stringify(items.filter((i) => i.command || i.insertTextFormat)));
    assert.ok(items.every((i) => !/\$\d|\$\{/.test((i.textEdit as TextEdit).newText)));
    assert.equal((channels.textEdit as TextEdit).newText, 'channels:\n  ');
    assert.equal((items.find((i) => i.label === 'drafts')!.textEdit as TextEdit).newText, 'drafts:\n  - ""');
  });

  test('snippets for a client that takes them; editor.action.triggerSuggest only for VS Code', async () => {
    const neovim = await completions({ capabilities: snippet, initialize: { clientInfo: { name: 'Neovim' } } });
    assert.equal(neovim.find((i) => i.label === 'drafts')!.insertTextFormat, InsertTextFormat.Snippet);
    assert.equal((neovim.find((i) => i.label === 'drafts')!.textEdit as TextEdit).newText, 'drafts:\n  - "$0"');
    assert.ok(neovim.every((i) => i.command === undefined));
    for (const opts of [{ initializationOptions: { clientCommands: true } }, { initialize: { clientInfo: { name: 'Visual Studio Code', version: '1.99.3' } } }]) {
      const vscode = await completions({ capabilities: snippet, ...opts });
      assert.deepEqual(vscode.find((i) => i.label === 'defaultTrust')!.command, { title: 'Suggest values', command: 'editor.action.triggerSuggest' });
    }
  });
});

describe('the server survives its client: workspace/configuration', () => {
  const noStack = (lsp: LspHarness) => assert.ok(lsp.logs.every((l) => !/\n\s+at /.test(l.message)), `a stack trace in the log: ${lsp.logs.map((l) => l.message).join('\n---\n')}`);

  test('answered with an error: logged once, defaults used, diagnostics and hovers keep coming', async () => {
    const lsp = await LspHarness.start({
      configuration: () => {
        throw new ResponseError(-32601, 'Unhandled method workspace/configuration');
      },
    });
    try {
      const uri = lsp.uri('emails/err.md');
      await lsp.open(uri, COLD);
      const p = await lsp.waitForDiagnostics(uri, (x) => x.diagnostics.length > 0, 'diagnostics with the defaults');
      const d = p.diagnostics.find((x) => x.code === 'ask-exceeds-trust')!;
      assert.equal(d.severity, DiagnosticSeverity.Warning);
      assert.ok(await lsp.hover(uri, d.range.start));
      // Analyses again (an edit, a settings change): the same one line, never repeated.
      await lsp.change(uri, 2, [{ range: { start: { line: 6, character: 0 }, end: { line: 6, character: 0 } }, text: 'Hello. ' }]);
      await lsp.waitForDiagnostics(uri, (x) => x.version === 2, 'version 2');
      await lsp.configurationChanged();
      await lsp.fence();
      const said = lsp.logs.filter((l) => l.message.includes('workspace/configuration'));
      assert.deepEqual(
        said.map((l) => l.message),
        ['The editor answered workspace/configuration with an error (Unhandled method workspace/configuration); Trustline uses its default settings until the settings change.'],
      );
      noStack(lsp);
    } finally {
      await lsp.stop();
    }
  });

  for (const [what, reply] of [
    ['a number for the whole section', 42],
    ['a list', ['trustline']],
    ['every value of the wrong type', { enable: 'yes', checks: 'loud', defaultTrust: { level: 2 }, draftGlobs: 'emails/**', maxFileSize: 'big', timeBudgetMs: 0, maxFindings: 'all', debounceMs: -5, trace: 7, lintAllMarkdown: 1 }],
  ] as const) {
    test(`settings of the wrong type (${what}): each problem logged once, defaults used, the server keeps answering`, async () => {
      const lsp = await LspHarness.start({ configuration: () => reply });
      try {
        const uri = lsp.uri('emails/wrong.md');
        await lsp.open(uri, COLD);
        const p = await lsp.waitForDiagnostics(uri, (x) => x.diagnostics.some((d) => d.code === 'ask-exceeds-trust'), 'diagnostics with the defaults');
        assert.equal(p.diagnostics.find((d) => d.code === 'ask-exceeds-trust')!.severity, DiagnosticSeverity.Warning);
        await lsp.change(uri, 2, [{ range: { start: { line: 6, character: 0 }, end: { line: 6, character: 0 } }, text: 'Hello. ' }]);
        await lsp.waitForDiagnostics(uri, (x) => x.version === 2, 'version 2');
        await lsp.fence();
        const warnings = lsp.logs.filter((l) => l.message.startsWith('trustline'));
        assert.ok(warnings.length >= 1, 'the problem is logged');
        assert.equal(new Set(warnings.map((l) => l.message)).size, warnings.length, `logged more than once: ${JSON.stringify(warnings.map((l) => l.message))}`);
        assert.ok(await lsp.hover(uri, p.diagnostics[0]!.range.start));
        noStack(lsp);
      } finally {
        await lsp.stop();
      }
    });
  }
});
