/**
 * Speed of the analysis, as ratios against remark-parse measured in the same run.
 *
 *   npm run bench            (bundled with esbuild like the server, then run)
 *   npm run bench -- --json  machine-readable
 *
 * The goal (issue 2): a full analysis within 1.5x the time remark-parse alone
 * takes on the same text, and an edit in a long draft re-analysing only the
 * blocks it touched. Absolute milliseconds vary from machine to machine, so the
 * figures that matter are the ratios; nothing here is a pass/fail timing test.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import { Analyzer } from '../server/src/core/index';

const root = join(__dirname, '..');

/** Real-looking prose: the bodies of the bundled examples, repeated to size. */
function corpus(): string[] {
  const bodies: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (name.endsWith('.md') && name !== 'README.md') {
        const text = readFileSync(p, 'utf8').replace(/^---[\s\S]*?\n---\r?\n/, '');
        bodies.push(text.replace(/\r\n/g, '\n'));
      }
    }
  };
  walk(join(root, 'examples'));
  if (bodies.length === 0) throw new Error('bench: no examples/ found to build drafts from');
  return bodies;
}

function draftOfWords(words: number, bodies: string[]): string {
  let out = '---\ntype: blog\ntrust: 1\n---\n\n';
  let count = 0;
  let i = 0;
  while (count < words) {
    // Each repetition is made unique so no block is a verbatim copy of an earlier one
    // (identical blocks would be read once and reused, flattering the figures).
    const b = bodies[i++ % bodies.length]!.replace(/([^\n])\n\n/g, `$1 (${i})\n\n`);
    out += `## Section ${i}\n\n${b}\n\n`;
    count += b.split(/\s+/).filter(Boolean).length + 2;
  }
  return out;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function time(fn: () => void): number {
  const t0 = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

const bodies = corpus();
const processor = unified().use(remarkParse);
const rows: Record<string, number | string>[] = [];
for (const words of [1000, 10000]) {
  const text = draftOfWords(words, bodies);
  const runs = words > 5000 ? 21 : 31;
  // An edit: one character typed in the middle of the draft, analysed by the
  // document's long-lived Analyzer (what the server does on a keystroke).
  const analyzer = new Analyzer();
  analyzer.analyze(text, { force: true });
  const mid = text.indexOf('\n\n', Math.floor(text.length / 2));
  let toggle = false;
  let blocks = 0;
  const parse = () => processor.parse(text);
  const full = () => new Analyzer().analyze(text, { force: true });
  const edit = () => {
    toggle = !toggle;
    const edited = text.slice(0, mid) + (toggle ? ' x' : ' y') + text.slice(mid);
    blocks = analyzer.analyze(edited, { force: true }).parsedBlocks;
  };
  // The three are timed in turn within each round, so a busy machine slows all of
  // them alike; each is run `batch` times per round so that a garbage collection
  // lands in a batch rather than decides a single sample. The ratio of each round
  // is kept and the median round reported.
  const batch = words > 5000 ? 2 : 20;
  const timed = (fn: () => unknown) => time(() => {
    for (let b = 0; b < batch; b++) fn();
  }) / batch;
  for (let i = 0; i < 10; i++) (timed(parse), timed(full), timed(edit)); // warm-up: JIT and caches
  const p: number[] = [], f: number[] = [], e: number[] = [], fr: number[] = [], er: number[] = [];
  for (let i = 0; i < runs; i++) {
    const tp = timed(parse), tf = timed(full), te = timed(edit);
    p.push(tp); f.push(tf); e.push(te); fr.push(tf / tp); er.push(te / tp);
  }
  rows.push({
    words,
    'remark-parse ms': +median(p).toFixed(2),
    'full analysis ms': +median(f).toFixed(2),
    'full / parse': +median(fr).toFixed(2),
    'edit ms': +median(e).toFixed(2),
    'edit / parse': +median(er).toFixed(3),
    'blocks re-parsed per edit': blocks,
  });
}

if (process.argv.includes('--json')) console.log(JSON.stringify(rows, null, 2));
else {
  console.log(`Trustline bench (node ${process.version}); ratios are against remark-parse on the same text, same run.`);
  console.table(rows);
  console.log('Goal: full / parse <= 1.5; an edit re-parses only the block it touched.');
}
