#!/usr/bin/env node
// Runs an extension in a real VS Code (code-server) in headless Chromium, opens a file, waits for its
// diagnostics to show, and takes a screenshot. Needs `bash scripts/setup-code-server.sh` first.
//
//   node scripts/try-code-server.mjs --folder FOLDER --extension EXT_DIR --open docs/x.md \
//        --screenshot test-results/x.png [--hover 1:3] [--problems-panel] [--expect-problems N]
//   node scripts/try-code-server.mjs --folder FOLDER --extension EXT_DIR --tests EXT_DIR/out/test/index.js
//
// Options:
//   --folder DIR            workspace folder to open (default: current directory)
//   --extension DIR         extension under development (default: the repo root); a .vsix is installed instead
//   --open FILE             file to open, relative to --folder (or absolute inside it)
//   --screenshot PNG        where to save the screenshot (default: test-results/try-code-server.png)
//   --hover LINE:COL        show the hover at LINE:COL (1-based) before the screenshot
//   --problems-panel        open the Problems panel before the screenshot
//   --expect-problems N     wait until the status bar counts at least N problems (default 1 with --open; 0 = don't wait)
//   --tests MODULE          extensionTestsPath: call MODULE's run() in the extension host, wait until it ends
//   --setting KEY=JSON      extra user setting (repeatable), e.g. --setting editor.fontSize=16
//   --width N --height N    viewport (default 1400x900)
//   --dark                  dark theme (Default Dark Modern; the default is Default Light Modern)
//   --port N                code-server port (default: a free one)
//   --timeout MS            per-step timeout (default 60000)
//   --verbose               echo code-server's output and the page console
import path from 'node:path';
import { parseArgs } from 'node:util';
import * as h from '../test/e2e/harness.mjs';

const { values: a } = parseArgs({
  options: {
    folder: { type: 'string', default: process.cwd() },
    extension: { type: 'string', default: h.REPO_ROOT },
    open: { type: 'string' },
    screenshot: { type: 'string', default: 'test-results/try-code-server.png' },
    hover: { type: 'string' },
    'problems-panel': { type: 'boolean', default: false },
    'expect-problems': { type: 'string' },
    tests: { type: 'string' },
    setting: { type: 'string', multiple: true, default: [] },
    width: { type: 'string', default: '1400' },
    height: { type: 'string', default: '900' },
    dark: { type: 'boolean', default: false },
    port: { type: 'string' },
    timeout: { type: 'string', default: '60000' },
    verbose: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
  strict: true,
});
if (a.help) {
  console.log('usage: node scripts/try-code-server.mjs --folder DIR --extension DIR [--open FILE] [--screenshot PNG] [--hover L:C] [--problems-panel] [--expect-problems N] [--tests MODULE]');
  process.exit(0);
}

const t0 = Date.now();
const lap = (msg) => console.log(`[${((Date.now() - t0) / 1000).toFixed(1).padStart(5)}s] ${msg}`);
const timeoutMs = Number(a.timeout);
const folder = path.resolve(a.folder);
const extension = path.resolve(a.extension);
const shot = path.resolve(a.screenshot);
const settings = {};
for (const kv of a.setting) {
  const i = kv.indexOf('=');
  if (i < 0) throw new Error(`--setting wants KEY=JSON, got ${kv}`);
  const raw = kv.slice(i + 1);
  try { settings[kv.slice(0, i)] = JSON.parse(raw); } catch { settings[kv.slice(0, i)] = raw; }
}
if (a.dark && !('workbench.colorTheme' in settings)) settings['workbench.colorTheme'] = 'Default Dark Modern';
let relOpen;
if (a.open) {
  relOpen = path.isAbsolute(a.open) ? path.relative(folder, a.open) : a.open;
  if (relOpen.startsWith('..')) throw new Error(`--open ${a.open} is not inside --folder ${folder}`);
}
const expectProblems = a['expect-problems'] !== undefined ? Number(a['expect-problems']) : a.open ? 1 : 0;

let server, browser, page;
let exitCode = 0;
try {
  server = await h.startCodeServer({
    folder,
    extensionPath: extension,
    port: a.port ? Number(a.port) : undefined,
    settings,
    log: a.verbose,
    timeoutMs,
  });
  lap(`code-server up at ${server.url}`);
  browser = await h.launchBrowser({ timeoutMs });
  lap('chromium launched');
  const since = server.output().length;
  page = await h.openWorkbench(browser, {
    url: server.url,
    folder,
    extensionDevelopmentPath: server.extensionPath, // undefined when a .vsix was installed
    extensionTestsPath: a.tests ? path.resolve(a.tests) : undefined,
    viewport: { width: Number(a.width), height: Number(a.height) },
    colorScheme: a.dark ? 'dark' : 'light',
    timeoutMs,
    onConsole: a.verbose ? (l) => console.log(`  [page] ${l}`) : undefined,
  });
  lap('workbench page loading');

  if (a.tests) {
    await server.waitForOutput(/Extension Host Process exited with code/, { timeoutMs: timeoutMs * 2, since });
    lap('extension tests finished (extension host exited)');
    await h.screenshot(page, shot);
    const errs = page.consoleMessages.filter((l) => l.startsWith('error: Error'));
    if (errs.length) {
      console.log('run() reported errors:\n  ' + errs.join('\n  '));
      exitCode = 1;
    }
  } else {
    await h.waitForWorkbench(page, { timeoutMs });
    lap('workbench ready');
    if (relOpen) {
      await h.openFile(page, relOpen, { timeoutMs });
      lap(`opened ${relOpen}`);
    }
    if (expectProblems > 0) {
      const c = await h.waitForProblems(page, { min: expectProblems, timeoutMs });
      lap(`problems: ${c.errors} errors, ${c.warnings} warnings, ${c.infos} infos ("${c.label}")`);
      if (relOpen) {
        const sq = await h.waitForSquiggle(page, { timeoutMs });
        lap(`squiggles in editor: ${await sq.count()}`);
      }
    }
    if (a['problems-panel']) {
      const panel = await h.showProblemsPanel(page, { timeoutMs });
      await panel.locator('.monaco-list-row').first().waitFor({ state: 'visible', timeout: timeoutMs }).catch(() => {});
      lap('problems panel open');
    }
    if (a.hover) {
      const [line, col] = a.hover.split(':').map(Number);
      const hover = await h.hoverAt(page, line, col || 1, { timeoutMs });
      lap(`hover at ${line}:${col || 1}: ${JSON.stringify((await hover.innerText()).slice(0, 200))}`);
    }
    await h.screenshot(page, shot);
  }
  lap(`screenshot: ${shot}`);
} catch (e) {
  exitCode = 1;
  console.error(`\ntry-code-server: FAILED: ${e.message}`);
  if (page) {
    const fail = shot.replace(/\.png$/i, '') + '.fail.png';
    await h.screenshot(page, fail).then(() => console.error(`failure screenshot: ${fail}`)).catch(() => {});
    const errs = page.consoleMessages.filter((l) => /^(error|pageerror)/.test(l)).slice(-15);
    if (errs.length) console.error('page console errors:\n  ' + errs.join('\n  '));
  }
  if (server) console.error('code-server output (tail):\n' + server.output().slice(-3000));
} finally {
  if (browser) await browser.close().catch(() => {});
  if (server) await server.stop();
  lap(exitCode ? 'failed' : 'done');
}
process.exit(exitCode);
