// Every list of check ids kept in a file (the registry in core/src/checks/index.ts, the
// JSON schemas, the trustline.checks setting in package.json, the ids in docs/config.md and
// docs/settings.md, the table in docs/rules/README.md) is written from the check files by
// `npm run generate` (schemas/generate.ts). Adding a check is its file, its rule page, a fixture
// and a near miss (docs/dev/architecture.md): these lists follow.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { CHECKS } from '../../core/src/checks/index';
import { ROOT } from '../support/root';

function generateCheck(): { status: number | null; stderr: string } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', path.join('schemas', 'generate.ts'), '--check'], { cwd: ROOT, encoding: 'utf8' });
  return { status: r.status, stderr: r.stderr };
}

describe('lists of checks kept in files', () => {
  test('are in step with the registry (else: run `npm run generate` and commit the result)', () => {
    const r = generateCheck();
    assert.equal(r.status, 0, r.stderr);
  });

  test('the docs index and the settings users see name every check, in the registry order, with its default severity', () => {
    const index = readFileSync(path.join(ROOT, 'docs', 'rules', 'README.md'), 'utf8');
    const rows = [...index.matchAll(/^\| \[([a-z-]+)\]\(\1\.md\) \| ([^|]+) \|/gm)].map((m) => [m[1], m[2]!.trim()]);
    assert.deepEqual(rows, CHECKS.map((c) => [c.id, c.severityNote ?? c.defaultSeverity]));
    const manifest = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    const setting = manifest.contributes.configuration.properties['trustline.checks'].properties as Record<string, { markdownDescription: string }>;
    assert.deepEqual(Object.keys(setting), CHECKS.map((c) => c.id));
    for (const c of CHECKS) assert.ok(setting[c.id]!.markdownDescription.startsWith(c.description), c.id);
  });
});
