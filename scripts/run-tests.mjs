// Runs every test under test/ (unit, fixtures, server protocol, CLI) with node's
// test runner. TypeScript tests are loaded through tsx; the server and CLI tests
// use the bundles in dist/, so `npm test` builds first.
//   node scripts/run-tests.mjs [filter]   only files whose path contains `filter`
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const skip = new Set(['fixtures', 'e2e', 'node_modules']);
const files = [];
(function walk(dir) {
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) {
      if (!skip.has(name)) walk(p);
    } else if (/\.test\.(ts|mjs)$/.test(name)) files.push(relative(root, p));
  }
})(join(root, 'test'));

const filter = process.argv[2];
const selected = filter ? files.filter((f) => f.includes(filter)) : files;
if (selected.length === 0) {
  console.error(`no test files${filter ? ` matching "${filter}"` : ''} under test/`);
  process.exit(2);
}
const reporter = process.env.CI || !process.stdout.isTTY ? 'spec' : 'spec';
const r = spawnSync(process.execPath, ['--import', 'tsx', '--test', `--test-reporter=${reporter}`, '--test-concurrency=2', ...selected], {
  cwd: root,
  stdio: 'inherit',
});
process.exit(r.status ?? 1);
