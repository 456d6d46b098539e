// Incremental analysis: the language server keeps one Analyzer per document and calls it on
// every keystroke, re-parsing only the blocks that changed. These tests prove that is invisible:
// after any sequence of edits, one long-lived Analyzer gives exactly what a fresh one gives on
// the final text; an edit to one block re-parses that block only; and parsing the body block by
// block finds the same asks as parsing it whole, for every fixture.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { Analyzer, askSpan, type Analysis, type AnalyzeOptions } from '../../core/src/analyze';
import { chunkBody, parseBlock, parseBlocksInWindows, PARSE_WINDOW } from '../../core/src/blocks';
import { DRAFT_TYPES, makeDraft } from '../../bench/drafts';
import { splitFrontMatter } from '../../core/src/frontmatter';
import { defaultLexiconInstance } from '../../core/src/lexicon';
import { ROOT, fixtureFiles } from '../support/root';
import { rng } from '../support/rng';


interface Fixture {
  rel: string;
  text: string;
}

const fixtures: Fixture[] = fixtureFiles().map((file) => ({
  rel: path.relative(ROOT, file).split(path.sep).join('/'),
  text: fs.readFileSync(file, 'utf8'),
}));

// force: true, so that out-of-scope fixtures are analysed too and edits that remove `type:`
// do not turn the comparison into two skipped results.
const OPTIONS: AnalyzeOptions = { force: true };

/** Everything an analysis reports, minus the counters that differ by design between runs. */
function comparable(a: Analysis): unknown {
  const { parsedBlocks: _p, ...rest } = a;
  return rest;
}

function seedOf(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}

type Edit = { name: string; apply(text: string, rand: () => number): string };

function pick<T>(items: T[], rand: () => number): T | undefined {
  return items.length ? items[Math.floor(rand() * items.length)] : undefined;
}

/** Offsets of every line start in the body (after the front matter). */
function bodyLineStarts(text: string): number[] {
  const from = splitFrontMatter(text).bodyStart;
  const starts: number[] = [];
  for (let i = from; i < text.length; i++) if (i === from || text[i - 1] === '\n') starts.push(i);
  return starts;
}

const INSERTS = ['Book a demo. ', 'LAST CHANCE!!! ', ' and read the guide', 'é', '🚚 ', '\t', '**', '[Get the report](https://x.example/r) ', 'Worth a look? ', '- ', '> ', '`', '<!-- ', ' -->'];

const EDITS: Edit[] = [
  {
    name: 'insert characters in a block',
    apply(text, rand) {
      const starts = bodyLineStarts(text);
      const at = pick(starts, rand);
      if (at === undefined) return text + 'Read the teardown.';
      const lineEnd = text.indexOf('\n', at) === -1 ? text.length : text.indexOf('\n', at);
      const pos = at + Math.floor(rand() * (lineEnd - at + 1));
      // Never split a surrogate pair or a CRLF: the editor cannot do that either.
      const safe = /[\uDC00-\uDFFF\n]/.test(text[pos] ?? '') ? at : pos;
      return text.slice(0, safe) + pick(INSERTS, rand)! + text.slice(safe);
    },
  },
  {
    name: 'delete characters in a line',
    apply(text, rand) {
      const at = pick(bodyLineStarts(text), rand);
      if (at === undefined) return text;
      const lineEnd = text.indexOf('\n', at) === -1 ? text.length : text.indexOf('\n', at);
      const from = at + Math.floor(rand() * Math.max(1, lineEnd - at));
      const to = Math.min(lineEnd, from + 1 + Math.floor(rand() * 12));
      let s = from;
      let e = to;
      if (/[\uDC00-\uDFFF]/.test(text[s] ?? '')) s--;
      if (/[\uDC00-\uDFFF]/.test(text[e] ?? '')) e++;
      if (text[e - 1] === '\r') e--;
      return text.slice(0, s) + text.slice(e);
    },
  },
  {
    name: 'split a paragraph',
    apply(text, rand) {
      const from = splitFrontMatter(text).bodyStart;
      const spaces: number[] = [];
      for (let i = from; i < text.length; i++) if (text[i] === ' ' && text[i - 1] !== ' ') spaces.push(i);
      const at = pick(spaces, rand);
      return at === undefined ? text : text.slice(0, at) + '\n\n' + text.slice(at + 1);
    },
  },
  {
    name: 'merge two paragraphs',
    apply(text, rand) {
      const from = splitFrontMatter(text).bodyStart;
      const gaps: number[] = [];
      const re = /\S(\r?\n)[ \t]*\r?\n(?=\S)/g;
      re.lastIndex = from;
      let m: RegExpExecArray | null;
      while ((m = re.exec(text))) gaps.push(m.index + 1);
      const at = pick(gaps, rand);
      if (at === undefined) return text;
      const end = text.indexOf('\n', text.indexOf('\n', at) + 1) + 1;
      return text.slice(0, at) + ' ' + text.slice(end);
    },
  },
  {
    name: 'edit the front matter',
    apply(text, rand) {
      const options = [
        (t: string) => t.replace(/^(trust:[ \t]*)[^\r\n#]*/m, `$1${pick(['0', '1', '2', '3', '4', '5', '5+', 'banana', 'Interested', ''], rand)}`),
        (t: string) => t.replace(/^type:[^\r\n]*\r?\n/m, ''),
        (t: string) => t.replace(/^(---\r?\n)/, `$1channel: ${pick(['email', 'seo', 'champions', 'linkdin'], rand)}\n`),
        (t: string) => (t.startsWith('---') ? t : `---\ntype: email\ntrust: 1\n---\n\n${t}`),
        (t: string) => t.replace(/^---(\r?\n)/, 'type: email$1'), // break the opening fence
        (t: string) => t.replace(/(\r?\n)---(\r?\n)/, '$1$2'), // remove the closing fence
      ];
      return pick(options, rand)!(text);
    },
  },
];

describe('incremental analysis matches a fresh analysis', () => {
  for (const fx of fixtures) {
    test(fx.rel, () => {
      const rand = rng(seedOf(fx.rel));
      const analyzer = new Analyzer();
      let text = fx.text;
      analyzer.analyze(text, OPTIONS);
      const history: string[] = [];
      for (let step = 0; step < 12; step++) {
        const edit = EDITS[step % EDITS.length]!;
        text = edit.apply(text, rand);
        history.push(edit.name);
        const incremental = analyzer.analyze(text, OPTIONS);
        const fresh = new Analyzer().analyze(text, OPTIONS);
        assert.deepEqual(comparable(incremental), comparable(fresh), `${fx.rel}: differs after: ${history.join(' -> ')}`);
      }
    });
  }
});

describe('an edit re-parses only the blocks it touches', () => {
  const long = fixtures.find((f) => f.rel.endsWith('state-by-state-payroll-guide.md'))!;

  test('the long fixtures are there', () => {
    assert.ok(long, 'test/fixtures/lead-magnet/state-by-state-payroll-guide.md is missing');
    assert.ok(long.text.length > 15_000);
  });

  test('a character typed in one paragraph re-parses that paragraph', () => {
    const a = new Analyzer();
    const first = a.analyze(long.text, OPTIONS);
    // Identical blocks ("What catches teams out: no local income taxes.") are parsed once.
    assert.equal(first.parsedBlocks, distinctBlocks(long.text));
    assert.ok(first.totalBlocks > 100);
    const at = long.text.indexOf('What catches teams out: municipal income taxes');
    const edited = long.text.slice(0, at) + 'Note: ' + long.text.slice(at);
    const second = a.analyze(edited, OPTIONS);
    assert.equal(second.parsedBlocks, 1);
    assert.deepEqual(comparable(second), comparable(new Analyzer().analyze(edited, OPTIONS)));
  });

  test('analysing the same text again parses nothing', () => {
    const a = new Analyzer();
    a.analyze(long.text, OPTIONS);
    assert.equal(a.analyze(long.text, OPTIONS).parsedBlocks, 0);
  });

  test('splitting a paragraph re-parses the two halves only', () => {
    const a = new Analyzer();
    a.analyze(long.text, OPTIONS);
    const at = long.text.indexOf(' Unemployment insurance is registered with the Ohio');
    const split = long.text.slice(0, at) + '\n\n' + long.text.slice(at + 1);
    assert.equal(a.analyze(split, OPTIONS).parsedBlocks, 2);
  });

  test('merging two paragraphs re-parses the merged one only', () => {
    const a = new Analyzer();
    a.analyze(long.text, OPTIONS);
    const at = long.text.indexOf('\n\nWhat catches teams out: municipal income taxes');
    const merged = long.text.slice(0, at) + ' ' + long.text.slice(at + 2);
    assert.equal(a.analyze(merged, OPTIONS).parsedBlocks, 1);
  });

  test('editing the front matter re-parses no block', () => {
    const a = new Analyzer();
    a.analyze(long.text, OPTIONS);
    const edited = long.text.replace('trust: interested', 'trust: engaged');
    const r = a.analyze(edited, OPTIONS);
    assert.equal(r.parsedBlocks, 0);
    assert.equal(r.profile!.trust.value.level, 3);
  });

  test('a blank line typed inside a fenced code block re-parses that block only', () => {
    const fx = fixtures.find((f) => f.rel.endsWith('chunking-edge-cases.md'))!;
    const a = new Analyzer();
    const before = a.analyze(fx.text, OPTIONS);
    const at = fx.text.indexOf('def export_trial_balance');
    const edited = fx.text.slice(0, at) + '\n\n' + fx.text.slice(at);
    const after = a.analyze(edited, OPTIONS);
    assert.equal(after.parsedBlocks, 1);
    assert.equal(after.totalBlocks, before.totalBlocks);
  });

  test('changing the project phrasings re-parses everything (block results depend on the lexicon)', () => {
    const a = new Analyzer();
    a.analyze(long.text, OPTIONS);
    const r = a.analyze(long.text, { ...OPTIONS, settings: { asks: [{ phrase: 'payroll team will answer', class: 'engage' }] } });
    assert.equal(r.parsedBlocks, distinctBlocks(long.text));
  });
});

function distinctBlocks(text: string): number {
  return new Set(chunkBody(text, splitFrontMatter(text).bodyStart, text.length).map((c) => c.text)).size;
}

/** The asks of a body, as block-relative matches placed at absolute offsets. */
function asksOf(text: string, blocks: { start: number; text: string }[]): { start: number; end: number; class: string; inLink: boolean }[] {
  const lexicon = defaultLexiconInstance();
  const out: { start: number; end: number; class: string; inLink: boolean }[] = [];
  for (const b of blocks) {
    const r = parseBlock(b.text, lexicon);
    for (const u of r.units) {
      if (!u.match) continue;
      const span = askSpan(u.match, r, b.text);
      out.push({ start: b.start + u.match.start, end: b.start + span.end, class: u.match.class, inLink: span.inLink });
    }
  }
  return out.filter((a) => a.end <= text.length);
}

describe('parsing block by block finds the same asks as parsing the body whole', () => {
  for (const fx of fixtures) {
    // A reference link's definition usually sits in another block, so per block the link is
    // plain text (and blocks.ts records no link span for a linkReference at all): a known gap.
    const referenceLinks = /^\s{0,3}\[[^\]]+\]:\s*\S/m.test(fx.text);
    const options = referenceLinks ? { todo: 'blocks.ts: link reference definitions are not visible to other blocks, and a linkReference gets no link span' } : {};
    test(fx.rel, options, () => {
      const text = fx.text.charCodeAt(0) === 0xfeff ? fx.text.slice(1) : fx.text;
      const fm = splitFrontMatter(text);
      const whole = asksOf(text, [{ start: fm.bodyStart, text: text.slice(fm.bodyStart) }]);
      const chunked = asksOf(text, chunkBody(text, fm.bodyStart, text.length));
      assert.deepEqual(chunked, whole, `${fx.rel}: block-by-block parsing finds different asks`);
    });
  }

  test('the chunker keeps what must stay together in one block', () => {
    const text = [
      '- item one', '', '  continued after a blank line', '', '- item two',
      '', '```', 'code', '', 'more code', '```',
      '', '<!--', 'comment', '', 'still comment', '-->',
      '', 'paragraph', '    indented continuation? no: a paragraph line',
    ].join('\n');
    const chunks = chunkBody(text, 0, text.length).map((c) => c.text);
    assert.ok(chunks.some((c) => c.includes('item one') && c.includes('continued after a blank line')), 'list item continuation split');
    assert.ok(chunks.some((c) => c.includes('code') && c.includes('more code')), 'fenced code split');
    assert.ok(chunks.some((c) => c.includes('<!--') && c.includes('still comment') && c.includes('-->')), 'HTML comment split');
  });
});

describe('a long draft is read in windows exactly as block by block', () => {
  test('every block of a 20,000-word draft of each type reads the same in windows and alone', () => {
    const lexicon = defaultLexiconInstance();
    for (const type of DRAFT_TYPES) {
      const text = makeDraft(path.join(ROOT, 'examples'), type, 20000);
      const fm = splitFrontMatter(text);
      const chunks = chunkBody(text, fm.bodyStart, text.length);
      assert.ok(text.length > 4 * PARSE_WINDOW, `${type}: the draft spans several windows`);
      const windowed = parseBlocksInWindows(text, chunks, lexicon);
      let compared = 0;
      chunks.forEach((c, i) => {
        const w = windowed[i];
        if (w === undefined) return; // a block the batch hands back to be parsed alone
        assert.deepEqual(w, parseBlock(c.text, lexicon), `${type}: block ${i} reads differently in its window`);
        compared++;
      });
      assert.ok(compared > chunks.length * 0.9, `${type}: only ${compared} of ${chunks.length} blocks were read in windows`);
    }
  });
});
