// Bundles the extension client, the language server and the CLI into dist/.
//   node esbuild.mjs               development build (sourcemaps)
//   node esbuild.mjs --production  minified, no sourcemaps (what the .vsix ships)
//   node esbuild.mjs --watch       rebuild on change
//   node esbuild.mjs --production --outdir DIR   the same bundles in DIR/ instead of dist/
//                                  (scripts/package.mjs builds the .vsix from such a folder, so
//                                  packaging never rewrites dist/ under running tests)
import * as esbuild from 'esbuild';
import { join } from 'node:path';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
const outdirAt = process.argv.indexOf('--outdir');
const outdir = outdirAt > 0 ? process.argv[outdirAt + 1] : 'dist';
if (!outdir || outdir.startsWith('--')) {
  console.error('esbuild.mjs: --outdir needs a folder');
  process.exit(2);
}

/** @type {import('esbuild').BuildOptions} */
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  // JSON data (lexicon, stages, channels, trees) is bundled, so dist/ needs no data files beside it.
  loader: { '.json': 'json' },
};

const builds = [
  { ...common, entryPoints: ['client/src/extension.ts'], outfile: join(outdir, 'client.js'), external: ['vscode'] },
  { ...common, entryPoints: ['server/src/server.ts'], outfile: join(outdir, 'server.js') },
  { ...common, entryPoints: ['cli/src/cli.ts'], outfile: join(outdir, 'cli.js'), banner: { js: '#!/usr/bin/env node' } },
];

import { existsSync } from 'node:fs';
const present = builds.filter((b) => existsSync(b.entryPoints[0]));

if (watch) {
  for (const b of present) (await esbuild.context(b)).watch();
  console.log('esbuild: watching', present.map((b) => b.outfile).join(', '));
} else {
  await Promise.all(present.map((b) => esbuild.build(b)));
}
