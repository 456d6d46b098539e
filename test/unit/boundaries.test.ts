// The core's boundary (issue 8, part 3), read from the import statements of the sources: the core
// (core/src) is pure, the server and the CLI reach it through its entry points only, and the VS Code
// client through its own entry, core/src/client.ts, which brings nothing that reads a draft.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { ROOT } from '../support/root';

function sources(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) out.push(...sources(p));
    else if (name.endsWith('.ts') && !name.endsWith('.d.ts')) out.push(p);
  }
  return out;
}

interface Import {
  specifier: string;
  /** `import type` / `export type`: erased, never bundled. */
  typeOnly: boolean;
}

function importsOf(file: string): Import[] {
  const text = readFileSync(file, 'utf8');
  const out: Import[] = [];
  for (const m of text.matchAll(/^\s*(?:import|export)\s+(type\s+)?(?:[^'";]*?\s+from\s+)?['"]([^'"]+)['"]/gm)) out.push({ specifier: m[2]!, typeOnly: m[1] !== undefined });
  for (const m of text.matchAll(/\b(?:import|require)\(\s*['"]([^'"]+)['"]\s*\)/g)) out.push({ specifier: m[1]!, typeOnly: false });
  return out;
}

/** A relative specifier as the file it names (undefined for a package or node: module). */
function resolve(from: string, specifier: string): string | undefined {
  if (!specifier.startsWith('.')) return undefined;
  const base = path.resolve(path.dirname(from), specifier);
  for (const p of [base, `${base}.ts`, path.join(base, 'index.ts')]) if (existsSync(p) && statSync(p).isFile()) return p;
  return base;
}

const rel = (p: string) => path.relative(ROOT, p).split(path.sep).join('/');

describe('the core and its hosts', () => {
  test('the client imports nothing of the server or the CLI, and of the core only core/src/client.ts', () => {
    const offenders: string[] = [];
    for (const file of sources(path.join(ROOT, 'client', 'src'))) {
      for (const { specifier } of importsOf(file)) {
        const target = resolve(file, specifier);
        if (target === undefined || rel(target).startsWith('client/')) continue;
        if (rel(target) !== 'core/src/client.ts') offenders.push(`${rel(file)} imports ${specifier}`);
      }
    }
    assert.deepEqual(offenders, []);
  });

  test("the client's entry brings no parser, lexicon, reader or check into the extension host's bundle", () => {
    const seen = new Set<string>();
    const queue = [path.join(ROOT, 'core', 'src', 'client.ts')];
    const packages: string[] = [];
    while (queue.length) {
      const file = queue.pop()!;
      if (seen.has(file) || !file.endsWith('.ts')) continue;
      seen.add(file);
      for (const { specifier, typeOnly } of importsOf(file)) {
        if (typeOnly) continue;
        const target = resolve(file, specifier);
        if (target === undefined) packages.push(`${rel(file)} imports ${specifier}`);
        else queue.push(target);
      }
    }
    assert.deepEqual(packages, []);
    const modules = [...seen].map(rel).sort();
    assert.deepEqual(modules, ['core/src/client.ts', 'core/src/model.ts', 'core/src/protocol.ts', 'core/src/skills.ts', 'core/src/walk.ts']);
  });

  test('the core (core/src) is pure: no file system, no editor, no protocol, nothing of its hosts', () => {
    const offenders: string[] = [];
    const allowedPackages = new Set(['yaml', 'unified', 'remark-parse', 'mdast', 'wink-nlp', 'wink-eng-lite-web-model']);
    for (const file of sources(path.join(ROOT, 'core', 'src'))) {
      for (const { specifier } of importsOf(file)) {
        const target = resolve(file, specifier);
        if (target === undefined) {
          if (!allowedPackages.has(specifier)) offenders.push(`${rel(file)} imports ${specifier}`);
        } else if (!rel(target).startsWith('core/src/') && !/^skills\/[^/]+\.json$/.test(rel(target))) offenders.push(`${rel(file)} imports ${specifier}`);
      }
    }
    assert.deepEqual(offenders, []);
  });

  test('the server and the CLI reach the core through its entries only: core/src/index.ts and the Node host, core/node/index.ts', () => {
    const entries = new Set(['core/src/index.ts', 'core/node/index.ts']);
    const offenders: string[] = [];
    for (const dir of ['server/src', 'cli/src']) {
      for (const file of sources(path.join(ROOT, dir))) {
        for (const { specifier } of importsOf(file)) {
          const target = resolve(file, specifier);
          if (target === undefined || !rel(target).startsWith('core/')) continue;
          if (!entries.has(rel(target))) offenders.push(`${rel(file)} imports ${specifier}`);
        }
        if (dir === 'cli/src' && importsOf(file).some(({ specifier }) => rel(resolve(file, specifier) ?? '').startsWith('server/'))) offenders.push(`${rel(file)} imports the server`);
      }
    }
    assert.deepEqual(offenders, []);
  });
});
