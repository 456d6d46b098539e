/**
 * Trustline beside the floor (remark-parse) and the linters writers already run (markdownlint,
 * alex), on the same texts, in one run; then what a writer feels, over stdio against the bundled
 * server. Writes bench/RESULTS.md and bench/results.json.
 *
 *   npm run bench                 every draft type at 100, 1,000, 10,000 and 100,000 words (~10 min)
 *   npm run bench -- --quick      100 and 1,000 words, fewer rounds, a short stdio pass and the .vsix (about a minute);
 *                                 CI runs it so the harness cannot rot. It asserts nothing.
 *   npm run bench -- --no-write   print only
 *
 * Method: every tool is timed in turn within each round (interleaved), after warm-up rounds, so
 * a busy machine slows all of them alike; small drafts are timed in batches so that one garbage
 * collection does not decide a sample. Each round's ratio to the floor is kept and the median
 * round reported, with the median milliseconds. Absolute times vary between machines and runs;
 * the ratios are what to compare. Nothing here is a pass/fail timing test.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import { join, relative } from 'node:path';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import { lint as markdownlint } from 'markdownlint/sync';
import { markdown as alex } from 'alex';
import { Analyzer } from '../core/src/index';
import { forgetReadings } from '../core/src/asks/tagger';
import { DRAFT_TYPES, examplesAsTheyAre, makeDraft, wordCount, type DraftType } from './drafts';
import { profileAnalysis, type ProfileSummary } from './profile';
import { measureStdio, type StdioResults } from './stdio';
import { ROOT } from '../test/support/root';

const QUICK = process.argv.includes('--quick');
const WRITE = !process.argv.includes('--no-write');
const EXAMPLES = join(ROOT, 'examples');
const SIZES = QUICK ? [100, 1000] : [100, 1000, 10000, 100000];

type Tool = 'floor' | 'trustline' | 'rules' | 'markdownlint' | 'alex';
const TOOLS: Tool[] = ['floor', 'trustline', 'rules', 'markdownlint', 'alex'];
const TOOL_NAMES: Record<Tool, string> = {
  floor: 'remark-parse (floor)',
  trustline: 'Trustline (full analysis)',
  rules: 'Trustline without the trained reader (`askModel: null`, for its cost)',
  markdownlint: 'markdownlint (default rules)',
  alex: 'alex',
};

const processor = unified().use(remarkParse);
const run: Record<Tool, (texts: string[]) => void> = {
  floor: (texts) => texts.forEach((t) => processor.parse(t)),
  // A fresh analyzer and no memoised tagger readings: the first reading of a draft.
  trustline: (texts) => texts.forEach((t) => (forgetReadings(), new Analyzer().analyze(t, { force: true }))),
  rules: (texts) => texts.forEach((t) => (forgetReadings(), new Analyzer().analyze(t, { force: true, askModel: null }))),
  markdownlint: (texts) => texts.forEach((t) => markdownlint({ strings: { d: t } })),
  alex: (texts) => texts.forEach((t) => alex(t)),
};

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function ms(fn: () => void): number {
  const t0 = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

interface Row {
  type: DraftType | 'examples';
  words: number;
  /** Median milliseconds per draft, per tool. */
  ms: Record<Tool, number>;
  /** Median over rounds of the tool's time divided by the floor's in the same round. */
  ratioToFloor: Record<Tool, number>;
}

function plan(words: number): { batch: number; rounds: number; warmup: number } {
  if (QUICK) return words <= 100 ? { batch: 20, rounds: 5, warmup: 2 } : { batch: 3, rounds: 5, warmup: 1 };
  if (words <= 100) return { batch: 40, rounds: 15, warmup: 3 };
  if (words <= 1000) return { batch: 8, rounds: 15, warmup: 3 };
  if (words <= 10000) return { batch: 1, rounds: 9, warmup: 2 };
  return { batch: 1, rounds: 3, warmup: 1 };
}

function measure(type: Row['type'], texts: string[], words: number): Row {
  const { batch, rounds, warmup } = plan(words);
  const samples = Object.fromEntries(TOOLS.map((t) => [t, [] as number[]])) as Record<Tool, number[]>;
  const ratios = Object.fromEntries(TOOLS.map((t) => [t, [] as number[]])) as Record<Tool, number[]>;
  for (let r = 0; r < warmup + rounds; r++) {
    const round = {} as Record<Tool, number>;
    for (const tool of TOOLS) round[tool] = ms(() => { for (let b = 0; b < batch; b++) run[tool](texts); }) / batch;
    if (r < warmup) continue;
    for (const tool of TOOLS) {
      samples[tool].push(round[tool]);
      ratios[tool].push(round[tool] / round.floor);
    }
  }
  const row: Row = { type, words, ms: {} as Row['ms'], ratioToFloor: {} as Row['ratioToFloor'] };
  for (const tool of TOOLS) {
    row.ms[tool] = +median(samples[tool]).toFixed(3);
    row.ratioToFloor[tool] = +median(ratios[tool]).toFixed(2);
  }
  return row;
}

/**
 * The bundles in dist/ as they are (the development build `npm run bench` makes), and the .vsix users
 * install, packaged afresh by scripts/package.mjs (production bundles) into out/bench/, so a stale
 * package in the repository root is never reported. Packaging takes some 15 seconds.
 */
function sizes(log: (s: string) => void): { file: string; bytes: number }[] {
  const out: { file: string; bytes: number }[] = [];
  const dist = join(ROOT, 'dist');
  if (existsSync(dist)) for (const f of readdirSync(dist).sort()) if (f.endsWith('.js')) out.push({ file: `dist/${f}`, bytes: statSync(join(dist, f)).size });
  const vsix = join(ROOT, 'out', 'bench', 'trustline.vsix');
  log('packaging the .vsix (scripts/package.mjs) ...');
  const r = spawnSync(process.execPath, [join(ROOT, 'scripts', 'package.mjs'), '--out', vsix, '--quiet'], { cwd: ROOT, encoding: 'utf8' });
  if (r.status === 0 && existsSync(vsix)) out.push({ file: '.vsix (`npm run package`, production bundles)', bytes: statSync(vsix).size });
  else log(`  packaging failed (exit ${r.status}): ${(r.stderr || r.stdout).trim().split('\n').slice(-3).join(' | ')}`);
  return out;
}

async function main(): Promise<void> {
  const started = new Date();
  const rows: Row[] = [];
  const log = (s: string) => process.stderr.write(`${s}\n`);
  log(`bench${QUICK ? ' --quick' : ''}: ${DRAFT_TYPES.length} draft types x ${SIZES.join(', ')} words, ${TOOLS.length} tools, interleaved`);
  for (const words of SIZES) {
    for (const type of DRAFT_TYPES) {
      const text = makeDraft(EXAMPLES, type, words);
      rows.push(measure(type, [text], wordCount(text)));
      rows[rows.length - 1]!.words = words;
      log(`  ${type} ${words}: trustline ${rows.at(-1)!.ratioToFloor.trustline}x the floor, markdownlint ${rows.at(-1)!.ratioToFloor.markdownlint}x, alex ${rows.at(-1)!.ratioToFloor.alex}x`);
    }
  }
  const examples = examplesAsTheyAre(EXAMPLES);
  const exRow = measure('examples', examples.map((e) => e.text), 1000);
  exRow.words = examples.reduce((n, e) => n + wordCount(e.text), 0);
  rows.push(exRow);
  log(`  examples/ (${examples.length} drafts as they are): trustline ${exRow.ratioToFloor.trustline}x the floor`);

  log('stdio against dist/server.js ...');
  const stdio = await measureStdio({ quick: QUICK, examples: EXAMPLES, log });
  log('CPU profile of the 10,000-word analysis ...');
  const profile = profileAnalysis(makeDraft(EXAMPLES, 'landing-page', 10000), QUICK ? 3 : 15);

  const results = {
    date: started.toISOString(),
    quick: QUICK,
    machine: { node: process.version, platform: `${os.platform()} ${os.release()}`, cpus: `${os.cpus().length} x ${os.cpus()[0]?.model ?? '?'}`, memory: `${Math.round(os.totalmem() / 2 ** 30)} GiB` },
    analysis: rows.map((r) => ({ type: r.type, words: r.words, medianMs: r.ms, ratioToFloor: r.ratioToFloor.trustline, ratios: r.ratioToFloor })),
    stdio,
    sizes: sizes(log),
    profile,
  };
  const md = resultsMarkdown(results, rows, stdio, profile);
  if (WRITE && !QUICK) {
    writeFileSync(join(ROOT, 'bench', 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
    writeFileSync(join(ROOT, 'bench', 'RESULTS.md'), md);
    log(`wrote ${relative(process.cwd(), join(ROOT, 'bench', 'RESULTS.md'))} and bench/results.json`);
  } else if (WRITE) {
    // A quick run is a smoke test of the harness: its figures go to out/, not over the real ones.
    mkdirSync(join(ROOT, 'out'), { recursive: true });
    writeFileSync(join(ROOT, 'out', 'bench-quick.json'), `${JSON.stringify(results, null, 2)}\n`);
    writeFileSync(join(ROOT, 'out', 'bench-quick.md'), md);
    log('wrote out/bench-quick.md and out/bench-quick.json (a quick run never overwrites bench/RESULTS.md)');
  }
  process.stdout.write(md);
}

const fmt = (n: number) => (n >= 100 ? n.toFixed(0) : n >= 10 ? n.toFixed(1) : n.toFixed(2));

function resultsMarkdown(results: { date: string; quick: boolean; machine: Record<string, string>; sizes: { file: string; bytes: number }[] }, rows: Row[], stdio: StdioResults, profile: ProfileSummary): string {
  const L: string[] = [];
  L.push('# Benchmark results', '');
  L.push(`Written by \`npm run bench${results.quick ? ' -- --quick' : ''}\` on ${results.date.slice(0, 10)}: Node ${results.machine.node}, ${results.machine.platform}, ${results.machine.cpus}, ${results.machine.memory}. Medians of interleaved rounds after warm-up; the ratio is to \`unified\` + \`remark-parse\` parsing the same text in the same round. Absolute times vary with the machine; compare ratios.`, '');
  L.push('## Full analysis against the floor and the linters writers run', '');
  L.push(`Tools: ${TOOLS.map((t) => TOOL_NAMES[t]).join(', ')}; each draft is read from its text, whole, by a fresh instance (Trustline: a new \`Analyzer\` and no memoised tagger readings).`, '');
  L.push('| draft | words | floor ms | Trustline ms | **Trustline / floor** | markdownlint ms | markdownlint / floor | alex ms | alex / floor | Trustline µs per word |');
  L.push('|---|---|---|---|---|---|---|---|---|---|');
  for (const r of rows) {
    L.push(`| ${r.type === 'examples' ? 'examples/ as they are' : r.type} | ${r.words.toLocaleString('en-US')} | ${fmt(r.ms.floor)} | ${fmt(r.ms.trustline)} | **${r.ratioToFloor.trustline.toFixed(2)}x** | ${fmt(r.ms.markdownlint)} | ${r.ratioToFloor.markdownlint.toFixed(2)}x | ${fmt(r.ms.alex)} | ${r.ratioToFloor.alex.toFixed(2)}x | ${((r.ms.trustline * 1000) / r.words).toFixed(1)} |`);
  }
  L.push('');
  L.push('The trained reader (docs/lexicon.md) costs, per draft, the full analysis over the same analysis without it, in the same rounds:', '');
  L.push('| draft | words | without it ms | with it ms | **with / without** |', '|---|---|---|---|---|');
  for (const r of rows) L.push(`| ${r.type === 'examples' ? 'examples/ as they are' : r.type} | ${r.words.toLocaleString('en-US')} | ${fmt(r.ms.rules)} | ${fmt(r.ms.trustline)} | **${(r.ratioToFloor.trustline / r.ratioToFloor.rules).toFixed(2)}x** |`);
  L.push('');
  L.push('## What a writer feels: the bundled server over stdio', '');
  L.push('| draft | open to first diagnostics | keystroke p50 (debounce 0) | keystroke p95 (debounce 0) | keystroke p50 (default debounce) | keystroke p95 (default debounce) |');
  L.push('|---|---|---|---|---|---|');
  for (const k of stdio.keystrokes) {
    const d = k.defaultDebounce;
    L.push(`| email, ${k.words.toLocaleString('en-US')} words | ${fmt(k.openMs)} ms | ${fmt(k.p50)} ms | ${fmt(k.p95)} ms | ${d ? `${fmt(d.p50)} ms` : 'not run'} | ${d ? `${fmt(d.p95)} ms` : 'not run'} |`);
  }
  L.push('', `Open to first diagnostics is measured on a server that has already checked one draft; the first draft a just-started server checks (100 words) took ${fmt(stdio.firstOpenMs)} ms, which includes loading the engine and the tagger's model. Each keystroke is one character typed in the middle of the draft (${stdio.characters} characters, one at a time); the time runs from sending \`didChange\` to receiving the diagnostics for that version. The default debounce is ${stdio.defaultDebounceMs} ms: what a writer sees once they pause.`, '');
  L.push(`Server memory: ${stdio.rss.drafts} drafts of about 1,000 words open: RSS ${stdio.rss.mib} MiB (${stdio.rss.baselineMib} MiB after one small draft was checked and closed).`, '');
  L.push('## Sizes', '', '| file | size |', '|---|---|');
  for (const s of results.sizes) L.push(`| ${s.file} | ${(s.bytes / 1024).toFixed(0)} KiB |`);
  if (!results.sizes.some((s) => s.file.startsWith('.vsix'))) L.push('| .vsix | packaging failed in this run (see the log) |');
  L.push('', '## Where the time goes (CPU profile of the 10,000-word landing page)', '');
  L.push(`Self time of ${profile.runs} full analyses, by part of the pipeline (${fmt(profile.totalMs)} ms profiled):`, '');
  L.push('| part | share of self time |', '|---|---|');
  for (const p of profile.parts) L.push(`| ${p.part} | ${p.percent.toFixed(1)}% |`);
  L.push('', 'Heaviest functions (self time):', '', '| function | where | share |', '|---|---|---|');
  for (const f of profile.functions) L.push(`| \`${f.name}\` | ${f.where} | ${f.percent.toFixed(1)}% |`);
  L.push('', 'The reading of these figures, the targets and what was changed because of them: [ANALYSIS.md](ANALYSIS.md).', '');
  return `${L.join('\n')}\n`;
}

main().catch((e: unknown) => {
  process.stderr.write(`bench failed: ${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});
