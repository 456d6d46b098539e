// `npm start` (scripts/demo.mjs) picks the most real editor the machine has and never reads as a
// failure. Desktop VS Code is stood in for by a `code` on the PATH that records how it was called
// (the real one cannot be installed here); the code-server view is run for real by `npm test`'s
// editor stage (scripts/run-tests.mjs), where code-server is installed.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ROOT, requireCli } from './helpers';

function demo(args: string[], env: NodeJS.ProcessEnv) {
  requireCli();
  const r = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'demo.mjs'), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', ...env },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A PATH with only node's folder (and, when given, a folder holding a fake `code`). */
function pathWith(dir?: string) {
  return [dir, path.dirname(process.execPath), '/usr/bin', '/bin'].filter(Boolean).join(path.delimiter);
}

describe('npm start', () => {
  test('with no editor at hand: the findings, an honest closing note, one line on how to get the editor view, exit 0', () => {
    const r = demo([], { PATH: pathWith(), CODE_SERVER_DIR: path.join(os.tmpdir(), 'trustline-no-code-server-here') });
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stderr, '');
    assert.match(r.stdout, /examples\/cold-email-demo-ask\.md\n.*\n\s+13:\d+\s+warning\s+"book a 30-minute demo"/);
    assert.match(r.stdout, /\d+ problems \(1 error/);
    assert.ok(!/exit 1/.test(r.stdout), 'no "exit 1" in the middle of the demo');
    const hints = r.stdout.split('\n').filter((l) => l.includes('setup-code-server.sh'));
    assert.equal(hints.length, 1, r.stdout);
    assert.match(hints[0]!, /install VS Code/);
  });

  test('--cli: the findings only, even where an editor is installed', () => {
    const r = demo(['--cli'], {});
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /ask-exceeds-trust/);
    assert.ok(!r.stdout.includes('setup-code-server.sh'));
  });

  test('with `code` on the PATH: examples/ and the cold email open in VS Code with this folder in development mode', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'trustline-fake-code-'));
    try {
      const record = path.join(dir, 'args.txt');
      writeFileSync(path.join(dir, 'code'), `#!/bin/sh\nfor a in "$@"; do echo "$a"; done > '${record}'\n`);
      chmodSync(path.join(dir, 'code'), 0o755);
      const r = demo([], { PATH: pathWith(dir) });
      assert.equal(r.code, 0, r.stderr);
      const args = readFileSync(record, 'utf8').trim().split('\n');
      assert.deepEqual(args, ['--new-window', `--extensionDevelopmentPath=${ROOT}`, path.join(ROOT, 'examples'), path.join(ROOT, 'examples', 'cold-email-demo-ask.md')]);
      assert.match(r.stdout, /Extension Development Host/);
      assert.match(r.stdout, /book a 30-minute demo/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('a bad option is refused with usage, exit 2', () => {
    const r = demo(['--nope'], {});
    assert.equal(r.code, 2);
    assert.match(r.stderr, /usage: npm start -- \[--serve\] \[--cli\] \[--code-server\] \[--port N\]/);
  });
});
