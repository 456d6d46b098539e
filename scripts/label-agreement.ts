/**
 * How far two labellers agree on the same pieces, by the same matching rules as the evaluation
 * (scripts/eval-corpus.ts): the second labelling is scored against the first as if it were the
 * product's output. This is the ceiling to read the product's figures against: a careful second
 * reader of section 2a does not find every ask the first one labelled either.
 *
 *   node --import tsx scripts/label-agreement.ts REFERENCE_DIR SECOND_DIR
 *
 * Pieces are paired by file name (the bodies must be identical). An ask of the second labelling
 * matches one of the reference when one of its wordings overlaps one of the reference's, or,
 * failing that, their sentences do; pairs are assigned greedily, phrase overlap and same class
 * first. A second-labelling ask left over that overlaps an already-matched reference ask is a
 * duplicate (another wording of the same ask), not a disagreement.
 */
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { AskClass } from '../core/src/index';
import { assignPairs, CLASSES, readPiece, sentenceBounds, type Expected } from './lib/corpus';

const [refDir, secondDir] = process.argv.slice(2).map((d) => resolve(d));
if (!refDir || !secondDir) {
  console.error('usage: node --import tsx scripts/label-agreement.ts REFERENCE_DIR SECOND_DIR');
  process.exit(2);
}

const overlaps = (a0: number, a1: number, b0: number, b1: number): boolean => a0 < b1 && b0 < a1;
function score(a: Expected, b: Expected, text: string): number {
  if (a.spans.some(([s, t]) => b.spans.some(([u, v]) => overlaps(s, t, u, v)))) return 2;
  const sentences = (e: Expected) => e.spans.map(([s, t]) => sentenceBounds(text, s, t));
  if (sentences(a).some(([s, t]) => sentences(b).some(([u, v]) => overlaps(s, t, u, v)))) return 1;
  return 0;
}

let pieces = 0;
let reference = 0;
let second = 0;
let matched = 0;
let sameClass = 0;
let duplicates = 0;
const confusion = new Map<string, number>();
const disagreements: string[] = [];
for (const name of readdirSync(secondDir).filter((f) => f.endsWith('.md') && f !== 'README.md').sort()) {
  const a = readPiece(join(refDir, name), name);
  const b = readPiece(join(secondDir, name), name);
  const bodyA = a.text.indexOf('\n---') + 4;
  const bodyB = b.text.indexOf('\n---') + 4;
  if (a.text.slice(bodyA) !== b.text.slice(bodyB)) {
    console.error(`${name}: the bodies differ; skipped`);
    continue;
  }
  // Offsets of the second labelling in the reference's text (the front matters differ in length).
  for (const e of b.expected) e.spans = e.spans.map(([s, t]) => [s - bodyB + bodyA, t - bodyB + bodyA]);
  pieces++;
  reference += a.expected.length;
  second += b.expected.length;
  // The second labelling plays the product's part (found), the reference the labels' (expected).
  const pairs: { f: number; e: number; score: number; same: boolean }[] = [];
  b.expected.forEach((y, f) =>
    a.expected.forEach((x, e) => {
      const s = score(x, y, a.text);
      if (s > 0) pairs.push({ f, e, score: s, same: x.cls === y.cls });
    }),
  );
  const { foundTo: bTo, expectedTo: aTo } = assignPairs(pairs);
  for (const [i, j] of aTo) {
    const x = a.expected[i]!.cls;
    const y = b.expected[j]!.cls;
    matched++;
    if (x === y) sameClass++;
    else disagreements.push(`${name}: "${a.expected[i]!.text}" ${x} / "${b.expected[j]!.text}" ${y}`);
    confusion.set(`${x} ${y}`, (confusion.get(`${x} ${y}`) ?? 0) + 1);
  }
  b.expected.forEach((y, j) => {
    if (bTo.has(j)) return;
    if (a.expected.some((x, i) => aTo.has(i) && score(x, y, a.text) > 0)) duplicates++;
    else disagreements.push(`${name}: only the second labelling: "${y.text}" ${y.cls}`);
  });
  a.expected.forEach((x, i) => {
    if (!aTo.has(i)) disagreements.push(`${name}: only the reference: "${x.text}" ${x.cls}`);
  });
}

const pct = (n: number, d: number): string => (d ? `${((100 * n) / d).toFixed(1)}%` : 'n/a');
const secondAsks = second - duplicates;
console.log(`${pieces} pieces: reference ${reference} asks, second labelling ${second} (${duplicates} of them other wordings of an ask already matched)`);
console.log(`  the second labelling finds ${pct(matched, reference)} of the reference's asks (the product's "recall")`);
console.log(`  of its asks, ${pct(matched, secondAsks)} are the reference's (the product's "precision")`);
console.log(`  same class on matched asks: ${pct(sameClass, matched)} (the product's "class accuracy")`);
console.log('Confusion (rows: reference, columns: second labelling)');
console.log(`            ${CLASSES.map((c) => c.slice(0, 5).padStart(6)).join('')}`);
for (const x of CLASSES) console.log(`  ${x.padEnd(10)}${CLASSES.map((y: AskClass) => String(confusion.get(`${x} ${y}`) ?? 0).padStart(6)).join('')}`);
if (process.argv.includes('--verbose')) for (const d of disagreements) console.log(`  ${d}`);
