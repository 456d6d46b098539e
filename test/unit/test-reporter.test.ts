// `npm test`'s reporter (scripts/test-reporter.mjs): a todo test, failing or not, is one line and
// never listed under "failing tests"; a real failure still is, with its error, and fails the run.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ROOT } from '../support/root';

function runWith(body: string) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'trustline-reporter-'));
  try {
    const file = path.join(dir, 'sample.test.mjs');
    writeFileSync(file, `import { test } from 'node:test';\nimport assert from 'node:assert';\n${body}\n`);
    // Without NODE_TEST_CONTEXT, which makes a nested node --test report to this run instead.
    const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' };
    delete env.NODE_TEST_CONTEXT;
    const r = spawnSync(process.execPath, ['--test', `--test-reporter=${path.join(ROOT, 'scripts', 'test-reporter.mjs')}`, file], {
      encoding: 'utf8',
      env,
    });
    return { code: r.status, out: r.stdout };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test('todo tests are one line each and the run passes', () => {
  const r = runWith(
    "test('known gap', { todo: 'reads X as Y' }, () => assert.equal(1, 2));\n" +
      "test('fixed gap', { todo: 'was broken' }, () => {});\n" +
      "test('fine', () => {});",
  );
  assert.equal(r.code, 0, r.out);
  const lines = r.out.split('\n');
  assert.equal(lines.filter((l) => l.includes('known gap')).length, 1, r.out);
  assert.ok(lines.some((l) => /known gap .*# TODO \(fails as expected\): reads X as Y$/.test(l)), r.out);
  assert.ok(lines.some((l) => /fixed gap .*# TODO \(passes now\): was broken$/.test(l)), r.out);
  assert.ok(!r.out.includes('failing tests'), r.out);
  assert.ok(!r.out.includes('AssertionError'), r.out);
  assert.match(r.out, /todo 2/);
});

test('a real failure is still reported with its error and fails the run', () => {
  const r = runWith("test('broken', () => assert.equal(1, 2));\ntest('gap', { todo: true }, () => assert.equal(1, 2));");
  assert.equal(r.code, 1, r.out);
  assert.match(r.out, /failing tests:[\s\S]*broken[\s\S]*AssertionError/);
  assert.ok(!/failing tests:[\s\S]*\bgap\b/.test(r.out), r.out);
});
