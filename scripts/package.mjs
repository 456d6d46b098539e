// `npm run package`: the .vsix users install, built offline from a clean clone with the
// @vscode/vsce dev dependency (no npx).
//
//   npm run package                          -> trustline-<version>.vsix in the repository root
//   npm run package -- --out some/file.vsix  -> there instead
//   npm run package -- --base-url URL        -> README links point below URL (see docs/packaging.md)
//
// What goes in is package.json's `files` list, the project's one packaging list: npm publishes
// the same files (the `trustline` command's dist/cli.js among them), and vsce reads it when there
// is no .vscodeignore. The package is assembled in a staging folder (out/package-*/): the production
// bundles are built there, never in dist/, so packaging cannot rewrite the bundles that tests
// running at the same time are using.
//
// Links: on an extension's page VS Code opens only http(s) links and shows only https images,
// so a README link relative to the repository is dead there. With --base-url (or
// TRUSTLINE_BASE_URL) the README's relative links and images are prefixed with that URL (vsce's
// --baseContentUrl / --baseImagesUrl). Without one, which is the case while Trustline has no public
// home, the packaged README has its relative links turned into plain text and its screenshots
// left out, so nothing on the page is broken.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

let args;
try {
  args = parseArgs({
    options: {
      out: { type: 'string' },
      'base-url': { type: 'string' },
      'images-url': { type: 'string' },
      quiet: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
  }).values;
} catch (err) {
  console.error(`package: ${err.message}\nusage: npm run package -- [--out FILE.vsix] [--base-url URL] [--images-url URL] [--quiet]`);
  process.exit(2);
}
if (args.help) {
  console.log('usage: npm run package -- [--out FILE.vsix] [--base-url URL] [--images-url URL] [--quiet]\nSee docs/packaging.md.');
  process.exit(0);
}

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const out = resolve(args.out ?? join(ROOT, `${pkg.name}-${pkg.version}.vsix`));
const baseUrl = args['base-url'] ?? process.env.TRUSTLINE_BASE_URL ?? '';
const imagesUrl = args['images-url'] ?? process.env.TRUSTLINE_IMAGES_URL ?? baseUrl;
for (const [name, url] of [['--base-url', baseUrl], ['--images-url', imagesUrl]]) {
  if (url && !/^https:\/\/[^/]+/.test(url)) {
    console.error(`package: ${name} must be an https:// URL (VS Code shows only https images on an extension's page), got "${url}"`);
    process.exit(2);
  }
}
const log = (s) => args.quiet || console.log(s);

function run(cmd, argv, opts = {}) {
  const r = spawnSync(cmd, argv, { cwd: ROOT, stdio: args.quiet ? ['ignore', 'pipe', 'pipe'] : 'inherit', encoding: 'utf8', ...opts });
  if (r.status !== 0) {
    if (args.quiet) process.stderr.write(`${r.stdout ?? ''}${r.stderr ?? ''}`);
    console.error(`package: ${[cmd, ...argv].join(' ')} failed (exit ${r.status ?? r.signal})`);
    process.exit(1);
  }
  return r;
}

// 1. Type-check, then the production bundles, straight into a staging folder of this run's own
// (out/package-XXXXXX/, removed at the end) so that two packagings never share one.
mkdirSync(join(ROOT, 'out'), { recursive: true });
const STAGE = mkdtempSync(join(ROOT, 'out', 'package-'));
process.on('exit', () => rmSync(STAGE, { recursive: true, force: true }));
log('package: type-check (tsc -b)');
run(process.execPath, [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-b']);
log('package: production bundles (esbuild --production)');
run(process.execPath, [join(ROOT, 'esbuild.mjs'), '--production', '--outdir', join(STAGE, 'dist')]);

// 2. Everything else `files` names, copied as it is. Entries are files, folders ("x/") or
// "folder/*.ext"; anything else is refused here rather than silently left out.
for (const entry of pkg.files) {
  if (entry.startsWith('dist/')) continue; // built above
  const star = entry.match(/^(.*)\/\*(\.[\w.]+)$/);
  if (star) {
    const dir = join(ROOT, star[1]);
    for (const f of readdirSync(dir)) if (f.endsWith(star[2])) cpSync(join(dir, f), join(STAGE, star[1], f));
    continue;
  }
  if (/[*?[\]{}]/.test(entry)) {
    console.error(`package: the files entry "${entry}" is a glob this script does not copy; use a file, a folder or "folder/*.ext"`);
    process.exit(1);
  }
  const from = join(ROOT, entry);
  if (!existsSync(from)) {
    console.error(`package: "${entry}" is listed in package.json's files but does not exist`);
    process.exit(1);
  }
  cpSync(from, join(STAGE, entry), { recursive: true });
}

// 3. The manifest, less what only matters in the repository: the scripts (vsce would run
// vscode:prepublish in the staging folder) and the dev dependencies (everything is bundled).
const manifest = { ...pkg };
delete manifest.scripts;
delete manifest.devDependencies;
writeFileSync(join(STAGE, 'package.json'), JSON.stringify(manifest, null, 2) + '\n');

// 4. The README shown on the extension's page.
const vsceArgs = ['package', '--no-dependencies', '--out', out];
if (baseUrl) {
  vsceArgs.push('--baseContentUrl', baseUrl, '--baseImagesUrl', imagesUrl);
} else if (!pkg.repository) {
  writeFileSync(join(STAGE, 'README.md'), readmeWithoutRepositoryLinks(readFileSync(join(ROOT, 'README.md'), 'utf8')));
  writeFileSync(join(STAGE, 'CHANGELOG.md'), readmeWithoutRepositoryLinks(readFileSync(join(ROOT, 'CHANGELOG.md'), 'utf8')));
  vsceArgs.push('--allow-missing-repository');
}

// 5. vsce, from the dev dependency.
mkdirSync(dirname(out), { recursive: true });
rmSync(out, { force: true });
log(`package: vsce ${vsceArgs.join(' ')}`);
run(process.execPath, [join(ROOT, 'node_modules', '@vscode', 'vsce', 'vsce'), ...vsceArgs], { cwd: STAGE });
if (!existsSync(out)) {
  console.error(`package: vsce reported success but ${out} is not there`);
  process.exit(1);
}
log(`package: ${relative(process.cwd(), out) || out} (${(statSync(out).size / 1024).toFixed(0)} KiB)`);

/**
 * The README for a package with no public home to link to: `[text](relative)` becomes `text`,
 * a relative image (a screenshot kept in the repository) is dropped with its line, and absolute
 * links stay. Code blocks are left alone.
 */
function readmeWithoutRepositoryLinks(md) {
  const relativeTarget = (t) => !/^[a-z][a-z0-9+.-]*:/i.test(t) && !t.startsWith('#');
  let inFence = false;
  const lines = [];
  for (const line of md.split('\n')) {
    if (/^\s*(```|~~~)/.test(line)) inFence = !inFence;
    if (inFence) {
      lines.push(line);
      continue;
    }
    if (/^\s*!\[[^\]]*\]\(([^)\s]+)[^)]*\)\s*$/.test(line) && relativeTarget(line.match(/\]\(([^)\s]+)/)[1])) continue;
    lines.push(
      line
        .replace(/!\[([^\]]*)\]\(([^)\s]+)[^)]*\)/g, (m, alt, t) => (relativeTarget(t) ? '' : m))
        .replace(/\[([^\]]+)\]\(([^)\s]+)[^)]*\)/g, (m, text, t) => (relativeTarget(t) ? text : m)),
    );
  }
  return lines.join('\n').replace(/\n{3,}/g, '\n\n');
}
