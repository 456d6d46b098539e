// Properties of the analysis and of every edit it offers, over generated drafts (issue 11):
// markdown fragments, the product's own phrasings and arbitrary Unicode (astral characters, lone
// surrogates, combining marks, RTL marks, NUL, BOMs anywhere, CR/LF/CRLF mixes). fast-check with a
// fixed seed and a bounded number of runs here; `npm run fuzz` runs the same properties for ten
// minutes with fresh seeds. A failure prints the seed and the shrunk draft: make it a fixture.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { PROPERTIES, type PropertyName } from '../support/properties';

const RUNS = Number(process.env.TRUSTLINE_PROPERTY_RUNS ?? 150);
const SEED = Number(process.env.TRUSTLINE_PROPERTY_SEED ?? 20261206);

describe('properties of the analysis and its edits (fast-check, fixed seed)', () => {
  for (const name of Object.keys(PROPERTIES) as PropertyName[]) {
    test(name, () => {
      fc.assert(PROPERTIES[name](), { seed: SEED, numRuns: RUNS, endOnFailure: true });
      assert.ok(true);
    });
  }
});
