// Protocol tests for the project config file (.trustline.yaml at the workspace root):
// its problems are published on the file itself, it beats editor settings, the open
// buffer beats the disk, a broken edit keeps the last good config, and changes on
// disk arrive through workspace/didChangeWatchedFiles.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { DiagnosticSeverity, FileChangeType, type Diagnostic, type PublishDiagnosticsParams } from 'vscode-languageserver/node';
import { LspHarness, messageOf, positionOf } from './lsp-harness';

const DRAFT = '---\ntype: email\ntrust: 0\nsubject: Docks\n---\n\nHi Tom,\n\nCold Ridge Foods cut truck wait time from two hours to 26 minutes.\n\nCould we book a 30-minute demo next week?\n';

const CONFIG = 'checks:\n  ask-exceeds-trust: error\n  under-ask: errror\n';

const severityOfAsk = (p: PublishDiagnosticsParams) => p.diagnostics.find((d: Diagnostic) => d.code === 'ask-exceeds-trust')?.severity;

describe('project config file', () => {
  let lsp: LspHarness;
  let workspace: string;
  let configPath: string;

  before(async () => {
    workspace = mkdtempSync(path.join(os.tmpdir(), 'trustline-config-'));
    configPath = path.join(workspace, '.trustline.yaml');
    writeFileSync(configPath, CONFIG);
    lsp = await LspHarness.start({ workspace });
    // The editor asks for `hint`; the project file says `error` and must win (CI reads the file).
    lsp.globalSettings = { debounceMs: 5, checks: { 'ask-exceeds-trust': 'hint' } };
  });

  after(async () => {
    await lsp?.stop();
    rmSync(workspace, { recursive: true, force: true });
  });

  test('problems are published on the config file, with exact ranges', async () => {
    const uri = lsp.uri('.trustline.yaml');
    const { diagnostics } = await lsp.waitForDiagnostics(uri, (p) => p.diagnostics.length > 0, 'the config problems');
    assert.equal(diagnostics.length, 1);
    const d = diagnostics[0]!;
    assert.equal(d.source, 'trustline');
    assert.equal(d.code, 'invalid-config');
    assert.equal(d.severity, DiagnosticSeverity.Error);
    assert.match(messageOf(d), /did you mean "error"/);
    const start = positionOf(CONFIG, 'errror');
    assert.deepEqual(d.range, { start, end: { line: start.line, character: start.character + 'errror'.length } });
  });

  test('the project file beats the editor settings', async () => {
    const uri = lsp.uri('emails/cold.md');
    await lsp.open(uri, DRAFT);
    const p = await lsp.waitForDiagnostics(uri, (x) => severityOfAsk(x) !== undefined, 'the draft');
    assert.equal(severityOfAsk(p), DiagnosticSeverity.Error);
  });

  test('the open buffer is read as typed, and a broken edit keeps the last good config', async () => {
    const configUri = lsp.uri('.trustline.yaml');
    const draft = lsp.uri('emails/cold.md');

    // Half-way through typing: the YAML does not parse.
    await lsp.open(configUri, 'checks:\n  ask-exceeds-trust: [information\n', 1, 'yaml');
    const broken = await lsp.waitForDiagnostics(configUri, (p) => p.version === 1, 'the broken buffer');
    assert.ok(broken.diagnostics.some((d) => /Not valid YAML/.test(messageOf(d)) && /last version of this file that parsed/.test(messageOf(d))), JSON.stringify(broken.diagnostics));
    await lsp.fence();
    assert.equal(severityOfAsk(lsp.publishesFor(draft).at(-1)!), DiagnosticSeverity.Error, 'still the last good config');

    // Finished typing: the buffer applies, before any save.
    await lsp.change(configUri, 2, [{ text: 'checks:\n  ask-exceeds-trust: information\n' }]);
    const fixed = await lsp.waitForDiagnostics(configUri, (p) => p.version === 2, 'the fixed buffer');
    assert.deepEqual(fixed.diagnostics, []);
    await lsp.waitForDiagnostics(draft, (p) => severityOfAsk(p) === DiagnosticSeverity.Information, 'the draft under the buffer config');

    // Closed without saving: back to the file on disk.
    await lsp.close(configUri);
    await lsp.waitForDiagnostics(draft, (p) => severityOfAsk(p) === DiagnosticSeverity.Error, 'the draft under the disk config again');
  });

  test('changes on disk are picked up from didChangeWatchedFiles', async () => {
    const configUri = lsp.uri('.trustline.yaml');
    const draft = lsp.uri('emails/cold.md');

    // A second config file in the same folder is ignored, and says so.
    const jsonPath = path.join(workspace, '.trustline.json');
    writeFileSync(jsonPath, '{ "checks": { "ask-exceeds-trust": "off" } }');
    await lsp.filesChanged([{ uri: lsp.uri('.trustline.json'), type: FileChangeType.Created }]);
    const ignored = await lsp.waitForDiagnostics(lsp.uri('.trustline.json'), (p) => p.diagnostics.length > 0, 'the ignored JSON config');
    assert.match(messageOf(ignored.diagnostics[0]!), /ignored.*\.trustline\.yaml/);
    unlinkSync(jsonPath);

    // Deleting the YAML: its diagnostics go, the editor settings apply again.
    unlinkSync(configPath);
    await lsp.filesChanged([
      { uri: configUri, type: FileChangeType.Deleted },
      { uri: lsp.uri('.trustline.json'), type: FileChangeType.Deleted },
    ]);
    await lsp.waitForDiagnostics(configUri, (p) => p.diagnostics.length === 0, 'the cleared config problems');
    await lsp.waitForDiagnostics(lsp.uri('.trustline.json'), (p) => p.diagnostics.length === 0, 'the cleared JSON warning');
    await lsp.waitForDiagnostics(draft, (p) => severityOfAsk(p) === DiagnosticSeverity.Hint, 'the editor setting again');

    // Creating a JSON config: it applies.
    writeFileSync(jsonPath, '{ "checks": { "ask-exceeds-trust": "off" } }');
    await lsp.filesChanged([{ uri: lsp.uri('.trustline.json'), type: FileChangeType.Created }]);
    await lsp.waitForDiagnostics(draft, (p) => severityOfAsk(p) === undefined, 'the check turned off by the JSON config');
  });
});

describe('project config above the workspace folder', () => {
  /**
   * The severity the cold email's ask gets in a workspace folder `site/` under a parent folder
   * holding a config that makes the check an error; the parent is a git root when `git` is set.
   */
  async function severityUnderParentConfig(git: boolean): Promise<DiagnosticSeverity | undefined> {
    const parent = mkdtempSync(path.join(os.tmpdir(), git ? 'trustline-repo-' : 'trustline-nogit-'));
    try {
      if (git) mkdirSync(path.join(parent, '.git'));
      mkdirSync(path.join(parent, 'site'));
      writeFileSync(path.join(parent, '.trustline.yaml'), 'checks:\n  ask-exceeds-trust: error\n');
      const lsp = await LspHarness.start({ workspace: path.join(parent, 'site') });
      try {
        lsp.globalSettings = { debounceMs: 5 };
        const draft = lsp.uri('emails/cold.md');
        await lsp.open(draft, DRAFT);
        return severityOfAsk(await lsp.waitForDiagnostics(draft, (x) => severityOfAsk(x) !== undefined, 'the draft'));
      } finally {
        await lsp.stop();
      }
    } finally {
      rmSync(parent, { recursive: true, force: true });
    }
  }

  test('a folder opened inside a repository uses the config at the git root, as the CLI does', async () => {
    assert.equal(await severityUnderParentConfig(true), DiagnosticSeverity.Error);
  });

  test('outside any repository, a config file in a parent folder is never read (issue 11)', async () => {
    // No .git anywhere here (the system's temp folder is not a repository): the default severity,
    // not the parent folder's "error".
    assert.equal(await severityUnderParentConfig(false), DiagnosticSeverity.Warning);
  });
});

describe('symbolic links out of the workspace (issue 11)', () => {
  // Outside the workspace: a config whose values must not apply nor be quoted, and a draft whose
  // text must not be analysed (its ask would be quoted in a diagnostic).
  const SECRET_CONFIG = 'SECRET_KEY: hunter2-41\nchecks:\n  ask-exceeds-trust: error\n';
  let outside: string;
  let workspace: string;
  let lsp: LspHarness;
  before(async () => {
    outside = mkdtempSync(path.join(os.tmpdir(), 'trustline-outside-'));
    workspace = mkdtempSync(path.join(os.tmpdir(), 'trustline-linked-'));
    mkdirSync(path.join(workspace, '.git'));
    mkdirSync(path.join(workspace, 'emails'));
    writeFileSync(path.join(outside, 'config.yaml'), SECRET_CONFIG);
    writeFileSync(path.join(outside, 'secret.md'), DRAFT);
    writeFileSync(path.join(workspace, 'emails', 'real.md'), DRAFT);
    symlinkSync(path.join(outside, 'config.yaml'), path.join(workspace, '.trustline.yaml'));
    symlinkSync(path.join(outside, 'secret.md'), path.join(workspace, 'emails', 'secret.md'));
    // A link that stays inside the workspace is followed as before.
    symlinkSync(path.join(workspace, 'emails', 'real.md'), path.join(workspace, 'emails', 'alias.md'));
    lsp = await LspHarness.start({ workspace });
    lsp.globalSettings = { debounceMs: 5 };
  });
  after(async () => {
    await lsp?.stop();
    rmSync(workspace, { recursive: true, force: true });
    rmSync(outside, { recursive: true, force: true });
  });
  const leaks = () => JSON.stringify([lsp.logs, lsp.messages, [...lsp.published.values()]]).match(/SECRET|hunter2/);

  test('a .trustline.yaml that links outside is not read: its values do not apply, and it is flagged without being quoted', async () => {
    const config = await lsp.waitForDiagnostics(lsp.uri('.trustline.yaml'), (p) => p.diagnostics.length > 0, 'the ignored config');
    assert.deepEqual(config.diagnostics.map((d) => [d.code, d.severity]), [['invalid-config', DiagnosticSeverity.Warning]]);
    assert.match(messageOf(config.diagnostics[0]!), /symbolic link to a file outside the project/);
    const uri = lsp.uri('emails/alias.md');
    await lsp.open(uri, DRAFT);
    const p = await lsp.waitForDiagnostics(uri, (x) => severityOfAsk(x) !== undefined, 'the linked draft inside the workspace');
    assert.equal(severityOfAsk(p), DiagnosticSeverity.Warning, 'the default severity: the outside config did not apply');
    assert.ok(lsp.logs.some((l) => /Ignored .*\.trustline\.yaml: it is a symbolic link to a file outside the project/.test(l.message)));
    assert.equal(leaks(), null);
  });

  test('a draft that links outside is skipped with one message, and gets no diagnostics, hovers or code actions', async () => {
    const uri = lsp.uri('emails/secret.md');
    await lsp.open(uri, DRAFT);
    const told = await lsp.waitForMessage((m) => m.message.includes('secret.md'), 'the skip message');
    assert.equal(told.message, 'Trustline skipped secret.md: it is a symbolic link to a file outside the workspace, so it is not checked.');
    await lsp.change(uri, 2, [{ text: DRAFT + '\nBook a demo.\n' }]);
    await lsp.fence();
    assert.deepEqual(lsp.publishesFor(uri).filter((p) => p.diagnostics.length > 0), []);
    assert.equal(await lsp.hover(uri, positionOf(DRAFT, 'book a 30-minute demo')), null);
    assert.equal(lsp.messages.filter((m) => m.message.includes('secret.md')).length, 1, 'told once');
    assert.equal(leaks(), null);
    await lsp.close(uri);
  });

  test('a workspace folder opened through a link of its own is still the workspace: its drafts and config are read', async () => {
    // repo/site is a link to a folder outside the repository; the editor opens repo/site.
    const repo = mkdtempSync(path.join(os.tmpdir(), 'trustline-linkrepo-'));
    const real = mkdtempSync(path.join(os.tmpdir(), 'trustline-linkreal-'));
    mkdirSync(path.join(repo, '.git'));
    writeFileSync(path.join(real, '.trustline.yaml'), 'checks:\n  ask-exceeds-trust: error\n');
    symlinkSync(real, path.join(repo, 'site'));
    const site = await LspHarness.start({ workspace: path.join(repo, 'site') });
    try {
      site.globalSettings = { debounceMs: 5 };
      const uri = site.uri('emails/cold.md');
      await site.open(uri, DRAFT);
      const p = await site.waitForDiagnostics(uri, (x) => severityOfAsk(x) !== undefined, 'the draft');
      assert.equal(severityOfAsk(p), DiagnosticSeverity.Error, 'analysed, with the folder\'s own config');
    } finally {
      await site.stop();
      rmSync(repo, { recursive: true, force: true });
      rmSync(real, { recursive: true, force: true });
    }
  });

  test('a linked config at the git root above the workspace folder is not read either', async () => {
    const parent = mkdtempSync(path.join(os.tmpdir(), 'trustline-linkparent-'));
    const elsewhere = mkdtempSync(path.join(os.tmpdir(), 'trustline-linkcfg-'));
    mkdirSync(path.join(parent, '.git'));
    mkdirSync(path.join(parent, 'site'));
    writeFileSync(path.join(elsewhere, 'config.yaml'), 'checks:\n  ask-exceeds-trust: error\n');
    symlinkSync(path.join(elsewhere, 'config.yaml'), path.join(parent, '.trustline.yaml'));
    const site = await LspHarness.start({ workspace: path.join(parent, 'site') });
    try {
      site.globalSettings = { debounceMs: 5 };
      const uri = site.uri('emails/cold.md');
      await site.open(uri, DRAFT);
      const p = await site.waitForDiagnostics(uri, (x) => severityOfAsk(x) !== undefined, 'the draft');
      assert.equal(severityOfAsk(p), DiagnosticSeverity.Warning, 'the default: the linked config did not apply');
    } finally {
      await site.stop();
      rmSync(parent, { recursive: true, force: true });
      rmSync(elsewhere, { recursive: true, force: true });
    }
  });
});
