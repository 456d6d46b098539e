// The benchmark's drafts (bench/drafts.ts): deterministic, of the type and size asked for, and
// never a verbatim repeat of a block (the analyzer reads identical blocks once).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { DRAFT_TYPES, makeDraft, wordCount } from '../../bench/drafts';
import { Analyzer } from '../../core/src/index';
import { ROOT } from '../support/root';

const EXAMPLES = join(ROOT, 'examples');

describe('benchmark drafts', () => {
  test('the same draft on every call, of the size and type asked for', () => {
    for (const type of DRAFT_TYPES) {
      for (const words of [100, 1000, 10000]) {
        const d = makeDraft(EXAMPLES, type, words);
        assert.equal(d, makeDraft(EXAMPLES, type, words));
        assert.ok(wordCount(d) >= words && wordCount(d) < words * 1.2 + 60, `${type} ${words}: ${wordCount(d)} words`);
        assert.match(d, new RegExp(`^---\\ntype: ${type}\\n`));
      }
    }
    assert.notEqual(makeDraft(EXAMPLES, 'email', 1000, 1), makeDraft(EXAMPLES, 'email', 1000, 2));
  });

  test('no block repeats verbatim, and Trustline reads each draft as its type', () => {
    for (const type of DRAFT_TYPES) {
      const d = makeDraft(EXAMPLES, type, 5000);
      const blocks = d.split(/\n{2,}/).filter((b) => b.trim().length > 40);
      assert.equal(new Set(blocks).size, blocks.length, `${type}: a block repeats`);
      const a = new Analyzer().analyze(d, { force: true });
      assert.equal(a.profile?.type.value, type);
      assert.ok(a.asks.length > 0, `${type}: no asks found`);
    }
  });
});
