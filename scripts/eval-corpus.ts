/**
 * Held-out evaluation of Trustline's ask detection and classification on real B2B copy.
 *
 *   node --import tsx scripts/eval-corpus.ts [--verbose] [--json] [--min-f1 X] [--dir PATH] [FOLDER] [filter]
 *
 * FOLDER (an existing directory, e.g. test/corpus-holdout) is the same as --dir FOLDER.
 *
 * Every `*.md` file in test/corpus-dev/ (README.md excepted) is a short real piece of B2B copy whose
 * front matter says what a careful marketer sees in it:
 *
 *   expect:
 *     - {text: "Book a demo", class: evaluate}
 *     - {text: "add a card", class: commit, also: ["Add payment and keep going"]}
 *   expect: []                       # no ask at all
 *
 * `text` is the exact wording of the ask as it appears in the body (matched case-insensitively,
 * whitespace-tolerant); `also` lists other wordings of the same ask in the same piece (a sentence
 * and its button, a headline and its link): the trust model counts a repeated ask once.
 *
 * Each file is analysed whole with `new Analyzer().analyze(text, { force: true })` (the `expect`,
 * `source` and `note` keys are ignored by the analyzer). A found ask matches an expected ask when
 * its underlined phrase overlaps one of the expected wordings, or, failing that, when the sentence
 * holding it does (one sentence holds at most one ask). Pairs are assigned greedily, best overlap
 * and same class first. A found ask left over that overlaps an already-matched expected ask is a
 * duplicate (the same ask found twice), counted apart and not as a false positive.
 *
 * Reports detection precision/recall/F1 (did it find the asks, whatever their class), class
 * accuracy on matched asks, strict figures (found with the right class), per-class precision and
 * recall, a confusion matrix, and with --verbose every miss, false positive and misclassification.
 * Exit 0 always (it is a report), unless --min-f1 X is given and the detection F1 is below X.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Analyzer, type Ask, type AskClass } from '../core/src/index';
import { ASK_LEVELS } from '../core/src/model';
import type { AskModel } from '../core/src/asks/learned';
import { assignPairs, CLASSES, readPiece, sentenceBounds, type Expected } from './lib/corpus';

const NONE = '(none)';

interface Miss { file: string; expected: string; cls: AskClass; context: string }
interface FalsePositive { file: string; found: string; cls: AskClass; sentence: string; via: string }
interface Duplicate { file: string; found: string; cls: AskClass; of: string }
interface Misclass { file: string; expected: string; want: AskClass; got: AskClass; found: string; sentence: string; via: string }

interface FileResult {
  file: string;
  type: string;
  expected: number;
  found: number;
  matched: number;
  duplicates: number;
  labelErrors: string[];
}

// ---------------------------------------------------------------------------------------------
// Arguments

const argv = process.argv.slice(2);
const verbose = argv.includes('--verbose') || argv.includes('-v');
const asJson = argv.includes('--json');
let minF1: number | undefined;
let dir = join(__dirname, '..', 'test', 'corpus-dev');
let filter: string | undefined;
/** Unset: the bundled trained reader; null: the rules alone (`--rules`); or weights from `--model FILE`. */
let askModel: AskModel | null | undefined;
for (let i = 0; i < argv.length; i++) {
  const a = argv[i];
  if (a === '--min-f1') {
    minF1 = Number(argv[++i]);
    if (!Number.isFinite(minF1)) fail('--min-f1 needs a number between 0 and 1');
  } else if (a === '--dir') {
    dir = resolve(argv[++i] ?? fail('--dir needs a path'));
  } else if (a === '--rules') {
    askModel = null;
  } else if (a === '--model') {
    const file = argv[++i] ?? fail('--model needs a JSON file written by scripts/train-ask-model.ts');
    try {
      askModel = JSON.parse(readFileSync(file, 'utf8')) as AskModel;
    } catch (e) {
      fail(`cannot read the model ${file}: ${(e as Error).message}`);
    }
  } else if (a === '--help' || a === '-h') {
    console.log('usage: node --import tsx scripts/eval-corpus.ts [--verbose] [--json] [--min-f1 X] [--rules | --model FILE] [--dir PATH] [FOLDER] [filter]');
    process.exit(0);
  } else if (!a.startsWith('-')) {
    // A folder of labelled pieces (test/corpus-holdout), or a filter on file names.
    if (existsSync(a) && statSync(a).isDirectory()) dir = resolve(a);
    else filter = a;
  } else if (a !== '--verbose' && a !== '-v' && a !== '--json') {
    fail(`unknown option ${a}`);
  }
}

function fail(message: string): never {
  console.error(`eval-corpus: ${message}`);
  process.exit(2);
}

// ---------------------------------------------------------------------------------------------
// Reading the labelled pieces

// ---------------------------------------------------------------------------------------------
// Matching

const overlaps = (a0: number, a1: number, b0: number, b1: number): boolean => a0 < b1 && b0 < a1;

function overlapScore(ask: Ask, e: Expected, text?: string): number {
  if (e.spans.some(([s, t]) => overlaps(ask.start, ask.end, s, t))) return 2;
  if (e.spans.some(([s, t]) => overlaps(ask.sentenceStart, ask.sentenceEnd, s, t))) return 1;
  // For pairing (`text` given), also the sentence the text bounds around the ask (its line and
  // sentence punctuation): "Sponsor here: https://..." labelled on its label and found on its URL
  // is one ask, as one sentence holds at most one (for an ask in a link, the engine's sentence is
  // the link). Duplicates are still counted by the engine's sentence, so a row of links on one
  // line is not folded into one ask.
  if (text !== undefined) {
    const [s0, s1] = sentenceBounds(text, ask.start, ask.end);
    if (e.spans.some(([s, t]) => overlaps(s0, s1, s, t))) return 1;
  }
  return 0;
}

/** The sentence of the body around [start, end), for the report. */
function sentenceAround(text: string, start: number, end: number): string {
  const [s, e] = sentenceBounds(text, start, end);
  return clip(text.slice(s, e));
}

function clip(s: string, max = 180): string {
  const one = s.replace(/\s+/g, ' ').trim();
  return one.length > max ? `${one.slice(0, max - 1)}…` : one;
}

// ---------------------------------------------------------------------------------------------
// Run

let files: string[];
try {
  files = readdirSync(dir)
    .filter((n) => n.endsWith('.md') && n.toLowerCase() !== 'readme.md')
    .filter((n) => !filter || n.includes(filter))
    .sort();
} catch (e) {
  fail(`cannot read ${dir}: ${(e as Error).message}`);
}
if (files.length === 0) fail(`no pieces${filter ? ` matching "${filter}"` : ''} in ${dir}`);

const confusion = new Map<string, Map<string, number>>();
const bump = (row: string, col: string) => {
  const r = confusion.get(row) ?? new Map<string, number>();
  r.set(col, (r.get(col) ?? 0) + 1);
  confusion.set(row, r);
};
const perClass = new Map<string, { expected: number; found: number; correct: number }>(
  CLASSES.map((c) => [c, { expected: 0, found: 0, correct: 0 }]),
);
const misses: Miss[] = [];
const falsePositives: FalsePositive[] = [];
const misclassified: Misclass[] = [];
/** Every matched ask (the right class or not), with how it was read: the `--json` output lists them so a change can be weighed by what it finds as well as by its errors. */
const hits: Misclass[] = [];
const duplicateList: Duplicate[] = [];
const results: FileResult[] = [];
const internalErrors: string[] = [];
let noAskPieces = 0;
let noAskClean = 0;
/** What a writer sees: the warnings and the missing-ask message, draft by draft. */
const judgment = {
  oversized: 0,
  oversizedWarned: 0,
  oversizedMissed: [] as string[],
  wellMatched: 0,
  wellMatchedWarned: [] as string[],
  asking: 0,
  askingToldNone: [] as string[],
  traps: 0,
  trapsTaken: [] as string[],
};
const ASKING_TYPES = new Set(['email', 'landing-page', 'ad']);

for (const name of files) {
  const piece = readPiece(join(dir, name), name);
  const analysis = new Analyzer().analyze(piece.text, askModel === undefined ? { force: true } : { force: true, askModel });
  for (const err of analysis.internalErrors ?? []) internalErrors.push(`${name}: ${err}`);
  const asks = analysis.asks;
  const { text, expected } = piece;

  // Candidate pairs, best first: phrase overlap over sentence overlap, then same class, then position.
  const pairs: { f: number; e: number; score: number; same: boolean }[] = [];
  asks.forEach((ask, f) =>
    expected.forEach((exp, e) => {
      const score = overlapScore(ask, exp, text);
      if (score > 0) pairs.push({ f, e, score, same: ask.class === exp.cls });
    }),
  );
  const { foundTo, expectedTo } = assignPairs(pairs);

  let duplicates = 0;
  asks.forEach((ask, f) => {
    const sentence = clip(text.slice(ask.sentenceStart, ask.sentenceEnd));
    if (foundTo.has(f)) {
      const exp = expected[foundTo.get(f)!];
      hits.push({ file: name, expected: exp.text, want: exp.cls, got: ask.class, found: ask.text, sentence, via: ask.via });
      perClass.get(ask.class)!.found++;
      bump(exp.cls, ask.class);
      if (exp.cls === ask.class) perClass.get(ask.class)!.correct++;
      else misclassified.push({ file: name, expected: exp.text, want: exp.cls, got: ask.class, found: ask.text, sentence, via: ask.via });
      return;
    }
    // The same expected ask found a second time (a repeated button, a sentence and its link).
    const dupOf = expected.find((exp, e) => expectedTo.has(e) && overlapScore(ask, exp) > 0);
    if (dupOf) {
      duplicates++;
      duplicateList.push({ file: name, found: ask.text, cls: ask.class, of: dupOf.text });
      return;
    }
    perClass.get(ask.class)!.found++;
    bump(NONE, ask.class);
    falsePositives.push({ file: name, found: ask.text, cls: ask.class, sentence, via: ask.via });
  });
  expected.forEach((exp, e) => {
    perClass.get(exp.cls)!.expected++;
    if (expectedTo.has(e)) return;
    bump(exp.cls, NONE);
    misses.push({ file: name, expected: exp.text, cls: exp.cls, context: exp.spans.length ? sentenceAround(text, exp.spans[0][0], exp.spans[0][1]) : '(wording not found in the body)' });
  });

  if (expected.length === 0) {
    noAskPieces++;
    if (asks.length === 0) noAskClean++;
  }

  // The labelled gap: the strongest expected ask against the audience the piece declares.
  const audience = analysis.profile?.trust.source === 'declared' ? analysis.profile.trust.value.level : undefined;
  if (audience !== undefined) {
    const gap = Math.max(-Infinity, ...expected.map((e) => ASK_LEVELS[e.cls] - audience));
    const warned = analysis.findings.some((f) => f.rule === 'ask-exceeds-trust' && f.severity === 'warning');
    if (gap >= 2) {
      judgment.oversized++;
      if (warned) judgment.oversizedWarned++;
      else judgment.oversizedMissed.push(name);
    } else {
      judgment.wellMatched++;
      if (warned) judgment.wellMatchedWarned.push(name);
    }
  }
  if (expected.length > 0 && ASKING_TYPES.has(piece.type)) {
    judgment.asking++;
    if (analysis.findings.some((f) => f.rule === 'missing-ask')) judgment.askingToldNone.push(name);
  }
  for (const trap of piece.traps) {
    judgment.traps++;
    const taken = asks.find((a, f) => !foundTo.has(f) && trap.spans.some(([s, t]) => overlaps(a.start, a.end, s, t)));
    if (taken) judgment.trapsTaken.push(`${name}: "${trap.text}" (${trap.why}) read as ${taken.class}`);
  }
  results.push({
    file: name,
    type: piece.type,
    expected: expected.length,
    found: asks.length,
    matched: expectedTo.size,
    duplicates,
    labelErrors: piece.labelErrors,
  });
}

// ---------------------------------------------------------------------------------------------
// Figures

const ratio = (n: number, d: number): number | null => (d === 0 ? null : n / d);
const f1 = (p: number | null, r: number | null): number | null => {
  if (p === null || r === null) return null;
  return p + r === 0 ? 0 : (2 * p * r) / (p + r);
};
const pct = (x: number | null): string => (x === null ? '   –  ' : `${(100 * x).toFixed(1).padStart(5)}%`);

const totalExpected = results.reduce((s, r) => s + r.expected, 0);
const matched = results.reduce((s, r) => s + r.matched, 0);
const duplicates = results.reduce((s, r) => s + r.duplicates, 0);
const fp = falsePositives.length;
const fn = misses.length;
const correct = matched - misclassified.length;
const detection = { precision: ratio(matched, matched + fp), recall: ratio(matched, matched + fn), f1: null as number | null };
detection.f1 = f1(detection.precision, detection.recall);
const strict = { precision: ratio(correct, matched + fp), recall: ratio(correct, totalExpected), f1: null as number | null };
strict.f1 = f1(strict.precision, strict.recall);
const classAccuracy = ratio(correct, matched);
const labelErrors = results.flatMap((r) => r.labelErrors.map((e) => `${r.file}: ${e}`));

const byType = new Map<string, { pieces: number; expected: number; matched: number; fp: number }>();
for (const r of results) {
  const t = byType.get(r.type) ?? { pieces: 0, expected: 0, matched: 0, fp: 0 };
  t.pieces++;
  t.expected += r.expected;
  t.matched += r.matched;
  t.fp += falsePositives.filter((x) => x.file === r.file).length;
  byType.set(r.type, t);
}

if (asJson) {
  console.log(
    JSON.stringify(
      {
        pieces: results.length,
        expectedAsks: totalExpected,
        foundAsks: matched + fp,
        matched,
        duplicates,
        falsePositives: fp,
        misses: fn,
        misclassified: misclassified.length,
        detection,
        strict,
        classAccuracy,
        noAskPieces: { total: noAskPieces, clean: noAskClean },
        judgment: {
          oversizedWarned: { warned: judgment.oversizedWarned, of: judgment.oversized, rate: ratio(judgment.oversizedWarned, judgment.oversized), missed: judgment.oversizedMissed },
          wellMatchedWarned: { warned: judgment.wellMatchedWarned.length, of: judgment.wellMatched, rate: ratio(judgment.wellMatchedWarned.length, judgment.wellMatched), files: judgment.wellMatchedWarned },
          missingAskOnAsking: { told: judgment.askingToldNone.length, of: judgment.asking, rate: ratio(judgment.askingToldNone.length, judgment.asking), files: judgment.askingToldNone },
          trapsTaken: { taken: judgment.trapsTaken.length, of: judgment.traps, rate: ratio(judgment.trapsTaken.length, judgment.traps), list: judgment.trapsTaken },
        },
        perClass: Object.fromEntries(
          [...perClass].map(([c, v]) => [c, { ...v, precision: ratio(v.correct, v.found), recall: ratio(v.correct, v.expected) }]),
        ),
        confusion: Object.fromEntries([...confusion].map(([r, m]) => [r, Object.fromEntries(m)])),
        errors: { misses, falsePositives, misclassified, duplicates: duplicateList },
        hits,
        labelErrors,
        internalErrors,
      },
      null,
      2,
    ),
  );
} else {
  const line = (s = '') => console.log(s);
  line(`Trustline on labelled real copy: ${results.length} pieces in ${dir}`);
  line(`  ${totalExpected} labelled asks; ${noAskPieces} pieces with no ask (${noAskClean} of them left clean)`);
  line(`  found ${matched + fp} asks (+${duplicates} duplicates of an ask already matched)`);
  line();
  line('Ask detection (any class)');
  line(`  precision ${pct(detection.precision)}   recall ${pct(detection.recall)}   F1 ${pct(detection.f1)}`);
  line(`  matched ${matched}, false positives ${fp}, misses ${fn}`);
  line(`Class accuracy on matched asks: ${pct(classAccuracy)} (${correct}/${matched})`);
  line('Strict (found with the right class)');
  line(`  precision ${pct(strict.precision)}   recall ${pct(strict.recall)}   F1 ${pct(strict.f1)}`);
  line();
  line('What a writer sees');
  line(`  drafts with an ask two or more rungs above the audience that get the warning  ${pct(ratio(judgment.oversizedWarned, judgment.oversized))} (${judgment.oversizedWarned}/${judgment.oversized})`);
  line(`  well-matched drafts warned anyway (a gap-2 warning on a draft whose asks fit)  ${pct(ratio(judgment.wellMatchedWarned.length, judgment.wellMatched))} (${judgment.wellMatchedWarned.length}/${judgment.wellMatched})`);
  line(`  emails, pages and ads that ask for something, told they ask for nothing       ${pct(ratio(judgment.askingToldNone.length, judgment.asking))} (${judgment.askingToldNone.length}/${judgment.asking})`);
  line(`  traps (labelled non-asks) read as asks                                         ${pct(ratio(judgment.trapsTaken.length, judgment.traps))} (${judgment.trapsTaken.length}/${judgment.traps})`);
  line();
  line('Per class (strict)      expected  found  correct  precision  recall');
  for (const c of CLASSES) {
    const v = perClass.get(c)!;
    line(
      `  ${c.padEnd(20)} ${String(v.expected).padStart(8)} ${String(v.found).padStart(6)} ${String(v.correct).padStart(8)}   ${pct(ratio(v.correct, v.found))}  ${pct(ratio(v.correct, v.expected))}`,
    );
  }
  line();
  line('Confusion matrix (rows: expected, columns: found; (none) = missed / false positive)');
  const cols = [...CLASSES, NONE];
  const short = (c: string) => (c === NONE ? 'none' : c.slice(0, 5));
  line(`  ${''.padEnd(10)}${cols.map((c) => short(c).padStart(7)).join('')}`);
  for (const r of [...CLASSES, NONE]) {
    const row = confusion.get(r);
    line(`  ${short(r).padEnd(10)}${cols.map((c) => (r === NONE && c === NONE ? '      ·' : String(row?.get(c) ?? 0).padStart(7))).join('')}`);
  }
  line();
  line('By draft type            pieces  expected  matched  false positives');
  for (const [t, v] of [...byType].sort()) {
    line(`  ${t.padEnd(22)} ${String(v.pieces).padStart(6)} ${String(v.expected).padStart(9)} ${String(v.matched).padStart(8)} ${String(v.fp).padStart(16)}`);
  }
  if (labelErrors.length) {
    line();
    line(`Label errors (${labelErrors.length}): fix the corpus, these pieces are not measured correctly`);
    for (const e of labelErrors) line(`  ${e}`);
  }
  if (internalErrors.length) {
    line();
    line(`Analyzer internal errors (${internalErrors.length})`);
    for (const e of internalErrors) line(`  ${e}`);
  }
  if (verbose) {
    line();
    line(`Misses (${misses.length}): expected ask not found`);
    for (const m of misses) line(`  ${m.file}  [${m.cls}] "${m.expected}"\n      ${m.context}`);
    line();
    line(`False positives (${falsePositives.length}): found where a careful marketer sees no ask`);
    for (const x of falsePositives) line(`  ${x.file}  [${x.cls}] "${x.found}"  via ${x.via}\n      ${x.sentence}`);
    line();
    line(`Misclassified (${misclassified.length}): expected class → found class`);
    for (const x of misclassified) line(`  ${x.file}  ${x.want} → ${x.got}  "${x.found}"  via ${x.via}\n      ${x.sentence}`);
    line();
    line(`Oversized drafts not warned (${judgment.oversizedMissed.length}): ${judgment.oversizedMissed.join(', ')}`);
    line(`Well-matched drafts warned (${judgment.wellMatchedWarned.length}): ${judgment.wellMatchedWarned.join(', ')}`);
    line(`Told "asks for nothing" (${judgment.askingToldNone.length}): ${judgment.askingToldNone.join(', ')}`);
    line(`Traps read as asks (${judgment.trapsTaken.length}):`);
    for (const t of judgment.trapsTaken) line(`  ${t}`);
    line();
    line(`Duplicates (${duplicateList.length}): a second finding of an ask already matched (not counted)`);
    for (const x of duplicateList) line(`  ${x.file}  [${x.cls}] "${x.found}"  (same ask as "${x.of}")`);
  } else if (misses.length + fp + misclassified.length > 0) {
    line();
    line('Run with --verbose for every miss, false positive and misclassification.');
  }
}

if (minF1 !== undefined && (detection.f1 ?? 0) < minF1) {
  console.error(`eval-corpus: detection F1 ${pct(detection.f1).trim()} is below --min-f1 ${minF1}`);
  process.exit(1);
}
