// F5 in VS Code (README, "Working on Trustline"): .vscode/launch.json's "Run Extension" builds with a
// task that exists, loads this folder as the extension under development and opens the examples;
// both files are checked in (not ignored), so a fresh clone has them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { ROOT } from '../support/root';

/** VS Code's JSON with comments: whole-line // comments are all these files use. */
function readJsonc(rel: string) {
  const text = readFileSync(path.join(ROOT, rel), 'utf8');
  return JSON.parse(text.replace(/^\s*\/\/.*$/gm, ''));
}

const launch = readJsonc('.vscode/launch.json');
const tasks = readJsonc('.vscode/tasks.json');
const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const expand = (s: string) => s.replace('${workspaceFolder}', ROOT);

test('"Run Extension" loads this folder in development mode and opens the examples and the cold email', () => {
  const run = launch.configurations.find((c: { name: string }) => c.name === 'Run Extension');
  assert.ok(run, 'a "Run Extension" configuration');
  assert.equal(run.type, 'extensionHost');
  assert.equal(run.request, 'launch');
  assert.ok(run.args.includes('--extensionDevelopmentPath=${workspaceFolder}'));
  const paths = run.args.filter((a: string) => !a.startsWith('--')).map(expand);
  assert.deepEqual(paths, [path.join(ROOT, 'examples'), path.join(ROOT, 'examples', 'cold-email-demo-ask.md')]);
  for (const p of paths) assert.ok(existsSync(p), `${p} exists`);
  // The debugger maps breakpoints through the bundles that package.json starts.
  assert.ok(run.outFiles.some((g: string) => expand(g).startsWith(path.join(ROOT, path.dirname(pkg.main)))));
});

test('its preLaunchTask is the default build task, and that runs the npm build script', () => {
  const run = launch.configurations.find((c: { name: string }) => c.name === 'Run Extension');
  const task = tasks.tasks.find((t: { label: string }) => t.label === run.preLaunchTask);
  assert.ok(task, `a task labelled "${run.preLaunchTask}"`);
  assert.equal(task.type, 'npm');
  assert.equal(task.group.isDefault, true);
  assert.ok(pkg.scripts[task.script], `package.json has a "${task.script}" script`);
  assert.match(pkg.scripts[task.script], /esbuild/);
  for (const t of tasks.tasks) assert.ok(pkg.scripts[t.script], `task ${t.label}: package.json has "${t.script}"`);
});

test('"Attach to Server" uses the port the extension gives the server under the debugger', () => {
  const attach = launch.configurations.find((c: { name: string }) => c.name === 'Attach to Server');
  const client = readFileSync(path.join(ROOT, 'client', 'src', 'languageClient.ts'), 'utf8');
  assert.ok(client.includes(`--inspect=${attach.port}`), `the client starts the server with --inspect=${attach.port} in debug mode`);
});

test('.vscode/launch.json and tasks.json are not ignored by git', (t) => {
  const r = spawnSync('git', ['check-ignore', '.vscode/launch.json', '.vscode/tasks.json'], { cwd: ROOT, encoding: 'utf8' });
  if (r.error || !existsSync(path.join(ROOT, '.git'))) return t.skip('not a git checkout');
  assert.equal(r.stdout.trim(), '', 'ignored by .gitignore');
  assert.equal(r.status, 1);
});
