/**
 * Running the bundled CLI (dist/cli.js) the way users and CI do: a child process with a working
 * directory, arguments and optional stdin; stdout, stderr and the exit code come back.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import assert from 'node:assert/strict';
export { ROOT } from '../support/root';
import { ROOT } from '../support/root';

export const CLI_JS = path.join(ROOT, 'dist', 'cli.js');
export const FIXTURES = path.join(ROOT, 'test', 'cli', 'fixtures');
export const GOLDEN = path.join(ROOT, 'test', 'cli', 'golden');

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function requireCli(): void {
  if (!existsSync(CLI_JS)) {
    throw new Error(`${path.relative(ROOT, CLI_JS)} is missing: the CLI tests run the bundle. Run \`node esbuild.mjs\` first (\`npm test\` does).`);
  }
}

export function cli(args: string[], options: { cwd?: string; input?: string | Buffer; env?: NodeJS.ProcessEnv; nodeArgs?: string[] } = {}): Run {
  requireCli();
  const env: NodeJS.ProcessEnv = { ...process.env, ...options.env };
  // Output must not depend on the terminal or the CI running the tests.
  for (const k of ['FORCE_COLOR', 'NO_COLOR', 'CI', 'GITHUB_ACTIONS']) if (!options.env || !(k in options.env)) delete env[k];
  const r = spawnSync(process.execPath, [...(options.nodeArgs ?? []), CLI_JS, ...args], {
    cwd: options.cwd ?? ROOT,
    input: options.input ?? '',
    env,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A scratch folder that is its own git root, so no config above it is ever picked up. */
export function scratch(files: Record<string, string | Buffer> = {}): { dir: string; cleanup(): void } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'trustline-cli-'));
  mkdirSync(path.join(dir, '.git'));
  for (const [rel, content] of Object.entries(files)) {
    const p = path.join(dir, rel);
    mkdirSync(path.dirname(p), { recursive: true });
    writeFileSync(p, content);
  }
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Compare with a golden file; `UPDATE_GOLDEN=1` rewrites it instead. */
export function golden(name: string, actual: string): void {
  const file = path.join(GOLDEN, name);
  if (process.env.UPDATE_GOLDEN) {
    writeFileSync(file, actual);
    return;
  }
  assert.ok(existsSync(file), `golden file ${path.relative(ROOT, file)} is missing: run with UPDATE_GOLDEN=1 to create it`);
  assert.equal(actual, readFileSync(file, 'utf8'), `output differs from ${path.relative(ROOT, file)} (UPDATE_GOLDEN=1 rewrites it after a deliberate change)`);
}

/** The version changes on every release; golden files hold a placeholder. */
export function normalizeVersion(s: string): string {
  const version = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version as string;
  return s.split(JSON.stringify(version)).join('"<version>"');
}

export const fixture = (...parts: string[]) => path.join(FIXTURES, ...parts);

/**
 * The lexicon's patterns are the core's data and change as it grows; golden files keep the rule
 * id an ask matched (`evaluate.demo`) and leave out the pattern text after it.
 */
export function normalizeVia(s: string): string {
  return s
    .replace(/"via":"((?:[^"\\]|\\.)*)"/g, (_m, via: string) => `"via":${JSON.stringify(via.includes(':') ? `${via.split(':')[0]}: <pattern>` : via)}`)
    .replace(/^( +why +matched [^:\n]+): .*$/gm, '$1: <pattern>');
}
