// `npm start`: Trustline on the bundled examples, through the same engine the editor uses.
// Prints every finding in examples/ with the command-line linter, then how to see the same
// findings inside VS Code. Findings are the point of the demo, so they don't fail it.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const cli = `${root}dist/cli.js`;
if (!existsSync(cli)) {
  console.error('dist/cli.js is missing: run `npm run build` first (npm start does it for you).');
  process.exit(2);
}
console.log('Trustline on examples/ (each draft declares its audience in front matter; examples/README.md says what to expect)\n');
const r = spawnSync(process.execPath, [cli, 'lint', 'examples/'], { cwd: root, stdio: 'inherit' });
if (r.status === 2 || r.status === null) process.exit(r.status ?? 1);
console.log(`
The same findings appear as you type in VS Code:
  - install the extension from this folder (F5 in VS Code, or \`npx @vscode/vsce package\` and install the .vsix),
  - or on a machine without desktop VS Code: \`bash scripts/setup-code-server.sh\` once, then
    \`node scripts/try-code-server.mjs --folder examples --extension . --open cold-email-demo-ask.md\`
    opens the cold email in a real VS Code (code-server) and saves a screenshot in test-results/.`);
