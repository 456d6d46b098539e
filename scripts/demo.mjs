// `npm start`: Trustline on the bundled examples, in the most real editor this machine has.
//
//   1. Desktop VS Code (`code` on the PATH): opens examples/ and the cold email in a new window with
//      this folder's extension loaded in development mode (what F5 does), then returns.
//   2. Otherwise code-server, when `bash scripts/setup-code-server.sh` has installed it: serves
//      examples/ on 127.0.0.1 with the extension loaded, opens the cold email in headless Chromium,
//      waits for its warning, shows the hover, saves a screenshot (test-results/demo/cold-email.png),
//      prints the URL, and stops. With --serve it keeps serving until Ctrl+C, for you to open the
//      URL in a browser on this machine.
//   3. Otherwise the findings from the command-line linter (the same engine), and one line on how
//      to get the editor view.
//
//   npm start                      the first of the three that this machine can do
//   npm start -- --serve           code-server: keep serving after the screenshot, until Ctrl+C
//   npm start -- --cli             the findings only, whatever is installed
//   npm start -- --code-server     code-server even where desktop VS Code is installed (npm test uses it)
//   npm start -- --port N          code-server's port (default: a free one)
//
// Findings are what the demo is for, so they never fail it: it exits 0 when it showed them and
// non-zero only when it could not (a missing build, an editor that would not start).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { delimiter, join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url)).replace(/\/$/, '');
const EXAMPLES = join(ROOT, 'examples');
const DRAFT = 'cold-email-demo-ask.md';
const SHOT = join(ROOT, 'test-results', 'demo', 'cold-email.png');
// Where scripts/setup-code-server.sh installs code-server (CODE_SERVER_DIR moves it, as in the harness).
const CODE_SERVER = join(process.env.CODE_SERVER_DIR || join(ROOT, '.vscode-test', 'code-server'), 'node_modules', 'code-server', 'out', 'node', 'entry.js');
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

let opts;
try {
  opts = parseArgs({
    options: {
      serve: { type: 'boolean', default: false },
      cli: { type: 'boolean', default: false },
      'code-server': { type: 'boolean', default: false },
      port: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
  }).values;
} catch (err) {
  console.error(`npm start: ${err.message}\nusage: npm start -- [--serve] [--cli] [--code-server] [--port N]`);
  process.exit(2);
}
if (opts.help) {
  console.log('usage: npm start -- [--serve] [--cli] [--code-server] [--port N]   (see the top of scripts/demo.mjs)');
  process.exit(0);
}
if (opts.port !== undefined && !/^\d+$/.test(opts.port)) {
  console.error(`npm start: --port wants a number, got "${opts.port}"`);
  process.exit(2);
}
for (const f of ['dist/client.js', 'dist/server.js', 'dist/cli.js']) {
  if (!existsSync(join(ROOT, f))) {
    console.error(`${f} is missing: run \`npm run build\` first (npm start does it for you).`);
    process.exit(2);
  }
}

/** `code` (desktop VS Code's command line) on the PATH, or undefined. */
function findCode() {
  for (const dir of (process.env.PATH || '').split(delimiter)) {
    if (dir && existsSync(join(dir, 'code'))) return join(dir, 'code');
  }
  return undefined;
}

/** The findings in examples/, from the command-line linter; its summary line kept, its exit code explained. */
function cliFindings() {
  console.log('Trustline on examples/ (each draft declares its audience in front matter; examples/README.md says what to expect)\n');
  // The output is captured (to drop the linter's closing "exit 1" line), so colour is asked for
  // only when it would have been on.
  const color = process.stdout.isTTY && !process.env.NO_COLOR ? ['--color'] : [];
  const r = spawnSync(process.execPath, [join(ROOT, 'dist', 'cli.js'), 'lint', 'examples/', ...color], { cwd: ROOT, encoding: 'utf8' });
  if (r.status !== 0 && r.status !== 1) {
    process.stderr.write(r.stderr);
    console.error('npm start: the linter could not read examples/ (above)');
    process.exit(r.status ?? 1);
  }
  process.stdout.write(r.stdout);
  console.log('\nThese are the findings the examples are written to show, one of them an error on purpose');
  console.log('(email-trust-banana.md), so `trustline lint` would fail a CI run on this folder.');
}

async function desktop(code) {
  console.log('Opening examples/ in VS Code with Trustline loaded from this folder (development mode, as F5 does)...');
  const r = spawnSync(code, ['--new-window', `--extensionDevelopmentPath=${ROOT}`, EXAMPLES, join(EXAMPLES, DRAFT)], { stdio: 'inherit' });
  if (r.status !== 0) {
    console.error(`\nnpm start: \`code\` exited ${r.status ?? r.signal}; the findings from the command line instead:\n`);
    cliFindings();
    return;
  }
  console.log(`
In the new window ("[Extension Development Host]"), ${DRAFT} is open:
  - "book a 30-minute demo" is underlined: hover it for why, Ctrl+. for the rewrites;
  - the status bar reads "Email · 0 UNKNOWN · 1 mismatch": click it for Recommend Skill.
examples/README.md says what every other draft should show. \`npm start -- --cli\` prints the findings here instead.`);
}

async function codeServer() {
  const h = await import('../test/e2e/harness.mjs');
  console.log(
    opts['code-server']
      ? 'Showing Trustline in a real VS Code served by code-server (--code-server).'
      : 'No desktop VS Code here (`code` is not on the PATH): showing Trustline in a real VS Code served by code-server.',
  );
  const server = await h.startCodeServer({
    folder: EXAMPLES,
    extensionPath: ROOT,
    port: opts.port ? Number(opts.port) : undefined,
    settings: { 'editor.fontSize': 14, 'editor.hover.delay': 100, 'editor.hover.above': false },
  });
  const url = server.workbenchUrl();
  let browser;
  try {
    browser = await h.launchBrowser();
    const page = await h.openWorkbench(browser, { url: server.url, folder: EXAMPLES, extensionDevelopmentPath: ROOT, viewport: { width: 1280, height: 800 } });
    await h.waitForWorkbench(page);
    await h.openFile(page, DRAFT);
    const counts = await h.waitForProblems(page, { min: 1 });
    await h.waitForSquiggle(page, { severity: 'warning' });
    const hover = await h.hoverAt(page, 13, 16);
    await page.locator('.monaco-hover:not(.hidden)', { hasText: 'evaluate ask' }).first().waitFor({ state: 'visible', timeout: 30_000 });
    const first = (await hover.innerText()).split('\n')[0];
    await h.screenshot(page, SHOT);
    console.log(`
${DRAFT} in VS Code 1.99 (code-server), with Trustline loaded from this folder:
  Problems: ${counts.label}
  hover on "book a 30-minute demo": ${first.length > 110 ? `${first.slice(0, 107)}...` : first}
  screenshot: ${relative(process.cwd(), SHOT)}`);
  } finally {
    if (browser) await browser.close().catch(() => {});
  }
  if (!opts.serve) {
    await server.stop();
    console.log(`
code-server has stopped. To keep it running and open it in a browser on this machine:
  npm start -- --serve        (serves on 127.0.0.1 until Ctrl+C)`);
    return;
  }
  console.log(`
Serving on 127.0.0.1 only. Open this in a browser on this machine:
  ${url}
Press Ctrl+C to stop.`);
  await new Promise((resolve) => {
    // Ctrl+C is how this mode ends, not a failure: the harness's own handlers (which exit 130) give
    // way to one that stops code-server and lets the demo exit 0.
    process.removeAllListeners('SIGINT');
    process.removeAllListeners('SIGTERM');
    const stop = () => server.stop().then(resolve);
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  console.log('\ncode-server stopped.');
}

function codeServerInstalled() {
  return existsSync(CODE_SERVER) && existsSync(CHROMIUM);
}

const code = opts.cli || opts['code-server'] ? undefined : findCode();
if (opts['code-server'] && !codeServerInstalled()) {
  console.error('npm start -- --code-server: code-server is not installed here; run `bash scripts/setup-code-server.sh` once.');
  process.exit(2);
}
if (code) {
  await desktop(code);
} else if (!opts.cli && codeServerInstalled()) {
  try {
    await codeServer();
  } catch (err) {
    console.error(`\nnpm start: the code-server view did not come up (${String(err?.message ?? err).split('\n')[0]}).`);
    console.error('The findings from the command line instead:\n');
    cliFindings();
    process.exitCode = 1;
  }
} else {
  cliFindings();
  if (!opts.cli) {
    console.log(`
To see them inline in a real editor: install VS Code (\`code\` on the PATH) and run \`npm start\` again, or, without a desktop, \`bash scripts/setup-code-server.sh\` once and \`npm start\` shows them in VS Code (code-server).`);
  }
}
// The harness's exit hooks end any code-server still running; nothing else should keep us alive.
process.exit(process.exitCode ?? 0);
