// The newcomer's walk in a real VS Code (code-server 4.99.4 = VS Code 1.99.3, Chromium, Playwright):
// open examples/cold-email-demo-ask.md, see the status bar, hover the demo ask, open the light bulb,
// apply the preferred rewrite, see the warning go, run "Trustline: Recommend Skill" from the command
// palette and land on writing-b2b-emails in the markdown preview; then Show Draft Profile and Set
// Audience Trust. Screenshots go to test-results/e2e/ (and, with --update-docs, to docs/images/).
//
// By default the walk runs against what users install: it packages the .vsix (scripts/package.mjs,
// the same as `npm run package`) and installs it into code-server with --install-extension, so the
// extension under test is the packaged one, production bundles and all. --dev runs the same walk
// with the repository loaded in development mode instead (dist/, what F5 runs), with no packaging.
//
//   npm run test:e2e                        (builds first; needs `bash scripts/setup-code-server.sh` once)
//   npm run screenshots                     (the walk, then its screenshots copied to docs/images/)
//   node test/e2e/editor.e2e.mjs [--dev | --vsix FILE] [--update-docs] [--keep] [--verbose]
//
// `npm test` runs it at the end when code-server is installed. The examples are copied to a temporary
// folder first, so the walk never edits the repository's files. Every wait is on something the writer
// would see (a widget, a status bar text, the Problems count), never a sleep.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as h from './harness.mjs';

const argv = process.argv.slice(2);
const args = new Set(argv);
const DEV = args.has('--dev');
const VSIX_ARG = argv.includes('--vsix') ? argv[argv.indexOf('--vsix') + 1] : undefined;
const UPDATE_DOCS = args.has('--update-docs');
const KEEP = args.has('--keep');
const VERBOSE = args.has('--verbose');
const ROOT = h.REPO_ROOT;
const OUT = path.join(ROOT, 'test-results', 'e2e');
const DOCS_IMAGES = path.join(ROOT, 'docs', 'images');
const DRAFT = 'cold-email-demo-ask.md';
const T = 30_000;

const steps = [];
const started = Date.now();
/** Run one step, timing it; a failure names the step and keeps a screenshot of the moment. */
async function step(name, page, fn) {
  const t0 = Date.now();
  try {
    const r = await fn();
    steps.push({ name, ms: Date.now() - t0, ok: true });
    console.log(`  ok  ${name} (${Date.now() - t0} ms)`);
    return r;
  } catch (err) {
    steps.push({ name, ms: Date.now() - t0, ok: false });
    console.log(`  FAIL ${name} (${Date.now() - t0} ms)`);
    if (page) await h.screenshot(page, path.join(OUT, 'failure.png'), { settle: false }).catch(() => {});
    throw err;
  }
}

// The README's screenshots are cropped to what they show (the viewport is 1280x860): the editor
// without the explorer (whose temporary folder name means nothing), or the palette over the draft.
const EDITOR = { x: 348, y: 36, width: 932, height: 660 };
const PALETTE = { x: 340, y: 0, width: 940, height: 470 };
const STATUS = { x: 348, y: 396, width: 932, height: 464 };

async function shot(page, name, options = {}) {
  const file = await h.screenshot(page, path.join(OUT, name), options);
  if (UPDATE_DOCS) cpSync(file, path.join(DOCS_IMAGES, name));
}

/** The Trustline status bar item (hidden when the active editor is not a draft). */
const statusItem = (page) => page.locator('.part.statusbar .statusbar-item', { hasText: /UNKNOWN|AWARE|INTERESTED|ENGAGED|TRUSTING|CUSTOMER|ADVOCATE/ }).first();

/** Command palette: run a command by its full title and leave whatever it opens on screen. */
async function palette(page, title) {
  const input = page.locator('.quick-input-widget input.input');
  // The palette can close again as it opens when focus is still moving (a preview or a tab
  // that just opened takes it): try again, up to three times, before failing the step.
  for (let attempt = 1; ; attempt++) {
    await page.locator('.monaco-workbench').focus().catch(() => {});
    await page.keyboard.press('F1');
    try {
      await input.waitFor({ state: 'visible', timeout: attempt < 3 ? 5000 : T });
      await input.fill(`>${title}`, { timeout: attempt < 3 ? 5000 : T });
      break;
    } catch (err) {
      if (attempt >= 3) throw err;
      await page.keyboard.press('Escape').catch(() => {});
    }
  }
  const exact = new RegExp(`^\\s*${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`);
  const row = page.locator('.quick-input-widget .quick-input-list .monaco-list-row').filter({ has: page.locator('.label-name', { hasText: exact }) }).first();
  await row.waitFor({ state: 'visible', timeout: T });
  await row.click();
}

/** The visible editor text, with monaco's non-breaking spaces and wrapped lines made plain. */
async function editorText(page) {
  const raw = await page.locator('.editor-instance .monaco-editor .view-lines').first().innerText();
  return raw.replace(/\s+/g, ' ');
}

/** The open quick pick's title text, once it reads as expected. */
async function waitForQuickPick(page, titleRe) {
  const title = page.locator('.quick-input-widget .quick-input-title');
  await page.waitForFunction(
    ({ source }) => {
      const el = document.querySelector('.quick-input-widget .quick-input-title');
      return !!el && el.offsetParent !== null && new RegExp(source).test(el.textContent || '');
    },
    { source: titleRe.source },
    { timeout: T, polling: 100 },
  );
  return title;
}

/** The text of the markdown preview's webview (nested iframes), once it contains `needle`. */
async function waitForPreviewText(page, needle) {
  const deadline = Date.now() + T;
  for (;;) {
    for (const frame of page.frames()) {
      const text = await frame.evaluate(() => document.body?.innerText ?? '').catch(() => '');
      if (text.includes(needle)) return text;
    }
    if (Date.now() > deadline) throw new Error(`no webview frame shows "${needle}"`);
    await page.waitForTimeout(100); // polling the frames; each check is an event-free DOM read
  }
}

async function main() {
  rmSync(path.join(OUT, 'failure.png'), { force: true });
  const folder = mkdtempSync(path.join(os.tmpdir(), 'trustline-e2e-'));
  cpSync(path.join(ROOT, 'examples'), folder, { recursive: true });
  // A project config that changes nothing (under-ask is a hint by default), there from the start so
  // Quick Open finds it; the last step completes a new entry in it.
  writeFileSync(path.join(folder, '.trustline.yaml'), 'checks:\n  under-ask: hint\n  \n');
  console.log(`Trustline e2e: workspace ${folder}`);
  const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  let extensionPath = ROOT;
  if (!DEV) {
    extensionPath = VSIX_ARG ? path.resolve(VSIX_ARG) : path.join(OUT, `${pkg.name}-${pkg.version}.vsix`);
    if (!VSIX_ARG) {
      const t0 = Date.now();
      const r = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'package.mjs'), '--out', extensionPath, '--quiet'], { cwd: ROOT, stdio: 'inherit' });
      if (r.status !== 0) throw new Error('packaging the .vsix failed (scripts/package.mjs)');
      console.log(`  ok  packaged ${path.relative(ROOT, extensionPath)} (${Date.now() - t0} ms)`);
    } else if (!existsSync(extensionPath)) {
      throw new Error(`--vsix ${VSIX_ARG}: no such file`);
    }
  }
  console.log(DEV ? 'Trustline e2e: the repository in development mode (--dev)' : `Trustline e2e: the installed ${path.relative(ROOT, extensionPath)}`);
  const server = await h.startCodeServer({ folder, extensionPath, settings: { 'editor.fontSize': 14, 'editor.hover.delay': 100, 'editor.hover.above': false } });
  const browser = await h.launchBrowser();
  let page;
  try {
    if (!DEV) {
      await step('the .vsix is installed: the extension runs from the extensions folder, not the repository', undefined, async () => {
        const installed = path.join(server.extensionsDir, `${pkg.publisher}.${pkg.name}-${pkg.version}`);
        assert.ok(existsSync(path.join(installed, 'dist', 'client.js')), `installed at ${installed}`);
        assert.ok(!existsSync(path.join(installed, 'client', 'src')), 'no sources were installed');
        assert.equal(server.extensionPath, undefined, 'not loaded in development mode');
      });
    }
    page = await h.openWorkbench(browser, {
      url: server.url,
      folder,
      extensionDevelopmentPath: server.extensionPath, // undefined when the .vsix was installed
      viewport: { width: 1280, height: 860 },
      onConsole: VERBOSE ? (line) => console.log(`    [page] ${line}`) : undefined,
    });
    await step('workbench ready', page, () => h.waitForWorkbench(page));

    await step('open the cold email: one warning, squiggled', page, async () => {
      await h.openFile(page, DRAFT);
      const counts = await h.waitForProblems(page, { min: 1 });
      assert.equal(counts.warnings, 1, `Problems: ${counts.label}`);
      await h.waitForSquiggle(page, { severity: 'warning' });
    });

    await step('status bar: type, stage, mismatch count; hover explains it', page, async () => {
      const item = statusItem(page);
      await item.waitFor({ state: 'visible', timeout: T });
      await page.waitForFunction(() => /Email · 0 UNKNOWN · 1 mismatch/.test(document.querySelector('.part.statusbar')?.textContent ?? ''), null, { timeout: T });
      await item.hover();
      await page.locator('.monaco-hover:not(.hidden)', { hasText: 'Click for' }).first().waitFor({ state: 'visible', timeout: T });
      await shot(page, 'status-bar.png', { clip: STATUS });
      await page.mouse.move(10, 10);
      await page.keyboard.press('Escape');
    });

    await step('hover the demo ask: class, trust, gap, what to ask instead, skill link', page, async () => {
      const hover = await h.hoverAt(page, 13, 16);
      await page.locator('.monaco-hover:not(.hidden)', { hasText: 'evaluate ask' }).first().waitFor({ state: 'visible', timeout: T });
      const text = await hover.innerText();
      for (const s of ['evaluate ask', '4 TRUSTING', '0 UNKNOWN', 'Gap: 4 levels too far', 'Ask instead', 'writing-b2b-emails']) assert.ok(text.includes(s), `hover shows "${s}":\n${text}`);
      await shot(page, 'hover.png', { clip: EDITOR });
      // The rest of it (how the audience moves up, the skill and rule links) is below the fold of the widget.
      await hover.hover();
      const link = page.locator('.monaco-hover:not(.hidden) a', { hasText: 'writing-b2b-emails' }).first();
      for (let i = 0; i < 20; i++) {
        const [l, box] = [await link.boundingBox(), await hover.boundingBox()];
        if (l && box && l.y + l.height <= box.y + box.height - 6) break;
        await page.mouse.wheel(0, 120);
        await page.waitForTimeout(50); // the hover scrolls smoothly; wheel events are the only driver here
      }
      await shot(page, 'hover-links.png', { clip: EDITOR });
    });

    await step("the hover's skill link opens the rendered skill beside the draft", page, async () => {
      await page.locator('.monaco-hover:not(.hidden) a', { hasText: 'writing-b2b-emails' }).first().click();
      await page.locator('.tabs-container .tab', { hasText: 'SKILL.md' }).first().waitFor({ state: 'visible', timeout: T });
      await waitForPreviewText(page, 'Writing B2B emails');
      // Close it, so the Recommend Skill step below proves it opens one itself.
      const tab = page.locator('.tabs-container .tab', { hasText: 'SKILL.md' }).first();
      await tab.hover();
      await tab.locator('.tab-actions .action-label').first().click();
      await tab.waitFor({ state: 'detached', timeout: T });
      // Back to the draft (by its tab: keyboard shortcuts do not reach VS Code while a webview has focus).
      await page.locator('.tabs-container .tab', { hasText: DRAFT }).first().click();
    });

    await step('light bulb: the trust-matched rewrites, the preferred one first', page, async () => {
      await h.goToPosition(page, 13, 16);
      // The mouse is still on the draft's tab (clicked above), whose tooltip would cover the screenshot:
      // park it on the empty part of the activity bar.
      await page.mouse.move(24, 500);
      await page.locator('.editor-instance .monaco-editor textarea').first().focus();
      await page.keyboard.press('Control+.');
      const menu = page.locator('.action-widget');
      await menu.locator('.monaco-list-row', { hasText: 'Ask instead' }).first().waitFor({ state: 'visible', timeout: T });
      const rows = await menu.locator('.monaco-list-row').allInnerTexts();
      assert.ok(rows.some((r) => r.includes('Open the writing-b2b-emails skill')), rows.join('\n'));
      assert.ok(rows.some((r) => r.includes('Turn off ask-exceeds-trust for this line')), rows.join('\n'));
      await shot(page, 'light-bulb.png', { clip: EDITOR });
    });

    await step('apply the preferred rewrite: the warning goes, the status bar follows', page, async () => {
      // The preferred fix is the focused row when the menu opens: Enter applies it, as a writer would.
      const focused = page.locator('.action-widget .monaco-list-row.focused');
      assert.match(await focused.innerText(), /Take a look at the two-page teardown/);
      await page.keyboard.press('Enter');
      await page.locator('[id="status.problems"]').and(page.locator('[aria-label="No Problems"]')).waitFor({ state: 'visible', timeout: T });
      await page.waitForFunction(() => /Email · 0 UNKNOWN · 0 mismatches/.test(document.querySelector('.part.statusbar')?.textContent ?? ''), null, { timeout: T });
      assert.ok((await editorText(page)).includes('Take a look at the two-page teardown when you have a minute.'), 'the sentence was rewritten');
    });

    await step('Recommend Skill from the palette: writing-b2b-emails first, with why', page, async () => {
      await palette(page, 'Trustline: Recommend Skill');
      await waitForQuickPick(page, /Recommend Skill/);
      const row = page.locator('.quick-input-widget .quick-input-list .monaco-list-row', { hasText: 'writing-b2b-emails' }).first();
      await row.waitFor({ state: 'visible', timeout: T });
      const rows = await page.locator('.quick-input-widget .quick-input-list .monaco-list-row').allInnerTexts();
      assert.match(rows[0] ?? '', /writing-b2b-emails/);
      assert.match(rows.join('\n'), /This is an email \(declared\)/);
      await shot(page, 'recommend-skill.png', { clip: PALETTE });
      await page.keyboard.press('Enter');
    });

    await step('the skill opens in the markdown preview', page, async () => {
      await page.locator('.tabs-container .tab.active', { hasText: /Preview/ }).waitFor({ state: 'visible', timeout: T });
      // The preview hides the front matter: the skill's title is its first heading.
      const text = await waitForPreviewText(page, 'Writing B2B emails');
      assert.match(text, /When to use it/);
      // A skill page is not a draft: opening it adds nothing to the Problems panel.
      await page.locator('[id="status.problems"]').and(page.locator('[aria-label="No Problems"]')).waitFor({ state: 'visible', timeout: T });
      await shot(page, 'skill-preview.png');
    });

    await step('Show Draft Profile: type, channel, trust with sources, the asks', page, async () => {
      // Back to the draft by its tab (keyboard shortcuts do not reach VS Code while a webview has focus).
      await page.locator('.tabs-container .tab', { hasText: DRAFT }).first().click();
      await statusItem(page).waitFor({ state: 'visible', timeout: T });
      await palette(page, 'Trustline: Show Draft Profile');
      const text = await waitForPreviewText(page, 'Draft profile');
      for (const s of ['Audience trust', '0 UNKNOWN', 'declared in front matter', 'Asks (1)']) assert.ok(text.includes(s), `profile shows "${s}":\n${text}`);
      await shot(page, 'draft-profile.png');
    });

    await step('Set Audience Trust: pick 2 INTERESTED, the front matter changes in place', page, async () => {
      await page.locator('.editor-instance .monaco-editor .view-lines').first().click();
      await palette(page, 'Trustline: Set Audience Trust...');
      await waitForQuickPick(page, /Set Audience Trust/);
      await page.locator('.quick-input-widget input.input').fill('2 INTERESTED');
      await page.locator('.quick-input-widget .quick-input-list .monaco-list-row', { hasText: '2 INTERESTED' }).first().waitFor({ state: 'visible', timeout: T });
      await page.keyboard.press('Enter');
      await page.waitForFunction(() => /Email · 2 INTERESTED/.test(document.querySelector('.part.statusbar')?.textContent ?? ''), null, { timeout: T });
      await page.locator('.editor-instance .monaco-editor textarea').first().focus();
      await page.keyboard.press('Control+Home');
      const text = await editorText(page);
      assert.ok(/trust: interested # bought list/.test(text), `front matter:\n${text.slice(0, 300)}`);
    });

    await step('Recommend Skill, the long way: I need to write something › Email, with Back on the way', page, async () => {
      await palette(page, 'Trustline: Recommend Skill');
      await waitForQuickPick(page, /Recommend Skill$/);
      const input = page.locator('.quick-input-widget input.input');
      const pickRow = async (text) => {
        await input.fill(text);
        await page.locator('.quick-input-widget .quick-input-list .monaco-list-row', { hasText: text }).first().waitFor({ state: 'visible', timeout: T });
        await page.keyboard.press('Enter');
      };
      await pickRow('I need to generate pipeline');
      await waitForQuickPick(page, /I need to generate pipeline$/);
      await page.locator('.quick-input-widget .quick-input-titlebar .codicon-quick-input-back').first().click();
      await waitForQuickPick(page, /Recommend Skill$/);
      await pickRow('I need to write something');
      await waitForQuickPick(page, /I need to write something$/);
      const rows = await page.locator('.quick-input-widget .quick-input-list .monaco-list-row').allInnerTexts();
      assert.match(rows[0] ?? '', /Email[\s\S]*fits this draft/);
      await pickRow('Email');
      await page.locator('.tabs-container .tab', { hasText: 'SKILL.md' }).first().waitFor({ state: 'visible', timeout: T });
      await waitForPreviewText(page, 'Writing B2B emails');
    });

    await step('Open Skill...: the library by tier; running-paid-ads opens', page, async () => {
      await page.locator('.tabs-container .tab', { hasText: DRAFT }).first().click();
      await palette(page, 'Trustline: Open Skill...');
      await waitForQuickPick(page, /Open Skill/);
      const input = page.locator('.quick-input-widget input.input');
      await input.fill('running-paid-ads');
      await page.locator('.quick-input-widget .quick-input-list .monaco-list-row', { hasText: 'running-paid-ads' }).first().waitFor({ state: 'visible', timeout: T });
      await page.keyboard.press('Enter');
      await waitForPreviewText(page, 'Running paid ads');
    });

    await step('.trustline.yaml: check ids and severities are completed without the YAML extension', page, async () => {
      await page.locator('.tabs-container .tab', { hasText: DRAFT }).first().click();
      await h.openFile(page, '.trustline.yaml');
      await page.mouse.move(24, 500); // off the tab just clicked, so its tooltip stays out of the screenshot
      await h.goToPosition(page, 3, 3);
      await page.locator('.editor-instance .monaco-editor textarea').first().focus();
      await page.keyboard.type('pressure');
      await page.keyboard.press('Control+Space');
      const suggestion = page.locator('.suggest-widget .monaco-list-row', { hasText: 'pressure-before-trust' }).first();
      await suggestion.waitFor({ state: 'visible', timeout: T });
      await shot(page, 'config-completion.png', { clip: EDITOR });
      await page.keyboard.press('Enter');
      // The key is inserted with its colon, and the severities are offered straight away.
      await page.locator('.suggest-widget .monaco-list-row', { hasText: 'information' }).first().waitFor({ state: 'visible', timeout: T });
      assert.match(await editorText(page), /pressure-before-trust:/);
      await page.keyboard.press('Escape');
    });
  } finally {
    const total = Date.now() - started;
    const passed = steps.filter((s) => s.ok).length;
    console.log(`Trustline e2e: ${passed}/${steps.length} steps passed in ${(total / 1000).toFixed(1)} s; screenshots in ${path.relative(ROOT, OUT)}/`);
    console.log(`e2e: ${passed} passed, ${steps.length - passed} failed`);
    await browser.close().catch(() => {});
    await server.stop().catch(() => {});
    if (!KEEP) rmSync(folder, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err?.stack ?? String(err));
  process.exitCode = 1;
});
