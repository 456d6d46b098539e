// Inputs that go wrong (non-UTF-8, binary, symlink loops, folders without permission, files that
// vanish mid-run), the profile flags, and large runs: worker threads give the same output as one
// thread, and 10,000 drafts go through with a small heap.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { Analyzer, DEFAULT_SETTINGS, decodeUtf8 } from '../../core/src/index';
import { lintTask } from '../../cli/src/lintFile';
import { cli, scratch } from './helpers';

const EMAIL = '---\ntype: email\ntrust: 0\nsubject: Dock slots\n---\n\nHi Tom,\n\nCold Ridge cut truck wait time from two hours to 26 minutes.\n\nCould we book a 30-minute demo next week?\n\nMaya\n';

describe('unreadable and odd files', () => {
  test('non-UTF-8 and UTF-16 files are refused with the reason; binary files are skipped', () => {
    const s = scratch({
      'drafts/latin1.md': Buffer.concat([Buffer.from('---\ntype: email\n---\nCaf'), Buffer.from([0xe9]), Buffer.from('\n')]),
      'drafts/utf16.md': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('---\ntype: email\n', 'utf16le')]),
      'drafts/binary.md': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00]),
      'drafts/ok.md': EMAIL,
    });
    try {
      const r = cli(['lint', 'drafts', '--format', 'json'], { cwd: s.dir });
      assert.equal(r.code, 2);
      const report = JSON.parse(r.stdout);
      assert.deepEqual(report.files.map((f: { path: string }) => f.path), ['drafts/ok.md']);
      assert.deepEqual(report.problems, [
        { path: 'drafts/binary.md', message: 'skipped: looks like a binary file (it holds NUL bytes)', kind: 'skipped' },
        { path: 'drafts/latin1.md', message: 'not UTF-8: byte 0xe9 at line 4 (offset 23) is not valid UTF-8; save the file as UTF-8', kind: 'error' },
        { path: 'drafts/utf16.md', message: 'not UTF-8: the file is UTF-16 (save it as UTF-8)', kind: 'error' },
      ]);
      assert.match(r.stderr, /^trustline: drafts\/latin1\.md: not UTF-8: byte 0xe9 at line 4/m);
    } finally {
      s.cleanup();
    }
  });

  test('a file with NUL bytes is skipped as binary, like the server does, and is not an error', () => {
    const s = scratch({ 'drafts/nul.md': `${EMAIL}\u0000\u0000` });
    try {
      const r = cli(['lint', 'drafts', '--format', 'json'], { cwd: s.dir });
      assert.equal(r.code, 0, r.stderr);
      assert.deepEqual(JSON.parse(r.stdout).problems, [{ path: 'drafts/nul.md', message: 'skipped: looks like a binary file (it holds NUL bytes)', kind: 'skipped' }]);
    } finally {
      s.cleanup();
    }
  });

  test('decodeUtf8 accepts a BOM and multi-byte text, and finds the first bad byte', () => {
    // The BOM goes, as in an editor buffer (the core would drop it anyway).
    assert.equal(decodeUtf8(Buffer.from('\ufeffHé 🚀', 'utf8')), 'Hé 🚀');
    assert.deepEqual(decodeUtf8(Buffer.from([0x61, 0x0a, 0x62, 0xf0, 0x9f, 0x0a])), { ok: false, reason: 'not-utf8', message: 'not UTF-8: byte 0xf0 at line 2 (offset 3) is not valid UTF-8; save the file as UTF-8' });
  });

  test('symlink loops and links to walked folders are followed once, and the run finishes', () => {
    const s = scratch({ 'drafts/a.md': EMAIL });
    try {
      symlinkSync('..', path.join(s.dir, 'drafts', 'up'));
      symlinkSync('self', path.join(s.dir, 'drafts', 'self'));
      symlinkSync(path.join(s.dir, 'drafts'), path.join(s.dir, 'again'));
      const r = cli(['lint', '.', '--format', 'json'], { cwd: s.dir });
      assert.equal(r.code, 0, r.stderr);
      const report = JSON.parse(r.stdout);
      assert.deepEqual(report.files.map((f: { path: string }) => f.path), ['again/a.md'], 'one file, linted once');
      // "again" sorts first, so the folder is walked through the link and found again as "drafts".
      assert.match(r.stderr, /again\/self: skipped: symbolic link loop\n/);
      assert.match(r.stderr, /again\/up: skipped: symbolic link loop \(it points back to a parent folder\)/);
      assert.match(r.stderr, /drafts: skipped: a link to a folder already linted/);
    } finally {
      s.cleanup();
    }
  });

  test('a folder without read permission is reported and the rest is linted', { skip: process.getuid?.() === 0 ? 'running as root: permissions are not enforced' : false }, () => {
    const s = scratch({ 'drafts/a.md': EMAIL, 'locked/b.md': EMAIL });
    try {
      chmodSync(path.join(s.dir, 'locked'), 0o000);
      const r = cli(['lint', '.', '--format', 'json'], { cwd: s.dir });
      assert.equal(r.code, 2);
      assert.match(r.stderr, /locked: cannot read the folder: permission denied/);
      assert.equal(JSON.parse(r.stdout).summary.files, 1);
    } finally {
      chmodSync(path.join(s.dir, 'locked'), 0o755);
      s.cleanup();
    }
  });

  test('a file that vanishes between the listing and the read is skipped with a note', () => {
    const outcome = lintTask(
      { file: '/nonexistent/trustline/vanished.md', display: 'vanished.md', rootPath: 'vanished.md', draftPath: 'vanished.md', forced: false },
      { settings: DEFAULT_SETTINGS, quiet: false },
      new Analyzer(),
    );
    assert.deepEqual(outcome, { kind: 'note', note: { path: 'vanished.md', message: 'skipped: the file disappeared during the run', kind: 'skipped' } });
  });

  test('a file over maxFileSize is skipped without being read whole', () => {
    const s = scratch({ 'emails/big.md': `${EMAIL}${'x'.repeat(5000)}`, '.trustline.yaml': 'maxFileSize: 1000\n' });
    try {
      const r = cli(['lint', '.', '--format', 'json'], { cwd: s.dir });
      assert.equal(r.code, 0, r.stderr);
      const report = JSON.parse(r.stdout);
      assert.match(report.problems[0].message, /^skipped: .*maxFileSize/);
      // The summary counts it (it said 0 skipped), and the stylish summary says why.
      assert.equal(report.summary.skipped, 1);
      const stylish = cli(['lint', '.'], { cwd: s.dir });
      assert.match(stylish.stdout, /0 drafts linted, 1 file skipped \(see above\)/);
    } finally {
      s.cleanup();
    }
  });
});

describe('stdin over the size limit', () => {
  test('is not read whole: lint notes it as skipped, explain exits 2, both say why', () => {
    const s = scratch({ '.trustline.yaml': 'maxFileSize: 1000\n' });
    try {
      // 64 KB against a limit of 4,000 bytes (1,000 characters at up to four bytes each).
      const input = `${EMAIL}${'word '.repeat(13_000)}`;
      const lint = cli(['lint', '-', '--format', 'json'], { cwd: s.dir, input });
      assert.equal(lint.code, 0, lint.stderr);
      const report = JSON.parse(lint.stdout);
      assert.deepEqual(report.problems, [{ path: '<stdin>', message: 'skipped: stdin is longer than maxFileSize allows; it was not read whole', kind: 'skipped' }]);
      assert.equal(report.summary.skipped, 1);
      const explain = cli(['explain', '-'], { cwd: s.dir, input });
      assert.equal(explain.code, 2);
      assert.match(explain.stderr, /stdin is longer than maxFileSize allows/);
      // Under the limit, stdin is linted as before.
      assert.equal(JSON.parse(cli(['lint', '-', '--format', 'json'], { cwd: s.dir, input: EMAIL }).stdout).summary.files, 1);
    } finally {
      s.cleanup();
    }
  });
});

describe('--type, --channel and --trust', () => {
  const body = 'Hi Tom,\n\nCold Ridge cut truck wait time from two hours to 26 minutes.\n\nCould we book a 30-minute demo next week?\n';

  test('they give the profile of a draft that declares none, with positions in the real file', () => {
    const s = scratch({ 'emails/plain.md': body });
    try {
      const r = cli(['lint', '.', '--format', 'json', '--type', 'email', '--channel', 'linkedin-paid', '--trust', 'aware'], { cwd: s.dir });
      const f = JSON.parse(r.stdout).files[0];
      assert.deepEqual(f.type, { value: 'email', source: 'declared', detail: 'given with --type' });
      assert.deepEqual(f.channel, { value: 'linkedin-paid', source: 'declared', detail: 'given with --channel' });
      assert.equal(f.trust.level, 1);
      assert.equal(f.trust.source, 'default');
      const ask = f.asks.find((a: { class: string }) => a.class === 'evaluate');
      assert.deepEqual(ask.range.start, { line: 4, character: 9 }, 'the ask is where it is in the file, not in the injected front matter');
      const exceeds = f.findings.find((x: { rule: string }) => x.rule === 'ask-exceeds-trust');
      assert.equal(exceeds.line, 5);
    } finally {
      s.cleanup();
    }
  });

  test('inside existing front matter, declared values win and positions stay exact', () => {
    const text = '---\ntrust: 3\nchannel: email\n---\n' + body;
    const s = scratch({ 'emails/fm.md': text });
    try {
      const r = cli(['lint', '.', '--format', 'json', '--type', 'email', '--channel', 'seo'], { cwd: s.dir });
      const f = JSON.parse(r.stdout).files[0];
      assert.equal(f.type.detail, 'given with --type');
      assert.deepEqual(f.channel, { value: 'email', source: 'declared', detail: 'declared in front matter' });
      const ask = f.asks.find((a: { class: string }) => a.class === 'evaluate');
      assert.equal(text.split('\n')[ask.range.start.line]!.slice(ask.range.start.character, ask.range.end.character), ask.text);
    } finally {
      s.cleanup();
    }
  });

  test('they never pull a file into scope', () => {
    const s = scratch({ 'notes/readme.md': body });
    try {
      const r = cli(['lint', '.', '--format', 'json', '--type', 'email'], { cwd: s.dir });
      assert.equal(JSON.parse(r.stdout).summary.skipped, 1);
    } finally {
      s.cleanup();
    }
  });
});

describe('large runs', () => {
  function tree(count: number): { dir: string; cleanup(): void } {
    const s = scratch();
    for (let d = 0; d < Math.ceil(count / 100); d++) {
      // Not a default draft folder: only the files with front matter are drafts.
      const folder = path.join(s.dir, 'work', `c${String(d).padStart(3, '0')}`);
      mkdirSync(folder, { recursive: true });
      for (let i = 0; i < 100 && d * 100 + i < count; i++) {
        // Alternate drafts with and without findings, and a README-like file that is not a draft.
        const text = i % 10 === 9 ? '# Notes\n\nBook a demo.\n' : i % 2 ? EMAIL.replace('Tom', `Tom ${i}`) : `---\ntype: email\ntrust: 4\n---\n\nHi Ana ${i},\n\nHere is the proposal we discussed. Could we book the pilot for March?\n`;
        writeFileSync(path.join(folder, i % 10 === 9 ? `notes-${i}.md` : `d${String(i).padStart(3, '0')}.md`), text);
      }
    }
    return s;
  }

  test('worker threads give exactly the output of one thread, in the same order', () => {
    const s = tree(600);
    try {
      const one = cli(['lint', '.', '--format', 'json', '--threads', '1'], { cwd: s.dir });
      const two = cli(['lint', '.', '--format', 'json', '--threads', '2'], { cwd: s.dir });
      assert.equal(one.code, two.code);
      assert.equal(two.stdout, one.stdout);
      assert.equal(JSON.parse(two.stdout).summary.files + JSON.parse(two.stdout).summary.skipped, 600);
    } finally {
      s.cleanup();
    }
  });

  test('10,000 drafts with a 64 MB heap: streamed, no running out of memory', { timeout: 300_000 }, () => {
    const s = tree(10_000);
    try {
      const r = cli(['lint', '.', '--format', 'json'], { cwd: s.dir, nodeArgs: ['--max-old-space-size=64'] });
      assert.equal(r.code, 0, r.stderr.slice(0, 2000));
      const summary = JSON.parse(r.stdout).summary;
      assert.equal(summary.files + summary.skipped, 10_000);
      assert.equal(summary.skipped, 1000, 'files without type:/trust: outside the draft globs stay silent');
      assert.equal(summary.warnings, 4000);
    } finally {
      s.cleanup();
    }
  });
});

describe('findings over maxFindings', () => {
  test('are cut with one note per draft, and the summary counts what was left out', () => {
    let body = '';
    for (let i = 0; i < 30; i++) body += `Yard ${i} cut its dock wait in May. Book a demo to see how, only ${i} seats left!!!\n\n`;
    const s = scratch({ 'emails/many.md': `${EMAIL}\n${body}`, '.trustline.yaml': 'maxFindings: 10\n' });
    try {
      const r = cli(['lint', '.', '--format', 'json'], { cwd: s.dir });
      assert.equal(r.code, 0, r.stderr);
      const report = JSON.parse(r.stdout);
      const file = report.files[0];
      assert.equal(file.findings.length, 11);
      const note = file.findings.at(-1);
      assert.equal(note.rule, 'max-findings');
      assert.match(note.message, /^This draft has (\d+) findings; only the first 10 by severity are shown and (\d+) were left out \(maxFindings is 10\)/);
      const [, total, left] = /has (\d+) findings.* (\d+) were left out/.exec(note.message)!;
      assert.equal(Number(left), Number(total) - 10);
      assert.equal(file.omittedFindings, Number(left));
      assert.equal(report.summary.omittedFindings, Number(left));
      // The note is not one of the draft's findings in the counts.
      assert.equal(report.summary.errors + report.summary.warnings + report.summary.information + report.summary.hints, 10);
      const stylish = cli(['lint', '.'], { cwd: s.dir });
      assert.match(stylish.stdout, new RegExp(`1 draft linted, ${left} findings left out \\(over maxFindings\\)`));
      assert.match(stylish.stdout, /info +This draft has \d+ findings/);
    } finally {
      s.cleanup();
    }
  });
});

describe('symbolic links out of the project (issue 11)', () => {
  // A draft elsewhere on the machine whose text must never show up: it would raise findings that
  // quote it (the ask, the pressure phrase), and a config whose keys would be quoted in errors.
  const SECRET_DRAFT = '---\ntype: email\ntrust: 0\n---\n\nHi,\n\nBook a demo of SECRET-TOKEN-41 now, LAST CHANCE!!!\n';
  const SECRET_CONFIG = 'SECRET_KEY: hunter2-41\nchecks: {under-ask: loud-hunter2}\n';
  function outside(): { dir: string; cleanup(): void } {
    const s = scratch({ 'secret.md': SECRET_DRAFT, 'config.yaml': SECRET_CONFIG, 'folder/also-secret.md': SECRET_DRAFT });
    return s;
  }
  const leaks = (r: { stdout: string; stderr: string }) => /SECRET|hunter2/.test(r.stdout + r.stderr);

  test('a linked draft, or a linked folder, that leads outside the repository is skipped with a note, never read', () => {
    const out = outside();
    const s = scratch({ 'drafts/ok.md': EMAIL, 'emails/real.md': EMAIL });
    try {
      symlinkSync(path.join(out.dir, 'secret.md'), path.join(s.dir, 'drafts', 'secret.md'));
      symlinkSync(path.join(out.dir, 'folder'), path.join(s.dir, 'drafts', 'linked-folder'));
      // A link that stays inside the repository is followed as before.
      symlinkSync(path.join('..', 'emails', 'real.md'), path.join(s.dir, 'drafts', 'alias.md'));
      for (const format of ['json', 'github', 'sarif', 'stylish']) {
        const r = cli(['lint', '.', '--format', format], { cwd: s.dir });
        assert.equal(r.code, 0, r.stderr);
        assert.ok(!leaks(r), `${format}: ${r.stdout}${r.stderr}`);
      }
      const report = JSON.parse(cli(['lint', '.', '--format', 'json'], { cwd: s.dir }).stdout);
      assert.deepEqual(report.problems, [
        { path: 'drafts/linked-folder', message: 'skipped: a symbolic link to a folder outside the project; it was not walked', kind: 'skipped' },
        { path: 'drafts/secret.md', message: 'skipped: a symbolic link to a file outside the project; it was not read', kind: 'skipped' },
      ]);
      // ok.md, and real.md once (alias.md is the same file): the link inside the repository still works.
      assert.equal(report.summary.files, 2);
      assert.equal(report.summary.skipped, 2);
      // Named explicitly, or explained: the same.
      const named = cli(['lint', 'drafts/secret.md', '--format', 'json'], { cwd: s.dir });
      assert.ok(!leaks(named));
      assert.deepEqual(JSON.parse(named.stdout).problems, [{ path: 'drafts/secret.md', message: 'skipped: a symbolic link to a file outside the project; it was not read', kind: 'skipped' }]);
      const explain = cli(['explain', 'drafts/secret.md'], { cwd: s.dir });
      assert.equal(explain.code, 2);
      assert.ok(!leaks(explain));
      assert.match(explain.stderr, /drafts\/secret\.md: skipped: a symbolic link to a file outside the project/);
    } finally {
      s.cleanup();
      out.cleanup();
    }
  });

  test('a .trustline.yaml that links outside the repository is not read, and none of it is echoed', () => {
    const out = outside();
    const s = scratch({ 'drafts/ok.md': EMAIL });
    try {
      symlinkSync(path.join(out.dir, 'config.yaml'), path.join(s.dir, '.trustline.yaml'));
      const r = cli(['lint', '.'], { cwd: s.dir });
      assert.equal(r.code, 2);
      assert.ok(!leaks(r), r.stderr);
      assert.equal(r.stderr, 'trustline: .trustline.yaml is a symbolic link to a file outside the project; it is not read (copy the settings into the project instead)\n');
    } finally {
      s.cleanup();
      out.cleanup();
    }
  });

  test('outside a repository, a .trustline.yaml in a folder above the working folder is not read', () => {
    // The parent holds a config that would turn ask-exceeds-trust off; the working folder, with no
    // .git anywhere, is the project: the config above it is not the project's.
    const s = scratch({ '.trustline.yaml': 'checks:\n  ask-exceeds-trust: off\n', 'work/drafts/cold.md': EMAIL });
    try {
      rmSync(path.join(s.dir, '.git'), { recursive: true });
      const inside = cli(['lint', 'drafts', '--format', 'json'], { cwd: path.join(s.dir, 'work') });
      const rules = (r: { stdout: string }) => (JSON.parse(r.stdout).files as { findings: { rule: string }[] }[]).flatMap((f) => f.findings.map((x) => x.rule));
      assert.ok(rules(inside).includes('ask-exceeds-trust'), inside.stdout);
      // Run from the folder that holds it, the same config is the project's and is read.
      const atRoot = cli(['lint', 'work/drafts', '--format', 'json'], { cwd: s.dir });
      assert.ok(!rules(atRoot).includes('ask-exceeds-trust'), atRoot.stdout);
    } finally {
      s.cleanup();
    }
  });

  test('outside a repository the working folder is the project; a file named outside it is still linted', () => {
    const out = outside();
    const s = scratch({ 'drafts/ok.md': EMAIL });
    try {
      // No .git: the working folder is the boundary.
      rmSync(path.join(s.dir, '.git'), { recursive: true });
      symlinkSync(path.join(out.dir, 'secret.md'), path.join(s.dir, 'drafts', 'secret.md'));
      const r = cli(['lint', 'drafts', '--format', 'json'], { cwd: s.dir });
      assert.ok(!leaks(r));
      assert.equal(JSON.parse(r.stdout).problems[0].message, 'skipped: a symbolic link to a file outside the project; it was not read');
      // A real file the user names outside the project is their choice, not a link: linted.
      const named = cli(['lint', path.join(out.dir, 'secret.md'), '--format', 'json'], { cwd: s.dir });
      assert.equal(JSON.parse(named.stdout).summary.files, 1);
    } finally {
      s.cleanup();
      out.cleanup();
    }
  });
});
