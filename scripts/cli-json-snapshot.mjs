// Writes what the built CLI (dist/cli.js) reports on examples/ and test/fixtures/ to one file, so a
// refactoring of the core can show its output for users is unchanged: take a snapshot before,
// one after, and diff them.
//   npm run build && node scripts/cli-json-snapshot.mjs before.json
//   ... change, npm run build ...
//   node scripts/cli-json-snapshot.mjs after.json && diff before.json after.json
// Each run is recorded with its arguments and exit code: `lint --format json` on every markdown file
// named (always linted) and on the two folders (drafts only), the same with a profile given on the
// command line (--type, --channel, --trust), `lint --format sarif`, and `explain` per file. Runs
// four at a time; the file lists them in a fixed order.
import { spawn } from 'node:child_process';
import { readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const out = process.argv[2];
if (!out) {
  console.error('usage: node scripts/cli-json-snapshot.mjs OUTPUT_FILE');
  process.exit(2);
}
const folders = ['examples', 'test/fixtures'];
const files = [];
function walk(dir) {
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p);
    else if (/\.(md|markdown)$/.test(name)) files.push(relative(root, p));
  }
}
for (const f of folders) walk(join(root, f));

function cli(args) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['dist/cli.js', ...args], {
      cwd: root,
      env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d) => (stderr += d));
    child.on('close', (status) => resolve({ args, status, stdout, stderr }));
  });
}

const jobs = [
  ['lint', '--format', 'json', '--threads', '1', ...files],
  ['lint', '--format', 'json', '--threads', '1', ...folders],
  ['lint', '--format', 'json', '--threads', '1', '--type', 'email', '--channel', 'email', '--trust', '2', ...files],
  ['lint', '--format', 'sarif', '--threads', '1', ...files],
  ...files.map((f) => ['explain', '--no-color', f]),
];
const runs = new Array(jobs.length);
let next = 0;
async function worker() {
  while (next < jobs.length) {
    const i = next++;
    runs[i] = await cli(jobs[i]);
  }
}
await Promise.all([worker(), worker(), worker(), worker()]);
writeFileSync(out, JSON.stringify(runs, null, 1) + '\n');
console.log(`${runs.length} CLI runs over ${files.length} files written to ${out}`);
