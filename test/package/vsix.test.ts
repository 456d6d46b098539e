// The .vsix users install, built by `npm run package` exactly as a user or a release would build it,
// then opened as the zip it is: what is inside may only be what the extension needs at run time
// (no sources, tests, source maps or node_modules), everything it needs is there, and its README
// has no link that would be dead on the extension's page.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { ROOT } from '../support/root';

interface Entry {
  name: string;
  method: number;
  compressedSize: number;
  localHeaderOffset: number;
}

/** The entries of a zip file, read from its central directory. */
function zipEntries(zip: Buffer): Entry[] {
  // The end-of-central-directory record sits in the last 22 + 65,535 (comment) bytes.
  let eocd = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 0xffff); i--) {
    if (zip.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  assert.ok(eocd >= 0, 'the .vsix is a zip file (end of central directory found)');
  const count = zip.readUInt16LE(eocd + 10);
  let p = zip.readUInt32LE(eocd + 16);
  const entries: Entry[] = [];
  for (let i = 0; i < count; i++) {
    assert.equal(zip.readUInt32LE(p), 0x02014b50, `central directory entry ${i}`);
    const nameLen = zip.readUInt16LE(p + 28);
    const extraLen = zip.readUInt16LE(p + 30);
    const commentLen = zip.readUInt16LE(p + 32);
    entries.push({
      name: zip.toString('utf8', p + 46, p + 46 + nameLen),
      method: zip.readUInt16LE(p + 10),
      compressedSize: zip.readUInt32LE(p + 20),
      localHeaderOffset: zip.readUInt32LE(p + 42),
    });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

/** The text of one entry. */
function readEntry(zip: Buffer, e: Entry): string {
  const h = e.localHeaderOffset;
  const start = h + 30 + zip.readUInt16LE(h + 26) + zip.readUInt16LE(h + 28);
  const raw = zip.subarray(start, start + e.compressedSize);
  return (e.method === 8 ? inflateRawSync(raw) : raw).toString('utf8');
}

function runPackage(args: string[]) {
  return spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'package.mjs'), ...args], { cwd: ROOT, encoding: 'utf8' });
}

/** What may be in the package, as paths inside the zip. Anything else fails the test. */
const ALLOWED: RegExp[] = [
  /^\[Content_Types\]\.xml$/,
  /^extension\.vsixmanifest$/,
  /^extension\/package\.json$/,
  /^extension\/readme\.md$/,
  /^extension\/changelog\.md$/,
  /^extension\/LICENSE\.txt$/,
  /^extension\/dist\/(client|server|cli)\.js$/,
  /^extension\/skills\/[a-z0-9-]+\.json$/,
  /^extension\/skills\/[a-z0-9-]+\/SKILL\.md$/,
  /^extension\/docs\/rules\/[a-z0-9-]+\.md$/,
  /^extension\/docs\/rules\/README\.md$/,
  /^extension\/docs\/config\.md$/,
  /^extension\/schemas\/[a-z0-9-]+\.schema\.json$/,
  /^extension\/images\/icon\.png$/,
];

describe('npm run package: the .vsix', () => {
  let dir: string;
  let vsix: string;
  let zip: Buffer;
  let entries: Entry[];
  const text = (name: string) => {
    const e = entries.find((x) => x.name === name);
    assert.ok(e, `${name} is in the .vsix`);
    return readEntry(zip, e);
  };

  before(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'trustline-vsix-'));
    vsix = path.join(dir, 'trustline.vsix');
    const r = runPackage(['--out', vsix, '--quiet']);
    assert.equal(r.status, 0, `npm run package failed:\n${r.stdout}\n${r.stderr}`);
    zip = readFileSync(vsix);
    entries = zipEntries(zip);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('holds only what the extension runs: no sources, tests, source maps or node_modules', () => {
    const stray = entries.map((e) => e.name).filter((n) => !ALLOWED.some((re) => re.test(n)));
    assert.deepEqual(stray, [], `files in the .vsix that the extension does not need:\n${stray.join('\n')}`);
    assert.ok(!entries.some((e) => /\.(ts|map)$|node_modules|(^|\/)test\//.test(e.name)));
  });

  test('holds everything the extension needs: the bundles, every skill, every rule page, the schemas', () => {
    const names = new Set(entries.map((e) => e.name));
    for (const f of ['dist/client.js', 'dist/server.js', 'dist/cli.js', 'docs/config.md', 'images/icon.png', 'schemas/trustline-config.schema.json']) {
      assert.ok(names.has(`extension/${f}`), `extension/${f} is in the .vsix`);
    }
    for (const skill of readdirSync(path.join(ROOT, 'skills')).filter((d) => statSync(path.join(ROOT, 'skills', d)).isDirectory())) {
      assert.ok(names.has(`extension/skills/${skill}/SKILL.md`), `skill ${skill} is in the .vsix`);
    }
    for (const page of readdirSync(path.join(ROOT, 'docs', 'rules'))) {
      assert.ok(names.has(`extension/docs/rules/${page}`), `docs/rules/${page} is in the .vsix`);
    }
  });

  test('the bundles are the production ones (minified, no source map reference)', () => {
    const client = text('extension/dist/client.js');
    assert.ok(!client.includes('sourceMappingURL'), 'no source map comment');
    assert.ok(client.split('\n').length < 50, `client.js is minified (${client.split('\n').length} lines)`);
  });

  test("its manifest starts the bundled client and carries no scripts or dev dependencies", () => {
    const manifest = JSON.parse(text('extension/package.json'));
    const repo = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    assert.equal(manifest.main, './dist/client.js');
    assert.equal(manifest.version, repo.version);
    assert.deepEqual(manifest.contributes, repo.contributes);
    assert.equal(manifest.scripts, undefined);
    assert.equal(manifest.devDependencies, undefined);
    assert.match(text('extension.vsixmanifest'), /Id="trustline"/);
  });

  test("its README keeps the text but no link the extension's page could not open", () => {
    const readme = text('extension/readme.md');
    assert.match(readme, /^# Trustline/);
    assert.match(readme, /ask-exceeds-trust/);
    // VS Code's extension page opens only http(s) and mailto links and shows only https images.
    const targets = [...readme.matchAll(/\]\(([^)\s]+)/g)].map((m) => m[1]!);
    const dead = targets.filter((t) => !/^(https:|http:|mailto:|#)/.test(t));
    assert.deepEqual(dead, [], 'relative links in the packaged README');
  });

  test('stays small: under 4 MiB', () => {
    const size = statSync(vsix).size;
    assert.ok(size < 4 * 1024 * 1024, `the .vsix is ${(size / 1024 / 1024).toFixed(2)} MiB`);
  });

  test('with a base URL (--base-url), the README links and screenshots point below it', () => {
    const out = path.join(dir, 'with-base.vsix');
    const r = runPackage(['--out', out, '--quiet', '--base-url', 'https://docs.example/trustline/blob/main/', '--images-url', 'https://docs.example/trustline/raw/main/']);
    assert.equal(r.status, 0, `${r.stdout}\n${r.stderr}`);
    const z = readFileSync(out);
    const readme = readEntry(z, zipEntries(z).find((e) => e.name === 'extension/readme.md')!);
    assert.ok(readme.includes('](https://docs.example/trustline/blob/main/docs/rules/ask-exceeds-trust.md)'), 'rule links are absolute');
    assert.ok(readme.includes('](https://docs.example/trustline/raw/main/docs/images/hover.png)'), 'screenshots are absolute');
  });

  test('a base URL that is not https is refused with the reason, before anything is built', () => {
    const r = runPackage(['--out', path.join(dir, 'x.vsix'), '--base-url', 'http://docs.example/trustline/']);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /--base-url must be an https:\/\/ URL/);
  });
});
