// Growth of the ask reader's document-level passes: ten times the input must cost about ten
// times the time, not a hundred. Each case is timed at n and 10n in the same run (the fastest of
// seven runs: noise from a busy machine, a GC pause or another process only ever adds time, so
// the minimum is the stable estimate) and only the ratio is asserted, with room for noise: linear
// work gives about 10, quadratic about 100, and the bound is 15 (issue 11). The runs at n and 10n alternate, so
// a busy spell of the machine slows both; and a ratio over the bound is measured again, up to
// three times in all (load only ever adds time: superlinear work fails every time, noise seldom twice).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Analyzer, type AnalyzeOptions } from '../../core/src/analyze';
import { readSentence, type SentenceFacts } from '../../core/src/asks/reader';
import { END, GAP_WORD, LN, START, startMatch, startOnly } from '../../core/src/lexicon/compile';
import { DEFAULT_LEXICON_DATA } from '../../core/src/lexicon';
import { GROUPS } from '../support/ask-cases';

const RUNS = 7;
/** 10x the input may take at most this many times the time (issue 11). */
const BOUND = 15;

function timeOf(text: string, options: AnalyzeOptions = { force: true }): number {
  const runs: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    new Analyzer().analyze(text, options);
    runs.push(performance.now() - t0);
  }
  return Math.min(...runs);
}

/** The fastest analysis of each text, their runs alternating. */
function timesOf(small: string, large: string, options: AnalyzeOptions): [number, number] {
  let a = Infinity;
  let b = Infinity;
  for (let i = 0; i < RUNS; i++) {
    let t0 = performance.now();
    new Analyzer().analyze(small, options);
    a = Math.min(a, performance.now() - t0);
    t0 = performance.now();
    new Analyzer().analyze(large, options);
    b = Math.min(b, performance.now() - t0);
  }
  return [a, b];
}

/** Asserts that 10x the input takes under BOUND times the time, measuring up to three times. */
function assertLinear(make: (n: number) => string, n: number, options: AnalyzeOptions = { force: true }): void {
  timeOf(make(Math.ceil(n / 4)), options); // warm the tagger and the regular expressions
  const small = make(n);
  const large = make(10 * n);
  let message = '';
  for (let attempt = 0; attempt < 3; attempt++) {
    const [a, b] = timesOf(small, large, options);
    const ratio = b / Math.max(a, 0.05);
    if (ratio < BOUND) return;
    message += `${message ? '; then ' : ''}${ratio.toFixed(1)}x (${a.toFixed(1)} ms -> ${b.toFixed(1)} ms)`;
  }
  assert.fail(`10x the input took ${message}`);
}

const FRONT = '---\ntype: email\ntrust: aware\n---\n\n';

/**
 * A case: its name, the draft at size n, and the n it is timed at (then 10n; 200 when not given),
 * large enough that the analysis at n takes milliseconds: at a fraction of one, a garbage
 * collection that only the run at 10n meets, on a machine busy with other tests, doubles the ratio.
 */
const CASES: [string, (n: number) => string, number?][] = [
  // One paragraph of many sentences, a support line first: every later sentence asks whether one came before.
  ['a long paragraph after a support line', (n) => FRONT + 'Questions? ' + 'Reply and we can walk you through the numbers. '.repeat(n)],
  // A long list of links under the sentence that asks for them.
  ['a long list of reads under its ask', (n) => FRONT + 'Check out the posts we picked for you:\n\n' + Array.from({ length: n }, (_, i) => `- [How team ${i} cut detention by half](https://x.example/${i})`).join('\n')],
  // Many questions, each answered by the next sentence.
  ['many answered questions', (n) => FRONT + 'Can I keep my current system? Yes, it reads your slot list. '.repeat(n)],
  // A long list of reads under a sentence that offers it.
  ['a long list of reads under the sentence that offers it', (n) => FRONT + 'Here are some posts about the project:\n\n' + Array.from({ length: n }, (_, i) => `- [Walkthrough ${i} of the IDE](https://x.example/${i})`).join('\n')],
  // One sentence of welcomes: every clause start tries the welcome pattern.
  ['one long sentence of welcomes', (n) => FRONT + 'Pull requests and stars are always welcome, '.repeat(n) + 'thanks.', 1000],
  // One sentence of recommendations that are not asks.
  ['one long sentence of "consider" clauses', (n) => FRONT + 'We weighed it, consider reading it, '.repeat(n) + 'done.', 1000],
  // One paragraph of many links (issue 11): adjacent (a row of buttons) and one per sentence. Each
  // sentence's links and each ask's link are found without rescanning the paragraph.
  ['a paragraph of adjacent links', (n) => FRONT + Array.from({ length: n }, (_, i) => `[link ${i}](https://x.example/${i})`).join(' ') + '\n'],
  ['a paragraph of one link per sentence', (n) => FRONT + Array.from({ length: n }, (_, i) => `See [link ${i}](https://x.example/${i}).`).join(' ') + '\n'],
  // The rest of issue 11's families. One sentence of links joined by "and": each sentence's link
  // starts are a set, not a scan of its links at every character.
  ['a sentence of links joined by "and"', (n) => FRONT + Array.from({ length: n }, (_, i) => `[link ${i}](https://x.example/${i})`).join(' and ') + '.\n', 300],
  // Many quoted sentences: each sentence takes its quoted spans from a pointer, not a filter of all.
  ['a paragraph of quoted sentences', (n) => FRONT + 'He said "Book a demo today." '.repeat(n) + '\n', 1000],
  // One sentence where an ask is rejected again and again (negated, after "e.g.", told as what we
  // do): the next start is found by binary search, not by rescanning the sentence's words; the
  // P.S. test looks at a short segment, not at everything since the last sentence end.
  ['a negated ask repeated', (n) => FRONT + 'not book a demo '.repeat(n) + '\n', 1000],
  ['"e.g." before asks', (n) => FRONT + 'Try a tool, e.g. book a demo '.repeat(n) + '\n', 1000],
  ['a narrative sentence', (n) => FRONT + 'we book a demo, '.repeat(n) + '\n', 1000],
  // A suppression comment on every line: comments are looked up by line, not scanned per finding.
  ['trustline-disable comments', (n) => '---\ntype: email\ntrust: unaware\n---\n\n' + 'Book a demo today. <!-- trustline-disable-next-line -->\n'.repeat(n), 500],
  ['lone high surrogates', (n) => FRONT + 'Book a demo \uD83D '.repeat(n) + '\n\n' + '\uD83D\n'.repeat(n), 500],
  // A run of them (or of any symbol) after a word: a lexicon pattern that starts at the sentence
  // start is tried only up to its first word, not looked back from at every character of the run.
  ['a run of lone high surrogates after an ask', (n) => FRONT + 'Book a demo ' + '\uD83D'.repeat(10 * n) + ' today\n', 500],
  // A paragraph of thousands of lines is parsed in parts, cut at line starts.
  ['a paragraph of thousands of lines of one replacement character', (n) => FRONT + '\uFFFD\n'.repeat(n), 500],
  // Blocks the parser would hang on are found in one pass and not parsed (parser-guards.test.ts).
  ['a line of nested list markers', (n) => FRONT + '- '.repeat(n) + 'Book a demo.\n', 300],
  ['a line of nested blockquotes', (n) => FRONT + '> '.repeat(n) + 'Book a demo.\n', 300],
  ['a run of alternating emphasis markers', (n) => FRONT + '*_'.repeat(n) + 'Book a demo' + '_*'.repeat(n) + '\n', 300],
  // A paragraph of emphasis markers that leaves one open in every part, so it cannot be read in
  // parts: past 5,000 markers it is not read (one pass), below it is read whole.
  ['a paragraph of emphasis markers that no part can close', (n) => FRONT + 'Book a demo ' + '-_'.repeat(n) + '\n', 1000],
  // Setext headings: a batched parse holds only a few (the parser resolves each over all it parses).
  ['setext headings', (n) => FRONT + 'Book a demo\n---\n\n'.repeat(n), 100],
  // One paragraph the parser would read whole: emphasis pieces in one sentence (the parser moves
  // all the events after each emphasis it resolves) and setext headings with no blank line between
  // them (each resolved over all it parses). A long block is parsed in parts, cut where a cut holds.
  ['emphasis pieces in one sentence', (n) => FRONT + '**bold** and _it_ '.repeat(n) + '\n', 600],
  ['setext headings without blank lines', (n) => FRONT + 'Book a demo\n---\n'.repeat(n), 200],
  // A paragraph that opens something at its start and never closes it, then emphasis pieces (the
  // parser would read it whole: the square of its length); and one that an underline makes a heading.
  ['a stray "*" before emphasis pieces', (n) => FRONT + '*' + '**bold** and _it_ '.repeat(n) + '\n', 600],
  ['a stray backtick before emphasis pieces', (n) => FRONT + '`' + '**bold** and _it_ '.repeat(n) + '\n', 600],
  ['a long paragraph of emphasis that an underline makes a heading', (n) => FRONT + '**bold** and _it_\n'.repeat(n) + '---\n', 300],
  ['setext headings of both kinds without blank lines, one with emphasis across two lines', (n) => FRONT + 'Book a *demo\nnow* today\n===\nSee the [guide](https://x.example/g)\n---\n'.repeat(n), 100],
  // Nested one-line lists: a long list is parsed in parts (the parser moves all it has read each
  // time a nested item closes).
  ['nested one-line lists', (n) => FRONT + '- - - - Book a demo\n'.repeat(n), 100],
  // Long block quotes: a thousand lines quoting list items that quote again, quotes in quotes,
  // and one long quoted paragraph (each parsed as what it quotes).
  ['quoted list items that quote again', (n) => FRONT + '> - > - Book a demo.\n'.repeat(n), 100],
  ['quotes in quotes over many lines', (n) => FRONT + '> > Book a demo.\n'.repeat(n), 200],
  ['a long quoted paragraph', (n) => FRONT + '> Book a demo today.\n'.repeat(n), 200],
  ['a list nested by indentation', (n) => FRONT + Array.from({ length: n }, (_, i) => '  '.repeat(i % 40) + '- Book a demo').join('\n') + '\n', 200],
  // Support lines whose request is to get in touch (courtesy closers), and one followed by a run
  // of the words that soften a request (each could start a clause: "please just just ...").
  ['a paragraph of support lines', (n) => FRONT + 'If you have questions, contact us at a@b.co. '.repeat(n) + '\n', 500],
  ['a support line then a run of softeners', (n) => FRONT + 'If you have any questions, ' + 'just '.repeat(n) + 'wait.\n', 2000],
  ['a line of template tags', (n) => FRONT + '<% if a %> '.repeat(n) + '\n', 2000],
  ['"help us" with many means', (n) => FRONT + 'Help us ' + 'by sharing it '.repeat(n) + '\n', 2000],
  ['a link then many purpose clauses', (n) => FRONT + 'Visit [here](https://x.example) ' + 'to go to '.repeat(n) + '\n', 2000],
  ['colon lines before code blocks', (n) => FRONT + 'Run this:\n\n```\nx\n```\n\n'.repeat(n), 600],
  // A list of ways to help: the sentence above the list is read once, however long the list.
  ['a long list under a long sentence that offers it as ways to help', (n) => FRONT + 'We ship weekly and '.repeat(n) + 'you can still help:\n\n' + '- Report bugs - every report helps\n'.repeat(n), 300],
  ['sentences saying where the docs are', (n) => FRONT + 'The full documentation is at [docs](https://x.example/docs). '.repeat(n) + '\n', 500],
];

// Every rule of the lexicon, and the reader's candidates and filters, at n and 10n (issue 11): the
// labelled phrasings of test/support/ask-cases.ts (which the first test shows reach every ask rule
// of the lexicon) run together, as sentences of one paragraph and as clauses of one sentence, so
// that each phrasing, found or turned down, recurs n times where a per-match rescan would show.
const PHRASINGS = GROUPS.flatMap(([, cases]) => cases.map(([md]) => md.replace(/\n+/g, ' ').trim()));
// A workspace's phrasing (asks: and pressure: in .trustline.yaml) whose first word recurs without
// the rest: each try costs at most the phrase's length.
describe('workspace phrasings: linear', () => {
  const options: AnalyzeOptions = { force: true, settings: { asks: [{ phrase: 'grab a slot', class: 'meeting' }], pressure: ['act now or lose'] } };
  test('tried at every other word of one sentence', () => assertLinear((n) => FRONT + 'grab a act now or '.repeat(n) + 'slot.\n', 1000, options));
});

describe('every lexicon rule and the reader, on all the labelled phrasings: linear', () => {
  test('the labelled phrasings reach every ask rule of the lexicon', () => {
    const seen = new Set<string>();
    for (const md of PHRASINGS) for (const a of new Analyzer().analyze(md, { force: true, askModel: null }).asks) seen.add(/^([a-z-]+\.[a-z0-9-]+):/.exec(a.via)?.[1] ?? '');
    assert.deepEqual(DEFAULT_LEXICON_DATA.asks.map((r) => r.id).filter((id) => !seen.has(id)), []);
  });
  test('as sentences of one paragraph', () => assertLinear((n) => FRONT + Array.from({ length: n }, (_, i) => PHRASINGS[i % PHRASINGS.length]).join(' ') + '\n', PHRASINGS.length));
  test('as clauses of one sentence', () => assertLinear((n) => FRONT + Array.from({ length: n }, (_, i) => PHRASINGS[i % PHRASINGS.length]!.replace(/[.!?]+(?=\s|$)/g, ',')).join(' and ') + '.\n', PHRASINGS.length));
});

describe('ask reader: linear in the size of the draft', () => {
  for (const [name, make, n = 200] of CASES) {
    test(name, () => assertLinear(make, n));
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
    // A ratio over the bound is measured again, up to three times in all, as in assertLinear.
    time(sentence(50));
    const small = sentence(500);
    const large = sentence(5000);
    let message = '';
    for (let attempt = 0; attempt < 3; attempt++) {
      const a = time(small);
      const b = time(large);
      const ratio = b / Math.max(a, 0.05);
      if (ratio < BOUND) return;
      message += `${message ? '; then ' : ''}${ratio.toFixed(1)}x (${a.toFixed(1)} ms -> ${b.toFixed(1)} ms)`;
    }
    assert.fail(`10x the input took ${message}`);
  });
});

// A lexicon pattern that opens at the sentence start ("^ ~1 free trial $") is matched by trying
// only the positions up to the first letter or digit, with START taken off: the same first match,
// at or after any position, as the pattern with START scanned over the sentence.
describe('lexicon: a pattern at the sentence start', () => {
  test('the same first match as the scanned pattern, on fixed-seed random sentences', () => {
    const patterns = [`${START}(?:${GAP_WORD},?\\s+){0,1}(?<![${LN}])(?:free|book a)\\s+demo${END}`, `${START}(?:${GAP_WORD},?\\s+){0,3}or(?:\\s+${GAP_WORD},?){0,3}${END}`, `${START}`, `${START}(?:!+|x)`];
    const parts = ['free', 'demo', 'book a', 'or', ' ', '  ', '"', '&', '-', '!', '\uD83D', '🚀', '→', 'x', '.', ',', 'é', '1'];
    let seed = 5;
    const rnd = (k: number) => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return (seed >>> 8) % k;
    };
    for (const source of patterns) {
      const scanned = new RegExp(source, 'g');
      const sticky = startOnly(scanned)!;
      assert.ok(sticky);
      for (let i = 0; i < 3000; i++) {
        let s = '';
        for (let k = rnd(10); k > 0; k--) s += parts[rnd(parts.length)];
        const from = rnd(s.length + 1);
        scanned.lastIndex = from;
        const a = scanned.exec(s);
        const b = startMatch(sticky, s, from);
        assert.deepEqual(b && [b.index, b[0]], a && [a.index, a[0]], `${JSON.stringify(s)} from ${from}`);
      }
    }
  });
});
