// Code actions and hover on a line with a long run of emoji (issue 11): the arrows and emoji that
// end an ask's sentence are kept out of a rewrite, and finding them must take time linear in the
// line. The regex that did it (TAIL_DECOR, /(?:\s*(?:emoji|arrow))+$/u) retried at every emoji of a
// run that does not end the line: 10x the emoji cost 100x the time. Timed as reader-growth.test.ts
// times the analysis: n and 10n in one run, the fastest of seven runs, only the ratio asserted
// (under 15).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Analyzer } from '../../core/src/analyze';
import { codeActionsFor, fitReplacement } from '../../core/src/actions';
import { looksLikeLabel, tailDecorLength } from '../../core/src/alternatives';
import { hoverAt, type HoverLinks } from '../../core/src/hover';

const RUNS = 7;
/** 10x the input may take at most this many times the time (issue 11). */
const BOUND = 15;
const links: HoverLinks = { skillUri: (name) => `skills/${name}/SKILL.md`, ruleUri: (id) => `docs/rules/${id}.md` };

/** The pattern tailDecorLength replaces, for comparing on short strings only. */
const OLD_TAIL_DECOR = /(?:\s*(?:\p{Extended_Pictographic}\uFE0F?|[→»›➡]|->))+$/u;

describe('trailing decoration: one scan back, the same answer as the pattern it replaces', () => {
  test('on short strings of emoji, arrows, spaces, variation selectors, lone surrogates and words', () => {
    const parts = ['🚀', '👉', '\uFE0F', '→', '»', '›', '➡', '->', '-', '>', ' ', '\t', '\n', 'a', 'Book', '.', '\uD83D', '\uDE80', '✓', '©'];
    // A fixed-seed generator: the same strings on every run.
    let seed = 11;
    const rnd = (k: number) => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return (seed >>> 8) % k;
    };
    for (let i = 0; i < 20_000; i++) {
      let s = '';
      const len = rnd(9);
      for (let k = 0; k < len; k++) s += parts[rnd(parts.length)];
      const m = OLD_TAIL_DECOR.exec(s);
      assert.equal(tailDecorLength(s), m ? m[0].length : 0, JSON.stringify(s));
    }
  });

  test('a rewrite keeps the arrows and emoji that end the sentence', () => {
    const text = 'Book a demo today 👉 →';
    assert.equal(fitReplacement(text, 0, text.length, 'Read the guide.'), 'Read the guide 👉 →');
    assert.equal(looksLikeLabel('Book a demo 🚀🚀'), true);
    assert.equal(looksLikeLabel('Book a demo. 🚀🚀'), false);
  });
});

describe('code actions and hover: linear in a line of emoji', () => {
  const draft = (n: number) => `---\ntype: email\ntrust: unaware\n---\n\nHi Sam,\n\nBook a demo ${'🚀'.repeat(n)} today\n`;
  const timeOf = (text: string) => {
    const analysis = new Analyzer().analyze(text, { force: true });
    const finding = analysis.findings.find((f) => f.rule === 'ask-exceeds-trust');
    assert.ok(finding, 'the demo ask is too big for a cold audience');
    const runs: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const t0 = performance.now();
      assert.ok(codeActionsFor(analysis, finding).length > 0);
      assert.ok(hoverAt(analysis, analysis.asks[0]!.start + 1, links));
      runs.push(performance.now() - t0);
    }
    return Math.min(...runs);
  };
  test('an ask followed by thousands of emoji and more words', () => {
    timeOf(draft(100));
    // Under BOUND times the time; a ratio over it is measured again, up to three times in all
    // (load only ever adds time: superlinear work fails every time, noise seldom twice).
    let message = '';
    for (let attempt = 0; attempt < 3; attempt++) {
      const small = timeOf(draft(2000));
      const large = timeOf(draft(20000));
      const ratio = large / Math.max(small, 0.05);
      if (ratio < BOUND) return;
      message += `${message ? '; then ' : ''}${ratio.toFixed(1)}x (${small.toFixed(2)} ms -> ${large.toFixed(2)} ms)`;
    }
    assert.fail(`10x the emoji took ${message}`);
  });
});
