// `npm run fuzz`: the properties of test/support/properties.ts (the analysis never throws, every
// range inside the text on character boundaries, deterministic results, code-action edits that
// change nothing outside their ranges) with fresh random seeds, for ten minutes (or
// `npm run fuzz -- --seconds N`). A failure prints the property, the seed and the shrunk draft,
// and the run exits 1: make the draft a fixture, fix it, run again.
import fc from 'fast-check';
import { PROPERTIES, type PropertyName } from '../test/support/properties';

const arg = process.argv.indexOf('--seconds');
const seconds = arg > 0 ? Number(process.argv[arg + 1]) : 600;
if (!Number.isFinite(seconds) || seconds <= 0) {
  console.error('fuzz: --seconds takes a positive number');
  process.exit(2);
}
const until = Date.now() + seconds * 1000;
const names = Object.keys(PROPERTIES) as PropertyName[];
let rounds = 0;
let drafts = 0;
const RUNS = 500;
console.log(`fuzz: ${names.length} properties, ${RUNS} drafts a round, for ${seconds} s`);
while (Date.now() < until) {
  for (const name of names) {
    const seed = Math.floor(Math.random() * 2 ** 31);
    const result = fc.check(PROPERTIES[name](), { seed, numRuns: RUNS });
    drafts += RUNS;
    if (result.failed) {
      console.error(`\nfuzz: FAILED "${name}"\n  seed ${seed}\n  draft ${JSON.stringify(result.counterexample?.[0])}\n  ${String((result.errorInstance as Error | undefined)?.message ?? result.error).split('\n')[0]}`);
      console.error(`  reproduce: TRUSTLINE_PROPERTY_SEED=${seed} TRUSTLINE_PROPERTY_RUNS=${RUNS} node --import tsx --test test/unit/properties.test.ts`);
      process.exit(1);
    }
  }
  rounds++;
  if (rounds % 10 === 0) console.log(`fuzz: ${drafts.toLocaleString('en-US')} drafts, nothing found (${Math.round((until - Date.now()) / 1000)} s left)`);
}
console.log(`fuzz: ${drafts.toLocaleString('en-US')} drafts over ${names.length} properties in ${seconds} s: nothing found`);
