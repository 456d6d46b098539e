// E2E harness: runs an extension in a REAL VS Code (code-server 4.99.4 = VS Code 1.99.3) and drives
// it with playwright-core in Debian's Chromium. Install everything first with
// `bash scripts/setup-code-server.sh`. See docs/dev/real-vscode.md.
//
//   import * as h from './harness.mjs';
//   const server = await h.startCodeServer({ folder, extensionPath });
//   const browser = await h.launchBrowser();
//   const page = await h.openWorkbench(browser, { url: server.url, folder, extensionDevelopmentPath: extensionPath });
//   await h.waitForWorkbench(page);
//   await h.openFile(page, 'docs/hello.md');
//   await h.waitForProblems(page, { min: 1 });
//   await h.screenshot(page, 'test-results/hello.png');
//   await browser.close(); await server.stop();

import { spawn } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { createRequire } from 'node:module';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
export const REPO_ROOT = path.resolve(HERE, '..', '..');
export const CODE_SERVER_DIR = path.resolve(
  process.env.CODE_SERVER_DIR || path.join(REPO_ROOT, '.vscode-test', 'code-server'),
);
export const CODE_SERVER_ENTRY = path.join(CODE_SERVER_DIR, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

// Chromium flags from shared/design/real-vscode-on-these-machines.md. Without the
// background-networking ones Chromium keeps trying (and failing) to reach Google on this closed network.
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

/** User settings that keep the workbench quiet and deterministic for tests. */
export const DEFAULT_TEST_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'telemetry.telemetryLevel': 'off',
  'security.workspace.trust.enabled': false,
  'update.mode': 'none',
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'extensions.ignoreRecommendations': true,
  'git.enabled': false,
  'git.openRepositoryInParentFolders': 'never',
  'chat.commandCenter.enabled': false,
  'editor.minimap.enabled': false,
  // Fixed theme so screenshots do not depend on the browser's colour scheme.
  'workbench.colorTheme': 'Default Light Modern',
  'window.restoreWindows': 'none',
  'files.hotExit': 'off',
};

// code-server runs in its own process group (so stop() can end its extension host too); that also
// means it would outlive a crashed test process. End every still-running server when we exit.
const liveServerGroups = new Set();
let exitHooksInstalled = false;
function installExitHooks() {
  if (exitHooksInstalled) return;
  exitHooksInstalled = true;
  const killAll = () => {
    for (const pgid of liveServerGroups) {
      try { process.kill(-pgid, 'SIGKILL'); } catch {}
    }
    liveServerGroups.clear();
  };
  process.on('exit', killAll);
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.once(sig, () => {
      killAll();
      process.exit(128 + ({ SIGINT: 2, SIGTERM: 15, SIGHUP: 1 })[sig]);
    });
  }
}

function requireFromCodeServerDir(id) {
  const req = createRequire(path.join(CODE_SERVER_DIR, 'package.json'));
  try {
    return req(id);
  } catch (e) {
    throw new Error(
      `cannot load ${id} from ${CODE_SERVER_DIR} (${e.code || e.message}); run: bash scripts/setup-code-server.sh`,
    );
  }
}

/** playwright-core, installed by setup-code-server.sh next to code-server (not in the repo's package.json). */
export function playwright() {
  return requireFromCodeServerDir('playwright-core');
}

/** A TCP port that is free on 127.0.0.1 right now. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/**
 * Writes VS Code user settings where code-server reads them: <userDataDir>/User/settings.json.
 * Merged over DEFAULT_TEST_SETTINGS unless `{ defaults: false }`.
 */
export async function writeUserSettings(userDataDir, settings = {}, { defaults = true } = {}) {
  const dir = path.join(userDataDir, 'User');
  await fsp.mkdir(dir, { recursive: true });
  const file = path.join(dir, 'settings.json');
  const all = { ...(defaults ? DEFAULT_TEST_SETTINGS : {}), ...settings };
  await fsp.writeFile(file, JSON.stringify(all, null, 2) + '\n');
  return file;
}

function httpStatus(url, timeoutMs = 1000) {
  return new Promise((resolve) => {
    const req = http.get(url, { timeout: timeoutMs }, (res) => {
      res.resume();
      resolve(res.statusCode);
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(0));
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function runToEnd(cmd, args, opts) {
  return new Promise((resolve, reject) => {
    const p = spawn(cmd, args, { ...opts, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    p.stdout.on('data', (d) => (out += d));
    p.stderr.on('data', (d) => (out += d));
    p.on('error', reject);
    p.on('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`${cmd} ${args.join(' ')} exited ${code}:\n${out}`))));
  });
}

/**
 * Starts code-server and waits until its HTTP port answers.
 *
 * @param {object} o
 * @param {string} o.folder           workspace folder to open (absolute or relative to cwd)
 * @param {string} [o.extensionPath]  extension under development (folder); kept on the result as the
 *                                    default extensionDevelopmentPath for openWorkbench(). A path ending
 *                                    in .vsix is installed with --install-extension instead.
 * @param {number} [o.port]           default: a free port
 * @param {string} [o.userDataDir]    default: a fresh temp dir (removed by stop())
 * @param {string} [o.extensionsDir]  default: a fresh temp dir (removed by stop())
 * @param {object|false} [o.settings] user settings merged over DEFAULT_TEST_SETTINGS; false = write none
 * @param {string[]} [o.extraArgs]    more code-server flags
 * @param {object} [o.env]            extra environment for the server (and so the extension host)
 * @param {number} [o.timeoutMs=60000]
 * @param {boolean|string} [o.log]    true = echo server output to stderr; a path = append it to that file
 * @returns {Promise<{url:string, port:number, folder:string, extensionPath?:string, userDataDir:string,
 *   extensionsDir:string, pid:number, output:()=>string, workbenchUrl:(o?:object)=>string, stop:()=>Promise<void>}>}
 */
export async function startCodeServer(o = {}) {
  if (!fs.existsSync(CODE_SERVER_ENTRY)) {
    throw new Error(`code-server not installed at ${CODE_SERVER_ENTRY}; run: bash scripts/setup-code-server.sh`);
  }
  if (!o.folder) throw new Error('startCodeServer: folder is required');
  const folder = path.resolve(o.folder);
  if (!fs.existsSync(folder)) throw new Error(`startCodeServer: folder does not exist: ${folder}`);
  const port = o.port || (await freePort());
  const tmpRoot = await fsp.mkdtemp(path.join(os.tmpdir(), 'trustline-code-server-'));
  const userDataDir = path.resolve(o.userDataDir || path.join(tmpRoot, 'user-data'));
  const extensionsDir = path.resolve(o.extensionsDir || path.join(tmpRoot, 'extensions'));
  await fsp.mkdir(userDataDir, { recursive: true });
  await fsp.mkdir(extensionsDir, { recursive: true });
  if (o.settings !== false) await writeUserSettings(userDataDir, o.settings || {});

  // Keep code-server from writing ~/.config/code-server/config.yaml and ~/.local/share/code-server.
  const env = {
    ...process.env,
    CODE_SERVER_CONFIG: path.join(tmpRoot, 'config.yaml'),
    XDG_DATA_HOME: path.join(tmpRoot, 'xdg-data'),
    // No marketplace is reachable here; an empty gallery stops code-server's lookups of open-vsx.org.
    EXTENSIONS_GALLERY: '{}',
    ...(o.env || {}),
  };
  const commonArgs = ['--user-data-dir', userDataDir, '--extensions-dir', extensionsDir];

  let extensionPath = o.extensionPath ? path.resolve(o.extensionPath) : undefined;
  if (extensionPath && extensionPath.endsWith('.vsix')) {
    await runToEnd(process.execPath, [CODE_SERVER_ENTRY, ...commonArgs, '--force', '--install-extension', extensionPath], {
      env,
      cwd: tmpRoot,
    });
    extensionPath = undefined; // installed, not under development
  }

  const args = [
    CODE_SERVER_ENTRY,
    '--auth', 'none',
    '--bind-addr', `127.0.0.1:${port}`,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--ignore-last-opened',
    ...commonArgs,
    ...(o.extraArgs || []),
    folder,
  ];
  // detached: own process group, so stop() also ends the extension host and pty host it spawns.
  const child = spawn(process.execPath, args, { env, cwd: tmpRoot, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  installExitHooks();
  liveServerGroups.add(child.pid);
  let output = '';
  const events = new EventEmitter();
  const logFile = typeof o.log === 'string' ? o.log : null;
  const onData = (d) => {
    output += d;
    if (output.length > 200_000) output = output.slice(-100_000);
    if (o.log === true) process.stderr.write(`[code-server] ${d}`);
    if (logFile) fs.appendFileSync(logFile, d);
    events.emit('data');
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  let exited = null;
  const exitPromise = new Promise((resolve) =>
    child.on('exit', (code, signal) => {
      exited = { code, signal };
      events.emit('data');
      resolve(exited);
      // The group may still hold children (extension host); stop() / the exit hook end them.
    }),
  );

  const url = `http://127.0.0.1:${port}`;
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    if (!exited) {
      try { process.kill(-child.pid, 'SIGTERM'); } catch {}
      const t = setTimeout(() => { try { process.kill(-child.pid, 'SIGKILL'); } catch {} }, 5000);
      await exitPromise;
      clearTimeout(t);
    }
    try { process.kill(-child.pid, 'SIGKILL'); } catch {} // leftover children in the group
    liveServerGroups.delete(child.pid);
    if (!o.keepTemp) await fsp.rm(tmpRoot, { recursive: true, force: true }).catch(() => {});
  };

  // Poll until the HTTP port answers (code-server serves /healthz once it listens).
  const deadline = Date.now() + (o.timeoutMs ?? 60_000);
  for (;;) {
    if (exited) {
      await stop();
      throw new Error(`code-server exited early (${JSON.stringify(exited)}):\n${output.slice(-4000)}`);
    }
    if ((await httpStatus(`${url}/healthz`)) === 200) break;
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`code-server did not answer on ${url} within ${o.timeoutMs ?? 60_000} ms:\n${output.slice(-4000)}`);
    }
    await sleep(100);
  }

  const server = {
    url,
    port,
    folder,
    extensionPath,
    userDataDir,
    extensionsDir,
    pid: child.pid,
    output: () => output,
    /** Resolves with the match once the server's output (from now on, or `since` offset) matches re. */
    waitForOutput: (re, { timeoutMs = 60_000, since = output.length } = {}) =>
      new Promise((resolve, reject) => {
        const check = () => {
          const m = output.slice(since).match(re);
          if (m) return done(null, m);
          if (exited) return done(new Error(`code-server exited before output matched ${re}`));
        };
        const done = (err, m) => {
          clearTimeout(timer);
          events.off('data', check);
          err ? reject(err) : resolve(m);
        };
        const timer = setTimeout(() => done(new Error(`timed out after ${timeoutMs} ms waiting for ${re} in code-server output`)), timeoutMs);
        events.on('data', check);
        check();
      }),
    workbenchUrl: (w = {}) =>
      workbenchUrl({ url, folder, extensionDevelopmentPath: extensionPath, ...w }),
    stop,
  };
  return server;
}

/** Launches Debian's Chromium through playwright-core. */
export async function launchBrowser(o = {}) {
  const { chromium } = playwright();
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: o.headless ?? true,
    args: [...CHROMIUM_ARGS, ...(o.args || [])],
    timeout: o.timeoutMs ?? 60_000,
  });
}

/** vscode-remote://HOST:PORT/abs/path — the form the workbench needs for payload paths. */
export function remoteUri(url, absPath) {
  const { host } = new URL(url);
  return `vscode-remote://${host}${path.resolve(absPath).split(path.sep).map(encodeURIComponent).join('/')}`;
}

/**
 * The workbench URL. extensionDevelopmentPath / extensionTestsPath go in `payload=` as vscode-remote://
 * URIs (plain paths fail with "No extension host found that can launch the test runner").
 */
export function workbenchUrl({ url, folder, extensionDevelopmentPath, extensionTestsPath, payload = [] }) {
  const u = new URL(url);
  u.pathname = '/';
  if (folder) u.searchParams.set('folder', path.resolve(folder));
  const entries = [...payload];
  if (extensionDevelopmentPath) entries.push(['extensionDevelopmentPath', remoteUri(url, extensionDevelopmentPath)]);
  if (extensionTestsPath) entries.push(['extensionTestsPath', remoteUri(url, extensionTestsPath)]);
  if (entries.length) u.searchParams.set('payload', JSON.stringify(entries));
  return u.toString();
}

/**
 * Opens the workbench in a new page. With extensionDevelopmentPath the extension under development
 * is loaded in the server's extension host; with extensionTestsPath its run() is called.
 * Console messages (including the extension host's, forwarded in development mode) are collected on
 * page.consoleMessages (array of strings); pass onConsole to see them live.
 */
export async function openWorkbench(browser, o) {
  const context = o.context || (await browser.newContext({
    viewport: o.viewport || { width: 1400, height: 900 },
    deviceScaleFactor: o.deviceScaleFactor || 1,
    colorScheme: o.colorScheme || 'light', // prefers-color-scheme for webviews; the theme is a setting
  }));
  const page = await context.newPage();
  page.consoleMessages = [];
  page.on('console', (m) => {
    const line = `${m.type()}: ${m.text()}`;
    page.consoleMessages.push(line);
    if (o.onConsole) o.onConsole(line, m);
  });
  page.on('pageerror', (e) => {
    page.consoleMessages.push(`pageerror: ${e.message}`);
    if (o.onConsole) o.onConsole(`pageerror: ${e.message}`);
  });
  const target = workbenchUrl({
    url: o.url,
    folder: o.folder,
    extensionDevelopmentPath: o.extensionDevelopmentPath,
    extensionTestsPath: o.extensionTestsPath,
    payload: o.payload,
  });
  await page.goto(target, { waitUntil: 'domcontentloaded', timeout: o.timeoutMs ?? 60_000 });
  return page;
}

/** Waits until the workbench is laid out (editor area, status bar, activity bar). */
export async function waitForWorkbench(page, { timeoutMs = 60_000 } = {}) {
  await page.locator('.monaco-workbench').waitFor({ state: 'visible', timeout: timeoutMs });
  await page.locator('.monaco-workbench .part.statusbar').waitFor({ state: 'visible', timeout: timeoutMs });
  await page.locator('.monaco-workbench .part.editor').waitFor({ state: 'visible', timeout: timeoutMs });
  await page.locator('.monaco-workbench .part.activitybar').waitFor({ state: 'visible', timeout: timeoutMs });
  // The Problems entry appears once the markers contribution is up; a good "ready" signal.
  await page.locator('[id="status.problems"]').waitFor({ state: 'visible', timeout: timeoutMs });
}

/** Focuses the active editor or workbench so keyboard shortcuts reach VS Code. */
async function focusWorkbench(page) {
  await page.locator('.monaco-workbench').focus().catch(() => {});
}

/** Opens a file by workspace-relative path through Quick Open (Ctrl+P); resolves when its tab is active. */
export async function openFile(page, relPath, { timeoutMs = 30_000 } = {}) {
  const base = path.basename(relPath);
  const input = page.locator('.quick-input-widget input.input');
  await focusWorkbench(page);
  await page.keyboard.press('Control+P');
  await input.waitFor({ state: 'visible', timeout: timeoutMs });
  await input.fill(relPath);
  // Wait until a result row for the file shows, then pick the first row.
  await page
    .locator('.quick-input-widget .quick-input-list .monaco-list-row', { hasText: base })
    .first()
    .waitFor({ state: 'visible', timeout: timeoutMs });
  await page.keyboard.press('Enter');
  await page
    .locator('.tabs-container .tab.active', { hasText: base })
    .waitFor({ state: 'visible', timeout: timeoutMs });
  await page.locator('.editor-instance .monaco-editor .view-lines').first().waitFor({ state: 'visible', timeout: timeoutMs });
  return page;
}

/** Runs a command through the Command Palette (F1) by its title, e.g. 'View: Toggle Problems'. */
export async function runCommand(page, title, { timeoutMs = 30_000 } = {}) {
  const input = page.locator('.quick-input-widget input.input');
  await focusWorkbench(page);
  await page.keyboard.press('F1');
  await input.waitFor({ state: 'visible', timeout: timeoutMs });
  await input.fill(`>${title}`);
  // Fuzzy matching may rank a longer title first ("Open Locked Preview to the Side"): pick the exact one.
  const exact = new RegExp(`^\\s*${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`);
  const row = page
    .locator('.quick-input-widget .quick-input-list .monaco-list-row')
    .filter({ has: page.locator('.label-name', { hasText: exact }) })
    .first();
  await row.waitFor({ state: 'visible', timeout: timeoutMs });
  await row.click();
  await input.waitFor({ state: 'hidden', timeout: timeoutMs }).catch(() => {});
}

/** Counts shown in the status bar's Problems entry: { errors, warnings, infos, label }. */
export async function problemCounts(page) {
  const label = (await page.locator('[id="status.problems"] a, [id="status.problems"]').first().getAttribute('aria-label')) || '';
  const num = (re) => Number((label.match(re) || [])[1] || 0);
  return { errors: num(/Errors?:\s*(\d+)/i), warnings: num(/Warnings?:\s*(\d+)/i), infos: num(/Infos?:\s*(\d+)/i), label };
}

/** Waits until the status bar's Problems entry counts at least `min` problems (errors+warnings+infos). */
export async function waitForProblems(page, { min = 1, timeoutMs = 30_000 } = {}) {
  await page.waitForFunction(
    (min) => {
      const el = document.querySelector('[id="status.problems"] a') || document.querySelector('[id="status.problems"]');
      const label = (el && el.getAttribute('aria-label')) || '';
      const total = [...label.matchAll(/(\d+)/g)].reduce((s, m) => s + Number(m[1]), 0);
      return total >= min;
    },
    min,
    { timeout: timeoutMs, polling: 100 },
  );
  return problemCounts(page);
}

/** Waits for a diagnostic squiggle (any severity unless given) in the active editor. */
export async function waitForSquiggle(page, { severity, timeoutMs = 30_000 } = {}) {
  const sel = severity
    ? `.editor-instance .monaco-editor .squiggly-${severity}`
    : '.editor-instance .monaco-editor :is(.squiggly-error, .squiggly-warning, .squiggly-info)';
  await page.locator(sel).first().waitFor({ state: 'attached', timeout: timeoutMs });
  return page.locator(sel);
}

/** Moves the cursor to line:col (1-based) with Go to Line (Ctrl+G). */
export async function goToPosition(page, line, col = 1, { timeoutMs = 30_000 } = {}) {
  const input = page.locator('.quick-input-widget input.input');
  await page.locator('.editor-instance .monaco-editor textarea').first().focus();
  await page.keyboard.press('Control+G');
  await input.waitFor({ state: 'visible', timeout: timeoutMs });
  await input.fill(`:${line}:${col}`);
  await page.keyboard.press('Enter');
  await input.waitFor({ state: 'hidden', timeout: timeoutMs }).catch(() => {});
  await page
    .locator('.statusbar-item[id="status.editor.selection"]', { hasText: `Ln ${line}, Col ${col}` })
    .waitFor({ state: 'visible', timeout: timeoutMs })
    .catch(() => {});
}

/** Shows the hover at line:col (1-based) via "Show or Focus Hover" (Ctrl+K Ctrl+I); returns its locator. */
export async function hoverAt(page, line, col = 1, { timeoutMs = 30_000 } = {}) {
  await goToPosition(page, line, col, { timeoutMs });
  await page.locator('.editor-instance .monaco-editor textarea').first().focus();
  await page.keyboard.press('Control+K');
  await page.keyboard.press('Control+I');
  const hover = page.locator('.monaco-hover:not(.hidden)').first();
  await hover.waitFor({ state: 'visible', timeout: timeoutMs });
  return hover;
}

/** Opens the Problems panel (View: Focus Problems) and returns the panel locator. */
export async function showProblemsPanel(page, { timeoutMs = 30_000 } = {}) {
  await focusWorkbench(page);
  await page.keyboard.press('Control+Shift+M');
  const panel = page.locator('.part.panel .markers-panel');
  await panel.waitFor({ state: 'visible', timeout: timeoutMs });
  return panel;
}

/**
 * Waits (at most timeoutMs, never failing) until transient busy signs are gone: the status bar's
 * "Activating Extensions..." entry and active progress bars.
 */
export async function waitForIdle(page, { timeoutMs = 10_000 } = {}) {
  await page
    .waitForFunction(
      () => {
        const sb = document.querySelector('.part.statusbar');
        if (sb && /Activating Extensions/i.test(sb.textContent || '')) return false;
        return ![...document.querySelectorAll('.monaco-progress-container.active')].some((e) => e.offsetParent !== null);
      },
      null,
      { timeout: timeoutMs, polling: 100 },
    )
    .catch(() => {});
}

/**
 * Screenshot of the page (or of one locator with { locator }, or of a rectangle of the page with
 * { clip: {x, y, width, height} }); creates the folder. settle: waitForIdle first.
 */
export async function screenshot(page, file, { locator, clip, fullPage = false, settle = true } = {}) {
  await fsp.mkdir(path.dirname(path.resolve(file)), { recursive: true });
  if (settle) await waitForIdle(page);
  if (locator) await locator.screenshot({ path: file });
  else await page.screenshot({ path: file, fullPage, ...(clip ? { clip } : {}) });
  return file;
}

/** Waits until a file exists (e.g. results written by an extensionTestsPath module); returns its text. */
export async function waitForFile(file, { timeoutMs = 60_000, intervalMs = 100 } = {}) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const text = await fsp.readFile(file, 'utf8');
      if (text.length) return text;
    } catch {}
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${file}`);
    await sleep(intervalMs);
  }
}

/**
 * Runs an extensionTestsPath module's run() in the real extension host and waits until the extension
 * host exits (VS Code ends it after run() settles). The exit code logged by the server is 0 even when
 * run() rejects, so the test module must report results itself (e.g. write a results file); a rejection
 * of run() also shows in the page console, returned here as runErrors.
 *
 * @returns {Promise<{ consoleMessages: string[], runErrors: string[], serverOutput: string, ms: number }>}
 */
export async function runExtensionTests({
  folder,
  extensionDevelopmentPath,
  extensionTestsPath,
  env,
  settings,
  timeoutMs = 120_000,
  screenshotOnEnd,
  log,
}) {
  const t0 = Date.now();
  const server = await startCodeServer({ folder, extensionPath: extensionDevelopmentPath, env, settings, log });
  let browser;
  try {
    browser = await launchBrowser();
    const since = server.output().length;
    const page = await openWorkbench(browser, { url: server.url, folder, extensionDevelopmentPath, extensionTestsPath });
    await server.waitForOutput(/Extension Host Process exited with code/, { timeoutMs, since });
    if (screenshotOnEnd) await screenshot(page, screenshotOnEnd);
    const runErrors = page.consoleMessages.filter((l) => l.startsWith('error: Error') || /\bERR\b.*Error/.test(l));
    return { consoleMessages: page.consoleMessages, runErrors, serverOutput: server.output(), ms: Date.now() - t0 };
  } finally {
    if (browser) await browser.close().catch(() => {});
    await server.stop();
  }
}
