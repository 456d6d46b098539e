// What the README's Security section promises, checked (issue 11): how the extension declares
// itself for untrusted and virtual workspaces, and that no code of ours can reach the network.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { ROOT } from '../support/root';

const manifest = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
  capabilities?: { untrustedWorkspaces?: { supported: unknown }; virtualWorkspaces?: { supported: unknown; description?: string } };
};

function sources(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) out.push(...sources(p));
    else if (/\.(?:ts|mjs|js)$/.test(name) && !name.endsWith('.d.ts')) out.push(p);
  }
  return out;
}

describe('workspace safety', () => {
  test('declared for untrusted workspaces (a workspace gives data only) and not for virtual ones (it reads the disk)', () => {
    assert.equal(manifest.capabilities?.untrustedWorkspaces?.supported, true);
    assert.equal(manifest.capabilities?.virtualWorkspaces?.supported, false);
    assert.match(manifest.capabilities?.virtualWorkspaces?.description ?? '', /disk/);
  });

  test('no source of the extension, the server or the CLI imports a network module or calls fetch', () => {
    const files = ['core/src', 'server/src', 'client/src', 'cli/src'].flatMap((d) => sources(path.join(ROOT, d)));
    assert.ok(files.length > 20, `found ${files.length} source files`);
    const network = /\bfrom\s+['"](?:node:)?(?:http|https|http2|net|tls|dgram|dns)['"]|\brequire\(\s*['"](?:node:)?(?:http|https|http2|net|tls|dgram|dns)['"]\s*\)|\bfetch\s*\(|\bXMLHttpRequest\b|\bWebSocket\b/;
    const offenders = files.filter((f) => network.test(readFileSync(f, 'utf8'))).map((f) => path.relative(ROOT, f));
    assert.deepEqual(offenders, []);
  });
});
