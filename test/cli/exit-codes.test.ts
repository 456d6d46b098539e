// Exit codes as markdownlint-cli2 has them: 0 clean (warnings within --max-warnings), 1 findings
// over the threshold, 2 bad usage, config errors or unreadable inputs; non-zero always says why on
// stderr in one line.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { cli, fixture, scratch } from './helpers';

const basic = fixture('basic');

/** The last stderr line: the one-line reason for a non-zero exit. */
const reason = (stderr: string) => stderr.trim().split('\n').at(-1) ?? '';

describe('exit 0', () => {
  test('no findings', () => {
    const r = cli(['lint'], { cwd: fixture('clean') });
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stderr, '');
  });
  test('warnings without --max-warnings', () => {
    assert.equal(cli(['lint'], { cwd: basic }).code, 0);
  });
  test('warnings within --max-warnings', () => {
    assert.equal(cli(['lint', '--max-warnings', '4'], { cwd: basic }).code, 0);
  });
  test('a folder holding no drafts (the README stays silent)', () => {
    const r = cli(['lint', '.'], { cwd: fixture('readme-only') });
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /0 drafts linted, 1 file skipped \(not a draft\)/);
  });
  test('a glob matching nothing next to inputs that did match: a message, not a failure', () => {
    const r = cli(['lint', 'emails', 'nowhere/**/*.md'], { cwd: basic });
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, /no files match "nowhere\/\*\*\/\*\.md"/);
  });
  test('--allow-empty: matching nothing was intended', () => {
    const r = cli(['lint', 'nowhere/**/*.md', '--allow-empty'], { cwd: basic });
    assert.equal(r.code, 0, r.stderr);
  });
  test('help and version', () => {
    assert.equal(cli(['--help']).code, 0);
    assert.match(cli(['--version']).stdout, /^\d+\.\d+\.\d+/);
  });
});

describe('exit 1', () => {
  test('an error finding', () => {
    const r = cli(['lint'], { cwd: fixture('errors') });
    assert.equal(r.code, 1);
    assert.equal(reason(r.stderr), 'trustline: exit 1: 1 error found');
  });
  test('more warnings than --max-warnings', () => {
    const r = cli(['lint', '--max-warnings', '3'], { cwd: basic });
    assert.equal(r.code, 1);
    assert.equal(reason(r.stderr), 'trustline: exit 1: 4 warnings, more than --max-warnings 3');
  });
  test('a severity raised to error in the project config', () => {
    const r = cli(['lint'], { cwd: fixture('config') });
    assert.equal(r.code, 1, r.stdout);
    assert.match(r.stdout, /error +"book a 30-minute demo"/);
    assert.doesNotMatch(r.stdout, /trust-undeclared/);
  });
  test('--quiet ignores warnings for --max-warnings too', () => {
    assert.equal(cli(['lint', '--quiet', '--max-warnings', '0'], { cwd: basic }).code, 0);
  });
});

describe('exit 2', () => {
  const cases: [string, string[], string, RegExp][] = [
    ['no command', [], basic, /Usage: trustline/],
    ['an unknown command', ['fix'], basic, /unknown command "fix"/],
    ['an unknown option', ['lint', '--frobnicate'], basic, /frobnicate/],
    ['an unknown format', ['lint', '--format', 'xml'], basic, /unknown format "xml": use stylish, json, sarif, github/],
    ['a bad --max-warnings', ['lint', '--max-warnings', 'many'], basic, /--max-warnings needs a whole number/],
    ['a bad --trust', ['lint', '--trust', 'banana'], basic, /--trust "banana" is not a trust level/],
    ['a bad --type', ['lint', '--type', 'memo'], basic, /unknown --type "memo"/],
    ['a bad --channel', ['lint', '--channel', 'fax'], basic, /unknown --channel "fax"/],
    ['a missing file', ['lint', 'emails', 'missing.md'], basic, /exit 2: 1 input could not be read/],
    ['a missing --config', ['lint', '--config', 'nope.yaml'], basic, /cannot read config nope\.yaml: no such file/],
    ['a config with mistakes', ['lint'], fixture('bad-config'), /2 problems in \.trustline\.yaml; fix the config first/],
    ['a glob matching nothing at all', ['lint', 'nowhere/**/*.md'], basic, /exit 2: nothing to lint: "nowhere\/\*\*\/\*\.md" matched no files/],
    ['explain without a file', ['explain'], basic, /explain takes exactly one file/],
  ];
  for (const [name, args, cwd, message] of cases) {
    test(name, () => {
      const r = cli(args, { cwd });
      assert.equal(r.code, 2, `${r.stdout}\n${r.stderr}`);
      assert.match(r.stderr + (args.length ? '' : r.stdout), message);
    });
  }

  test('a missing input is never summed up as "no problems"', () => {
    const r = cli(['lint', 'nosuchdir/'], { cwd: basic });
    assert.equal(r.code, 2);
    assert.doesNotMatch(r.stdout, /no problems/);
    assert.match(r.stdout, /✖ nothing was linted\n  0 drafts linted, 1 file could not be read/);
  });

  test('config problems are printed with their position', () => {
    const r = cli(['lint'], { cwd: fixture('bad-config') });
    assert.match(r.stderr, /^\.trustline\.yaml:2:3: error: Unknown check id "ask-exceed-trust": did you mean "ask-exceeds-trust"\?/m);
    assert.match(r.stderr, /^\.trustline\.yaml:3:15: error: defaultTrust must be a trust level/m);
    assert.equal(r.stdout, '', 'nothing is linted with a broken config');
  });

  test('--config names the file to use instead of the search', () => {
    const r = cli(['lint', '--config', '../config/.trustline.yaml', '--format', 'json'], { cwd: fixture('bad-config') });
    assert.equal(r.code, 1, r.stderr);
    assert.equal(JSON.parse(r.stdout).files[0].findings[0].severity, 'error');
  });

  test('an unreadable file beats findings: exit 2, and the rest is still linted', () => {
    const s = scratch({ 'emails/a.md': '---\ntype: email\ntrust: banana\n---\nHi\n', 'emails/b.md': Buffer.from([0x48, 0x69, 0x20, 0xe9, 0x74, 0xe9, 0x0a]) });
    try {
      const r = cli(['lint', '.', '--format', 'json'], { cwd: s.dir });
      assert.equal(r.code, 2);
      const report = JSON.parse(r.stdout);
      assert.equal(report.summary.files, 1);
      assert.equal(report.summary.unreadable, 1);
      assert.equal(reason(r.stderr), 'trustline: exit 2: 1 input could not be read (see above)');
    } finally {
      s.cleanup();
    }
  });
});

describe('stdin', () => {
  test('- reads a draft from stdin; it is always linted', () => {
    const r = cli(['lint', '-', '--format', 'json'], { cwd: basic, input: 'Hi Tom,\n\nCould we book a 30-minute demo next week?\n', env: {} });
    const report = JSON.parse(r.stdout);
    assert.equal(report.files[0].path, '<stdin>');
    assert.ok(report.files[0].asks.some((a: { class: string }) => a.class === 'evaluate'));
  });
  test('--stdin-filename gives it a path for the draft globs and type hints', () => {
    const r = cli(['lint', '-', '--format', 'json', '--stdin-filename', 'emails/x.md'], { cwd: basic, input: 'Hi Tom,\n\nCould we book a demo?\n' });
    assert.equal(JSON.parse(r.stdout).files[0].path, 'emails/x.md');
  });
});
