// The bundled server (dist/server.js) in a second real editor: Debian's Neovim (0.7), headless,
// with nothing but its built-in LSP client. test/neovim/walk.lua does what a writer does (open
// drafts, hover, pick code actions from the menu) and reports what Neovim showed; this file
// checks it. Neovim 0.7 sends diagnostics back with byte columns, so the code action on the
// emoji line is the case that said "No code actions available" before issue 9.
//
// Runs when `nvim` is on the PATH. TRUSTLINE_NVIM=1 makes it required (the CI sets it when
// scripts/setup-neovim.sh installed Neovim); TRUSTLINE_NVIM=0 skips it.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { ROOT } from '../support/root';

const SERVER_JS = path.join(ROOT, 'dist', 'server.js');
const WALK = path.join(ROOT, 'test', 'neovim', 'walk.lua');
const wanted = process.env.TRUSTLINE_NVIM;

function nvimVersion(): string | undefined {
  const r = spawnSync('nvim', ['--version'], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.split('\n')[0] : undefined;
}

const version = wanted === '0' ? undefined : nvimVersion();
const skip =
  wanted === '0'
    ? 'skipped (TRUSTLINE_NVIM=0)'
    : !version && wanted !== '1'
      ? 'skipped: no Neovim here (`apt-get install neovim`, or `bash scripts/setup-neovim.sh`, to include it)'
      : false;

interface Walk {
  error?: string;
  nvim: { major: number; minor: number };
  notifications: { message: string }[];
  messages: { type: number; message: string }[];
  steps: {
    filetype?: string;
    executeCommands?: { commands: string[] };
    diagnostics?: { lnum: number; col: number; end_col: number; code: string; source: string; message: string }[];
    hover?: { position: { line: number; character: number }; markdown?: string };
    rewrite?: { line: number; before: string; after: string; offered: string[]; diagnosticsAfter: { code: string }[] };
    setTrust?: { offered: string[]; question?: string; choices?: string[]; frontMatter: string[] };
    openSkill?: { offered: string[]; opened?: string };
  };
}

/** Run the walk on a copy of the examples; the nvim process is ended if it hangs (it never should). */
function runWalk(): Promise<{ walk: Walk | undefined; output: string }> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'trustline-nvim-'));
  const ws = path.join(dir, 'examples');
  cpSync(path.join(ROOT, 'examples'), ws, { recursive: true });
  const out = path.join(dir, 'walk.json');
  const env = {
    ...process.env,
    TRUSTLINE_NVIM_OUT: out,
    TRUSTLINE_NVIM_SERVER: SERVER_JS,
    TRUSTLINE_NVIM_NODE: process.execPath,
    TRUSTLINE_NVIM_ROOT: ws,
    TRUSTLINE_NVIM_EMOJI_DRAFT: path.join(ws, 'linkedin-post-math-bold.md'),
    TRUSTLINE_NVIM_COLD_DRAFT: path.join(ws, 'cold-email-demo-ask.md'),
    // Neovim keeps its state (shada, swap, logs) under these: a fresh place, nothing of the user's.
    XDG_STATE_HOME: path.join(dir, 'state'),
    XDG_DATA_HOME: path.join(dir, 'data'),
    XDG_CACHE_HOME: path.join(dir, 'cache'),
    XDG_CONFIG_HOME: path.join(dir, 'config'),
  };
  return new Promise((resolve) => {
    const proc = spawn('nvim', ['--headless', '-u', 'NONE', '-i', 'NONE', '-n', '-c', `luafile ${WALK}`], { cwd: ws, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    proc.stdout.on('data', (c: Buffer) => (output += c.toString()));
    proc.stderr.on('data', (c: Buffer) => (output += c.toString()));
    // A guard against a hung editor, not a timing assertion: the walk's own waits end long before.
    const guard = setTimeout(() => proc.kill('SIGKILL'), 240_000);
    proc.on('close', () => {
      clearTimeout(guard);
      const walk = existsSync(out) ? (JSON.parse(readFileSync(out, 'utf8')) as Walk) : undefined;
      rmSync(dir, { recursive: true, force: true });
      resolve({ walk, output });
    });
  });
}

test(`Neovim${version ? ` (${version})` : ''}: diagnostics, hover, a code action on an emoji line, Set audience trust and Open skill through the server`, { skip }, async () => {
  assert.ok(version, 'TRUSTLINE_NVIM=1 but `nvim` is not on the PATH: install Debian\'s neovim (bash scripts/setup-neovim.sh)');
  assert.ok(existsSync(SERVER_JS), 'dist/server.js is missing: run `npm run build` first (`npm test` does)');
  const { walk, output } = await runWalk();
  assert.ok(walk, `Neovim wrote no result; its output:\n${output}`);
  assert.equal(walk.error, undefined, `the walk stopped: ${walk.error}\nwhat Neovim showed: ${JSON.stringify(walk.notifications)} ${JSON.stringify(walk.messages)}`);
  const { steps } = walk;

  // The server runs the commands its code actions carry, since Neovim has no client-side ones.
  assert.deepEqual(steps.executeCommands?.commands, ['trustline.setTrust', 'trustline.openSkill']);

  // 1. The one finding of the math-bold LinkedIn post, on the line that starts with 👉, in the
  //    byte columns Neovim keeps (👉 is 4 bytes, each math-bold letter 4): "𝗕𝗼𝗼𝗸 𝗮 𝗱𝗲𝗺𝗼" is 38 bytes.
  assert.equal(steps.filetype, 'markdown');
  assert.deepEqual(
    steps.diagnostics?.map((d) => [d.code, d.source, d.lnum, d.col, d.end_col]),
    [['ask-exceeds-trust', 'trustline', 22, 5, 43]],
  );
  assert.match(steps.diagnostics![0]!.message, /^"𝗕𝗼𝗼𝗸 𝗮 𝗱𝗲𝗺𝗼" asks for a demo, a trial or a pilot \(evaluate\), which needs an audience at 4 TRUSTING, but this audience is at 1 AWARE/);

  // 2. The hover on the ask, asked for at Neovim's own UTF-16 position of the cursor.
  assert.deepEqual(steps.hover?.position, { line: 22, character: 3 });
  assert.match(steps.hover?.markdown ?? '', /^\*\*evaluate ask\*\*: "𝗕𝗼𝗼𝗸 𝗮 𝗱𝗲𝗺𝗼" needs trust \*\*4 TRUSTING\*\*/);
  assert.match(steps.hover?.markdown ?? '', /Ask instead \(engage fits 1 AWARE\):\n- Follow for more/);

  // 3. The menu on that line offers the rewrites, and the preferred one lands in the buffer: the
  //    pointing hand stays, the ask is replaced, and the diagnostic goes.
  const rewrite = steps.rewrite!;
  assert.equal(rewrite.before, '👉 𝗕𝗼𝗼𝗸 𝗮 𝗱𝗲𝗺𝗼 𝗼𝗳 𝗧𝗼𝗿𝗾𝘂𝗲𝗹𝗶𝗻𝗲: https://torqueline.example/demo');
  assert.equal(rewrite.offered[0], 'Ask instead: "Follow for more" (engage, fits 1 AWARE)');
  assert.ok(rewrite.offered.includes('Set the audience trust...'), `offered: ${JSON.stringify(rewrite.offered)}`);
  assert.equal(rewrite.after, '👉 Follow for more');
  assert.deepEqual(rewrite.diagnosticsAfter.filter((d) => d.code === 'ask-exceeds-trust'), []);
  assert.ok(!walk.notifications.some((n) => /No code actions/.test(n.message)), JSON.stringify(walk.notifications));

  // 4. Set the audience trust...: the server asks for the level in Neovim's own prompt and the
  //    edit keeps the writer's style (a stage name) and comment.
  const setTrust = steps.setTrust!;
  assert.equal(setTrust.question, 'Set the audience trust of cold-email-demo-ask.md to:');
  assert.equal(setTrust.choices?.length, 7);
  assert.equal(setTrust.choices?.[3], '3 ENGAGED: replies, comes back, talks to you');
  assert.equal(setTrust.frontMatter[2], 'trust: engaged   # bought list: they have never heard of Dockwise');

  // 5. Open the skill: opened where the editor can (0.8+), else its path is shown.
  const skill = path.join(ROOT, 'skills', 'writing-b2b-emails', 'SKILL.md');
  assert.ok(steps.openSkill?.offered.includes('Open the writing-b2b-emails skill'), JSON.stringify(steps.openSkill?.offered));
  if (walk.nvim.major === 0 && walk.nvim.minor < 8) assert.equal(steps.openSkill?.opened, `Trustline: the writing-b2b-emails skill is ${skill}`);
  else assert.equal(steps.openSkill?.opened, skill);
});

/** The README's Neovim 0.7 set-up (the first lua block under "Other editors"), as a user would paste it. */
function readmeInit(): string {
  const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## Other editors'));
  const block = /```lua\n([\s\S]*?)```/.exec(section);
  assert.ok(block, 'the README has a Neovim set-up under "Other editors"');
  return block[1]!.replaceAll('/path/to/trustline', ROOT);
}

test("Neovim: the README's 0.7 set-up works as written (the project's .trustline.yaml applies)", { skip }, async () => {
  assert.ok(version, 'TRUSTLINE_NVIM=1 but `nvim` is not on the PATH');
  const dir = mkdtempSync(path.join(os.tmpdir(), 'trustline-nvim-readme-'));
  try {
    cpSync(path.join(ROOT, 'examples', 'cold-email-demo-ask.md'), path.join(dir, 'cold-email-demo-ask.md'));
    writeFileSync(path.join(dir, '.trustline.yaml'), 'checks:\n  ask-exceeds-trust: error\n');
    const out = path.join(dir, 'out.json');
    writeFileSync(
      path.join(dir, 'init.lua'),
      `${readmeInit()}
vim.cmd('filetype on')
vim.cmd('edit cold-email-demo-ask.md')
vim.wait(30000, function() return #vim.diagnostic.get(0) > 0 end, 20)
local f = io.open(${JSON.stringify(out)}, 'w')
f:write(vim.fn.json_encode(vim.tbl_map(function(d) return { code = d.code, severity = d.severity, lnum = d.lnum } end, vim.diagnostic.get(0))))
f:close()
vim.cmd('qall!')
`,
    );
    const output = await new Promise<string>((resolve) => {
      const proc = spawn('nvim', ['--headless', '-u', path.join(dir, 'init.lua'), '-i', 'NONE', '-n'], {
        cwd: dir,
        env: { ...process.env, XDG_STATE_HOME: path.join(dir, 'state'), XDG_DATA_HOME: path.join(dir, 'data'), XDG_CONFIG_HOME: path.join(dir, 'config') },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let text = '';
      proc.stdout.on('data', (c: Buffer) => (text += c.toString()));
      proc.stderr.on('data', (c: Buffer) => (text += c.toString()));
      const guard = setTimeout(() => proc.kill('SIGKILL'), 120_000);
      proc.on('close', () => {
        clearTimeout(guard);
        resolve(text);
      });
    });
    assert.ok(existsSync(out), `Neovim wrote nothing; its output:\n${output}`);
    // vim.diagnostic.severity.ERROR is 1: the severity .trustline.yaml sets, not the default warning.
    assert.deepEqual(JSON.parse(readFileSync(out, 'utf8')), [{ code: 'ask-exceeds-trust', severity: 1, lnum: 12 }]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
