// Growth of the ask reader's document-level passes: ten times the input must cost about ten
// times the time, not a hundred. Each case is timed at n and 10n in the same run (the fastest of
// seven runs: noise from a busy machine, a GC pause or another process only ever adds time, so
// the minimum is the stable estimate) and only the ratio is asserted, with room for noise: linear
// work gives about 10, quadratic about 100, and the bound is 30.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Analyzer } from '../../server/src/core/analyze';
import { readSentence, type SentenceFacts } from '../../server/src/core/asks/reader';

const RUNS = 7;

function timeOf(text: string): number {
  const runs: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    new Analyzer().analyze(text, { force: true });
    runs.push(performance.now() - t0);
  }
  return Math.min(...runs);
}

const FRONT = '---\ntype: email\ntrust: aware\n---\n\n';

const CASES: [string, (n: number) => string][] = [
  // One paragraph of many sentences, a support line first: every later sentence asks whether one came before.
  ['a long paragraph after a support line', (n) => FRONT + 'Questions? ' + 'Reply and we can walk you through the numbers. '.repeat(n)],
  // A long list of links under the sentence that asks for them.
  ['a long list of reads under its ask', (n) => FRONT + 'Check out the posts we picked for you:\n\n' + Array.from({ length: n }, (_, i) => `- [How team ${i} cut detention by half](https://x.example/${i})`).join('\n')],
  // Many questions, each answered by the next sentence.
  ['many answered questions', (n) => FRONT + 'Can I keep my current system? Yes, it reads your slot list. '.repeat(n)],
  // A long list of reads under a sentence that offers it.
  ['a long list of reads under the sentence that offers it', (n) => FRONT + 'Here are some posts about the project:\n\n' + Array.from({ length: n }, (_, i) => `- [Walkthrough ${i} of the IDE](https://x.example/${i})`).join('\n')],
  // One sentence of welcomes: every clause start tries the welcome pattern.
  ['one long sentence of welcomes', (n) => FRONT + 'Pull requests and stars are always welcome, '.repeat(n) + 'thanks.'],
  // One sentence of recommendations that are not asks.
  ['one long sentence of "consider" clauses', (n) => FRONT + 'We weighed it, consider reading it, '.repeat(n) + 'done.'],
  // One paragraph of many links (issue 11): adjacent (a row of buttons) and one per sentence. Each
  // sentence's links and each ask's link are found without rescanning the paragraph. (One sentence
  // of thousands of links joined by "and" is not here: it still costs 15-30x for 10x, issue 11.)
  ['a paragraph of adjacent links', (n) => FRONT + Array.from({ length: n }, (_, i) => `[link ${i}](https://x.example/${i})`).join(' ') + '\n'],
  ['a paragraph of one link per sentence', (n) => FRONT + Array.from({ length: n }, (_, i) => `See [link ${i}](https://x.example/${i}).`).join(' ') + '\n'],
];

describe('ask reader: linear in the size of the draft', () => {
  for (const [name, make] of CASES) {
    test(name, () => {
      timeOf(make(50)); // warm the tagger and the regular expressions
      const small = timeOf(make(200));
      const large = timeOf(make(2000));
      const ratio = large / Math.max(small, 0.05);
      assert.ok(ratio < 30, `10x the input took ${ratio.toFixed(1)}x the time (${small.toFixed(1)} ms -> ${large.toFixed(1)} ms)`);
    });
  }
});

// The reader alone on one sentence of many links, none of them an ask: every link's context is
// looked at, and only the words next to it are. (Through the whole analysis, a paragraph of
// thousands of links is still superlinear in the block reader and the lexicon: issue 11.)
describe('ask reader: one sentence of many links is read in linear time', () => {
  const sentence = (n: number): SentenceFacts => {
    let text = '';
    const links: SentenceFacts['links'] = [];
    for (let i = 0; i < n; i++) {
      if (i) text += ', ';
      links.push({ start: text.length, end: text.length + `videos ${i}`.length, hasUrl: true });
      text += `videos ${i} were recorded in the ${i}th room`;
    }
    return { text: `${text}.`, links, container: 'paragraph' };
  };
  test('links whose context announces nothing', () => {
    const time = (f: SentenceFacts) => {
      const runs: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        const t0 = performance.now();
        assert.equal(readSentence(f), undefined);
        runs.push(performance.now() - t0);
      }
      return Math.min(...runs);
    };
    // Sizes where one reading takes milliseconds, not a fraction of one, so a timer tick is noise.
    time(sentence(50));
    const small = time(sentence(500));
    const large = time(sentence(5000));
    const ratio = large / Math.max(small, 0.05);
    assert.ok(ratio < 30, `10x the input took ${ratio.toFixed(1)}x the time (${small.toFixed(1)} ms -> ${large.toFixed(1)} ms)`);
  });
});
